// The client's download: builds it as `npm start` does, then sizes what the first visit loads (the entry
// script and what index.html preloads) and what only loads on first use (the lazy chunks), gzipped.
import { execFileSync } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import type { SectionOptions, SectionResult } from "./lib/results.ts";
import { ROOT } from "./lib/results.ts";
import { summarize } from "./lib/stats.ts";

const DIST = path.join(ROOT, "dist", "client");
const BUDGET_KB = 250;

function build(): number {
  const t0 = performance.now();
  execFileSync(
    process.execPath,
    [path.join(ROOT, "node_modules", "vite", "bin", "vite.js"), "build", "--config", "client/vite.config.ts"],
    { cwd: ROOT, stdio: ["ignore", "ignore", "inherit"], env: { ...process.env, NODE_ENV: "production" } },
  );
  return (performance.now() - t0) / 1000;
}

/** Script files the page loads up front: module scripts and modulepreload links in index.html. */
export function firstLoadScripts(html: string): string[] {
  const files = new Set<string>();
  for (const match of html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g))
    files.add(match[1] as string);
  for (const match of html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g))
    files.add(match[1] as string);
  return [...files].map((f) => f.replace(/^\.\//, ""));
}

export async function run({ quick, progress }: SectionOptions): Promise<SectionResult> {
  const builds = quick ? 1 : 3;
  const times: number[] = [];
  for (let i = 0; i < builds; i++) {
    progress(`Building the client (${i + 1}/${builds})…`);
    times.push(build());
  }
  const html = await readFile(path.join(DIST, "index.html"), "utf8");
  const first = new Set(firstLoadScripts(html));
  const assets = (await readdir(path.join(DIST, "assets"))).filter(
    (f) => f.endsWith(".js") || f.endsWith(".css"),
  );
  const rows: Array<{ file: string; raw: number; gzip: number; when: string }> = [];
  for (const file of assets.sort()) {
    const bytes = await readFile(path.join(DIST, "assets", file));
    const rel = `assets/${file}`;
    const when = file.endsWith(".css")
      ? "first load (style)"
      : first.has(rel)
        ? "first load"
        : "on first use";
    rows.push({ file: rel, raw: bytes.length, gzip: gzipSync(bytes).length, when });
  }
  const missing = [...first].filter((f) => !rows.some((r) => r.file === f));
  if (missing.length)
    throw new Error(`index.html loads ${missing.join(", ")}, not found in dist/client/assets`);
  const kb = (n: number) => n / 1000;
  const firstJs = rows.filter((r) => r.when === "first load").reduce((sum, r) => sum + r.gzip, 0);
  const lazyJs = rows.filter((r) => r.when === "on first use").reduce((sum, r) => sum + r.gzip, 0);
  const css = rows.filter((r) => r.when === "first load (style)").reduce((sum, r) => sum + r.gzip, 0);
  const buildTime = summarize(times);
  return {
    section: "bundle",
    title: "Client bundle",
    date: new Date().toISOString(),
    quick,
    method:
      "The client is built with Vite as `npm start` builds it (production mode); the page's first load is the " +
      "module script and every `modulepreload` in `dist/client/index.html`; every other chunk loads only when a " +
      "feature needs it (dynamic `import()`). Sizes are gzip at its default level (as most servers send them), " +
      "in kB (1,000 bytes). The build is deterministic, so the sizes are one figure; build time is over repeated builds.",
    figures: [
      {
        id: "bundle.first-load-js",
        label: "First-load JavaScript, gzipped",
        unit: "kB",
        median: kb(firstJs),
        p95: kb(firstJs),
        over: "deterministic build",
        target: { text: `≤ ${BUDGET_KB} kB`, met: kb(firstJs) <= BUDGET_KB },
      },
      {
        id: "bundle.lazy-js",
        label: "JavaScript loaded on first use (flow layout, SVG export, QR codes, …), gzipped",
        unit: "kB",
        median: kb(lazyJs),
        p95: kb(lazyJs),
        over: "deterministic build",
      },
      {
        id: "bundle.css",
        label: "Stylesheet, gzipped",
        unit: "kB",
        median: kb(css),
        p95: kb(css),
        over: "deterministic build",
      },
      {
        id: "bundle.build-time",
        label: "Client build time (`npm run build`)",
        unit: "s",
        median: buildTime.median,
        p95: buildTime.p95,
        over: builds === 1 ? "1 build" : `${builds} builds`,
      },
    ],
    tables: [
      {
        title: "Files in dist/client/assets",
        columns: ["File", "Loaded", "Size", "Gzipped"],
        rows: rows.map((r) => [
          r.file.replace(/-[A-Za-z0-9_-]{8}\./, "-*."),
          r.when,
          `${kb(r.raw).toFixed(1)} kB`,
          `${kb(r.gzip).toFixed(1)} kB`,
        ]),
      },
    ],
    notes: [],
  };
}
