// Renders BENCHMARKS.md (or bench/results/quick/BENCHMARKS.md for --quick) from the sections' JSON results:
// the machine and versions, every target with this run's figure, then each section's method and numbers.
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { type Figure, ROOT, readSection, resultsDir, SECTIONS, type SectionResult } from "./lib/results.ts";
import { round } from "./lib/stats.ts";

function quiet(command: string, args: string[]): string {
  try {
    return execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
  } catch {
    return "unknown";
  }
}

function packageVersion(name: string): string {
  try {
    const file = path.join(ROOT, "node_modules", name, "package.json");
    return (JSON.parse(readFileSync(file, "utf8")) as { version: string }).version;
  } catch {
    return "unknown";
  }
}

export function machine(): Array<[string, string]> {
  const pom = readFileSync(path.join(ROOT, "neo4j", "pom.xml"), "utf8");
  const cpu = os.cpus()[0]?.model ?? "unknown";
  return [
    ["CPU", `${os.cpus().length} × ${cpu}`],
    ["Memory", `${Math.round(os.totalmem() / 2 ** 30)} GiB`],
    ["OS", `${os.type()} ${os.release()} (${os.arch()})`],
    ["Node.js", process.version],
    ["Neo4j", `Community ${/<neo4j.version>([^<]+)</.exec(pom)?.[1] ?? "unknown"}`],
    ["Java", javaVersion()],
    ["Chromium", quiet("chromium", ["--version"]).split("\n")[0] ?? "unknown"],
    [
      "Packages",
      ["express", "neo4j-driver", "cytoscape", "cytoscape-fcose", "vite"]
        .map((name) => `${name} ${packageVersion(name)}`)
        .join(", "),
    ],
    ["Commit", quiet("git", ["-C", ROOT, "rev-parse", "--short", "HEAD"])],
  ];
}

/** `java -version` writes to stderr: its first line, or "unknown" without Java. */
function javaVersion(): string {
  const run = spawnSync("java", ["-version"], { encoding: "utf8" });
  return (run.status === 0 && run.stderr.split("\n")[0]?.trim()) || "unknown";
}

function number(value: number | undefined, unit: string): string {
  if (value === undefined || Number.isNaN(value)) return "–";
  const rounded = round(value);
  const text = rounded.toLocaleString("en-GB", { maximumFractionDigits: 3 });
  return unit ? `${text} ${unit}` : text;
}

function cell(text: string): string {
  return text.replaceAll("|", "\\|").replaceAll("\n", " ");
}

function figureRow(f: Figure): string {
  const met = f.target ? (f.target.met ? "✅ met" : "❌ missed") : "";
  return `| ${cell(f.label)} | ${number(f.median, f.unit)} | ${number(f.p95, f.unit)} | ${cell(f.over)} | ${cell(f.target?.text ?? "")} | ${met} |`;
}

function section(result: SectionResult): string {
  const lines = [
    `## ${result.title}`,
    "",
    `*Measured ${result.date}${result.quick ? " (quick run)" : ""}.*`,
    "",
  ];
  lines.push(result.method, "");
  if (result.figures.length) {
    lines.push("| Figure | Median | p95 | Over | Target | |", "|---|---:|---:|---|---|---|");
    for (const f of result.figures) lines.push(figureRow(f));
    lines.push("");
  }
  for (const table of result.tables) {
    lines.push(`**${table.title}**`, "");
    lines.push(`| ${table.columns.map(cell).join(" | ")} |`, `|${table.columns.map(() => "---").join("|")}|`);
    for (const row of table.rows) lines.push(`| ${row.map((c) => cell(String(c))).join(" | ")} |`);
    lines.push("");
  }
  const notes = [
    ...result.figures.filter((f) => f.target?.note).map((f) => `**${f.label}:** ${f.target?.note}`),
    ...result.notes,
  ];
  if (notes.length) {
    lines.push("Notes:", "");
    for (const note of notes) lines.push(`- ${note}`);
    lines.push("");
  }
  return lines.join("\n");
}

export async function writeReport(quick: boolean): Promise<string> {
  const results = (await Promise.all(SECTIONS.map((name) => readSection(name, quick)))).filter(
    (r): r is SectionResult => r !== undefined,
  );
  const missing = SECTIONS.filter((name) => !results.some((r) => r.section === name));
  const targets = results.flatMap((r) => r.figures.filter((f) => f.target));
  const lines = [
    "# Benchmarks",
    "",
    "Written by `npm run bench` (never part of `npm test`); reproduce with `npm install && npm run bench`",
    "(about 20 minutes on 2 cores; `npm run bench -- --only api,client` reruns some sections,",
    "`npm run bench -- --quick` is a short smoke run written to `bench/results/quick/`). Each section starts",
    "what it needs — its own Neo4j, the server as users run it, headless Chromium — and writes",
    "`bench/results/<section>.json`, from which this page is made. Machines like this one are noisy, so",
    "every comparison is taken side by side in the same run, alternating the contenders, and each figure is",
    "given as a median and a 95th percentile over repeated runs (for latencies: over every request of every",
    "run; for rates such as throughput or frames per second the p95 column holds the unfavourable side, the",
    "5th percentile).",
    "",
    "## Machine",
    "",
    "| | |",
    "|---|---|",
    ...machine().map(([k, v]) => `| ${k} | ${cell(v)} |`),
    "",
    "## Targets",
    "",
    "| Figure | Result (median) | Target | |",
    "|---|---:|---|---|",
    ...targets.map(
      (f) =>
        `| ${cell(f.label)} | ${number(f.median, f.unit)} | ${cell(f.target?.text ?? "")} | ${f.target?.met ? "✅ met" : "❌ missed"} |`,
    ),
    "",
    ...(missing.length ? [`Not measured in this report: ${missing.join(", ")}.`, ""] : []),
    ...results.map(section),
  ];
  const file = quick ? path.join(resultsDir(true), "BENCHMARKS.md") : path.join(ROOT, "BENCHMARKS.md");
  await writeFile(file, `${lines.join("\n").trimEnd()}\n`);
  return file;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const file = await writeReport(process.argv.includes("--quick"));
  console.log(`Wrote ${file}.`);
}
