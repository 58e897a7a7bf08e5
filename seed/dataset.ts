// Reads a dataset folder, validates every file with the zod schemas and checks the records against each
// other. Every problem is collected, so a researcher sees all of them at once, with file, record and field.
import { readFile } from "node:fs/promises";
import path from "node:path";
import { parseDocument } from "yaml";
import type { z } from "zod";
import {
  DATASET_FILES,
  type DatasetFile,
  type Institution,
  type LegalInstrument,
  type Pathway,
  type Person,
  type Place,
  type Relationship,
  type Session,
  type Source,
  type Workshop,
} from "./schema.ts";

export interface Dataset {
  sources: Source[];
  institutions: Institution[];
  places: Place[];
  workshops: Workshop[];
  sessions: Session[];
  people: Person[];
  "legal-instruments": LegalInstrument[];
  pathways: Pathway[];
  relationships: Array<Relationship & { id: string }>;
}

export interface DatasetProblem {
  file: string;
  /** The record's id, or its position when it has no usable id. */
  record?: string;
  /** The field's path inside the record, e.g. `sources[1]`. */
  field?: string;
  message: string;
}

export class DatasetError extends Error {
  constructor(
    readonly dir: string,
    readonly problems: DatasetProblem[],
  ) {
    super(
      `The dataset in ${dir} has ${problems.length} problem(s):\n${problems.map(formatProblem).join("\n")}`,
    );
    this.name = "DatasetError";
  }
}

export function formatProblem(problem: DatasetProblem): string {
  const where = [
    problem.file,
    problem.record && `record '${problem.record}'`,
    problem.field && `field '${problem.field}'`,
  ]
    .filter(Boolean)
    .join(", ");
  return `  - ${where}: ${problem.message}`;
}

export const DEFAULT_DATA_DIR = path.resolve(import.meta.dirname, "data");

export function relationshipId(rel: Pick<Relationship, "id" | "from" | "type" | "to">): string {
  return rel.id ?? `${rel.from}--${rel.type.toLowerCase().replaceAll("_", "-")}--${rel.to}`;
}

/** Reads and validates the dataset in `dir`; throws a DatasetError listing every problem. */
export async function readDataset(dir: string = DEFAULT_DATA_DIR): Promise<Dataset> {
  const problems: DatasetProblem[] = [];
  const dataset: Record<string, unknown[]> = {};
  for (const [kind, schema] of Object.entries(DATASET_FILES) as Array<[DatasetFile, z.ZodType]>) {
    dataset[kind] = await readKind(dir, kind, schema, problems);
  }
  const typed = dataset as unknown as Dataset;
  typed.relationships = typed.relationships.map((rel) => ({ ...rel, id: relationshipId(rel) }));
  if (problems.length === 0) checkIntegrity(typed, problems);
  if (problems.length > 0) {
    throw new DatasetError(
      dir,
      problems.map((p) => ({ ...p, file: path.isAbsolute(p.file) ? p.file : path.join(dir, p.file) })),
    );
  }
  return typed;
}

async function readKind(dir: string, kind: DatasetFile, schema: z.ZodType, problems: DatasetProblem[]) {
  const file = `${kind}.yaml`;
  const fullPath = path.join(dir, file);
  let bytes: Buffer;
  try {
    bytes = await readFile(fullPath);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT" && kind !== "sources" && kind !== "institutions")
      return [];
    problems.push({ file: fullPath, message: `cannot be read (${(error as Error).message})` });
    return [];
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    problems.push({ file: fullPath, message: "is not valid UTF-8: save it as UTF-8" });
    return [];
  }
  const doc = parseDocument(text, { uniqueKeys: true });
  if (doc.errors.length > 0) {
    for (const error of doc.errors)
      problems.push({ file: fullPath, message: `is not valid YAML: ${error.message}` });
    return [];
  }
  const data: unknown = doc.toJS() ?? [];
  if (!Array.isArray(data)) {
    problems.push({ file: fullPath, message: "must be a YAML list of records (each starting with '- ')" });
    return [];
  }
  const records: unknown[] = [];
  data.forEach((raw, index) => {
    const parsed = schema.safeParse(raw);
    const label = recordLabel(raw, index);
    if (parsed.success) {
      records.push(parsed.data);
      return;
    }
    for (const issue of parsed.error.issues) {
      problems.push({ file: fullPath, record: label, field: formatPath(issue.path), message: issue.message });
    }
  });
  return records;
}

