import { Router } from "express";
import type { AppDeps } from "../app.ts";
import type { Graph } from "./schemas.ts";

export function graphRouter({ db, maxResults }: AppDeps): Router {
  const router = Router();
  router.get("/graph", async (_req, res) => {
    const [row] = await db.runRead("graph");
    const nodes = (row?.nodes ?? []) as Graph["nodes"];
    const edges = (row?.edges ?? []) as Graph["edges"];
    const body: Graph = { nodes, edges, truncated: nodes.length >= maxResults || edges.length >= maxResults };
    res.json(body);
  });
  return router;
}
