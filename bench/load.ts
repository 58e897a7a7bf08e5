// `npm run bench:load`: the server under load and over time, as users run it — its own process, its own
// local Neo4j. 50 connections for 30 s over a mix of endpoints (no errors, no non-2xx, p50/p99 reported),
// then a soak (5 minutes by default) comparing the server's RSS after warm-up with its RSS at the end.
// Writes bench/results/load.json and prints a summary. `--quick` shortens both for a smoke run.
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { freePort } from "../test/setup/ports.ts";
import { type ChildServer, spawnServer } from "./lib/server.ts";

const quick = process.argv.includes("--quick");
const LOAD_SECONDS = quick ? 5 : 30;
const SOAK_SECONDS = quick ? 20 : 300;
const CONNECTIONS = 50;
const root = path.resolve(import.meta.dirname, "..");

const MIX = [
  "/api/graph",
  "/api/nodes/sef",
  "/api/nodes/apav",
  "/api/search?q=policia%20judiciaria",
  "/api/search?q=sef",
  "/api/paths?from=act&to=cap-sul-apav",
  "/api/sessions",
  "/api/pathways/labour-exploitation-act-2016",
  "/api/metrics",
  "/api/changes?from=2016-11-28&to=2024-01-01",
  "/api/health",
];

function log(message: string) {
  process.stderr.write(`${message}\n`);
}

async function rss(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb * 1024;
}

async function startServer(): Promise<{ server: ChildServer; dir: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), "thb-bench-"));
  const server = await spawnServer(
    ["server/index.ts"],
    {
      NEO4J_LOCAL_PORT: String(await freePort()),
      NEO4J_LOCAL_DIR: dir,
      // The load test measures the server, not its rate limiter.
      RATE_LIMIT_PER_MINUTE: "0",
      RATE_LIMIT_EXPORT_PER_MINUTE: "0",
    },
    /ready at http/,
  );
  return { server, dir };
}

async function run(url: string, seconds: number) {
  let index = 0;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        setupRequest: (request) => {
          index = (index + 1) % MIX.length;
          return { ...request, path: MIX[index] };
        },
      },
    ],
  });
  return {
    seconds,
    connections: CONNECTIONS,
    requests: result.requests.total,
    throughputPerSecond: Math.round(result.requests.average),
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
  };
}

const { server, dir } = await startServer();
const pid = server.pid;
try {
  log(`Server up at ${server.url} (pid ${pid}). Warm-up…`);
  await run(server.url, quick ? 2 : 5);
  log(`Load: ${CONNECTIONS} connections for ${LOAD_SECONDS} s over ${MIX.length} endpoints…`);
  const load = await run(server.url, LOAD_SECONDS);
  const warmRss = await rss(pid);
  log(`Soak: ${SOAK_SECONDS} s; RSS after warm-up ${(warmRss / 2 ** 20).toFixed(1)} MiB…`);
  const samples: number[] = [];
  const soakStart = Date.now();
  let soakRequests = 0;
  let soakFailures = 0;
  while (Date.now() - soakStart < SOAK_SECONDS * 1000) {
    const slice = await run(server.url, Math.min(10, SOAK_SECONDS));
    soakRequests += slice.requests;
    soakFailures += slice.errors + slice.timeouts + slice.non2xx;
    samples.push(await rss(pid));
    log(
      `  ${Math.round((Date.now() - soakStart) / 1000)} s: RSS ${((samples.at(-1) ?? 0) / 2 ** 20).toFixed(1)} MiB`,
    );
  }
  const endRss = samples.at(-1) ?? warmRss;
  const growth = (endRss - warmRss) / warmRss;
  const report = {
    date: new Date().toISOString(),
    machine: {
      cpus: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      node: process.version,
    },
    mix: MIX,
    load,
    soak: {
      seconds: SOAK_SECONDS,
      requests: soakRequests,
      failures: soakFailures,
      rssAfterWarmupMiB: +(warmRss / 2 ** 20).toFixed(1),
      rssAtEndMiB: +(endRss / 2 ** 20).toFixed(1),
      growthPercent: +(growth * 100).toFixed(1),
      samplesMiB: samples.map((s) => +(s / 2 ** 20).toFixed(1)),
    },
    targets: {
      noErrorsUnderLoad: load.errors + load.timeouts + load.non2xx === 0,
      rssWithin10Percent: Math.abs(growth) <= 0.1,
    },
    quick,
  };
  await mkdir(path.join(root, "bench", "results"), { recursive: true });
  const file = path.join(root, "bench", "results", quick ? "load-quick.json" : "load.json");
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`);
  log(
    `Load: ${load.requests} requests, ${load.throughputPerSecond}/s, p50 ${load.latencyMs.p50} ms, p99 ${load.latencyMs.p99} ms, ` +
      `errors ${load.errors}, timeouts ${load.timeouts}, non-2xx ${load.non2xx}.`,
  );
  log(
    `Soak: RSS ${report.soak.rssAfterWarmupMiB} → ${report.soak.rssAtEndMiB} MiB (${report.soak.growthPercent}%), failures ${soakFailures}.`,
  );
  log(`Wrote ${path.relative(root, file)}.`);
  if (!report.targets.noErrorsUnderLoad || !report.targets.rssWithin10Percent) process.exitCode = 1;
} finally {
  await server.stop();
  await rm(dir, { recursive: true, force: true });
}
