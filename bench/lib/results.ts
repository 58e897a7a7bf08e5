// The shape every benchmark section reports, written to bench/results/<section>.json and rendered into
// BENCHMARKS.md by bench/report.ts. Figures carry their target and whether this run met it.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..", "..");
export const SECTIONS = ["api", "scale", "client", "bundle", "coldstart"] as const;
export type SectionName = (typeof SECTIONS)[number];

export interface Target {
  /** The goal as people read it, e.g. "p95 ≤ 10 ms" or "≥ 50% of bare Express". */
  text: string;
  met: boolean;
  /** Why it was missed and what would meet it (or any caveat about how it was met). */
  note?: string;
}

export interface Figure {
  /** Stable key, e.g. "api.nodes.p95". */
  id: string;
  label: string;
  /** "ms", "req/s", "elements/s", "×", "fps", "s", "kB", "%". */
  unit: string;
  /** Median over the runs (or over all requests, for latencies). */
  median: number;
  /** 95th percentile over the same samples (for throughputs and fps: the 5th, the unfavourable side). */
  p95?: number;
  /** What the statistics were taken over, e.g. "5 runs × 5 s" or "2,400 requests in 5 runs". */
  over: string;
  target?: Target;
}

export interface Table {
  title: string;
  columns: string[];
  rows: Array<Array<string | number>>;
}

export interface SectionResult {
  section: SectionName;
  title: string;
  /** ISO time the section finished. */
  date: string;
  quick: boolean;
  /** How it was measured, in a few sentences. */
  method: string;
  figures: Figure[];
  tables: Table[];
  /** Environment facts and caveats, e.g. what the headless GPU allowed. */
  notes: string[];
}

export interface SectionOptions {
  quick: boolean;
  progress: (message: string) => void;
}

export function resultsDir(quick: boolean): string {
  return path.join(ROOT, "bench", "results", quick ? "quick" : "");
}

export async function writeSection(result: SectionResult): Promise<string> {
  const dir = resultsDir(result.quick);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, `${result.section}.json`);
  await writeFile(file, `${JSON.stringify(result, null, 2)}\n`);
  return file;
}

export async function readSection(name: SectionName, quick: boolean): Promise<SectionResult | undefined> {
  try {
    return JSON.parse(await readFile(path.join(resultsDir(quick), `${name}.json`), "utf8")) as SectionResult;
  } catch {
    return undefined;
  }
}
