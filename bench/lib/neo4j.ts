// A throw-away local Neo4j for one benchmark section: its own temp folder and free port, removed on stop.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createDatabase, type Database } from "../../server/db/database.ts";
import { startLocalNeo4j } from "../../server/local-neo4j/server.ts";
import { freePort } from "../../test/setup/ports.ts";

export interface BenchNeo4j {
  uri: string;
  pid: number;
  /** A Database on it with generous timeouts (loading 100k institutions takes a while). */
  database(options?: { queryTimeoutMs?: number; maxResults?: number }): Database;
  stop(): Promise<void>;
}

export async function startBenchNeo4j(
  progress: (message: string) => void,
  memory: { heap?: string; pagecache?: string } = {},
): Promise<BenchNeo4j> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "thb-bench-neo4j-"));
  const neo = await startLocalNeo4j({
    dir,
    port: await freePort(),
    heap: memory.heap ?? "1g",
    pagecache: memory.pagecache ?? "256m",
    progress,
  });
  return {
    uri: neo.uri,
    pid: neo.pid,
    database: (options = {}) =>
      createDatabase({
        uri: neo.uri,
        user: "neo4j",
        password: "",
        database: "neo4j",
        queryTimeoutMs: options.queryTimeoutMs ?? 600_000,
        maxResults: options.maxResults ?? 1_000_000,
      }),
    async stop() {
      await neo.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
