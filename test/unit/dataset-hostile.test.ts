// Hostile and inconsistent dataset files, without a database: SUPERVISED_BY cycles are refused (each cycle
// once, with file, records and field), and text that would not come back from Neo4j as written is refused.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { stringify } from "yaml";
import { DatasetError, type DatasetProblem, formatProblem, readDataset } from "../../seed/dataset.ts";

const SOURCES = [{ id: "s01", title: "Workshop report", publisher: "THB/IFS/2", kind: "report" }];
const institution = (id: string) => ({
  id,
  name: `Body ${id.toUpperCase()}`,
  category: "ministry",
  country: "PT",
  description: "A body.",
  sources: ["s01"],
  evidence: "documented",
});
const link = (from: string, to: string, type = "SUPERVISED_BY", extra: Record<string, unknown> = {}) => ({
  from,
  to,
  type,
  description: `${from} ${type} ${to}`,
  sources: ["s01"],
  evidence: "documented",
  ...extra,
});
const supervised = (from: string, to: string) => `${from}--supervised-by--${to}`;

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function datasetDir(files: Record<string, unknown[] | string | Buffer>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "thb-hostile-"));
  dirs.push(dir);
  for (const [name, content] of Object.entries({ sources: SOURCES, ...files })) {
    const text = Array.isArray(content) ? stringify(content) : content;
    await writeFile(path.join(dir, `${name}.yaml`), text);
  }
  return dir;
}

/** A dataset of institutions named by `ids` linked by `links`. */
function graph(ids: string[], links: unknown[]) {
  return datasetDir({ institutions: ids.map(institution), relationships: links });
}

async function problemsOf(dir: string): Promise<DatasetProblem[]> {
  const error = await readDataset(dir).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DatasetError);
  return (error as DatasetError).problems;
}

const cycleProblems = (problems: DatasetProblem[]) => problems.filter((p) => /cycle/.test(p.message));

describe("SUPERVISED_BY cycles", () => {
  it("refuses a → b → a, naming the file, both relationships and the field", async () => {
    const dir = await graph(["a", "b"], [link("a", "b"), link("b", "a")]);
    const problems = await problemsOf(dir);
    expect(problems).toEqual([
      {
        file: path.join(dir, "relationships.yaml"),
        record: `${supervised("a", "b")}, ${supervised("b", "a")}`,
        field: "to",
        message: "SUPERVISED_BY forms a cycle: a → b → a",
      },
    ]);
    expect(formatProblem(problems[0] as DatasetProblem)).toContain(
      "relationships.yaml, record 'a--supervised-by--b, b--supervised-by--a', field 'to': SUPERVISED_BY forms a cycle: a → b → a",
    );
  });

  it("refuses a → b → c → a once, starting where the file first mentions it", async () => {
    const dir = await graph(["a", "b", "c"], [link("c", "a"), link("a", "b"), link("b", "c")]);
    expect(await problemsOf(dir)).toEqual([
      expect.objectContaining({
        record: [supervised("c", "a"), supervised("a", "b"), supervised("b", "c")].join(", "),
        field: "to",
        message: "SUPERVISED_BY forms a cycle: c → a → b → c",
      }),
    ]);
  });

  it("reports every cycle once, also when cycles share a body or come in separate groups", async () => {
    const dir = await graph(
      ["a", "b", "c", "x", "y", "z"],
      [link("a", "b"), link("b", "a"), link("a", "c"), link("c", "a"), link("x", "y"), link("y", "x")],
    );
    const messages = (await problemsOf(dir)).map((p) => p.message).sort();
    expect(messages).toEqual([
      "SUPERVISED_BY forms a cycle: a → b → a",
      "SUPERVISED_BY forms a cycle: a → c → a",
      "SUPERVISED_BY forms a cycle: x → y → x",
    ]);
  });

  it("reports a cycle once when a hop is listed twice under different ids", async () => {
    const dir = await graph(["a", "b"], [link("a", "b"), link("a", "b", "SUPERVISED_BY", { id: "again" })]);
    await expect(readDataset(dir)).resolves.toBeDefined();
    const cyclic = await graph(
      ["a", "b"],
      [link("a", "b"), link("a", "b", "SUPERVISED_BY", { id: "again" }), link("b", "a")],
    );
    expect(cycleProblems(await problemsOf(cyclic))).toHaveLength(1);
  });

  it("accepts hierarchies: a chain, a diamond, and loops through other relationship types", async () => {
    const chain = await graph(["a", "b", "c"], [link("a", "b"), link("b", "c")]);
    await expect(readDataset(chain)).resolves.toBeDefined();
    const diamond = await graph(
      ["a", "b", "c", "d"],
      [link("a", "b"), link("a", "c"), link("b", "d"), link("c", "d")],
    );
    await expect(readDataset(diamond)).resolves.toBeDefined();
    const mixed = await graph(["a", "b"], [link("a", "b"), link("b", "a", "SIGNALS_TO")]);
    await expect(readDataset(mixed)).resolves.toBeDefined();
  });

  it("leaves a body supervising itself to the self-link check (one problem, not two)", async () => {
    const dir = await graph(["a"], [link("a", "a")]);
    expect(await problemsOf(dir)).toEqual([
      expect.objectContaining({
        record: supervised("a", "a"),
        field: "to",
        message: "links a record to itself",
      }),
    ]);
  });

  it("finds a cycle through 5000 bodies without running out of stack", async () => {
    const ids = Array.from({ length: 5000 }, (_, i) => `body-${i}`);
    const dir = await graph(
      ids,
      ids.map((id, i) => link(id, ids[(i + 1) % ids.length] as string)),
    );
    const problems = cycleProblems(await problemsOf(dir));
    expect(problems).toHaveLength(1);
    expect(problems[0]?.message).toMatch(
      /^SUPERVISED_BY forms a cycle: body-0 → body-1 → .* → body-4999 → body-0$/,
    );
  });

  it("summarises a dense tangle instead of listing its millions of cycles", async () => {
    const ids = Array.from({ length: 12 }, (_, i) => `t${i}`);
    const links = ids.flatMap((from) => ids.filter((to) => to !== from).map((to) => link(from, to)));
    const started = Date.now();
    const problems = cycleProblems(await problemsOf(await graph(ids, links)));
    expect(Date.now() - started).toBeLessThan(5000);
    expect(problems).toEqual([
      expect.objectContaining({
        field: "to",
        message: `SUPERVISED_BY forms too many cycles to list one by one, among: ${[...ids].sort().join(", ")}`,
      }),
    ]);
  });
});

