import { Router } from "express";
import type { AppDeps } from "../app.ts";
import { defineGet } from "./define.ts";
import { Health } from "./schemas.ts";

export function healthRouter({ db }: AppDeps): Router {
  const router = Router();
  defineGet(
    router,
    {
      path: "/health",
      tag: "service",
      summary:
        "Whether the database answers: its Neo4j version and edition, and the loaded dataset's version",
      response: Health,
      errors: [503],
    },
    async (_input, res) => {
      const [components, dataset] = await Promise.all([
        db.runRead("dbms-components"),
        db.runRead("dataset-version"),
      ]);
      const kernel = components[0];
      const meta = dataset[0];
      res.set("Cache-Control", "no-store");
      const body: Health = {
        status: "ok",
        neo4j: {
          version: String(kernel?.version ?? "unknown"),
          edition: String(kernel?.edition ?? "unknown"),
        },
        dataset: meta ? { version: String(meta.version), loadedAt: String(meta.loadedAt) } : null,
      };
      return body;
    },
  );
  return router;
}
