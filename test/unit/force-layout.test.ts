import { describe, expect, it } from "vitest";
import {
  defaultIterations,
  type ForceEdge,
  type ForceNode,
  forceLayout,
} from "../../client/src/forceLayout.ts";
import { preferentialLinks, seededRandom } from "../setup/scaleFree.ts";

/** A preferential-attachment graph like the synthetic ecosystems: a few hubs, many small institutions. */
function graph(n: number, seed = 7): { nodes: ForceNode[]; edges: ForceEdge[] } {
  const random = seededRandom(seed);
  const nodes: ForceNode[] = Array.from({ length: n }, (_, i) => ({
    id: `n${i}`,
    x: random() * 1000,
    y: random() * 1000,
    size: 22 + Math.round(random() * 32),
  }));
  const edges: ForceEdge[] = preferentialLinks(n, 3, random).map(([i, j]) => ({
    source: `n${i}`,
    target: `n${j}`,
  }));
  return { nodes, edges };
}

type Point = { x: number; y: number };
const distance = (a: Point | undefined, b: Point | undefined) =>
  a && b ? Math.hypot(a.x - b.x, a.y - b.y) : Number.NaN;
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

describe("forceLayout", () => {
  const { nodes, edges } = graph(300);
  const positions = forceLayout(nodes, edges);

  it("places every node at a finite point", () => {
    expect(positions.size).toBe(nodes.length);
    for (const p of positions.values()) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
  });

  it("leaves no two nodes overlapping", () => {
    const overlaps: string[] = [];
    for (let i = 0; i < nodes.length; i++)
      for (let j = i + 1; j < nodes.length; j++) {
        const a = nodes[i] as ForceNode;
        const b = nodes[j] as ForceNode;
        const gap = distance(positions.get(a.id), positions.get(b.id)) - (a.size + b.size) / 2;
        if (gap < -0.5) overlaps.push(`${a.id}/${b.id}`);
      }
    expect(overlaps).toEqual([]);
  });

  it("keeps linked nodes closer than unrelated ones", () => {
    const linked = edges.map((e) => distance(positions.get(e.source), positions.get(e.target)));
    const unrelated = nodes
      .slice(0, 150)
      .map((a, i) => distance(positions.get(a.id), positions.get(`n${299 - i}`)));
    expect(median(linked)).toBeLessThan(median(unrelated) * 0.8);
  });

  it("is deterministic", () => {
    expect(forceLayout(nodes, edges)).toEqual(positions);
  });

  it("copes with no nodes, one node, nodes on one point, loops and unknown ends", () => {
    expect(forceLayout([], []).size).toBe(0);
    expect(forceLayout([{ id: "a", x: 5, y: 6, size: 20 }], []).get("a")).toEqual({ x: 5, y: 6 });
    const stacked = Array.from({ length: 20 }, (_, i) => ({ id: `s${i}`, x: 0, y: 0, size: 20 }));
    const apart = forceLayout(stacked, [
      { source: "s0", target: "s0" },
      { source: "s0", target: "missing" },
      { source: "s1", target: "s2" },
    ]);
    const points = [...apart.values()];
    for (const p of points) expect(Number.isFinite(p.x) && Number.isFinite(p.y)).toBe(true);
    expect(new Set(points.map((p) => `${Math.round(p.x)},${Math.round(p.y)}`)).size).toBe(20);
  });

  it("spends fewer iterations per node as graphs grow", () => {
    expect(defaultIterations(100)).toBe(400);
    expect(defaultIterations(1000)).toBeGreaterThan(defaultIterations(5000));
    expect(defaultIterations(100_000)).toBe(150);
  });
});