describe("hostile text", () => {
  it("accepts HTML and script in names as plain text, unchanged", async () => {
    const name = `<script>alert("x")</script><img src=x onerror="alert(1)"> & ' " \u202eRTL 🚨`;
    const data = await readDataset(await datasetDir({ institutions: [{ ...institution("a"), name }] }));
    expect(data.institutions[0]?.name).toBe(name);
  });

  it.each([
    ["a 10 MB name", { name: "x".repeat(10 * 1024 * 1024) }, "a", "name"],
    ["a 10 MB note", { note: "x".repeat(10 * 1024 * 1024) }, "a", "note"],
    ["an id longer than the API accepts", { id: "a".repeat(121) }, undefined, "id"],
    ["a NUL character", { description: "before\u0000after" }, "a", "description"],
    ["an escape control character", { aliases: ["ok", "\u001b[31mred"] }, "a", "aliases[1]"],
    ["a lone surrogate", { name: "broken \ud800 text" }, "a", "name"],
  ])("refuses %s, naming file, record and field", async (_what, change, record, field) => {
    const dir = await datasetDir({ institutions: [{ ...institution("a"), ...change }] });
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: path.join(dir, "institutions.yaml"),
        field,
        ...(record ? { record } : {}),
      }),
    );
  });

  it("refuses a 10 MB relationship property and an overlong property name", async () => {
    const big = "x".repeat(10 * 1024 * 1024);
    const dir = await graph(
      ["a", "b"],
      [link("a", "b", "SIGNALS_TO", { properties: { competence: big, [`k${"x".repeat(80)}`]: 1 } })],
    );
    const problems = await problemsOf(dir);
    expect(problems.map((p) => p.field)).toEqual(
      expect.arrayContaining(["properties.competence", `properties.k${"x".repeat(80)}`]),
    );
    expect(problems.every((p) => p.file === path.join(dir, "relationships.yaml"))).toBe(true);
  });

  it("refuses invalid UTF-8 (an encoded lone surrogate) and names the file", async () => {
    const [before, after] = stringify([institution("a")]).split("Body A");
    const text = Buffer.concat([
      Buffer.from(`${before}"Body `),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from(`"${after}`),
    ]);
    const dir = await datasetDir({ institutions: text });
    expect(await problemsOf(dir)).toEqual([
      { file: path.join(dir, "institutions.yaml"), message: "is not valid UTF-8: save it as UTF-8" },
    ]);
  });

  it("refuses YAML alias bombs and absurd nesting as invalid YAML", async () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const [name, prev] = [String.fromCharCode(97 + i), String.fromCharCode(96 + i)];
      lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(",")}]`);
    }
    const bomb = await problemsOf(await datasetDir({ institutions: `- ${lines.join("\n  ")}\n` }));
    expect(bomb).toEqual([expect.objectContaining({ message: expect.stringMatching(/^is not valid YAML/) })]);
    const deep = await problemsOf(
      await datasetDir({ institutions: [], people: `${"[".repeat(50_000)}${"]".repeat(50_000)}` }),
    );
    expect(deep[0]?.message).toMatch(/^is not valid YAML/);
  });

  it("refuses duplicate ids, within a file and across files", async () => {
    const dir = await datasetDir({
      institutions: [institution("a"), institution("a")],
      people: [{ id: "s01", name: "Someone", publicRole: "x", sources: ["s01"], evidence: "documented" }],
    });
    const problems = await problemsOf(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ file: path.join(dir, "institutions.yaml"), record: "a", field: "id" }),
        expect.objectContaining({ file: path.join(dir, "people.yaml"), record: "s01", field: "id" }),
      ]),
    );
  });
});
