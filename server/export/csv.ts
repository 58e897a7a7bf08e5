// RFC 4180 CSV that spreadsheets open safely: a byte-order mark so Excel reads UTF-8 accents, CRLF line ends,
// and cells that a spreadsheet would run as a formula turned back into text.
import type { Graph } from "../api/schemas.ts";
import { edgeAttributes, formatValue, nodeAttributes } from "./attributes.ts";

const BOM = "\uFEFF";
const CRLF = "\r\n";
// OWASP's list for CSV injection: these leading characters start a formula in Excel, LibreOffice and Sheets.
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

function csvField(value: unknown): string {
  let text = formatValue(value) ?? "";
  // A real number such as -3 is data, not a formula; only text can carry an injected formula.
  if (typeof value !== "number" && FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** A header row of `columns`, then one row per element; missing values are empty cells. */
export function toCsv(
  rows: readonly Readonly<Record<string, unknown>>[],
  columns: readonly string[],
): string {
  const lines = [
    columns.map(csvField).join(","),
    ...rows.map((row) => columns.map((column) => csvField(row[column])).join(",")),
  ];
  return BOM + lines.join(CRLF) + CRLF;
}

/** id, kind, name, then every other node attribute alphabetically. */
export function nodesCsv(graph: Graph): string {
  return toCsv(
    graph.nodes,
    nodeAttributes(graph.nodes).map((column) => column.name),
  );
}

/** id, source, target, type, then every other edge attribute alphabetically. */
export function edgesCsv(graph: Graph): string {
  return toCsv(
    graph.edges,
    edgeAttributes(graph.edges).map((column) => column.name),
  );
}
