// Data safety: a load killed with SIGKILL leaves the old dataset or the whole new one, never a mix; hostile
// dataset files are refused with a message naming file, record and field, or stored as inert text; and
// every refusal leaves the database exactly as it was.
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { isDeepStrictEqual, promisify } from "node:util";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { parse, stringify } from "yaml";
import { DatasetError, DEFAULT_DATA_DIR } from "../../seed/dataset.ts";
import { seedDatabase } from "../../seed/loader.ts";
import { NodeDetails } from "../../server/api/schemas.ts";
import type { Row } from "../../server/db/database.ts";
import { testApp, testDatabase } from "../setup/db.ts";

const TSX = path.resolve("node_modules/.bin/tsx");
const CLI_ENV = { ...process.env, NEO4J_URI: inject("neo4jUri"), NEO4J_USER: "neo4j", NEO4J_PASSWORD: "" };

const db = testDatabase({ queryTimeoutMs: 60_000 });
const app = testApp(db);
const dirs: string[] = [];
let before: Row[];

beforeAll(async () => {
  before = await db.runRead("database-snapshot");
});
afterAll(async () => {
  try {
    await seedDatabase(db); // leave the suite's database as the real dataset
    expect(await db.runRead("database-snapshot")).toEqual(before);
  } finally {
    await db.close();
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  }
});

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "thb-safety-"));
  dirs.push(dir);
  return dir;
}

async function copyDataset(): Promise<string> {
  const dir = await tempDir();
  await cp(DEFAULT_DATA_DIR, dir, { recursive: true });
  return dir;
}

type YamlRecord = Record<string, unknown>;

async function edit(dir: string, file: string, change: (records: YamlRecord[]) => YamlRecord[]) {
  const full = path.join(dir, file);
  const records = parse(await readFile(full, "utf8")) as YamlRecord[];
  await writeFile(full, stringify(change(records)));
}

// ---- a large synthetic dataset ----------------------------------------------------------------------

const BODIES = 5000;
const LINKS = 5000;

/** Writes a valid dataset of BODIES institutions and LINKS relationships; returns its node ids. */
async function writeLargeDataset(dir: string): Promise<{ ids: string[]; links: number }> {
  const sources = ["synthetic-source-1", "synthetic-source-2"].map((id) => ({
    id,
    title: `Synthetic source ${id}`,
    publisher: "Data-safety test",
    kind: "other",
  }));
  const ids = Array.from({ length: BODIES }, (_, i) => `synthetic-body-${i}`);
  const institutions = ids.map((id, i) => ({
    id,
    name: `Synthetic body ${i}`,
    category: "ngo",
    country: i % 2 ? "PT" : "TR",
    description: `Synthetic institution number ${i}, written by the data-safety test.`,
    sources: ["synthetic-source-1"],
    evidence: "documented",
  }));
  // i → 7i + 1 (mod BODIES): never a self-link, never the same pair twice.
  const relationships = Array.from({ length: LINKS }, (_, i) => ({
    from: ids[i],
    to: ids[(i * 7 + 1) % BODIES],
    type: "SIGNALS_TO",
    description: `Synthetic referral ${i}.`,
    sources: ["synthetic-source-2"],
    evidence: "reported",
  }));
  await writeFile(path.join(dir, "sources.yaml"), stringify(sources));
  await writeFile(path.join(dir, "institutions.yaml"), stringify(institutions));
  await writeFile(path.join(dir, "relationships.yaml"), stringify(relationships));
  return { ids: [...sources.map((s) => s.id), ...ids].sort(), links: relationships.length };
}

/** Resolves when `child` has exited, with its exit code and the signal that ended it. */
function exited(child: ChildProcess): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve({ code: child.exitCode, signal: child.signalCode });
      return;
    }
    child.once("exit", (code, signal) => resolve({ code, signal }));
  });
}

describe("a load killed with SIGKILL", () => {
  it("leaves exactly the old dataset or exactly the new one, never a mix", async () => {
    const dir = await tempDir();
    const generated = await writeLargeDataset(dir);
    // tsx runs the script in a child node process: its own process group lets one kill reach both.
    const child = spawn(TSX, ["seed/cli.ts", "--data", dir], {
      env: CLI_ENV,
      detached: true,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    const writing = new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), 45_000);
      const watch = (chunk: Buffer) => {
        output += chunk.toString();
        if (/records written/.test(output)) {
          clearTimeout(timer);
          resolve(true);
        }
      };
      child.stdout?.on("data", watch);
      child.stderr?.on("data", watch);
      void exited(child).then(() => {
        clearTimeout(timer);
        resolve(/records written/.test(output));
      });
    });
    const sawWriting = await writing;
    try {
      process.kill(-(child.pid as number), "SIGKILL");
    } catch {
      // It had already finished.
    }
    const { signal } = await exited(child);
    expect(sawWriting, `the loader's output before the kill:\n${output}`).toBe(true);
    expect(signal, "the loader was killed before it finished").toBe("SIGKILL");
    expect(output).not.toMatch(/Dataset \S+ loaded/);

    // Neo4j rolls the open transaction back when its connection dies; a commit already sent is whole.
    const after = await db.runRead("database-snapshot");
    if (!isDeepStrictEqual(after, before)) {
      expect(after.map((row) => row.id).sort(), "neither the old dataset nor the new one").toEqual(
        generated.ids,
      );
      expect(after.reduce((n, row) => n + (row.out as unknown[]).length, 0)).toBe(generated.links);
    }

    await seedDatabase(db);
    expect(await db.runRead("database-snapshot")).toEqual(before);
  }, 120_000);
});

