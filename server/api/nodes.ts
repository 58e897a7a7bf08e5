import { Router } from "express";
import type { AppDeps } from "../app.ts";
import { NotFoundError } from "../errors.ts";
import { defineGet } from "./define.ts";
import { IdParams, type Link, type NeighbourGroup, NodeDetails, type NodeRef } from "./schemas.ts";

interface LinkRow {
  type: string;
  direction: "out" | "in";
  link: Link;
  node: NodeRef;
}

/** Groups neighbours by relationship type and direction, outgoing first, in a stable order. */
export function groupNeighbours(links: LinkRow[]): NeighbourGroup[] {
  const groups = new Map<string, NeighbourGroup>();
  for (const { type, direction, link, node } of links) {
    const key = `${direction}|${type}`;
    const group = groups.get(key) ?? { type, direction, neighbours: [] };
    group.neighbours.push({ node, link });
    groups.set(key, group);
  }
  return [...groups.values()].sort((a, b) =>
    a.direction === b.direction ? a.type.localeCompare(b.type) : a.direction === "out" ? -1 : 1,
  );
}

export function nodesRouter({ db }: AppDeps): Router {
  const router = Router();
  defineGet(
    router,
    {
      path: "/nodes/:id",
      tag: "graph",
      summary:
        "One node: all its properties, neighbours grouped by relationship, sessions, and full citations",
      params: IdParams,
      response: NodeDetails,
      errors: [400, 404, 503],
    },
    async ({ params }) => {
      const [row] = await db.runRead("node-details", { id: params.id });
      if (!row) throw new NotFoundError(`No node has the id '${params.id}'.`);
      const body: NodeDetails = {
        node: row.node as NodeDetails["node"],
        neighbours: groupNeighbours(row.links as unknown as LinkRow[]),
        sessions: row.sessions as NodeDetails["sessions"],
        citations: row.citations as NodeDetails["citations"],
      };
      return body;
    },
  );
  return router;
}
