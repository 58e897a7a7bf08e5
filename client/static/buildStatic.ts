// `npm run build:static`: the offline build. Gets the data as `npm start` does (NEO4J_URI, or the local Neo4j,
// seeded unless SEED_ON_START=false), records the real API's answers in-process, and writes the built client
// plus snapshot.json into one folder any static host (or a USB stick with a static server) can serve.
import { existsSync } from "node:fs";
import { cp, mkdir, readdir, readFile, rm, writeFile } from "node:fs/promises";
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { DatasetError } from "../../seed/dataset.ts";
import { describeReport, seedDatabase } from "../../seed/loader.ts";
import { GraphKind } from "../../server/api/schemas.ts";
import { createApp, DEFAULT_CLIENT_DIR } from "../../server/app.ts";
import { ConfigError, loadConfig } from "../../server/config.ts";
import { createDatabase, type Database, databaseOptions } from "../../server/db/database.ts";
import { LocalNeo4jError } from "../../server/local-neo4j/errors.ts";
import { type LocalNeo4j, localNeo4jOptions, startLocalNeo4j } from "../../server/local-neo4j/server.ts";
import { consoleProgress } from "../../server/progress.ts";
import { ALL_KINDS_URL, GRAPH_URL, SNAPSHOT_META, type Snapshot } from "../src/staticApi.ts";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
const SNAPSHOT_FILE = "snapshot.json";
/** The exact request the map layout makes (client/src/main.ts). */
const MAP_URL = "/api/graph?kinds=Institution,Workshop,Place&types=LOCATED_IN";
const CHANGES_URL = "/api/changes?from=2016-11-28&to=2024-01-01";
const CONCURRENCY = 8;

const progress = consoleProgress();

class BuildError extends Error {
  override name = "BuildError";
}

type Get = (url: string) => Promise<unknown>;

