import { Router } from "express";
import type { AppDeps } from "../app.ts";
import type { Health } from "./schemas.ts";

export function healthRouter({ db }: AppDeps): Router {
  const router = Router();
  router.get("/health", async (_req, res) => {
    const [components, dataset] = await Promise.all([
      db.runRead("dbms-components"),
      db.runRead("dataset-version"),
    ]);
    const kernel = components[0];
    const meta = dataset[0];
    const body: Health = {
      status: "ok",
      neo4j: { version: String(kernel?.version ?? "unknown"), edition: String(kernel?.edition ?? "unknown") },
      dataset: meta ? { version: String(meta.version), loadedAt: String(meta.loadedAt) } : null,
    };
    res.set("Cache-Control", "no-store").json(body);
  });
  return router;
}
