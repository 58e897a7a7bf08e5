// The CSV export is two tables (nodes, edges) plus a note on reading them, so it ships as one zip.
import { strToU8, type ZipOptions, zipSync } from "fflate";
import type { Graph } from "../api/schemas.ts";
import { describeExport, type ExportMeta, LIST_SEPARATOR } from "./attributes.ts";
import { edgesCsv, nodesCsv } from "./csv.ts";

function readme(graph: Graph, meta: ExportMeta): string {
  return [
    `${meta.title}`,
    `Generated: ${meta.generatedAt}`,
    "",
    "nodes.csv  one row per node: id, kind, name, then every other attribute in alphabetical order.",
    "edges.csv  one row per relationship: id, source and target (node ids from nodes.csv), type,",
    "           then every other attribute in alphabetical order.",
    "",
    "Both files are UTF-8 with a byte-order mark, comma-separated, quoted as in RFC 4180.",
    `Lists (sources, aliases, roles, ...) are joined into one cell with "${LIST_SEPARATOR}".`,
    "An empty cell means the element does not have that attribute.",
    "A text cell that would start with = + - @ or a tab is prefixed with an apostrophe (')",
    "so that spreadsheets show it instead of running it as a formula.",
    "To open the graph in Gephi, prefer the GEXF or GraphML export: Gephi's spreadsheet",
    'import reads an edge column named "type" as the edge direction.',
    "",
    describeExport(graph, meta),
    "",
  ].join("\r\n");
}

// Zip stores DOS timestamps, which only cover 1980-2099; outside that, fflate's default (now) is used.
function zipOptions(generatedAt: string): ZipOptions {
  const date = new Date(generatedAt);
  const year = date.getUTCFullYear();
  return Number.isNaN(date.getTime()) || year < 1981 || year > 2098 ? {} : { mtime: date };
}

export function csvZip(graph: Graph, meta: ExportMeta): Uint8Array {
  return zipSync(
    {
      "nodes.csv": strToU8(nodesCsv(graph)),
      "edges.csv": strToU8(edgesCsv(graph)),
      "README.txt": strToU8(readme(graph, meta)),
    },
    zipOptions(meta.generatedAt),
  );
}
