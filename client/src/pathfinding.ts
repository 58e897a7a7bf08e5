// Shortest referral paths in the client (path finder, what-if, offline build): up to k simple paths of
// increasing length between two nodes, over chosen relationship types, avoiding unavailable nodes.
import type { GraphEdge } from "../../server/api/schemas.ts";

export interface PathOptions {
  types: readonly string[];
  directed: boolean;
  maxHops: number;
  k: number;
  /** Nodes a path may not pass through (what-if: marked unavailable). */
  exclude?: ReadonlySet<string>;
}

export interface FoundPath {
  nodes: string[];
  edges: GraphEdge[];
}

/** Breadth-first over partial paths, so paths come out shortest first; bounded by maxHops and a work cap. */
export function findPaths(
  edges: Iterable<GraphEdge>,
  from: string,
  to: string,
  options: PathOptions,
): FoundPath[] {
  const exclude = options.exclude ?? new Set<string>();
  if (from === to || exclude.has(from) || exclude.has(to)) return [];
  const types = new Set(options.types);
  const next = new Map<string, Array<{ node: string; edge: GraphEdge }>>();
  const link = (a: string, b: string, edge: GraphEdge) => {
    const list = next.get(a) ?? [];
    list.push({ node: b, edge });
    next.set(a, list);
  };
  for (const edge of edges) {
    if (!types.has(edge.type) || edge.source === edge.target) continue;
    link(edge.source, edge.target, edge);
    if (!options.directed) link(edge.target, edge.source, edge);
  }
  for (const list of next.values())
    list.sort((x, y) => x.node.localeCompare(y.node) || x.edge.id.localeCompare(y.edge.id));
  const found: FoundPath[] = [];
  const seenShapes = new Set<string>();
  let queue: FoundPath[] = [{ nodes: [from], edges: [] }];
  let work = 0;
  for (let hops = 1; hops <= options.maxHops && queue.length > 0 && found.length < options.k; hops += 1) {
    const following: FoundPath[] = [];
    for (const path of queue) {
      const last = path.nodes[path.nodes.length - 1] as string;
      for (const step of next.get(last) ?? []) {
        if (++work > 200_000) return found;
        if (path.nodes.includes(step.node) || exclude.has(step.node)) continue;
        const extended = { nodes: [...path.nodes, step.node], edges: [...path.edges, step.edge] };
        if (step.node === to) {
          // Parallel links of another type make the same route: count each route of nodes once.
          const shape = extended.nodes.join(">");
          if (!seenShapes.has(shape)) {
            seenShapes.add(shape);
            found.push(extended);
            if (found.length >= options.k) return found;
          }
        } else {
          following.push(extended);
        }
      }
    }
    queue = following;
  }
  return found;
}

/** The path finder's answer for a view: up to three routes between `from` and `to`, avoiding unavailable nodes. */
export function pathsForView(
  edges: Iterable<GraphEdge>,
  view: { from: string | null; to: string | null; via: string[] | null; unavailable: string[] | null },
  defaultTypes: readonly string[],
): FoundPath[] {
  if (!view.from || !view.to) return [];
  return findPaths(edges, view.from, view.to, {
    types: view.via ?? defaultTypes,
    directed: false,
    maxHops: 6,
    k: 3,
    exclude: new Set(view.unavailable ?? []),
  });
}
