// The client's plain model of the graph: API data merged and de-duplicated by id.
import type { Graph, GraphEdge, GraphNode } from "../../server/api/schemas.ts";

export interface GraphModel {
  nodes: Map<string, GraphNode>;
  edges: Map<string, GraphEdge>;
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
