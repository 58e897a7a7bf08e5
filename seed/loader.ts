// Loads a validated dataset into Neo4j in one write transaction: UNWIND batches, MERGE on constrained ids,
// stale records removed. All of it commits, or none of it does.
import { createHash } from "node:crypto";
import { schemaStatements } from "../server/cypher.ts";
import type { Database, WriteCounters } from "../server/db/database.ts";
import { type Dataset, readDataset } from "./dataset.ts";
import { NODE_LABELS } from "./schema.ts";
import { periodEnd, periodStart } from "./validity.ts";

export const BATCH_SIZE = 1000;
const STEP_LABEL = "PathwayStep";
/** Every label the loader gives nodes: load-nodes removes the others when a record changed kind. */
export const ALL_LABELS = [...Object.values(NODE_LABELS), STEP_LABEL];

export interface NodeRow {
  id: string;
  label: string;
  props: Record<string, unknown>;
}
export interface RelationshipRow {
  id: string;
  from: string;
  to: string;
  type: string;
  props: Record<string, unknown>;
}
export interface GraphRows {
  nodes: NodeRow[];
  relationships: RelationshipRow[];
}

/** Drops unset fields and adds the sortable validity keys `_from`/`_to` that date filters compare. */
function defined(record: object): Record<string, unknown> {
  const props: Record<string, unknown> = Object.fromEntries(
    Object.entries(record).filter(([, value]) => value !== undefined),
  );
  const from = periodStart(props.validFrom as string | undefined);
  const to = periodEnd(props.validTo as string | undefined);
  if (from) props._from = from;
  if (to) props._to = to;
  return props;
}

/** Turns dataset records into node and relationship rows (pure; the shape Neo4j stores). */
export function toGraphRows(dataset: Dataset): GraphRows {
  const nodes: NodeRow[] = [];
  const relationships: RelationshipRow[] = [];
  for (const [file, label] of Object.entries(NODE_LABELS) as Array<[keyof typeof NODE_LABELS, string]>) {
    for (const record of dataset[file]) {
      const { steps: _steps, workshop: _workshop, ...props } = record as Record<string, unknown>;
      nodes.push({ id: record.id, label, props: defined(props) });
    }
  }
  for (const session of dataset.sessions) {
    relationships.push({
      id: `${session.id}--part-of--${session.workshop}`,
      from: session.id,
      to: session.workshop,
      type: "PART_OF",
      props: {
        description: `Session ${session.order} of the workshop`,
        sources: session.sources,
        evidence: session.evidence,
      },
    });
  }
  for (const pathway of dataset.pathways) {
    pathway.steps.forEach((step, index) => {
      const order = index + 1;
      const id = `${pathway.id}-step-${order}`;
      const { legalBasis, actor, recipient, ...props } = step;
      nodes.push({
        id,
        label: STEP_LABEL,
        props: defined({ ...props, id, order, pathway: pathway.id, actor, recipient, legalBasis }),
      });
      const link = (type: string, to: string) =>
        relationships.push({ id: `${id}--${type.toLowerCase()}--${to}`, from: id, to, type, props: {} });
      relationships.push({
        id: `${pathway.id}--has-step--${order}`,
        from: pathway.id,
        to: id,
        type: "HAS_STEP",
        props: { order },
      });
      link("STEP_ACTOR", actor);
      if (recipient) link("STEP_RECIPIENT", recipient);
      for (const law of legalBasis) link("STEP_LEGAL_BASIS", law);
    });
  }
  dataset.relationships.forEach((rel, seq) => {
    const { from, to, type, properties, ...props } = rel;
    // `_seq` keeps the files' order, e.g. a session's presenters as the report lists them.
    relationships.push({
      id: rel.id,
      from,
      to,
      type,
      props: defined({ ...properties, ...props, _seq: seq }),
    });
  });
  for (const row of relationships) row.props = { ...row.props, id: row.id };
  return { nodes, relationships };
}

/**
 * A fingerprint of the rows, stored with the data so caches can tell when it changed: the SHA-256 of their
 * JSON, fed row by row so the loader can hash a batch while the database writes the one before.
 */
class VersionHash {
  private readonly hash = createHash("sha256").update('{"nodes":[');
  private part: "nodes" | "relationships" = "nodes";
  private first = true;

  add(part: "nodes" | "relationships", rows: readonly object[]): void {
    if (part !== this.part) {
      this.hash.update('],"relationships":[');
      this.part = part;
      this.first = true;
    }
    for (const row of rows) {
      this.hash.update(this.first ? JSON.stringify(row) : `,${JSON.stringify(row)}`);
      this.first = false;
    }
  }

