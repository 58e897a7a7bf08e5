import { Router } from "express";
import neo4j from "neo4j-driver";
import type { AppDeps } from "../app.ts";
import { NotFoundError } from "../errors.ts";
import { defineGet } from "./define.ts";
import { PathsQuery, PathsResult, REFERRAL_TYPES } from "./schemas.ts";

export function pathsRouter({ db }: AppDeps): Router {
  const router = Router();
  defineGet(
    router,
    {
      path: "/paths",
      tag: "analysis",
      summary: "Shortest paths (and up to k alternatives) between two nodes over chosen relationship types",
      description: `Default types: ${REFERRAL_TYPES.join(", ")}. maxHops is at most 8; directed=true follows arrows.`,
      query: PathsQuery,
      response: PathsResult,
      errors: [400, 404, 429, 503],
    },
    async ({ query }) => {
      const ends = await Promise.all([query.from, query.to].map((id) => db.runRead("node-exists", { id })));
      ends.forEach((rows, i) => {
        if (rows.length === 0)
          throw new NotFoundError(`No node has the id '${i === 0 ? query.from : query.to}'.`);
      });
      const types = query.types ?? REFERRAL_TYPES;
      const body: PathsResult = { from: query.from, to: query.to, types, paths: [] };
      if (query.from === query.to) return body;
      const rows = await db.runRead(
        query.directed ? "shortest-paths-directed" : "shortest-paths-undirected",
        {
          from: query.from,
          to: query.to,
          types,
          maxHops: neo4j.int(query.maxHops),
          k: neo4j.int(query.k),
          at: query.at ?? null,
        },
      );
      body.paths = rows.map((row) => {
        const hops = row.hops as PathsResult["paths"][number]["hops"];
        return { length: hops.length, nodes: row.nodes as PathsResult["paths"][number]["nodes"], hops };
      });
      return body;
    },
  );
  return router;
}
