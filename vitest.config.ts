import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    // One real Neo4j for the whole suite, started and seeded by the same loader users run.
    globalSetup: ["test/setup/neo4j.ts"],
    // API, loader and browser tests share that database; files run one at a time so none sees another's load.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 180_000,
    reporters: ["default", "./test/setup/summary-reporter.ts"],
  },
});
