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
  const raw: Partial<Record<DatasetFile, unknown[]>> = {};
  for (const kind of Object.keys(DATASET_FILES) as DatasetFile[]) {
    raw[kind] = await readKind(dir, kind, problems);
  }
  return validated(raw, problems, dir);
}

/**
 * Validates records already in memory (e.g. a generated dataset) exactly as readDataset validates files:
 * the same schemas, text checks and integrity checks. Throws a DatasetError naming `where`.
 */
export function validateDataset(
  data: Partial<Record<DatasetFile, readonly unknown[]>>,
  where = "(in memory)",
): Dataset {
  return validated(data, [], where);
}

function validated(
  raw: Partial<Record<DatasetFile, readonly unknown[]>>,
  problems: DatasetProblem[],
  dir: string,
): Dataset {
  const dataset: Record<string, unknown[]> = {};
  for (const [kind, schema] of Object.entries(DATASET_FILES) as Array<[DatasetFile, z.ZodType]>) {
    dataset[kind] = validateRecords(`${kind}.yaml`, raw[kind] ?? [], schema, problems);
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

/** The records of one file as YAML gives them, unvalidated; an unreadable file is a problem and no records. */
async function readKind(dir: string, kind: DatasetFile, problems: DatasetProblem[]): Promise<unknown[]> {
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
  let data: unknown;
  try {
    // toJS refuses alias bombs ("billion laughs") by throwing: a refusal like any other.
    data = doc.toJS() ?? [];
  } catch (error) {
    problems.push({ file: fullPath, message: `is not valid YAML: ${(error as Error).message}` });
    return [];
  }
  if (!Array.isArray(data)) {
    problems.push({ file: fullPath, message: "must be a YAML list of records (each starting with '- ')" });
    return [];
  }
  return data;
}

function validateRecords(
  file: string,
  data: readonly unknown[],
  schema: z.ZodType,
  problems: DatasetProblem[],
): unknown[] {
  const records: unknown[] = [];
  data.forEach((raw, index) => {
    const parsed = schema.safeParse(raw);
    const label = recordLabel(raw, index);
    if (parsed.success) {
      const before = problems.length;
      checkText(parsed.data, undefined, (field, message) =>
        problems.push({ file, record: label, ...(field ? { field } : {}), message }),
      );
      if (problems.length === before) records.push(parsed.data);
      return;
    }
    for (const issue of parsed.error.issues) {
      problems.push({ file, record: label, field: formatPath(issue.path), message: issue.message });
    }
  });
  return records;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Text must come back from Neo4j as written: no lone surrogates, no control characters but tab and newlines. */
function checkText(
  value: unknown,
  field: string | undefined,
  report: (field: string | undefined, message: string) => void,
) {
  if (typeof value === "string") {
    const control = CONTROL.exec(value);
    if (control) {
      const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
      report(field, `contains the control character U+${code}: remove it`);
    } else if (LONE_SURROGATE.test(value)) {
      report(
        field,
        "contains a lone UTF-16 surrogate (an escape like \\ud800): it is not valid Unicode text",
      );
    }
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => {
      checkText(item, `${field ?? ""}[${i}]`, report);
    });
  } else if (value && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) checkText(item, field ? `${field}.${key}` : key, report);
  }
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
  checkSupervisionCycles(dataset.relationships, problems);
}

/** Past this many steps the cycles of a tangle are summarised, so a hostile file cannot stall validation. */
const CYCLE_SEARCH_BUDGET = 200_000;
const NO_LINK = { id: "", seq: 0 };
type SupervisionEdges = Map<string, Map<string, { id: string; seq: number }>>;

/**
 * Supervision is a hierarchy: a SUPERVISED_BY cycle (a → b → a) is a data error. Each elementary cycle is
 * reported once, starting where the file first mentions it; self-links are reported above.
 */
function checkSupervisionCycles(relationships: Dataset["relationships"], problems: DatasetProblem[]): void {
  const edges: SupervisionEdges = new Map();
  relationships.forEach((rel, seq) => {
    if (rel.type !== "SUPERVISED_BY" || rel.from === rel.to) return;
    const out = edges.get(rel.from) ?? new Map<string, { id: string; seq: number }>();
    if (!out.has(rel.to)) out.set(rel.to, { id: rel.id, seq });
    edges.set(rel.from, out);
  });
  const report = (record: string, message: string) =>
    problems.push({ file: "relationships.yaml", record, field: "to", message });
  for (const component of tangledComponents(edges, undefined)) {
    const cycles = elementaryCycles(component, edges);
    if (!cycles) {
      const ids = [...component].sort();
      const listed =
        ids.length > 20 ? `${ids.slice(0, 20).join(", ")}, … (${ids.length} in all)` : ids.join(", ");
      report(listed, `SUPERVISED_BY forms too many cycles to list one by one, among: ${listed}`);
      continue;
    }
    for (const cycle of cycles) {
      const links = cycle.map(
        (from, i) => edges.get(from)?.get(cycle[(i + 1) % cycle.length] ?? "") ?? NO_LINK,
      );
      // Start where the file first mentions the cycle, so the message reads like the file.
      const first = links.reduce((best, link, i) => (link.seq < (links[best]?.seq ?? 0) ? i : best), 0);
      const ordered = [...cycle.slice(first), ...cycle.slice(0, first)];
      const ids = [...links.slice(first), ...links.slice(0, first)].map((link) => link.id);
      report(ids.join(", "), `SUPERVISED_BY forms a cycle: ${[...ordered, ordered[0]].join(" → ")}`);
    }
  }
}

/** The strongly connected components with more than one node, among `within` (Tarjan's, iterative). */
function tangledComponents(edges: SupervisionEdges, within: Set<string> | undefined): Array<Set<string>> {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: Array<Set<string>> = [];
  let counter = 0;
  const lowOf = (node: string) => low.get(node) ?? 0;
  const targets = (node: string) =>
    [...(edges.get(node)?.keys() ?? [])].filter((to) => !within || within.has(to)).values();
  for (const root of within ?? edges.keys()) {
    if (index.has(root)) continue;
    const work: Array<{ node: string; next: Iterator<string> }> = [];
    const enter = (node: string) => {
      index.set(node, counter);
      low.set(node, counter++);
      stack.push(node);
      onStack.add(node);
      work.push({ node, next: targets(node) });
    };
    enter(root);
    while (work.length > 0) {
      const frame = work[work.length - 1] as { node: string; next: Iterator<string> };
      const step = frame.next.next();
      if (!step.done) {
        const to = step.value;
        if (!index.has(to)) enter(to);
        else if (onStack.has(to)) low.set(frame.node, Math.min(lowOf(frame.node), index.get(to) ?? 0));
        continue;
      }
      work.pop();
      const parent = work[work.length - 1];
      if (parent) low.set(parent.node, Math.min(lowOf(parent.node), lowOf(frame.node)));
      if (low.get(frame.node) !== index.get(frame.node)) continue;
      const component = new Set<string>();
      let member: string | undefined;
      do {
        member = stack.pop() as string;
        onStack.delete(member);
        component.add(member);
      } while (member !== frame.node);
      if (component.size > 1) components.push(component);
    }
  }
  return components;
}

/**
 * Every elementary cycle of one component, as in Johnson's algorithm: the cycles through its smallest id,
 * then those of the components left without it. Undefined when the search budget runs out (a dense tangle
 * has exponentially many cycles).
 */
function elementaryCycles(component: Set<string>, edges: SupervisionEdges): string[][] | undefined {
  const cycles: string[][] = [];
  let budget = CYCLE_SEARCH_BUDGET;
  const pending = [component];
  for (let part = pending.pop(); part; part = pending.pop()) {
    const members = part;
    const start = [...members].sort()[0] as string;
    const nextOf = (node: string) =>
      [...(edges.get(node)?.keys() ?? [])].filter((to) => members.has(to)).values();
    const path = [start];
    const onPath = new Set(path);
    const work = [nextOf(start)];
    while (work.length > 0) {
      if (--budget < 0) return undefined;
      const step = (work[work.length - 1] as Iterator<string>).next();
      if (step.done) {
        work.pop();
        onPath.delete(path.pop() as string);
      } else if (step.value === start) {
        cycles.push([...path]);
      } else if (!onPath.has(step.value)) {
        path.push(step.value);
        onPath.add(step.value);
        work.push(nextOf(step.value));
      }
    }
    const rest = new Set(members);
    rest.delete(start);
    budget -= rest.size;
    pending.push(...tangledComponents(edges, rest));
  }
  return cycles;
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
