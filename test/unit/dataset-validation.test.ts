// The validator on small hand-made datasets: each kind of mistake is reported with file, record and field.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DatasetError, type DatasetProblem, readDataset, relationshipId } from "../../seed/dataset.ts";

const SOURCES = `- id: s01
  title: Workshop report
  publisher: THB/IFS/2
  kind: report
`;
const INSTITUTIONS = `- id: sef
  name: Serviço de Estrangeiros e Fronteiras
  category: law-enforcement
  country: PT
  description: Immigration and border police.
  validFrom: "2000"
  validTo: 2023-10-29
  sources: [s01]
  evidence: documented
- id: aima
  name: Agência para a Integração, Migrações e Asilo
  category: government-body
  country: PT
  description: Successor of SEF's administrative functions.
  validFrom: 2023-10-29
  sources: [s01]
  evidence: documented
`;
const RELATIONSHIPS = `- from: sef
  to: aima
  type: SUCCEEDED_BY
  description: AIMA took over SEF's administrative functions.
  validFrom: 2023-10-29
  sources: [s01]
  evidence: documented
`;

const dirs: string[] = [];
afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function dataset(files: Record<string, string | Buffer>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "thb-validate-"));
  dirs.push(dir);
  const all = {
    "sources.yaml": SOURCES,
    "institutions.yaml": INSTITUTIONS,
    "relationships.yaml": RELATIONSHIPS,
    ...files,
  };
  for (const [name, content] of Object.entries(all)) await writeFile(path.join(dir, name), content);
  return dir;
}

async function problemsOf(dir: string): Promise<DatasetProblem[]> {
  const error = await readDataset(dir).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(DatasetError);
  return (error as DatasetError).problems;
}

describe("readDataset", () => {
  it("accepts a valid dataset and gives relationships their default ids", async () => {
    const data = await readDataset(await dataset({}));
    expect(data.institutions.map((i) => i.id)).toEqual(["sef", "aima"]);
    expect(data.institutions[0]?.aliases).toEqual([]);
    expect(data.relationships[0]?.id).toBe("sef--succeeded-by--aima");
    expect(relationshipId({ from: "a", to: "b", type: "REFERS_VICTIM_TO" })).toBe("a--refers-victim-to--b");
  });

  it.each([
    ["a bad enum value", INSTITUTIONS.replace("law-enforcement", "police"), "sef", "category"],
    ["a missing required field", INSTITUTIONS.replace("  country: PT\n", ""), "sef", "country"],
    ["an id that is not kebab-case", INSTITUTIONS.replace("id: aima", "id: AIMA_2023"), "AIMA_2023", "id"],
    [
      "an impossible date",
      INSTITUTIONS.replace("validTo: 2023-10-29", "validTo: 2023-02-30"),
      "sef",
      "validTo",
    ],
    [
      "no sources",
      INSTITUTIONS.replace(
        "  sources: [s01]\n  evidence: documented\n- id: aima",
        "  sources: []\n  evidence: documented\n- id: aima",
      ),
      "sef",
      "sources",
    ],
    [
      "an unknown field",
      INSTITUTIONS.replace("  country: PT\n", "  country: PT\n  colour: red\n"),
      "sef",
      undefined,
    ],
    [
      "validFrom after validTo",
      INSTITUTIONS.replace('validFrom: "2000"', "validFrom: 2024-01-01"),
      "sef",
      "validTo",
    ],
  ])("reports %s in institutions.yaml with its record and field", async (_what, text, record, field) => {
    const dir = await dataset({ "institutions.yaml": text });
    const problems = await problemsOf(dir);
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: path.join(dir, "institutions.yaml"),
        record,
        ...(field ? { field } : {}),
      }),
    );
  });

  it("reports references to unknown records and sources, and duplicate ids, all at once", async () => {
    const dir = await dataset({
      "relationships.yaml": `${RELATIONSHIPS}- from: sef
  to: nowhere
  type: SIGNALS_TO
  description: x
  sources: [s01, s404]
  evidence: reported
`,
      "people.yaml":
        "- id: sef\n  name: Someone\n  publicRole: spokesperson\n  sources: [s01]\n  evidence: documented\n",
    });
    const problems = await problemsOf(dir);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          record: "sef--signals-to--nowhere",
          field: "to",
          message: "refers to 'nowhere', which no record has as its id",
        }),
        expect.objectContaining({ record: "sef--signals-to--nowhere", field: "sources[1]" }),
        expect.objectContaining({ file: path.join(dir, "people.yaml"), record: "sef", field: "id" }),
      ]),
    );
  });

  it("refuses files that are not UTF-8, not YAML, or not a list", async () => {
    const notUtf8 = await problemsOf(
      await dataset({ "institutions.yaml": Buffer.from([0x2d, 0x20, 0xff, 0xfe, 0x0a]) }),
    );
    expect(notUtf8[0]?.message).toMatch(/not valid UTF-8/);
    const notYaml = await problemsOf(await dataset({ "institutions.yaml": "- id: [unclosed\n" }));
    expect(notYaml[0]?.message).toMatch(/not valid YAML/);
    const duplicateKey = await problemsOf(
      await dataset({ "institutions.yaml": `${INSTITUTIONS}  name: again\n` }),
    );
    expect(duplicateKey[0]?.message).toMatch(/not valid YAML/);
    const notList = await problemsOf(await dataset({ "institutions.yaml": "id: sef\n" }));
    expect(notList[0]?.message).toMatch(/must be a YAML list/);
  });

  it("says which file is missing when a required file is absent", async () => {
    const dir = await dataset({});
    await rm(path.join(dir, "sources.yaml"));
    const problems = await problemsOf(dir);
    expect(problems[0]).toMatchObject({ file: path.join(dir, "sources.yaml") });
    expect(problems[0]?.message).toMatch(/cannot be read/);
  });
});
