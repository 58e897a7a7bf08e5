// `npm run bench`: every benchmark section in turn (each starts what it needs: its own Neo4j, server and
// browser), each writing bench/results/<section>.json, then BENCHMARKS.md from them all.
//   npm run bench                      all sections, full length (about 15–25 minutes on 2 cores)
//   npm run bench -- --quick           short runs, written to bench/results/quick/ and BENCHMARKS-quick.md
//   npm run bench -- --only api,client only these sections; the report keeps the others' last results
import { parseArgs } from "node:util";
import { consoleProgress } from "../server/progress.ts";
import {
  SECTIONS,
  type SectionName,
  type SectionOptions,
  type SectionResult,
  writeSection,
} from "./lib/results.ts";
import { writeReport } from "./report.ts";

type Section = { run(options: SectionOptions): Promise<SectionResult> };
const modules: Record<SectionName, () => Promise<Section>> = {
  api: () => import("./api.ts"),
  scale: () => import("./scale.ts"),
  client: () => import("./client.ts"),
  bundle: () => import("./bundle.ts"),
  coldstart: () => import("./coldstart.ts"),
};

const { values } = parseArgs({
  options: { quick: { type: "boolean", default: false }, only: { type: "string" } },
});
const only = values.only ? values.only.split(",").map((s) => s.trim()) : [...SECTIONS];
const unknown = only.filter((name) => !(SECTIONS as readonly string[]).includes(name));
if (unknown.length) {
  console.error(`Unknown section(s): ${unknown.join(", ")}. Choose from: ${SECTIONS.join(", ")}.`);
  process.exit(2);
}
const progress = consoleProgress();
const quick = values.quick ?? false;
let failed = 0;
for (const name of SECTIONS.filter((s) => only.includes(s))) {
  const started = Date.now();
  progress(`\n=== Benchmark: ${name}${quick ? " (quick)" : ""} ===`);
  try {
    const section = await modules[name]();
    const result = await section.run({ quick, progress });
    const file = await writeSection(result);
    const missed = result.figures.filter((f) => f.target && !f.target.met);
    progress(
      `=== ${name} done in ${Math.round((Date.now() - started) / 1000)} s → ${file}` +
        (missed.length ? `; targets missed: ${missed.map((f) => f.id).join(", ")}` : "; all targets met"),
    );
  } catch (error) {
    failed++;
    progress(`=== ${name} failed: ${(error as Error).stack ?? error}`);
  }
}
const report = await writeReport(quick);
progress(`\nWrote ${report}.`);
if (failed) {
  progress(`${failed} section(s) failed; see above. The report keeps their previous results, if any.`);
  process.exitCode = 1;
}
