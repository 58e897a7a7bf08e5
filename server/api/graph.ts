import { Router } from "express";
import type { AppDeps } from "../app.ts";
import type { Database } from "../db/database.ts";
import { defineGet } from "./define.ts";
import { DEFAULT_GRAPH_KINDS, Graph, GraphQuery } from "./schemas.ts";

/** Reads the (filtered) graph; shared by /api/graph, /api/export and the metrics. */
export async function readGraph(db: Database, query: GraphQuery, maxResults: number): Promise<Graph> {
  const [row] = await db.runRead("graph", {
    kinds: query.kinds ?? DEFAULT_GRAPH_KINDS,
    categories: query.categories ?? null,
    countries: query.country ?? null,
    types: query.types ?? null,
    at: query.at ?? null,
    session: query.session ?? null,
  });
  const nodes = (row?.nodes ?? []) as Graph["nodes"];
  const edges = (row?.edges ?? []) as Graph["edges"];
  return { nodes, edges, truncated: nodes.length >= maxResults || edges.length >= maxResults };
}

export function graphRouter({ db, maxResults }: AppDeps): Router {
  const router = Router();
  defineGet(
    router,
    {
      path: "/graph",
      tag: "graph",
      summary: "The graph: nodes and the relationships between them, optionally filtered",
      description:
        "Filters combine: kinds, institution categories and countries, relationship types, a day (`at`: only what was valid then) and a session (its presenters and their relations).",
      query: GraphQuery,
      response: Graph,
      errors: [400, 503],
    },
    ({ query }) => readGraph(db, query, maxResults),
  );
  return router;
}
