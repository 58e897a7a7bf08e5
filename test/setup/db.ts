// Test helpers: a Database and an app on the suite's real Neo4j.
import { inject } from "vitest";
import { createApp } from "../../server/app.ts";
import { createDatabase, type Database } from "../../server/db/database.ts";

export function testDatabase(overrides: { uri?: string; queryTimeoutMs?: number } = {}): Database {
  return createDatabase({
    uri: overrides.uri ?? inject("neo4jUri"),
    user: "neo4j",
    password: "",
    database: "neo4j",
    queryTimeoutMs: overrides.queryTimeoutMs ?? 10_000,
    maxResults: 100_000,
  });
}

export function testApp(db: Database) {
  return createApp({ db, maxResults: 20_000 });
}
