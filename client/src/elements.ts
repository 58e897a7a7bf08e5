// Pure conversion of the model into Cytoscape element definitions (tested in Node).
import type { GraphModel } from "./model.ts";
import { displayName } from "./model.ts";

export interface NodeElement {
  group: "nodes";
  data: { id: string; label: string; kind: string; category: string; country: string };
  classes: string;
}
export interface EdgeElement {
  group: "edges";
  data: { id: string; source: string; target: string; type: string };
  classes: string;
}

export function toElements(model: GraphModel): Array<NodeElement | EdgeElement> {
  const nodes: NodeElement[] = [...model.nodes.values()].map((node) => ({
    group: "nodes",
    data: {
      id: node.id,
      label: displayName(node),
      kind: node.kind,
      category: node.category ?? node.kind.toLowerCase(),
      country: node.country ?? "",
    },
    classes: [node.kind.toLowerCase(), node.category, node.country && `country-${node.country.toLowerCase()}`]
      .filter(Boolean)
      .join(" "),
  }));
  const edges: EdgeElement[] = [...model.edges.values()].map((edge) => ({
    group: "edges",
    data: { id: edge.id, source: edge.source, target: edge.target, type: edge.type },
    classes: [edge.type.toLowerCase(), edge.evidence === "inferred" ? "inferred" : ""]
      .filter(Boolean)
      .join(" "),
  }));
  return [...nodes, ...edges];
}
