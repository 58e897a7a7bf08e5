// One entry point for GET /api/export: the graph in the requested format, with the headers a download needs.
import { ExportFormat, type Graph } from "../api/schemas.ts";
import { type ExportMeta, isoDay } from "./attributes.ts";
import { toGEXF } from "./gexf.ts";
import { toGraphML } from "./graphml.ts";
import { csvZip } from "./zip.ts";

export type { ExportMeta } from "./attributes.ts";

export const EXPORT_FORMATS = ExportFormat.options;

export type ExportFile = { body: string | Uint8Array; contentType: string; filename: string };

export function exportGraph(graph: Graph, format: ExportFormat, meta: ExportMeta): ExportFile {
  const base = `thb-graph-${isoDay(meta.generatedAt) ?? "undated"}`;
  switch (format) {
    case "json":
      return {
        body: `${JSON.stringify({ meta, ...graph }, null, 2)}\n`,
        contentType: "application/json; charset=utf-8",
        filename: `${base}.json`,
      };
    case "csv":
      return { body: csvZip(graph, meta), contentType: "application/zip", filename: `${base}-csv.zip` };
    case "graphml":
      return {
        body: toGraphML(graph, meta),
        contentType: "application/graphml+xml; charset=utf-8",
        filename: `${base}.graphml`,
      };
    case "gexf":
      return {
        body: toGEXF(graph, meta),
        contentType: "application/gexf+xml; charset=utf-8",
        filename: `${base}.gexf`,
      };
  }
}
