// `npm run db:start` / `npm run db:stop`: manage the local Neo4j alone (it keeps running between app starts).
import { loadConfig } from "../config.ts";
import { consoleProgress } from "../progress.ts";
import { LocalNeo4jError } from "./errors.ts";
import { localNeo4jOptions, startLocalNeo4j, stopLocalNeo4j } from "./server.ts";

const command = process.argv[2];
try {
  const config = loadConfig();
  if (command === "start") {
    const neo = await startLocalNeo4j(localNeo4jOptions(config, consoleProgress(), true));
    console.log(
      neo.startedHere
        ? `Local Neo4j running on ${neo.uri} (pid ${neo.pid}). \`npm start\` will use it; \`npm run db:stop\` stops it.`
        : `Local Neo4j already running on ${neo.uri} (pid ${neo.pid}).`,
    );
  } else if (command === "stop") {
    const pid = await stopLocalNeo4j(config.NEO4J_LOCAL_DIR);
    console.log(pid === undefined ? "No local Neo4j was running." : `Stopped the local Neo4j (pid ${pid}).`);
  } else {
    console.error("Usage: tsx server/local-neo4j/cli.ts start|stop");
    process.exitCode = 2;
  }
} catch (error) {
  console.error(error instanceof LocalNeo4jError || error instanceof Error ? error.message : error);
  process.exit(1);
}
