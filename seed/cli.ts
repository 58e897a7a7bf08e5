// `npm run seed [-- --data <dir>] [-- --check]`: validate a dataset folder and load it into Neo4j.
// Without NEO4J_URI it uses the local Neo4j, starting it for the load when it is not running.
import { parseArgs } from "node:util";
import { ConfigError, loadConfig } from "../server/config.ts";
import { createDatabase, databaseOptions } from "../server/db/database.ts";
import { LocalNeo4jError } from "../server/local-neo4j/errors.ts";
import { localNeo4jOptions, startLocalNeo4j } from "../server/local-neo4j/server.ts";
import { consoleProgress } from "../server/progress.ts";
import { DatasetError, readDataset } from "./dataset.ts";
import { describeReport, seedDatabase } from "./loader.ts";

const progress = consoleProgress();

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      data: { type: "string" },
      check: { type: "boolean", default: false },
      help: { type: "boolean" },
    },
  });
  if (values.help) {
    console.log("Usage: npm run seed [-- --data <dataset folder>] [-- --check (validate only, no database)]");
    return 0;
  }
  const config = loadConfig();
  const dir = values.data ?? config.DATA_DIR;
  if (values.check) {
    const dataset = await readDataset(dir);
    const counts = Object.entries(dataset).map(([kind, records]) => `${records.length} ${kind}`);
    console.log(`The dataset is valid: ${counts.join(", ")}.`);
    return 0;
  }
  const local = config.NEO4J_URI ? undefined : await startLocalNeo4j(localNeo4jOptions(config, progress));
  const db = createDatabase({
    ...databaseOptions(config, config.NEO4J_URI ?? local?.uri ?? ""),
    queryTimeoutMs: 120_000,
  });
  try {
    const report = await seedDatabase(db, dir, progress);
    console.log(describeReport(report));
    return 0;
  } finally {
    await db.close();
    await local?.stop();
  }
}

try {
  process.exitCode = await main();
} catch (error) {
  if (error instanceof DatasetError) {
    console.error(
      `${error.message}\nNothing was loaded: the database is as it was. Fix the records above and run again.`,
    );
  } else if (error instanceof ConfigError || error instanceof LocalNeo4jError) {
    console.error(error.message);
  } else {
    console.error(
      `Loading failed: ${(error as Error).message}\nNothing was loaded: the database is as it was.`,
    );
  }
  process.exitCode = 1;
}
