// GraphML 1.0 written for Gephi. Gephi maps some key ids ("d3", "d7") and names ("label", "weight", "x") to its
// own properties, so data keys get opaque ids ("n0", "e0") and only the label keys are named "label".
import type { Graph } from "../api/schemas.ts";
import {
  type AttributeColumn,
  type AttributeType,
  describeExport,
  type ExportMeta,
  escapeXml,
  formatValue,
  nodeLabel,
  xmlEdgeColumns,
  xmlNodeColumns,
} from "./attributes.ts";

const GRAPHML_TYPES: Readonly<Record<AttributeType, string>> = {
  string: "string",
  "string-list": "string",
  integer: "long",
  double: "double",
  boolean: "boolean",
};

const NODE_LABEL_KEY = "node_label";
const EDGE_LABEL_KEY = "edge_label";

function keyLine(id: string, forClass: "node" | "edge", name: string, type: AttributeType): string {
  return `  <key id="${id}" for="${forClass}" attr.name="${escapeXml(name)}" attr.type="${GRAPHML_TYPES[type]}"/>`;
}

function dataLine(key: string, text: string): string {
  return `      <data key="${key}">${escapeXml(text)}</data>`;
}

function dataLines(element: Readonly<Record<string, unknown>>, columns: AttributeColumn[], prefix: string) {
  const lines: string[] = [];
  for (const [index, column] of columns.entries()) {
    const text = formatValue(element[column.name]);
    if (text !== undefined) lines.push(dataLine(`${prefix}${index}`, text));
  }
  return lines;
}

export function toGraphML(graph: Graph, meta: ExportMeta): string {
  const nodeColumns = xmlNodeColumns(graph.nodes);
  const edgeColumns = xmlEdgeColumns(graph.edges);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns"' +
      ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"' +
      ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns' +
      ' http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
    `  <desc>${escapeXml(describeExport(graph, meta))}</desc>`,
    keyLine(NODE_LABEL_KEY, "node", "label", "string"),
    ...nodeColumns.map((column, index) => keyLine(`n${index}`, "node", column.name, column.type)),
    keyLine(EDGE_LABEL_KEY, "edge", "label", "string"),
    ...edgeColumns.map((column, index) => keyLine(`e${index}`, "edge", column.name, column.type)),
    '  <graph id="G" edgedefault="directed">',
  ];
  for (const node of graph.nodes) {
    lines.push(
      `    <node id="${escapeXml(node.id)}">`,
      dataLine(NODE_LABEL_KEY, nodeLabel(node)),
      ...dataLines(node, nodeColumns, "n"),
      "    </node>",
    );
  }
  for (const edge of graph.edges) {
    lines.push(
      `    <edge id="${escapeXml(edge.id)}" source="${escapeXml(edge.source)}" target="${escapeXml(edge.target)}">`,
      dataLine(EDGE_LABEL_KEY, edge.type),
      ...dataLines(edge, edgeColumns, "e"),
      "    </edge>",
    );
  }
  lines.push("  </graph>", "</graphml>", "");
  return lines.join("\n");
}