// ---- hostile dataset files --------------------------------------------------------------------------

async function refusal(dir: string): Promise<DatasetError> {
  const error = await seedDatabase(db, dir).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DatasetError);
  expect(await db.runRead("database-snapshot")).toEqual(before);
  return error as DatasetError;
}

const supervision = (from: string, to: string) => ({
  from,
  to,
  type: "SUPERVISED_BY",
  description: `${from} is supervised by ${to} (a deliberate error).`,
  sources: ["s01"],
  evidence: "documented",
});

describe("hostile dataset files", () => {
  it("stores HTML and script in names as plain text and answers them back unchanged, as JSON", async () => {
    const name = `<script>alert("THB")</script><img src=x onerror="alert(1)"> & 'APAV' \u202eRTL 🚨`;
    const description = `</textarea><svg onload=alert(2)>{{constructor.constructor('alert(3)')()}} \${7*7}`;
    const dir = await copyDataset();
    await edit(dir, "institutions.yaml", (records) =>
      records.map((r) => (r.id === "apav" ? { ...r, name, nameEn: name, description } : r)),
    );
    await seedDatabase(db, dir);
    try {
      const res = await request(app).get("/api/nodes/apav");
      expect(res.status).toBe(200);
      expect(res.headers["content-type"]).toMatch(/^application\/json/);
      const node = NodeDetails.parse(res.body).node as Record<string, unknown>;
      expect(node.name).toBe(name);
      expect(node.nameEn).toBe(name);
      expect(node.description).toBe(description);
    } finally {
      await seedDatabase(db);
    }
    expect(await db.runRead("database-snapshot")).toEqual(before);
  });

  it("refuses a 10 MB string by the schema's length limit, naming file, record and field", async () => {
    const dir = await copyDataset();
    await edit(dir, "institutions.yaml", (records) =>
      records.map((r) => (r.id === "sef" ? { ...r, description: "x".repeat(10 * 1024 * 1024) } : r)),
    );
    const { problems } = await refusal(dir);
    expect(problems).toEqual([
      expect.objectContaining({
        file: path.join(dir, "institutions.yaml"),
        record: "sef",
        field: "description",
        message: expect.stringMatching(/2000/),
      }),
    ]);
  });

  it("refuses a file that is not valid UTF-8", async () => {
    const dir = await copyDataset();
    const file = path.join(dir, "institutions.yaml");
    const text = await readFile(file, "utf8");
    const at = text.indexOf("Serviço");
    await writeFile(
      file,
      Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xc3, 0x28]), Buffer.from(text.slice(at))]),
    );
    const { problems } = await refusal(dir);
    expect(problems).toEqual([{ file, message: "is not valid UTF-8: save it as UTF-8" }]);
  });

  it("refuses duplicate ids, in one file and across files", async () => {
    const dir = await copyDataset();
    await edit(dir, "institutions.yaml", (records) => [
      ...records,
      records.find((r) => r.id === "sef") ?? {},
    ]);
    await edit(dir, "people.yaml", (records) => [...records, { ...records[0], id: "apav" }]);
    const { problems } = await refusal(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: path.join(dir, "institutions.yaml"), record: "sef", field: "id" }),
        expect.objectContaining({ file: path.join(dir, "people.yaml"), record: "apav", field: "id" }),
      ]),
    );
  });

  it("refuses SUPERVISED_BY cycles (a → b → a, a → b → c → a), each once, also through `npm run seed`", async () => {
    const dir = await copyDataset();
    await edit(dir, "relationships.yaml", (records) => [
      ...records,
      supervision("apav", "apf"),
      supervision("apf", "apav"),
      supervision("iom-portugal", "saude-em-portugues"),
      supervision("saude-em-portugues", "rapvt"),
      supervision("rapvt", "iom-portugal"),
    ]);
    const file = path.join(dir, "relationships.yaml");
    const { problems } = await refusal(dir);
    expect(problems).toEqual([
      {
        file,
        record: "apav--supervised-by--apf, apf--supervised-by--apav",
        field: "to",
        message: "SUPERVISED_BY forms a cycle: apav → apf → apav",
      },
      {
        file,
        record:
          "iom-portugal--supervised-by--saude-em-portugues, saude-em-portugues--supervised-by--rapvt, rapvt--supervised-by--iom-portugal",
        field: "to",
        message: "SUPERVISED_BY forms a cycle: iom-portugal → saude-em-portugues → rapvt → iom-portugal",
      },
    ]);

    const cli = await promisify(execFile)(TSX, ["seed/cli.ts", "--data", dir], { env: CLI_ENV }).catch(
      (e: { code: number; stderr: string }) => e,
    );
    expect("code" in cli && cli.code).toBe(1);
    const stderr = (cli as { stderr: string }).stderr;
    expect(stderr).toContain(
      "relationships.yaml, record 'apav--supervised-by--apf, apf--supervised-by--apav', field 'to': SUPERVISED_BY forms a cycle: apav → apf → apav",
    );
    expect(stderr).toContain("Nothing was loaded: the database is as it was.");
    expect(await db.runRead("database-snapshot")).toEqual(before);
  });
});
