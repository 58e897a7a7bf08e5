// Pure conversion of the model into Cytoscape element definitions (tested in Node).
import type { GraphEdge, GraphNode } from "../../server/api/schemas.ts";
import { type Lang, localName } from "./i18n.ts";
import { groupOf } from "./model.ts";

/** How a relationship type is drawn: referral solid, cooperation dashed, the rest quieter. */
export const EDGE_FAMILY: Record<string, "referral" | "cooperation" | "structure" | "change" | "workshop"> = {
  SIGNALS_TO: "referral",
  REFERS_VICTIM_TO: "referral",
  REPORTS_DATA_TO: "referral",
  PROPOSES_PERMIT_TO: "referral",
  COOPERATES_WITH: "cooperation",
  INVESTIGATES_WITH: "cooperation",
  COORDINATES: "cooperation",
  COUNTERPART_OF: "cooperation",
  SUPERVISED_BY: "structure",
  OPERATES: "structure",
  FUNDS: "structure",
  MEMBER_OF: "structure",
  ESTABLISHED_BY: "structure",
  GOVERNED_BY: "structure",
  LOCATED_IN: "structure",
  SUCCEEDED_BY: "change",
  TRANSFERRED_COMPETENCE_TO: "change",
  HOSTED: "workshop",
  CO_ORGANISED: "workshop",
  PRESENTED_AT: "workshop",
  PART_OF: "workshop",
  ATTENDED: "workshop",
  WORKS_FOR: "workshop",
};
/** Symmetric relationships get no arrowhead. */
const UNDIRECTED = new Set(["COUNTERPART_OF", "COOPERATES_WITH"]);

export interface NodeElement {
  group: "nodes";
  data: {
    id: string;
    label: string;
    name: string;
    kind: string;
    group: string;
    country: string;
    degree: number;
  };
  classes: string;
}
export interface EdgeElement {
  group: "edges";
  data: { id: string; source: string; target: string; type: string };
  classes: string;
}

/** The two ends of a relationship, in either direction: what Cytoscape bundles as parallel edges. */
function pairKey(edge: GraphEdge): string {
  return edge.source < edge.target ? `${edge.source} ${edge.target}` : `${edge.target} ${edge.source}`;
}

/** Nodes with fewer links than this keep their label only when zoomed in. */
export const MINOR_DEGREE = 3;

export function toElements(
  nodes: Iterable<GraphNode>,
  edges: Iterable<GraphEdge>,
  lang: Lang = "en",
): Array<NodeElement | EdgeElement> {
  const edgeList = [...edges];
  const degree = new Map<string, number>();
  const perPair = new Map<string, number>();
  for (const edge of edgeList) {
    degree.set(edge.source, (degree.get(edge.source) ?? 0) + 1);
    degree.set(edge.target, (degree.get(edge.target) ?? 0) + 1);
    perPair.set(pairKey(edge), (perPair.get(pairKey(edge)) ?? 0) + 1);
  }
  const nodeElements: NodeElement[] = [...nodes].map((node) => {
    const links = degree.get(node.id) ?? 0;
    const name = localName(node, lang);
    return {
      group: "nodes",
      data: {
        id: node.id,
        label: node.acronym ?? (node.kind === "Session" ? `S${String(node.order ?? "")}` : name),
        name,
        kind: node.kind,
        group: groupOf(node),
        country: node.country ?? "",
        degree: links,
      },
      classes: [
        node.kind.toLowerCase(),
        `group-${groupOf(node)}`,
        node.country && `country-${node.country.toLowerCase()}`,
        node.evidence === "inferred" && "inferred",
        node.validTo && "ended",
        links < MINOR_DEGREE && "minor",
      ]
        .filter(Boolean)
        .join(" "),
    };
  });
  const edgeElements: EdgeElement[] = edgeList.map((edge) => ({
    group: "edges",
    data: { id: edge.id, source: edge.source, target: edge.target, type: edge.type },
    classes: [
      edge.type.toLowerCase(),
      EDGE_FAMILY[edge.type] ?? "structure",
      UNDIRECTED.has(edge.type) ? "undirected" : "",
      edge.evidence === "inferred" ? "inferred" : "",
      (perPair.get(pairKey(edge)) ?? 0) > 1 || edge.source === edge.target ? "parallel" : "",
    ]
      .filter(Boolean)
      .join(" "),
  }));
  return [...nodeElements, ...edgeElements];
}
