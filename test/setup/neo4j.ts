// Vitest global setup: a real Neo4j for the suite, on a free port with its own data folder (removed
// afterwards), seeded by the same loader users run.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { describeReport, seedDatabase } from "../../seed/loader.ts";
import { startLocalNeo4j } from "../../server/local-neo4j/server.ts";
import { consoleProgress } from "../../server/progress.ts";
import { testDatabase } from "./db.ts";
import { freePort } from "./ports.ts";

declare module "vitest" {
  export interface ProvidedContext {
    neo4jUri: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "thb-test-neo4j-"));
  const progress = consoleProgress();
  const neo = await startLocalNeo4j({
    dir,
    port: await freePort(),
    heap: "512m",
    pagecache: "64m",
    progress,
  });
  try {
    const db = testDatabase({ uri: neo.uri, queryTimeoutMs: 60_000 });
    try {
      progress(describeReport(await seedDatabase(db, undefined, progress)));
    } finally {
      await db.close();
    }
  } catch (error) {
    await neo.stop();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  project.provide("neo4jUri", neo.uri);
  return async () => {
    await neo.stop();
    await rm(dir, { recursive: true, force: true });
  };
}
