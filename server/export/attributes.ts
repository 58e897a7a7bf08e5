// What every export format shares: the attributes each element class carries (one type per attribute), how a
// value becomes text, the graph-level description, and XML escaping for the two XML formats.
import type { Graph } from "../api/schemas.ts";

/** Graph-level facts every export carries. */
export type ExportMeta = { title: string; generatedAt: string; sourceNote: string };

export type AttributeType = "string" | "integer" | "double" | "boolean" | "string-list";
export type AttributeColumn = { name: string; type: AttributeType };
type Element = Readonly<Record<string, unknown>>;

// Gephi cannot read list attributes reliably, so lists travel as one string and are declared as strings.
export const LIST_SEPARATOR = "; ";

const NODE_LEADING = ["id", "kind", "name"];
const EDGE_LEADING = ["id", "source", "target", "type"];

function typeOf(value: unknown): AttributeType | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return "string-list";
  if (typeof value === "boolean") return "boolean";
  if (typeof value === "number") return Number.isInteger(value) ? "integer" : "double";
  return "string";
}

// One column, one type: mixed numbers widen to double, any other mix falls back to text.
function widen(a: AttributeType, b: AttributeType): AttributeType {
  if (a === b) return a;
  if ((a === "integer" && b === "double") || (a === "double" && b === "integer")) return "double";
  return a === "string-list" || b === "string-list" ? "string-list" : "string";
}

// Code-unit order, not localeCompare: the same graph must give the same file on every machine.
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Union of the attribute keys of `elements`, `leading` keys first in that order, the rest alphabetical. */
export function collectAttributes(
  elements: readonly Element[],
  leading: readonly string[],
  required: readonly string[] = [],
): AttributeColumn[] {
  const types = new Map<string, AttributeType>(required.map((name) => [name, "string"]));
  for (const element of elements) {
    for (const [name, value] of Object.entries(element)) {
      const type = typeOf(value);
      if (type === undefined) continue;
      const known = types.get(name);
      types.set(name, known === undefined ? type : widen(known, type));
    }
  }
  const rank = (name: string) => (leading.includes(name) ? leading.indexOf(name) : leading.length);
  return [...types.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || byCodeUnit(a, b))
    .map(([name, type]) => ({ name, type }));
}

export function nodeAttributes(nodes: readonly Element[]): AttributeColumn[] {
  return collectAttributes(nodes, NODE_LEADING, ["id", "kind"]);
}

export function edgeAttributes(edges: readonly Element[]): AttributeColumn[] {
  return collectAttributes(edges, EDGE_LEADING, ["id", "source", "target", "type"]);
}

/** Node attributes the XML formats carry as data: `id` is the element's own id, `label` its label. */
export function xmlNodeColumns(nodes: readonly Element[]): AttributeColumn[] {
  return nodeAttributes(nodes).filter((column) => column.name !== "id" && column.name !== "label");
}

/** Edge attributes the XML formats carry as data: id and endpoints are the element's own XML attributes. */
export function xmlEdgeColumns(edges: readonly Element[]): AttributeColumn[] {
  return edgeAttributes(edges).filter((column) => !["id", "source", "target"].includes(column.name));
}

/** The text of one attribute value; undefined when the attribute is missing. */
export function formatValue(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) {
    return value
      .map((item: unknown) => formatValue(item))
      .filter((item) => item !== undefined)
      .join(LIST_SEPARATOR);
  }
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint")
    return String(value);
  return JSON.stringify(value) ?? String(value);
}

/** What a graph tool should show on a node: its own label, else acronym, name, title, id. */
export function nodeLabel(node: Element): string {
  for (const key of ["label", "acronym", "name", "title"]) {
    const value = node[key];
    if (typeof value === "string" && value.trim() !== "") return value;
  }
  return String(node.id);
}

/** The YYYY-MM-DD day of an ISO timestamp, or undefined when it is not one. */
export function isoDay(timestamp: string): string | undefined {
  return /^\d{4}-\d{2}-\d{2}/.exec(timestamp)?.[0];
}

/** One paragraph saying what an export holds, for file headers and READMEs. */
export function describeExport(graph: Graph, meta: ExportMeta): string {
  const truncated = graph.truncated ? " Incomplete: the server's result limit cut this graph short." : "";
  return (
    `${meta.title}: ${graph.nodes.length} nodes and ${graph.edges.length} edges, ` +
    `generated ${meta.generatedAt}.${truncated} ${meta.sourceNote}`
  );
}

// Characters XML 1.0 forbids even as references (most C0 controls, lone surrogates, U+FFFE/U+FFFF).
const NOT_XML_10 = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
// Tab and line breaks become references too, so attribute values keep them instead of turning them into spaces.
const XML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
  "\t": "&#9;",
  "\n": "&#10;",
  "\r": "&#13;",
};

/** Text safe inside XML element content and attribute values alike. */
export function escapeXml(text: string): string {
  return text.replace(NOT_XML_10, "").replace(/[&<>"'\t\n\r]/g, (char) => XML_ESCAPES[char] ?? char);
}