  digest(): string {
    if (this.part === "nodes") this.add("relationships", []);
    return this.hash.update("]}").digest("hex").slice(0, 16);
  }
}

export function datasetVersion(rows: GraphRows): string {
  const hash = new VersionHash();
  hash.add("nodes", rows.nodes);
  hash.add("relationships", rows.relationships);
  return hash.digest();
}

export interface LoadReport {
  version: string;
  nodes: number;
  relationships: number;
  counters: WriteCounters;
  changed: boolean;
}

export type Progress = (message: string) => void;

function batches<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += BATCH_SIZE) out.push(items.slice(i, i + BATCH_SIZE));
  return out;
}

export async function applySchema(db: Database): Promise<void> {
  await db.runSchema(schemaStatements());
}

/** Batches in flight at once: the client encodes the next batch while the server writes the last. */
const PIPELINE_DEPTH = 3;

/** Runs `run` on each batch in order, up to PIPELINE_DEPTH at a time (one transaction keeps them in order). */
async function pipelined<T>(items: T[], run: (item: T) => Promise<unknown>): Promise<void> {
  const inflight: Array<Promise<unknown>> = [];
  try {
    for (const item of items) {
      const pending = run(item);
      // Handled when awaited below; this keeps a later batch's failure from going unhandled meanwhile.
      pending.catch(() => {});
      inflight.push(pending);
      if (inflight.length >= PIPELINE_DEPTH) await inflight.shift();
    }
    for (const pending of inflight) await pending;
  } catch (error) {
    await Promise.allSettled(inflight);
    throw error;
  }
}

/** Loads rows in one transaction; the database holds the old data or the new, never a mix. */
export async function loadRows(db: Database, rows: GraphRows, source: string, progress: Progress = () => {}) {
  let version = "";
  const { counters } = await db.writeTransaction(async (tx) => {
    // Made afresh inside: the driver may run this function again after a transient error.
    const hash = new VersionHash();
    let done = 0;
    const total = rows.nodes.length + rows.relationships.length;
    const load = (name: "load-nodes" | "load-relationships", params: object) => async (batch: object[]) => {
      const written = tx.run(name, { rows: batch, ...params });
      hash.add(name === "load-nodes" ? "nodes" : "relationships", batch);
      await written;
      done += batch.length;
      progress(`  ${done}/${total} records written`);
    };
    const [left] = await tx.run("delete-stale-nodes", { ids: rows.nodes.map((n) => n.id) });
    if (left?.linked) {
      await tx.run("delete-stale-relationships", {
        keys: rows.relationships.map((r) => `${r.from}|${r.type}|${r.to}|${r.id}`),
      });
    }
    await pipelined(batches(rows.nodes), load("load-nodes", { labels: ALL_LABELS }));
    await pipelined(batches(rows.relationships), load("load-relationships", {}));
    version = hash.digest();
    await tx.run("set-dataset-version", { version, loadedAt: new Date().toISOString(), source });
  });
  const changed = Object.values(counters).some((n) => n > 0);
  return { version, nodes: rows.nodes.length, relationships: rows.relationships.length, counters, changed };
}

/** Validates the dataset folder, applies the schema and loads the data. */
export async function seedDatabase(
  db: Database,
  dir?: string,
  progress: Progress = () => {},
): Promise<LoadReport> {
  progress(`Validating the dataset${dir ? ` in ${dir}` : ""}…`);
  const dataset = await readDataset(dir);
  const rows = toGraphRows(dataset);
  progress(`Applying the schema (constraints and indexes)…`);
  await applySchema(db);
  progress(
    `Loading ${rows.nodes.length} nodes and ${rows.relationships.length} relationships in one transaction…`,
  );
  return loadRows(db, rows, dir ?? "seed/data", progress);
}

export function describeReport(report: LoadReport): string {
  const c = report.counters;
  if (!report.changed) {
    return `Dataset ${report.version} already loaded: no change (${report.nodes} nodes, ${report.relationships} relationships).`;
  }
  return (
    `Dataset ${report.version} loaded: ${report.nodes} nodes, ${report.relationships} relationships ` +
    `(nodes +${c.nodesCreated} -${c.nodesDeleted}, relationships +${c.relationshipsCreated} -${c.relationshipsDeleted}, ` +
    `${c.propertiesSet} properties set, labels +${c.labelsAdded} -${c.labelsRemoved}).`
  );
}
