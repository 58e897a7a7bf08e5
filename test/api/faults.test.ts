// Database faults on a Neo4j of this file's own: down at start, stopped and restarted, frozen (SIGSTOP) and
// thawed, all while one app keeps serving. Every answer comes within 5 s, and none needs a restarted app.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Express } from "express";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { seedDatabase } from "../../seed/loader.ts";
import { ErrorBody, Graph, Health, NodeDetails, SearchResults } from "../../server/api/schemas.ts";
import { createApp } from "../../server/app.ts";
import { loadConfig } from "../../server/config.ts";
import { createDatabase, type Database, databaseOptions } from "../../server/db/database.ts";
import { type LocalNeo4j, startLocalNeo4j } from "../../server/local-neo4j/server.ts";
import { freePort } from "../setup/ports.ts";

// Each answer within this; a request still pending after HANG_MS counts as hung and fails its test.
const ANSWER_WITHIN_MS = 5000;
const HANG_MS = 8000;
const RECONNECT_WITHIN_MS = 15_000;

const ROUTES: Record<string, z.ZodType> = {
  "/api/graph": Graph,
  "/api/nodes/sef": NodeDetails,
  "/api/search?q=sef": SearchResults,
  "/api/health": Health,
};
const DATA_ROUTES = ["/api/graph", "/api/nodes/sef", "/api/search?q=sef"];

// The defaults users get (query timeout, hence the deadline), not the suite's generous test settings.
const config = loadConfig({});
let dir: string;
let port: number;
let neo: LocalNeo4j | undefined;
let frozen = false;
let db: Database;
let app: Express;

function startNeo4j(): Promise<LocalNeo4j> {
  return startLocalNeo4j({ dir, port, heap: "512m", pagecache: "64m", progress: () => {} });
}

async function timedGet(url: string) {
  const started = performance.now();
  const res = await request(app).get(url).timeout(HANG_MS);
  return { url, res, ms: Math.round(performance.now() - started) };
}

async function expectUnavailable(url: string): Promise<number> {
  const { res, ms } = await timedGet(url);
  expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBe(503);
  expect(["database_unavailable", "database_timeout"]).toContain(ErrorBody.parse(res.body).error.code);
  expect(res.headers["retry-after"]).toBe("5");
  expect(ms, `${url} answered in ${ms} ms`).toBeLessThan(ANSWER_WITHIN_MS);
  return ms;
}

async function expectServed(url: string): Promise<void> {
  const { res } = await timedGet(url);
  expect(res.status, `${url}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(200);
  ROUTES[url]?.parse(res.body);
}

/** Polls `url` until it answers 200, for at most RECONNECT_WITHIN_MS; returns how long that took. */
async function waitUntilServed(url: string): Promise<number> {
  const since = Date.now();
  for (;;) {
    const { res } = await timedGet(url);
    const waited = Date.now() - since;
    if (res.status === 200) {
      ROUTES[url]?.parse(res.body);
      return waited;
    }
    expect(res.status, `${url}: ${JSON.stringify(res.body)}`).toBe(503);
    expect(waited, `${url} still answers 503 after ${waited} ms`).toBeLessThan(RECONNECT_WITHIN_MS);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** After Neo4j (re)starts: health first (the pool has reconnected), then each data route in turn. */
async function waitUntilAllServed(): Promise<string> {
  const waits = [`health ${await waitUntilServed("/api/health")}`];
  // One at a time: a freshly started JVM plans each query slowly (seconds), and a pile-up makes it slower.
  for (const url of DATA_ROUTES) waits.push(`${url} +${await waitUntilServed(url)}`);
  return `200 after ${waits.join(", ")} ms`;
}

/** `times` concurrent requests to each data route, plus health. */
function burst(times: number): string[] {
  return [...Array.from({ length: times }, () => DATA_ROUTES).flat(), "/api/health"];
}

function thaw(): void {
  if (frozen && neo) process.kill(neo.pid, "SIGCONT");
  frozen = false;
}

async function cleanUp(): Promise<void> {
  try {
    thaw();
    await db?.close();
  } finally {
    try {
      await neo?.stop();
    } finally {
      if (dir) await rm(dir, { recursive: true, force: true });
    }
  }
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "thb-faults-neo4j-"));
  port = await freePort();
  db = createDatabase(databaseOptions(config, `bolt://127.0.0.1:${port}`));
  app = createApp({ db, maxResults: config.NEO4J_MAX_RESULTS });
});

afterAll(cleanUp);

describe("database faults", () => {
  it("serves 503 while Neo4j is not up yet, then connects once it is, with the same app", async () => {
    const down = await Promise.all(["/api/health", ...DATA_ROUTES].map(expectUnavailable));
    console.log(`not up yet: 503 in ${down.join(", ")} ms`);

    neo = await startNeo4j();
    const reconnected = await waitUntilServed("/api/health");
    console.log(`up: health 200 after ${reconnected} ms`);
    await seedDatabase(db);
    console.log(`seeded: ${await waitUntilAllServed()}`);
    const graph = Graph.parse((await timedGet("/api/graph")).res.body);
    expect(graph.nodes.map((node) => node.id)).toContain("sef");
  }, 180_000);

  it("answers 503 fast while Neo4j is stopped, and serves again once it restarts", async () => {
    expect(neo, "the first test starts Neo4j").toBeDefined();
    await Promise.all(burst(2).map(expectServed));

    await neo?.stop();
    const sequential: number[] = [];
    for (const url of DATA_ROUTES) sequential.push(await expectUnavailable(url));
    const concurrent = await Promise.all(burst(3).map(expectUnavailable));
    console.log(
      `stopped: 503 in ${sequential.join(", ")} ms one by one; at most ${Math.max(...concurrent)} ms for ${concurrent.length} at once`,
    );

    neo = await startNeo4j();
    console.log(`restarted: ${await waitUntilAllServed()}`);
    await Promise.all(burst(3).map(expectServed));
  }, 180_000);

  it("answers 503 within 5 s while Neo4j is frozen, on pooled and on new connections, and recovers", async () => {
    const pid = neo?.pid;
    expect(pid, "the earlier tests start Neo4j").toBeDefined();
    // Six of each at once leave that many idle connections in the pool for the frozen server.
    await Promise.all(burst(6).map(expectServed));

    process.kill(pid as number, "SIGSTOP");
    frozen = true;
    try {
      // More requests at once than there are idle connections: some reuse one, the rest must open one.
      const first = await Promise.all(burst(8).map(expectUnavailable));
      // Now every pooled connection is stuck behind an unanswered query: all of these need new ones.
      const second = await Promise.all(burst(4).map(expectUnavailable));
      const single = await expectUnavailable("/api/nodes/sef");
      console.log(
        `frozen: 503 in ${Math.min(...first)}–${Math.max(...first)} ms (${first.length} at once), ` +
          `${Math.min(...second)}–${Math.max(...second)} ms (${second.length} more), ${single} ms alone`,
      );
    } finally {
      thaw();
    }

    console.log(`thawed: ${await waitUntilAllServed()}`);
    await Promise.all(burst(4).map(expectServed));
  }, 120_000);
});
