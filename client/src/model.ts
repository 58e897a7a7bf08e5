// The client's plain model of the graph: API data merged and de-duplicated by id, and the pure questions the
// panels ask of it (which elements the filters let through, live counts, neighbours).
import type { Graph, GraphEdge, GraphNode } from "../../server/api/schemas.ts";
import { validAt } from "./timeline.ts";

export interface GraphModel {
  nodes: Map<string, GraphNode>;
  edges: Map<string, GraphEdge>;
}

export interface Filters {
  groups: string[] | null;
  countries: string[] | null;
  types: string[] | null;
  /** Only what held on this day (time travel). */
  at?: string | null;
  /** What held on either day (compare mode). */
  compare?: [string, string] | null;
}

function inTime(element: Pick<GraphNode, "validFrom" | "validTo">, filters: Filters): boolean {
  if (filters.compare) return validAt(element, filters.compare[0]) || validAt(element, filters.compare[1]);
  return !filters.at || validAt(element, filters.at);
}

export function emptyModel(): GraphModel {
  return { nodes: new Map(), edges: new Map() };
}

/** Merges a graph answer into the model; edges whose ends are unknown are left out. */
export function mergeGraph(model: GraphModel, graph: Pick<Graph, "nodes" | "edges">): GraphModel {
  const nodes = new Map(model.nodes);
  for (const node of graph.nodes) nodes.set(node.id, { ...nodes.get(node.id), ...node });
  const edges = new Map(model.edges);
  for (const edge of graph.edges) {
    if (nodes.has(edge.source) && nodes.has(edge.target))
      edges.set(edge.id, { ...edges.get(edge.id), ...edge });
  }
  return { nodes, edges };
}

export function displayName(node: GraphNode): string {
  return node.acronym ?? node.name ?? node.title ?? node.id;
}

/** The legend group of a node: an institution's category, or its kind (workshop, session, person). */
export function groupOf(node: GraphNode): string {
  return node.kind === "Institution" && node.category ? node.category : node.kind.toLowerCase();
}

const passes = (allowed: string[] | null, value: string | undefined) =>
  allowed === null || value === undefined || allowed.includes(value);

export function nodePasses(node: GraphNode, filters: Filters, ignore?: "groups" | "countries"): boolean {
  return (
    inTime(node, filters) &&
    (ignore === "groups" || passes(filters.groups, groupOf(node))) &&
    (ignore === "countries" || node.kind !== "Institution" || passes(filters.countries, node.country))
  );
}

/** The nodes and edges the filters let through (an edge needs both ends and its type). */
export function visibleElements(
  model: GraphModel,
  filters: Filters,
): { nodes: GraphNode[]; edges: GraphEdge[] } {
  const nodes = [...model.nodes.values()].filter((node) => nodePasses(node, filters));
  const ids = new Set(nodes.map((n) => n.id));
  const edges = [...model.edges.values()].filter(
    (edge) =>
      ids.has(edge.source) &&
      ids.has(edge.target) &&
      passes(filters.types, edge.type) &&
      inTime(edge, filters),
  );
  return { nodes, edges };
}

export interface FilterCounts {
  groups: Map<string, number>;
  countries: Map<string, number>;
  types: Map<string, number>;
}

/** Live counts: how many elements each filter value would show, given the other filters. */
export function filterCounts(model: GraphModel, filters: Filters): FilterCounts {
  const groups = new Map<string, number>();
  const countries = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string, by: number) => map.set(key, (map.get(key) ?? 0) + by);
  for (const node of model.nodes.values()) {
    bump(groups, groupOf(node), nodePasses(node, filters, "groups") ? 1 : 0);
    if (node.kind === "Institution" && node.country) {
      bump(countries, node.country, nodePasses(node, filters, "countries") ? 1 : 0);
    }
  }
  const visible = new Set(visibleElements(model, { ...filters, types: null }).nodes.map((n) => n.id));
  const types = new Map<string, number>();
  for (const edge of model.edges.values()) {
    bump(types, edge.type, visible.has(edge.source) && visible.has(edge.target) ? 1 : 0);
  }
  return { groups, countries, types };
}

/** Ids of the nodes linked to `id` by the given edges, in a stable order. */
export function neighbourIds(edges: Iterable<GraphEdge>, id: string): string[] {
  const out = new Set<string>();
  for (const edge of edges) {
    if (edge.source === id) out.add(edge.target);
    else if (edge.target === id) out.add(edge.source);
  }
  return [...out].sort();
}
