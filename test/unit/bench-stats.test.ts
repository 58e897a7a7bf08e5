import { describe, expect, it } from "vitest";
import { percentile, round, summarize, summarizeRate } from "../../bench/lib/stats.ts";

describe("benchmark statistics", () => {
  it("takes nearest-rank percentiles", () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 100..1, unsorted on purpose
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile([7], 95)).toBe(7);
    expect(percentile([], 50)).toBeNaN();
  });

  it("summarises runs of any length (a load run holds hundreds of thousands of latencies)", () => {
    const many = Array.from({ length: 500_000 }, (_, i) => i % 1000);
    expect(summarize(many)).toEqual({ median: 499, p95: 949, min: 0, max: 999, n: 500_000 });
    expect(summarize([])).toMatchObject({ n: 0, min: Number.NaN, max: Number.NaN });
  });

  it("reports the unfavourable side of rates as their p95: the 5th percentile", () => {
    const fps = Array.from({ length: 20 }, (_, i) => 40 + i);
    expect(summarizeRate(fps)).toMatchObject({ median: 49, p95: 40 });
  });

  it("rounds to 3 significant digits below 100 and to whole numbers above", () => {
    expect(round(1.23456)).toBe(1.23);
    expect(round(0.0123456)).toBe(0.0123);
    expect(round(1234.5)).toBe(1235);
  });
});