function recordLabel(raw: unknown, index: number): string {
  const id = raw && typeof raw === "object" && "id" in raw ? (raw as { id: unknown }).id : undefined;
  if (typeof id === "string" && id.length > 0 && id.length <= 100) return id;
  const rel = raw as { from?: unknown; type?: unknown; to?: unknown } | null;
  if (rel && typeof rel.from === "string" && typeof rel.to === "string") {
    return `${rel.from} ${String(rel.type)} ${rel.to}`.slice(0, 200);
  }
  return `#${index + 1}`;
}

function formatPath(parts: ReadonlyArray<PropertyKey>): string | undefined {
  if (parts.length === 0) return undefined;
  return parts
    .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i === 0 ? "" : "."}${String(part)}`))
    .join("");
}

function checkIntegrity(dataset: Dataset, problems: DatasetProblem[]): void {
  const kindOf = new Map<string, DatasetFile>();
  const sourceIds = new Set(dataset.sources.map((s) => s.id));
  for (const [kind, records] of Object.entries(dataset) as Array<[DatasetFile, Array<{ id: string }>]>) {
    records.forEach((record) => {
      const seen = kindOf.get(record.id);
      if (seen) {
        problems.push({
          file: `${kind}.yaml`,
          record: record.id,
          field: "id",
          message: `is used twice (also in ${seen}.yaml): ids must be unique across the dataset`,
        });
      }
      kindOf.set(record.id, kind);
    });
  }
  const expect = (
    file: string,
    record: string,
    field: string,
    id: string | undefined,
    kinds: DatasetFile[],
  ) => {
    if (id === undefined) return;
    const kind = kindOf.get(id);
    if (!kind)
      problems.push({ file, record, field, message: `refers to '${id}', which no record has as its id` });
    else if (!kinds.includes(kind) && kinds.length > 0) {
      problems.push({
        file,
        record,
        field,
        message: `refers to '${id}' in ${kind}.yaml; expected one of: ${kinds.join(", ")}`,
      });
    }
  };
  for (const [kind, records] of Object.entries(dataset) as Array<
    [DatasetFile, Array<Record<string, unknown>>]
  >) {
    for (const record of records) {
      const id = String(record.id);
      const file = `${kind}.yaml`;
      checkSources(file, id, "sources", record.sources as string[], sourceIds, problems);
      checkValidity(file, id, record, problems);
    }
  }
  for (const session of dataset.sessions)
    expect("sessions.yaml", session.id, "workshop", session.workshop, ["workshops"]);
  for (const pathway of dataset.pathways) {
    pathway.steps.forEach((step, i) => {
      expect("pathways.yaml", pathway.id, `steps[${i}].actor`, step.actor, ["institutions"]);
      expect("pathways.yaml", pathway.id, `steps[${i}].recipient`, step.recipient, ["institutions"]);
      step.legalBasis.forEach((law, j) => {
        expect("pathways.yaml", pathway.id, `steps[${i}].legalBasis[${j}]`, law, ["legal-instruments"]);
      });
      checkSources("pathways.yaml", pathway.id, `steps[${i}].sources`, step.sources, sourceIds, problems);
    });
  }
  const relIds = new Set<string>();
  for (const rel of dataset.relationships) {
    expect("relationships.yaml", rel.id, "from", rel.from, []);
    expect("relationships.yaml", rel.id, "to", rel.to, []);
    if (relIds.has(rel.id)) {
      problems.push({
        file: "relationships.yaml",
        record: rel.id,
        field: "id",
        message: "is used twice: give one of the two relationships an explicit, different `id`",
      });
    }
    relIds.add(rel.id);
    if (rel.from === rel.to) {
      problems.push({
        file: "relationships.yaml",
        record: rel.id,
        field: "to",
        message: "links a record to itself",
      });
    }
  }
}

function checkSources(
  file: string,
  record: string,
  field: string,
  sources: string[] | undefined,
  known: Set<string>,
  problems: DatasetProblem[],
): void {
  if (file === "sources.yaml" || !sources) return;
  sources.forEach((source, i) => {
    if (!known.has(source)) {
      problems.push({
        file,
        record,
        field: `${field}[${i}]`,
        message: `cites '${source}', which is not in sources.yaml`,
      });
    }
  });
}

function checkValidity(
  file: string,
  record: string,
  fields: Record<string, unknown>,
  problems: DatasetProblem[],
) {
  const pairs: Array<[string, string]> = [
    ["validFrom", "validTo"],
    ["startDate", "endDate"],
  ];
  for (const [fromKey, toKey] of pairs) {
    const from = fields[fromKey];
    const to = fields[toKey];
    // Partial dates compare correctly as text on their common prefix.
    if (typeof from === "string" && typeof to === "string") {
      const n = Math.min(from.length, to.length);
      if (from.slice(0, n) > to.slice(0, n)) {
        problems.push({ file, record, field: toKey, message: `${to} is before ${fromKey} ${from}` });
      }
    }
  }
}
