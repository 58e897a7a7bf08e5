// GEXF 1.3, Gephi's own format. The edge's XML `type` means direction in GEXF, so the relationship type goes in
// `label` (shown on the edge), `kind` (keeps parallel edges of different types apart) and a `type` attribute.
import type { Graph } from "../api/schemas.ts";
import {
  type AttributeColumn,
  type AttributeType,
  describeExport,
  type ExportMeta,
  escapeXml,
  formatValue,
  isoDay,
  nodeLabel,
  xmlEdgeColumns,
  xmlNodeColumns,
} from "./attributes.ts";

export const GEXF_CREATOR = "THB ecosystem explorer";

const GEXF_TYPES: Readonly<Record<AttributeType, string>> = {
  string: "string",
  "string-list": "string",
  integer: "long",
  double: "double",
  boolean: "boolean",
};

// `label` and `kind` are xsd:token in the schema: no line breaks, no runs of spaces.
function token(text: string): string {
  return escapeXml(text.replace(/\s+/g, " ").trim());
}

function attributesBlock(forClass: "node" | "edge", columns: AttributeColumn[], prefix: string): string[] {
  if (columns.length === 0) return [];
  return [
    `    <attributes class="${forClass}">`,
    ...columns.map(
      (column, index) =>
        `      <attribute id="${prefix}${index}" title="${escapeXml(column.name)}" type="${GEXF_TYPES[column.type]}"/>`,
    ),
    "    </attributes>",
  ];
}

function attvalues(element: Readonly<Record<string, unknown>>, columns: AttributeColumn[], prefix: string) {
  const values: string[] = [];
  for (const [index, column] of columns.entries()) {
    const text = formatValue(element[column.name]);
    if (text !== undefined)
      values.push(`          <attvalue for="${prefix}${index}" value="${escapeXml(text)}"/>`);
  }
  return values.length === 0 ? [] : ["        <attvalues>", ...values, "        </attvalues>"];
}

export function toGEXF(graph: Graph, meta: ExportMeta): string {
  const nodeColumns = xmlNodeColumns(graph.nodes);
  const edgeColumns = xmlEdgeColumns(graph.edges);
  const day = isoDay(meta.generatedAt);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<gexf xmlns="http://gexf.net/1.3" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">',
    day === undefined ? "  <meta>" : `  <meta lastmodifieddate="${day}">`,
    `    <creator>${escapeXml(GEXF_CREATOR)}</creator>`,
    `    <description>${escapeXml(describeExport(graph, meta))}</description>`,
    "  </meta>",
    '  <graph defaultedgetype="directed">',
    ...attributesBlock("node", nodeColumns, "n"),
    ...attributesBlock("edge", edgeColumns, "e"),
    `    <nodes count="${graph.nodes.length}">`,
  ];
  for (const node of graph.nodes) {
    const values = attvalues(node, nodeColumns, "n");
    const open = `      <node id="${escapeXml(node.id)}" label="${token(nodeLabel(node))}"`;
    lines.push(...(values.length === 0 ? [`${open}/>`] : [`${open}>`, ...values, "      </node>"]));
  }
  lines.push("    </nodes>", `    <edges count="${graph.edges.length}">`);
  for (const edge of graph.edges) {
    const values = attvalues(edge, edgeColumns, "e");
    const open =
      `      <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}"` +
      ` target="${escapeXml(edge.target)}" label="${token(edge.type)}" kind="${token(edge.type)}"`;
    lines.push(...(values.length === 0 ? [`${open}/>`] : [`${open}>`, ...values, "      </edge>"]));
  }
  lines.push("    </edges>", "  </graph>", "</gexf>", "");
  return lines.join("\n");
}