/** Serves the real app on a free loopback port; `get` returns a 200 answer's body, and throws otherwise. */
async function startApi(db: Database, maxResults: number): Promise<{ get: Get; close: () => Promise<void> }> {
  const app = createApp({ db, maxResults });
  const server: Server = await new Promise((resolve, reject) => {
    const listening = app.listen(0, "127.0.0.1");
    listening.once("listening", () => resolve(listening));
    listening.once("error", reject);
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    async get(url) {
      const response = await fetch(`${base}${url}`, { headers: { accept: "application/json" } });
      const body: unknown = await response.json().catch(() => undefined);
      if (!response.ok) {
        const message = (body as { error?: { message?: string } } | undefined)?.error?.message;
        throw new BuildError(`${url} answered ${response.status}${message ? `: ${message}` : ""}`);
      }
      return body;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const idsOf = (body: unknown, key: "sessions" | "pathways"): string[] =>
  ((body as Record<string, Array<{ id: string }>>)[key] ?? []).map((item) => item.id);
const nodeUrl = (id: string) => `/api/nodes/${encodeURIComponent(id)}`;
const NODE_KINDS = new Set<string>(GraphKind.options);

/** Every node an answer names (graph nodes, neighbours, presenters, pathway actors): each can be opened. */
function namedNodes(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) namedNodes(item, into);
  else if (value && typeof value === "object") {
    const { id, kind } = value as { id?: unknown; kind?: unknown };
    if (typeof id === "string" && typeof kind === "string" && NODE_KINDS.has(kind)) into.add(id);
    for (const item of Object.values(value)) namedNodes(item, into);
  }
  return into;
}

/** Fetches urls a few at a time, with a progress line. */
async function recordAll(urls: string[], record: (url: string) => Promise<unknown>): Promise<void> {
  let done = 0;
  const queue = [...urls];
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      await record(url);
      done += 1;
      progress(`  ${done}/${urls.length} details recorded`, { transient: true });
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
}

/** Records every answer the client asks for, keyed by path and query exactly as the client writes them. */
async function capture(get: Get): Promise<Record<string, unknown>> {
  const responses: Record<string, unknown> = {};
  const record = async (url: string) => {
    responses[url] = await get(url);
    return responses[url];
  };
  progress("Recording the graph, sessions, pathways, metrics and changes…");
  const [, , sessions, pathways] = await Promise.all([
    record(GRAPH_URL),
    record(ALL_KINDS_URL),
    record("/api/sessions"),
    record("/api/pathways"),
    record(MAP_URL),
    record("/api/metrics"),
    record(CHANGES_URL),
    record("/api/health"),
  ]);
  await recordAll(
    [
      ...idsOf(sessions, "sessions").map((id) => `/api/sessions/${encodeURIComponent(id)}`),
      ...idsOf(pathways, "pathways").map((id) => `/api/pathways/${encodeURIComponent(id)}`),
    ],
    record,
  );
  // Then the details of every node named anywhere, until the details name no node left to record.
  let nodes = 0;
  for (;;) {
    const missing = [...namedNodes(responses)].map(nodeUrl).filter((url) => !(url in responses));
    if (missing.length === 0) break;
    await recordAll(missing, record);
    nodes += missing.length;
  }
  progress(`Recorded the details of ${nodes} nodes, and every session and pathway.`);
  // A stable order makes two snapshots of the same data easy to compare.
  return Object.fromEntries(Object.entries(responses).sort(([a], [b]) => a.localeCompare(b)));
}

/** Refuses to empty a folder that is not an earlier offline build (a mistyped STATIC_OUT_DIR must not cost data). */
async function checkOutDir(outDir: string, clientDir: string): Promise<void> {
  const inside = (child: string, parent: string) => !path.relative(parent, child).startsWith("..");
  if (inside(clientDir, outDir) || inside(outDir, clientDir) || inside(ROOT, outDir)) {
    throw new BuildError(
      `STATIC_OUT_DIR=${outDir} overlaps the project or the built client: choose another folder.`,
    );
  }
  const entries = existsSync(outDir) ? await readdir(outDir) : [];
  if (entries.length > 0 && !entries.includes(SNAPSHOT_FILE)) {
    throw new BuildError(
      `${outDir} exists and is not an earlier offline build: choose an empty or new folder (STATIC_OUT_DIR).`,
    );
  }
}

async function writeBuild(outDir: string, clientDir: string, snapshot: Snapshot): Promise<void> {
  await rm(outDir, { recursive: true, force: true });
  await mkdir(path.dirname(outDir), { recursive: true });
  await cp(clientDir, outDir, { recursive: true });
  await writeFile(path.join(outDir, SNAPSHOT_FILE), `${JSON.stringify(snapshot)}\n`);
  const indexPath = path.join(outDir, "index.html");
  const html = await readFile(indexPath, "utf8");
  const meta = `<meta name="${SNAPSHOT_META}" content="${SNAPSHOT_FILE}" />`;
  if (!html.includes("</head>"))
    throw new BuildError(`${indexPath} has no </head> to add the snapshot tag to.`);
  await writeFile(indexPath, html.replace("</head>", `  ${meta}\n  </head>`));
}

async function main(): Promise<void> {
  const config = loadConfig();
  const clientDir = DEFAULT_CLIENT_DIR;
  if (!existsSync(path.join(clientDir, "index.html"))) {
    throw new BuildError("The client is not built: run `npm run build` first (`npm run build:static` does).");
  }
  const outDir = path.resolve(process.env.STATIC_OUT_DIR || path.join(ROOT, "dist", "static"));
  await checkOutDir(outDir, clientDir);

  let local: LocalNeo4j | undefined;
  let db: Database | undefined;
  let api: Awaited<ReturnType<typeof startApi>> | undefined;
  const cleanup = async () => {
    await api?.close();
    await db?.close();
    // stop() leaves a Neo4j that was already running (and so reused) alone.
    await local?.stop();
  };
  let interrupted = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (interrupted) return;
    interrupted = true;
    progress(`\n${signal}: stopping…`);
    void cleanup().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    let uri = config.NEO4J_URI;
    if (!uri) {
      local = await startLocalNeo4j(localNeo4jOptions(config, progress));
      uri = local.uri;
    }
    db = createDatabase(databaseOptions(config, uri));
    try {
      await db.verifyConnectivity();
    } catch (error) {
      throw new BuildError(
        `Neo4j at ${uri} is not reachable (${(error as Error).message.replace(/\.$/, "")}): start it, or unset NEO4J_URI to use the project's own Neo4j.`,
      );
    }
    if (config.SEED_ON_START) progress(describeReport(await seedDatabase(db, config.DATA_DIR, progress)));
    api = await startApi(db, config.NEO4J_MAX_RESULTS);
    const responses = await capture(api.get);
    const health = responses["/api/health"] as { dataset: { version: string } | null };
    const snapshot: Snapshot = {
      createdAt: new Date().toISOString(),
      datasetVersion: health.dataset?.version ?? null,
      responses,
    };
    await writeBuild(outDir, clientDir, snapshot);
    const shown = path.relative(process.cwd(), outDir) || ".";
    const folder = shown.startsWith("..") ? outDir : shown;
    const count = Object.keys(responses).length;
    console.log(
      `Wrote the offline build to ${folder}/ (${count} answers, snapshot of ${snapshot.createdAt.slice(0, 10)}). ` +
        `Open ${folder}/index.html through any static web server, e.g. npx serve ${folder} or python3 -m http.server -d ${folder}.`,
    );
  } finally {
    process.off("SIGINT", onSignal);
    process.off("SIGTERM", onSignal);
    if (!interrupted) await cleanup();
  }
}

main().catch((error: unknown) => {
  const known = [ConfigError, LocalNeo4jError, DatasetError, BuildError].some(
    (type) => error instanceof type,
  );
  console.error(known ? (error as Error).message : error);
  process.exitCode = 1;
});
