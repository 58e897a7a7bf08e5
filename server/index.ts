// The process entry point (`npm start`, `npm run dev`): config, the database (the local Neo4j unless
// NEO4J_URI is set), the seed, then HTTP; on SIGINT/SIGTERM it closes HTTP, the driver, then the local Neo4j.
import type { Server } from "node:http";
import type { RequestHandler } from "express";
import { DatasetError } from "../seed/dataset.ts";
import { describeReport, seedDatabase } from "../seed/loader.ts";
import { createApp } from "./app.ts";
import { type Config, ConfigError, loadConfig } from "./config.ts";
import { createDatabase, type Database, databaseOptions } from "./db/database.ts";
import { LocalNeo4jError } from "./local-neo4j/errors.ts";
import { type LocalNeo4j, localNeo4jOptions, startLocalNeo4j } from "./local-neo4j/server.ts";
import { consoleProgress } from "./progress.ts";

const dev = process.argv.includes("--dev");
const progress = consoleProgress();
const cleanups: Array<() => Promise<void>> = [];

async function shutdown(code: number): Promise<never> {
  for (const cleanup of cleanups.reverse()) {
    try {
      await cleanup();
    } catch (error) {
      console.error(`While shutting down: ${(error as Error).message}`);
    }
  }
  process.exit(code);
}

let shuttingDown = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    if (shuttingDown) return;
    shuttingDown = true;
    progress(`\n${signal}: shutting down…`);
    void shutdown(0);
  });
}

function fail(error: unknown): Promise<never> {
  if (error instanceof ConfigError || error instanceof LocalNeo4jError || error instanceof DatasetError) {
    console.error(error.message);
  } else {
    console.error(error);
  }
  return shutdown(1);
}

async function connectDatabase(config: Config): Promise<{ db: Database; local?: LocalNeo4j }> {
  let uri = config.NEO4J_URI;
  let local: LocalNeo4j | undefined;
  if (!uri) {
    // In development the server restarts on every edit: keep Neo4j up between restarts.
    local = await startLocalNeo4j(localNeo4jOptions(config, progress, dev));
    if (!dev) cleanups.push(() => local?.stop() ?? Promise.resolve());
    uri = local.uri;
  }
  const db = createDatabase(databaseOptions(config, uri));
  cleanups.push(() => db.close());
  return { db, ...(local ? { local } : {}) };
}

async function seed(db: Database, config: Config): Promise<void> {
  const report = await seedDatabase(db, config.DATA_DIR, progress);
  progress(describeReport(report));
}

/** With a remote Neo4j that is away: keep serving (health says 503) and retry with backoff until it answers. */
async function seedWhenReachable(db: Database, config: Config): Promise<void> {
  let delay = 1000;
  for (;;) {
    try {
      await db.verifyConnectivity();
      if (config.SEED_ON_START) await seed(db, config);
      progress(`Connected to Neo4j at ${db.uri}.`);
      return;
    } catch (error) {
      if (error instanceof DatasetError) throw error;
      progress(
        `Neo4j at ${db.uri} is not reachable (${(error as Error).message}); retrying in ${delay / 1000} s.`,
      );
      await new Promise((resolve) => setTimeout(resolve, delay).unref());
      delay = Math.min(delay * 2, 30_000);
    }
  }
}

async function clientMiddleware(): Promise<RequestHandler | undefined> {
  if (!dev) return undefined;
  const { createServer } = await import("vite");
  const vite = await createServer({
    configFile: new URL("../client/vite.config.ts", import.meta.url).pathname,
    server: { middlewareMode: true },
    appType: "spa",
  });
  cleanups.push(() => vite.close());
  return vite.middlewares;
}

function listen(app: ReturnType<typeof createApp>, config: Config): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(config.PORT, config.HOST);
    server.once("listening", () => resolve(server));
    server.once("error", (error: NodeJS.ErrnoException) => {
      reject(
        error.code === "EADDRINUSE"
          ? new ConfigError(
              `Port ${config.PORT} on ${config.HOST} is already in use: set PORT to a free port, e.g. PORT=3001 npm start.`,
            )
          : error,
      );
    });
  });
}

async function main(): Promise<void> {
  const config = loadConfig();
  const { db, local } = await connectDatabase(config);
  let pending: Promise<void> | undefined;
  if (local) {
    if (config.SEED_ON_START) await seed(db, config);
  } else {
    try {
      await db.verifyConnectivity();
      if (config.SEED_ON_START) await seed(db, config);
    } catch (error) {
      if (error instanceof DatasetError) throw error;
      progress(
        `Neo4j at ${db.uri} is not reachable yet (${(error as Error).message}). Serving anyway: /api/health answers 503 until it is, and the app retries with backoff.`,
      );
      pending = seedWhenReachable(db, config);
    }
  }
  const middleware = await clientMiddleware();
  const app = createApp({
    db,
    maxResults: config.NEO4J_MAX_RESULTS,
    rateLimits: {
      perMinute: config.RATE_LIMIT_PER_MINUTE,
      exportPerMinute: config.RATE_LIMIT_EXPORT_PER_MINUTE,
    },
    corsOrigins: config.CORS_ORIGINS,
    ...(config.RESPONSE_CACHE_MB > 0
      ? { cache: { versionTtlMs: 2000, maxBytes: config.RESPONSE_CACHE_MB * 2 ** 20 } }
      : {}),
    ...(middleware ? { clientMiddleware: middleware } : {}),
  });
  const server = await listen(app, config);
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        setTimeout(() => server.closeAllConnections(), 3000).unref();
      }),
  );
  const host = config.HOST.includes(":") ? `[${config.HOST}]` : config.HOST;
  console.log(`\nTHB graph explorer ready at http://${host}:${config.PORT}/  (Ctrl-C to stop)`);
  if (pending) await pending.catch(fail);
}

main().catch(fail);
