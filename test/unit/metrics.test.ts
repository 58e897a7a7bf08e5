import { describe, expect, it, vi } from "vitest";
import { createMetricsCache } from "../../server/metrics/metricsCache.ts";
import { computeReferralMetrics, type MetricsInput } from "../../server/metrics/referralMetrics.ts";

const institution = (id: string) => ({ id, kind: "Institution" });
let edgeCount = 0;
const edge = (source: string, target: string, type = "REFERS_VICTIM_TO") => ({
  id: `e${edgeCount++}`,
  source,
  target,
  type,
});
const rowOf = (input: MetricsInput, id: string) =>
  computeReferralMetrics(input).metrics.find((r) => r.id === id);

const chain: MetricsInput = {
  nodes: ["a", "b", "c"].map(institution),
  edges: [edge("a", "b"), edge("b", "c")],
};

// Two triangles that never touch, plus one institution with no referral links at all.
const twoClusters: MetricsInput = {
  nodes: ["a", "b", "c", "x", "y", "z", "lonely"].map(institution),
  edges: [
    edge("a", "b", "COOPERATES_WITH"),
    edge("b", "c", "SIGNALS_TO"),
    edge("c", "a", "FUNDS"),
    edge("x", "y", "COORDINATES"),
    edge("y", "z", "MEMBER_OF"),
    edge("z", "x", "OPERATES"),
  ],
};

describe("computeReferralMetrics", () => {
  it("counts in, out and total degree, parallel links of different types included", () => {
    const input: MetricsInput = { ...chain, edges: [...chain.edges, edge("a", "b", "SIGNALS_TO")] };
    const { metrics } = computeReferralMetrics(input);
    expect(
      metrics.map(({ id, inDegree, outDegree, degree }) => ({ id, inDegree, outDegree, degree })),
    ).toEqual([
      { id: "a", inDegree: 0, outDegree: 2, degree: 2 },
      { id: "b", inDegree: 2, outDegree: 1, degree: 3 },
      { id: "c", inDegree: 1, outDegree: 0, degree: 1 },
    ]);
  });

  it("gives the middle of a chain the highest, normalised betweenness", () => {
    const byId = Object.fromEntries(computeReferralMetrics(chain).metrics.map((r) => [r.id, r.betweenness]));
    // One ordered pair (a, c) of the 2·1 possible passes through b.
    expect(byId).toEqual({ a: 0, b: 0.5, c: 0 });
  });

  it("finds two communities in two separate clusters and leaves an isolated institution on its own", () => {
    const result = computeReferralMetrics(twoClusters);
    const community = Object.fromEntries(result.metrics.map((r) => [r.id, r.community]));
    expect(result.communities).toBe(3);
    // Numbered by size, then by smallest member id.
    expect(community).toEqual({ a: 0, b: 0, c: 0, x: 1, y: 1, z: 1, lonely: 2 });
    expect(rowOf(twoClusters, "lonely")).toEqual({
      id: "lonely",
      inDegree: 0,
      outDegree: 0,
      degree: 0,
      betweenness: 0,
      community: 2,
    });
  });

  it("ignores non-referral types, non-institution nodes, self-loops, unknown ends and repeated edge ids", () => {
    const noisy: MetricsInput = {
      nodes: [...chain.nodes, { id: "session1", kind: "Session" }, { id: "law", kind: "Document" }],
      edges: [
        ...chain.edges,
        edge("a", "c", "SUCCEEDED_BY"),
        edge("a", "session1", "PRESENTED_AT"),
        edge("law", "b", "REFERS_VICTIM_TO"),
        edge("b", "b", "COOPERATES_WITH"),
        edge("a", "ghost", "SIGNALS_TO"),
        { ...(chain.edges[0] as MetricsInput["edges"][number]) },
      ],
    };
    expect(computeReferralMetrics(noisy)).toEqual(computeReferralMetrics(chain));
    expect(computeReferralMetrics(noisy).metrics.map((r) => r.id)).toEqual(["a", "b", "c"]);
  });

  it("returns the same result on every run and whatever the input order", () => {
    const first = computeReferralMetrics(twoClusters);
    const shuffled: MetricsInput = {
      nodes: [...twoClusters.nodes].reverse(),
      edges: [...twoClusters.edges].reverse(),
    };
    expect(computeReferralMetrics(twoClusters)).toEqual(first);
    expect(computeReferralMetrics(shuffled)).toEqual(first);
    // A ring has many equally good partitions: unseeded Louvain picks a different one from run to run.
    const ids = Array.from({ length: 12 }, (_, i) => `n${String(i).padStart(2, "0")}`);
    const ring: MetricsInput = {
      nodes: ids.map(institution),
      edges: ids.map((id, i) => edge(id, ids[(i + 1) % ids.length] ?? id, "COOPERATES_WITH")),
    };
    const runs = Array.from({ length: 10 }, () => JSON.stringify(computeReferralMetrics(ring)));
    expect(new Set(runs).size).toBe(1);
  });

  it("handles a graph without referral links and one without institutions", () => {
    const alone = computeReferralMetrics({ nodes: ["b", "a"].map(institution), edges: [] });
    expect(alone.metrics.map((r) => [r.id, r.degree, r.betweenness, r.community])).toEqual([
      ["a", 0, 0, 0],
      ["b", 0, 0, 1],
    ]);
    expect(computeReferralMetrics({ nodes: [], edges: [] })).toMatchObject({ metrics: [], communities: 0 });
  });

  it("explains every metric in one line", () => {
    const { explanations } = computeReferralMetrics(chain);
    expect(Object.keys(explanations).sort()).toEqual([
      "betweenness",
      "community",
      "degree",
      "inDegree",
      "outDegree",
    ]);
    for (const line of Object.values(explanations)) expect(line).toMatch(/^[A-Z][^\n]+\.$/);
  });
});

describe("createMetricsCache", () => {
  const load = () => Promise.resolve(3);

  it("computes once per version and again when the version changes", async () => {
    const compute = vi.fn((n: number) => n * 2);
    const cache = createMetricsCache(compute);
    await expect(cache.get("v1", load)).resolves.toBe(6);
    await expect(cache.get("v1", load)).resolves.toBe(6);
    expect(compute).toHaveBeenCalledTimes(1);
    await expect(cache.get("v2", () => Promise.resolve(5))).resolves.toBe(10);
    expect(compute).toHaveBeenCalledTimes(2);
  });

  it("shares one computation between concurrent callers", async () => {
    const compute = vi.fn((n: number) => n + 1);
    const loader = vi.fn(load);
    const cache = createMetricsCache(compute);
    const results = await Promise.all([
      cache.get("v1", loader),
      cache.get("v1", loader),
      cache.get("v1", loader),
    ]);
    expect(results).toEqual([4, 4, 4]);
    expect(loader).toHaveBeenCalledTimes(1);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it("does not cache a failed load or computation", async () => {
    const compute = vi.fn((n: number) => {
      if (compute.mock.calls.length === 1) throw new Error("compute failed");
      return n;
    });
    const cache = createMetricsCache(compute);
    await expect(cache.get("v1", () => Promise.reject(new Error("load failed")))).rejects.toThrow(
      "load failed",
    );
    await expect(cache.get("v1", load)).rejects.toThrow("compute failed");
    await expect(cache.get("v1", load)).resolves.toBe(3);
    expect(compute).toHaveBeenCalledTimes(2);
  });
});
