import { DirectedGraph, UndirectedGraph } from "graphology";
import louvain from "graphology-communities-louvain";
import betweennessCentrality from "graphology-metrics/centrality/betweenness.js";
import { REFERRAL_TYPES } from "../api/schemas.ts";

/** Relationship types that move a case, a signal, data or money between institutions. */
/** Relationship types that move a case, a signal, data or money between institutions (one list, in the API contract). */
export { REFERRAL_TYPES };

export interface MetricsInput {
  nodes: Array<{ id: string; kind: string }>;
  edges: Array<{ id: string; source: string; target: string; type: string }>;
}

export type MetricName = "inDegree" | "outDegree" | "degree" | "betweenness" | "community";

export interface InstitutionMetrics {
  id: string;
  inDegree: number;
  outDegree: number;
  degree: number;
  betweenness: number;
  community: number;
}

export interface ReferralMetrics {
  metrics: InstitutionMetrics[];
  communities: number;
  explanations: Record<MetricName, string>;
}

export const METRIC_EXPLANATIONS: Record<MetricName, string> = {
  inDegree:
    "In-degree: how many referral links arrive at an institution — cases, signals, data or money it receives.",
  outDegree:
    "Out-degree: how many referral links leave an institution — cases, signals, data or money it sends on.",
  degree: "Degree: all referral links an institution takes part in, incoming plus outgoing.",
  betweenness:
    "Betweenness: how often an institution lies on the shortest referral route between two others — a broker or bottleneck.",
  community:
    "Community: a group of institutions more densely linked to each other than to the rest (Louvain); numbered from the largest.",
};

const REFERRAL_TYPE_SET: ReadonlySet<string> = new Set(REFERRAL_TYPES);
// Any fixed seed will do: it only has to make Louvain's random visiting order repeatable.
const LOUVAIN_SEED = 0x7468b;

interface ReferralEdge {
  id: string;
  source: string;
  target: string;
}

/** Institution ids (sorted) and the referral edges between them, de-duplicated by id, self-loops dropped. */
function referralSubgraph(input: MetricsInput): { ids: string[]; edges: ReferralEdge[] } {
  const ids = [...new Set(input.nodes.filter((n) => n.kind === "Institution").map((n) => n.id))].sort();
  const institutions = new Set(ids);
  const byId = new Map<string, ReferralEdge>();
  for (const e of input.edges) {
    const keep =
      REFERRAL_TYPE_SET.has(e.type) &&
      e.source !== e.target &&
      institutions.has(e.source) &&
      institutions.has(e.target);
    if (keep && !byId.has(e.id)) byId.set(e.id, { id: e.id, source: e.source, target: e.target });
  }
  // Sorted so graph insertion order, and with it every result, ignores the order the data came in.
  const edges = [...byId.values()].sort((a, b) => compare(a.id, b.id));
  return { ids, edges };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Tiny seeded PRNG (mulberry32), so Louvain returns the same partition on every run. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Normalised directed betweenness; parallel edges collapse because a route counts institutions, not links. */
function betweenness(ids: string[], edges: ReferralEdge[]): Record<string, number> {
  if (ids.length === 0) return {}; // graphology's Brandes index cannot be built for an empty graph
  const graph = new DirectedGraph();
  for (const id of ids) graph.addNode(id);
  for (const e of edges) graph.mergeEdge(e.source, e.target);
  return betweennessCentrality(graph, { normalized: true, getEdgeWeight: null });
}

/** Louvain on the undirected projection (link direction says little about who works with whom), weighted by link count. */
function communities(ids: string[], edges: ReferralEdge[]): Map<string, number> {
  const graph = new UndirectedGraph<Record<string, unknown>, { weight: number }>();
  for (const id of ids) graph.addNode(id);
  for (const e of edges) {
    graph.updateEdge(e.source, e.target, (attr) => ({ weight: (attr.weight ?? 0) + 1 }));
  }
  const raw = louvain(graph, { getEdgeWeight: "weight", rng: mulberry32(LOUVAIN_SEED) });
  return renumberCommunities(ids, raw);
}

/** Renumbers 0..n-1 by descending size, then smallest member id, so numbers do not depend on Louvain internals. */
function renumberCommunities(ids: string[], raw: Record<string, number>): Map<string, number> {
  const members = new Map<string, string[]>();
  for (const id of ids) {
    const label = raw[id] === undefined ? `alone:${id}` : `louvain:${raw[id]}`;
    const group = members.get(label) ?? [];
    group.push(id); // ids are sorted, so group[0] is the smallest member
    members.set(label, group);
  }
  const ordered = [...members.values()].sort(
    (a, b) => b.length - a.length || compare(a[0] ?? "", b[0] ?? ""),
  );
  const result = new Map<string, number>();
  ordered.forEach((group, index) => {
    for (const id of group) result.set(id, index);
  });
  return result;
}

export function computeReferralMetrics(input: MetricsInput): ReferralMetrics {
  const { ids, edges } = referralSubgraph(input);
  const inDegree = new Map<string, number>();
  const outDegree = new Map<string, number>();
  for (const e of edges) {
    outDegree.set(e.source, (outDegree.get(e.source) ?? 0) + 1);
    inDegree.set(e.target, (inDegree.get(e.target) ?? 0) + 1);
  }
  const centrality = betweenness(ids, edges);
  const community = communities(ids, edges);
  const metrics = ids.map((id) => {
    const inCount = inDegree.get(id) ?? 0;
    const outCount = outDegree.get(id) ?? 0;
    return {
      id,
      inDegree: inCount,
      outDegree: outCount,
      degree: inCount + outCount,
      betweenness: centrality[id] ?? 0,
      community: community.get(id) ?? 0,
    };
  });
  return { metrics, communities: new Set(community.values()).size, explanations: { ...METRIC_EXPLANATIONS } };
}
