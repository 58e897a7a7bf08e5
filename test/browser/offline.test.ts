// The offline build (`npm run build:static`) as a venue without internet would use it: built from the suite's
// Neo4j into a temporary folder, served by a plain static file server (no API, no database) under a sub-path,
// and opened in Chromium: the graph, the snapshot banner, a node's details and search all work.
import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchBrowser } from "../setup/browser.ts";

const ROOT = path.resolve(import.meta.dirname, "..", "..");
/** Served under a sub-path, as on a shared static host: the build must use relative addresses only. */
const PREFIX = "/venue/thb/";
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
  ".map": "application/json",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};

interface Snapshot {
  createdAt: string;
  datasetVersion: string | null;
  responses: Record<string, unknown>;
}

let tmp: string;
let outDir: string;
let buildOutput: { code: number | null; stdout: string; stderr: string };
let snapshot: Snapshot;
let server: Server;
let siteUrl: string;
let browser: Browser;

function runBuild(env: NodeJS.ProcessEnv): Promise<typeof buildOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(ROOT, "node_modules", ".bin", "tsx"), ["client/static/buildStatic.ts"], {
      cwd: ROOT,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk;
    });
    child.once("error", reject);
    child.once("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** A plain static file server: files under `root` at PREFIX, index.html for the folder; nothing else. */
function serveStatic(root: string): Promise<Server> {
  const http = createServer((req, res) => {
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    if (!pathname.startsWith(PREFIX)) {
      res.writeHead(404).end();
      return;
    }
    const relative = pathname.slice(PREFIX.length) || "index.html";
    const file = path.resolve(root, relative);
    if (!file.startsWith(`${root}${path.sep}`)) {
      res.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
        res.end(body);
      },
      () => res.writeHead(404).end(),
    );
  });
  return new Promise((resolve, reject) => {
    http.once("error", reject);
    http.listen(0, "127.0.0.1", () => resolve(http));
  });
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), "thb-offline-"));
  outDir = path.join(tmp, "static");
  buildOutput = await runBuild({
    ...process.env,
    NEO4J_URI: inject("neo4jUri"),
    NEO4J_USER: "neo4j",
    NEO4J_PASSWORD: "",
    NEO4J_DATABASE: "neo4j",
    SEED_ON_START: "false",
    STATIC_OUT_DIR: outDir,
  });
  if (buildOutput.code !== 0) throw new Error(`The offline build failed:\n${buildOutput.stderr}`);
  snapshot = JSON.parse(readFileSync(path.join(outDir, "snapshot.json"), "utf8")) as Snapshot;
  server = await serveStatic(outDir);
  siteUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}${PREFIX}`;
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

interface Watched {
  page: Page;
  errors: string[];
  /** Requests that failed at the network level or answered 4xx/5xx. */
  failed: string[];
  /** Every request to /api/: an offline page must make none. */
  apiRequests: string[];
}

async function open(query = ""): Promise<Watched> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, locale: "en-GB" });
  const watched: Watched = { page, errors: [], failed: [], apiRequests: [] };
  page.on("pageerror", (error) => watched.errors.push(error.message));
  page.on("request", (request) => {
    if (new URL(request.url()).pathname.includes("/api/")) watched.apiRequests.push(request.url());
  });
  page.on("requestfailed", (request) =>
    watched.failed.push(`${request.url()}: ${request.failure()?.errorText}`),
  );
  page.on("response", (response) => {
    // Browsers ask for a favicon on their own; the build has none.
    if (response.status() >= 400 && !response.url().endsWith("/favicon.ico"))
      watched.failed.push(`${response.url()}: ${response.status()}`);
  });
  await page.goto(`${siteUrl}${query}`);
  await page.locator('#graph[data-state="ready"]').waitFor({ state: "attached", timeout: 30_000 });
  return watched;
}

function expectClean(watched: Watched): void {
  expect(watched.errors).toEqual([]);
  expect(watched.failed).toEqual([]);
  expect(watched.apiRequests).toEqual([]);
}

const details = (page: Page) => page.getByRole("complementary", { name: "Details" });

describe("the offline build", () => {
  it("writes the client, a dated snapshot and the snapshot tag, and says where", async () => {
    expect(buildOutput.stdout).toMatch(
      /Wrote the offline build to .+\/ \(\d+ answers, snapshot of \d{4}-\d{2}-\d{2}\)\. Open .+index\.html through any static web server/,
    );
    expect(buildOutput.stdout).toContain(`snapshot of ${snapshot.createdAt.slice(0, 10)}`);
    expect(Number.isNaN(Date.parse(snapshot.createdAt))).toBe(false);
    expect(snapshot.datasetVersion).toMatch(/^[0-9a-f]{16}$/);
    for (const url of [
      "/api/graph",
      "/api/graph?kinds=Institution,Workshop,Place&types=LOCATED_IN",
      "/api/graph?kinds=Institution,Workshop,Session,Person,LegalInstrument,Place",
      "/api/sessions",
      "/api/pathways",
      "/api/metrics",
      "/api/changes?from=2016-11-28&to=2024-01-01",
      "/api/health",
      "/api/nodes/sef",
      "/api/nodes/lei-23-2007",
      "/api/nodes/lisbon",
      "/api/sessions/lisbon-2016-session-3",
    ])
      expect(snapshot.responses, url).toHaveProperty([url]);
    // Every node a Details panel links to opens from the snapshot too.
    const linked = Object.entries(snapshot.responses)
      .filter(([url]) => url.startsWith("/api/nodes/"))
      .flatMap(([, body]) =>
        (body as { neighbours: Array<{ neighbours: Array<{ node: { id: string } }> }> }).neighbours.flatMap(
          (group) => group.neighbours.map(({ node }) => `/api/nodes/${node.id}`),
        ),
      );
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.filter((url) => !(url in snapshot.responses))).toEqual([]);
    const html = readFileSync(path.join(outDir, "index.html"), "utf8");
    expect(html).toContain('<meta name="thb-snapshot" content="snapshot.json" />');
    expect(html).not.toMatch(/(src|href)="\/(?!\/)/);
  });

  it("shows the whole graph and says it is a dated snapshot, with no server behind it", async () => {
    const watched = await open();
    const { page } = watched;
    const graph = snapshot.responses["/api/graph"] as { nodes: unknown[] };
    expect(graph.nodes.length).toBeGreaterThan(0);
    expect(Number(await page.locator("#graph").getAttribute("data-node-count"))).toBe(graph.nodes.length);
    const banner = page.getByRole("note");
    await banner.waitFor();
    const text = await banner.textContent();
    expect(text).toContain("snapshot");
    expect(text).toMatch(/^Offline snapshot of \d{1,2} [A-Z][a-z]{2} \d{4}: no server/);
    expect(text).toContain(snapshot.createdAt.slice(0, 4));
    expectClean(watched);
    await page.close();
  });

  it("shows a node's details from the snapshot, and finds nodes by search", async () => {
    const watched = await open("?node=sef");
    const { page } = watched;
    await expect
      .poll(() => details(page).textContent(), { timeout: 10_000 })
      .toContain("Serviço de Estrangeiros e Fronteiras");
    const search = page.getByRole("combobox", { name: "Search" });
    await search.fill("policia");
    await page.getByRole("option").first().waitFor();
    await expect
      .poll(() => page.getByRole("option").allTextContents())
      .toEqual(expect.arrayContaining([expect.stringContaining("PJ")]));
    expectClean(watched);
    await page.close();
  });

  it("speaks Portuguese when asked", async () => {
    const watched = await open("?lang=pt");
    const banner = watched.page.getByRole("note");
    await banner.waitFor();
    expect(await banner.textContent()).toMatch(/^Cópia offline de \d{1,2} [a-z]{3}\. \d{4}: sem servidor/);
    expectClean(watched);
    await watched.page.close();
  });
});
