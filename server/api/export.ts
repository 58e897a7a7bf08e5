import { Router } from "express";
import type { AppDeps } from "../app.ts";
import { exportGraph } from "../export/index.ts";
import { defineGet } from "./define.ts";
import { readGraph } from "./graph.ts";
import { ExportQuery, GraphExport } from "./schemas.ts";

export function exportRouter({ db, maxResults }: AppDeps): Router {
  const router = Router();
  defineGet(
    router,
    {
      path: "/export",
      tag: "graph",
      summary:
        "The (filtered) graph as a download: JSON, CSV (a zip of nodes.csv and edges.csv), GraphML or GEXF",
      description: "Takes the /api/graph filters. GraphML and GEXF open in Gephi with every attribute.",
      query: ExportQuery,
      response: GraphExport,
      produces: ["application/zip", "application/graphml+xml", "application/gexf+xml"],
      errors: [400, 429, 503],
    },
    async ({ query }, res) => {
      const { format, ...filters } = query;
      const graph = await readGraph(db, filters, maxResults);
      const generatedAt = new Date().toISOString();
      const applied = Object.entries(filters)
        .map(([key, value]) => `${key}=${Array.isArray(value) ? value.join(",") : value}`)
        .join("; ");
      const file = exportGraph(graph, format, {
        title: "THB ecosystem explorer: graph export",
        generatedAt,
        sourceNote: `Filters: ${applied || "none"}. Every node and edge lists its source ids in 'sources'; the full citations are in the app (/api/nodes/{id}).`,
      });
      res
        .status(200)
        .type(file.contentType)
        .set("Content-Disposition", `attachment; filename="${file.filename}"`)
        .send(typeof file.body === "string" ? file.body : Buffer.from(file.body));
      return undefined;
    },
  );
  return router;
}
