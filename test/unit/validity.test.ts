import { describe, expect, it } from "vitest";
import { periodEnd, periodStart } from "../../seed/validity.ts";

describe("validity periods", () => {
  it.each([
    ["2008", "2008-01-01"],
    ["2013-05", "2013-05-01"],
    ["2023-10-29", "2023-10-29"],
    [undefined, undefined],
  ])("a period given as %s starts on %s", (date, start) => {
    expect(periodStart(date)).toBe(start);
  });

  it.each([
    ["2023-10-29", "2023-10-29"],
    ["2023", "2024-01-01"],
    ["2019-12", "2020-01-01"],
    ["2024-02", "2024-03-01"],
    [undefined, undefined],
  ])("a validity ending %s no longer holds from %s", (date, end) => {
    expect(periodEnd(date)).toBe(end);
  });
});
