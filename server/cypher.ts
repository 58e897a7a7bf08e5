// Cypher lives in cypher/, one query per file named by intent; this loads them once into a map.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

export const CYPHER_DIR = path.resolve(import.meta.dirname, "..", "cypher");

/** Every query the code runs, by file name (without .cypher). A test checks each has a file. */
export const QUERY_NAMES = [
  "dbms-components",
  "graph",
  "dataset-version",
  "load-nodes",
  "load-relationships",
  "delete-stale-nodes",
  "delete-stale-relationships",
  "set-dataset-version",
  "database-snapshot",
  "node-details",
  "node-exists",
  "sessions",
  "search",
  "shortest-paths-directed",
  "shortest-paths-undirected",
  "pathways",
  "pathway-details",
  "changes",
  "citations",
] as const;
export type QueryName = (typeof QUERY_NAMES)[number];

function readQueries(dir: string): Map<string, string> {
  const queries = new Map<string, string>();
  for (const file of readdirSync(dir).sort()) {
    if (file.endsWith(".cypher"))
      queries.set(file.slice(0, -".cypher".length), readFileSync(path.join(dir, file), "utf8"));
  }
  return queries;
}

let cache: Map<string, string> | undefined;

export function query(name: QueryName): string {
  cache ??= readQueries(CYPHER_DIR);
  const text = cache.get(name);
  if (text === undefined) throw new Error(`Missing Cypher file ${path.join(CYPHER_DIR, `${name}.cypher`)}`);
  return text;
}

/** The schema statements (constraints, indexes), in file order; each file holds one idempotent statement. */
export function schemaStatements(): string[] {
  return [...readQueries(path.join(CYPHER_DIR, "schema")).values()];
}
