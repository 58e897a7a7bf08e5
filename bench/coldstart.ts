// Cold start as users meet it: `npm start` (build the client, start Neo4j from the cached jars, seed, serve)
// until GET /api/health answers 200 with the dataset loaded. Twice per run: on a new instance folder (a new
// store, the whole dataset written) and again on the same folder (the store exists, the seed finds nothing
// to change).
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, readdir, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { freePort } from "../test/setup/ports.ts";
import type { Figure, SectionOptions, SectionResult } from "./lib/results.ts";
import { ROOT } from "./lib/results.ts";
import { round, summarize } from "./lib/stats.ts";

const TARGET_S = 20;

/** Milestones in the server's progress lines, timed as the lines arrive. */
const PHASES: Array<[string, RegExp]> = [
  ["client built, server code running", /Starting Neo4j|Connecting to Neo4j/],
  ["Neo4j answers Bolt", /Neo4j is up/],
  ["schema applied, loading starts", /Loading \d+ nodes|already loaded/],
  ["dataset loaded", /Dataset \w+ (loaded|already loaded)/],
  ["listening", /ready at http/],
];

interface Start {
  seconds: number;
  /** Seconds from spawn to each phase's line. */
  phases: Record<string, number>;
}

async function startOnce(dir: string): Promise<Start> {
  const port = await freePort();
  const { NEO4J_URI: _unset, ...env } = process.env;
  const t0 = performance.now();
  const child: ChildProcess = spawn("npm", ["start", "--silent"], {
    cwd: ROOT,
    env: {
      ...env,
      PORT: String(port),
      NEO4J_LOCAL_PORT: String(await freePort()),
      NEO4J_LOCAL_DIR: dir,
    },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true, // its own process group: npm, the shell, tsx and Neo4j stop together
  });
  let output = "";
  const phases: Record<string, number> = {};
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    for (const [name, pattern] of PHASES)
      if (phases[name] === undefined && pattern.test(output)) phases[name] = (performance.now() - t0) / 1000;
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    const deadline = Date.now() + 300_000;
    for (;;) {
      if (child.exitCode !== null) throw new Error(`npm start exited early:\n${output}`);
      if (Date.now() > deadline) throw new Error(`npm start did not become healthy in 300 s:\n${output}`);
      try {
        const res = await fetch(`http://127.0.0.1:${port}/api/health`);
        const body = (await res.json()) as { dataset?: unknown };
        if (res.status === 200 && body.dataset) break;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return { seconds: (performance.now() - t0) / 1000, phases };
  } finally {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGINT");
    await exited;
  }
}

function phaseMedian(runs: Array<Record<string, number>>, name: string): number | string {
  const values = runs.map((r) => r[name]).filter((v): v is number => v !== undefined);
  return values.length ? round(summarize(values).median) : "–";
}

export async function run({ quick, progress }: SectionOptions): Promise<SectionResult> {
  const runs = quick ? 1 : 3;
  const jars = existsSync(path.join(ROOT, ".neo4j"))
    ? (await readdir(path.join(ROOT, ".neo4j"))).some((f) => f.startsWith("lib-"))
    : false;
  if (!jars) {
    progress("Neo4j's jars are not cached yet: one start to fetch them first (not counted)…");
    const dir = await mkdtemp(path.join(os.tmpdir(), "thb-bench-cold-"));
    try {
      await startOnce(dir);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const fresh: number[] = [];
  const again: number[] = [];
  const freshPhases: Array<Record<string, number>> = [];
  const againPhases: Array<Record<string, number>> = [];
  for (let i = 0; i < runs; i++) {
    const dir = await mkdtemp(path.join(os.tmpdir(), "thb-bench-cold-"));
    try {
      const first = await startOnce(dir);
      fresh.push(first.seconds);
      freshPhases.push(first.phases);
      const second = await startOnce(dir);
      again.push(second.seconds);
      againPhases.push(second.phases);
      progress(
        `  run ${i + 1}/${runs}: new instance ${round(first.seconds)} s, existing instance ${round(second.seconds)} s`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const f = summarize(fresh);
  const a = summarize(again);
  const figures: Figure[] = [
    {
      id: "coldstart.new-instance",
      label: "`npm start` → healthy, new instance (jars cached; build, new store, whole dataset loaded)",
      unit: "s",
      median: f.median,
      p95: f.p95,
      over: `${runs} starts`,
      target: { text: `≤ ${TARGET_S} s`, met: f.p95 <= TARGET_S },
    },
    {
      id: "coldstart.existing-instance",
      label: "`npm start` → healthy, existing instance (build, store opened, seed finds no change)",
      unit: "s",
      median: a.median,
      p95: a.p95,
      over: `${runs} starts`,
      target: { text: `≤ ${TARGET_S} s`, met: a.p95 <= TARGET_S },
    },
  ];
  return {
    section: "coldstart",
    title: "Cold start",
    date: new Date().toISOString(),
    quick,
    method:
      "`npm start` is spawned as users run it (its own process group, a free port, `NEO4J_LOCAL_DIR` set to a new " +
      "temporary folder) with Neo4j's jars already in `.neo4j/`; the clock stops when `GET /api/health` answers " +
      "200 with a dataset version. Each run starts once on the new folder and once more on the same folder " +
      "after a clean Ctrl-C. The target is met when the p95 is within it.",
    figures,
    tables: [
      {
        title: "Where the time goes (median seconds from spawn to each progress line)",
        columns: ["Phase", "New instance", "Existing instance"],
        rows: [
          ...PHASES.map(([name]) => [name, phaseMedian(freshPhases, name), phaseMedian(againPhases, name)]),
          ["healthy (GET /api/health 200)", round(f.median), round(a.median)],
        ],
      },
    ],
    notes: [],
  };
}
