import { execFile } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, inject, it } from "vitest";
import { parse, stringify } from "yaml";
import { DatasetError, DEFAULT_DATA_DIR } from "../../seed/dataset.ts";
import { seedDatabase } from "../../seed/loader.ts";
import { testDatabase } from "../setup/db.ts";

const run = promisify(execFile);
const TSX = path.resolve("node_modules/.bin/tsx");

async function copyDataset(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "thb-dataset-"));
  await cp(DEFAULT_DATA_DIR, dir, { recursive: true });
  return dir;
}

type YamlRecord = Record<string, unknown>;

/** Edits a dataset file's records the way a researcher would, through YAML. */
async function edit(
  dir: string,
  file: string,
  change: (records: YamlRecord[]) => YamlRecord[],
): Promise<void> {
  const full = path.join(dir, file);
  const before = parse(await readFile(full, "utf8")) as YamlRecord[];
  const after = change(structuredClone(before));
  expect(after, `the test's edit of ${file} must change it`).not.toEqual(before);
  await writeFile(full, stringify(after));
}

const breakFirstSource = (records: YamlRecord[]) => {
  (records[0] as { sources: string[] }).sources[0] = "s999";
  return records;
};

function seedCli(args: string[]) {
  return run(TSX, ["seed/cli.ts", ...args], {
    env: { ...process.env, NEO4J_URI: inject("neo4jUri"), NEO4J_USER: "neo4j", NEO4J_PASSWORD: "" },
  });
}

describe("the loader", () => {
  const db = testDatabase();
  const dirs: string[] = [];
  afterAll(async () => {
    await seedDatabase(db); // leave the suite's database as the real dataset
    await db.close();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("changes nothing when the same dataset is loaded again, and says so", async () => {
    await seedDatabase(db);
    const again = await seedDatabase(db);
    expect(again.changed).toBe(false);
    expect(Object.values(again.counters).every((n) => n === 0)).toBe(true);
    const { stdout } = await seedCli([]);
    expect(stdout).toMatch(/already loaded: no change/);
  });

  it("refuses a broken dataset, naming file, record and field, and leaves the database as it was", async () => {
    const before = await db.runRead("database-snapshot");
    const dir = await copyDataset();
    dirs.push(dir);
    await edit(dir, "institutions.yaml", (records) =>
      records.map((r) => (r.id === "sef" ? { ...r, category: "police-ish" } : r)),
    );
    await edit(dir, "relationships.yaml", breakFirstSource);

    const error = await seedDatabase(db, dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    const problems = (error as DatasetError).problems;
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: path.join(dir, "institutions.yaml"),
        record: "sef",
        field: "category",
      }),
    );
    expect(await db.runRead("database-snapshot")).toEqual(before);

    const cli = await seedCli(["--data", dir]).catch((e: { code: number; stderr: string }) => e);
    expect("code" in cli && cli.code).toBe(1);
    expect((cli as { stderr: string }).stderr).toMatch(/institutions\.yaml, record 'sef', field 'category'/);
    expect(await db.runRead("database-snapshot")).toEqual(before);
  });

  it("reports a reference to an unknown source with the relationship and field", async () => {
    const dir = await copyDataset();
    dirs.push(dir);
    await edit(dir, "relationships.yaml", breakFirstSource);
    const error = (await seedDatabase(db, dir).catch((e: unknown) => e)) as DatasetError;
    expect(error).toBeInstanceOf(DatasetError);
    expect(error.problems).toContainEqual(
      expect.objectContaining({ field: "sources[0]", message: "cites 's999', which is not in sources.yaml" }),
    );
  });

  it("deletes from the database a record deleted from the files", async () => {
    const dir = await copyDataset();
    dirs.push(dir);
    await edit(dir, "people.yaml", (records) => records.filter((r) => r.id !== "rita-bessa"));
    await edit(dir, "relationships.yaml", (records) => records.filter((r) => r.from !== "rita-bessa"));
    const report = await seedDatabase(db, dir);
    expect(report.counters.nodesDeleted).toBe(1);
    const ids = (await db.runRead("database-snapshot")).map((row) => row.id);
    expect(ids).not.toContain("rita-bessa");
    expect(ids).toContain("apav");

    const restored = await seedDatabase(db);
    expect(restored.counters.nodesCreated).toBe(1);
  });

  it("loads another country's dataset folder in place of the current one (the template)", async () => {
    const report = await seedDatabase(db, path.resolve("seed/template"));
    expect(report.nodes).toBe(4);
    const ids = (await db.runRead("database-snapshot")).map((row) => row.id);
    expect(ids.sort()).toEqual([
      "example-capital",
      "example-police",
      "example-shelter-ngo",
      "example-source",
    ]);
    const back = await seedDatabase(db);
    expect(back.counters.nodesCreated).toBeGreaterThan(200);
  });
});
