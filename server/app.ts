// Builds the Express app from its dependencies; no I/O here (server/index.ts starts it).
import { existsSync } from "node:fs";
import path from "node:path";
import express, { type Express, type RequestHandler } from "express";
import { changesRouter } from "./api/changes.ts";
import { errorHandler, notFoundHandler } from "./api/errorHandler.ts";
import { exportRouter } from "./api/export.ts";
import { graphRouter } from "./api/graph.ts";
import { healthRouter } from "./api/health.ts";
import { metricsRouter } from "./api/metrics.ts";
import { nodesRouter } from "./api/nodes.ts";
import { openapiRouter } from "./api/openapiRoute.ts";
import { pathsRouter } from "./api/paths.ts";
import { pathwaysRouter } from "./api/pathways.ts";
import { type ResponseCacheOptions, responseCache } from "./api/responseCache.ts";
import { searchRouter } from "./api/search.ts";
import {
  bodyLimit,
  corsPolicy,
  type RateLimits,
  rateLimiter,
  securityHeaders,
  urlLengthLimit,
} from "./api/security.ts";
import { sessionsRouter } from "./api/sessions.ts";
import type { Database } from "./db/database.ts";

export interface AppDeps {
  db: Database;
  /** The row cap each read query gets, to tell callers when an answer was truncated. */
  maxResults: number;
  /** The built client to serve at `/` (defaults to dist/client when it exists). */
  clientDir?: string;
  /** In development, Vite's middleware serves the client instead. */
  clientMiddleware?: RequestHandler;
  /** Per-address rate limits on search, paths and export; omitted, there are none (as in most tests). */
  rateLimits?: RateLimits;
  /** Origins allowed to read the API cross-origin; omitted or empty, CORS stays closed. */
  corsOrigins?: readonly string[];
  /** Answers cached per dataset version (server/api/responseCache.ts); omitted, every request reads. */
  cache?: ResponseCacheOptions;
}

export const DEFAULT_CLIENT_DIR = path.resolve(import.meta.dirname, "..", "dist", "client");

export function createApp(deps: AppDeps): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");

  // Vite's dev server (HMR) needs a looser policy; only then is it loosened.
  app.use(securityHeaders(Boolean(deps.clientMiddleware)));
  app.use("/api", corsPolicy(deps.corsOrigins ?? []));
  app.use(urlLengthLimit, bodyLimit);
  const limits = deps.rateLimits;
  if (limits) {
    for (const [route, perMinute] of [
      ["/api/search", limits.perMinute],
      ["/api/paths", limits.perMinute],
      ["/api/export", limits.exportPerMinute],
    ] as const) {
      const limiter = rateLimiter(perMinute);
      if (limiter) app.use(route, limiter);
    }
  }

  // Health is always answered live; the data routes may be served from the per-dataset-version cache.
  app.use("/api", healthRouter(deps));
  if (deps.cache) app.use("/api", responseCache(deps.db, deps.cache));
  app.use(
    "/api",
    graphRouter(deps),
    nodesRouter(deps),
    sessionsRouter(deps),
    searchRouter(deps),
    pathsRouter(deps),
    pathwaysRouter(deps),
    metricsRouter(deps),
    changesRouter(deps),
    exportRouter(deps),
    openapiRouter(),
  );
  app.use("/api", notFoundHandler);

  if (deps.clientMiddleware) {
    app.use(deps.clientMiddleware);
  } else {
    const clientDir = deps.clientDir ?? DEFAULT_CLIENT_DIR;
    if (existsSync(clientDir)) {
      app.use(express.static(clientDir, { index: "index.html", maxAge: "1h" }));
      // Any other GET is a client route (?node=… views are client state): answer with the page.
      app.get(/.*/, (_req, res) => res.sendFile(path.join(clientDir, "index.html")));
    } else {
      app.get("/", (_req, res) => {
        res.status(503).type("text").send("The client is not built: run `npm run build`, then reload.");
      });
    }
  }
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
