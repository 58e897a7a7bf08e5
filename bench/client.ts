// The explorer in headless Chromium: time from navigation to the graph drawn and its layout settled, and
// frames per second while panning and zooming, for the real dataset and synthetic ones of about 1k, 5k and
// 20k elements (nodes + relationships on screen), with Cytoscape's canvas renderer and its WebGL renderer.
import { spawnSync } from "node:child_process";
import path from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { chooseRendering, type RendererName, THRESHOLDS, webglSupportOf } from "../client/src/rendering.ts";
import { seedDatabase } from "../seed/loader.ts";
import type { Database } from "../server/db/database.ts";
import { CHROMIUM_PATH } from "../test/setup/browser.ts";
import { startBenchNeo4j } from "./lib/neo4j.ts";
import type { Figure, SectionOptions, SectionResult, Table } from "./lib/results.ts";
import { ROOT } from "./lib/results.ts";
import { startAppServer } from "./lib/server.ts";
import { round, summarize, summarizeRate } from "./lib/stats.ts";
import { generateEcosystem, loadEcosystem } from "./synthetic.ts";

const RENDERERS: RendererName[] = ["canvas", "webgl"];
const VIEWPORT = { width: 1280, height: 800 };
/** Seconds of input per gesture: dragging the background (pan), then turning the wheel (zoom). */
const GESTURE_SECONDS = 1.5;
const DRAWN_TARGET_MS = 1500;
const FPS_TARGET = 30;

// No --disable-gpu: Chromium then gives WebGL 2 through SwiftShader (ANGLE on a software Vulkan device), the
// only "GPU" a headless machine without one has. The renderer string is read back and reported.
const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--enable-unsafe-swiftshader",
  "--ignore-gpu-blocklist",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
  "--disable-quic",
];

interface Dataset {
  key: string;
  label: string;
  /** Elements (nodes + relationships) to aim for; null for the real dataset. */
  target: number | null;
  load(db: Database, progress: (message: string) => void): Promise<void>;
}

interface LoadSample {
  /** When the page asked for /api/graph, and when the answer had arrived. */
  requestMs: number;
  responseMs: number;
  /** The model and elements are built and styled; the first layout starts. */
  layoutStartMs: number;
  drawnMs: number;
  settledMs: number;
  /** Cytoscape's last draw before it fell quiet after the layout (textures cached): when panning is smooth. */
  quietMs: number;
  panFps: number;
  zoomFps: number;
}

function elementsOf(institutions: number): number {
  const dataset = generateEcosystem({ institutions });
  const ids = new Set(dataset.institutions.map((i) => i.id));
  const links = dataset.relationships.filter((r) => ids.has(r.from) && ids.has(r.to)).length;
  return dataset.institutions.length + links;
}

/** The institution count whose synthetic ecosystem shows about `target` elements (the generator is deterministic). */
function institutionsFor(target: number): number {
  let institutions = Math.round(target / 4.5);
  for (let i = 0; i < 4; i++) {
    const elements = elementsOf(institutions);
    if (Math.abs(elements - target) / target < 0.01) break;
    institutions = Math.max(10, Math.round((institutions * target) / elements));
  }
  return institutions;
}

function buildClient(progress: (message: string) => void): void {
  progress("Building the client (npm run build)…");
  const vite = path.join(ROOT, "node_modules", "vite", "bin", "vite.js");
  const result = spawnSync(
    process.execPath,
    [vite, "build", "--config", "client/vite.config.ts", "--logLevel", "warn"],
    {
      cwd: ROOT,
      encoding: "utf8",
    },
  );
  if (result.status !== 0) throw new Error(`The client build failed:\n${result.stdout}${result.stderr}`);
}

interface GpuInfo {
  webgl2: boolean;
  renderer: string;
  vendor: string;
  maxTextureSize: number;
  frameRate: number;
}

const GPU_PROBE = `(async () => {
  const gl = document.createElement("canvas").getContext("webgl2");
  const info = gl && gl.getExtension("WEBGL_debug_renderer_info");
  let frames = 0;
  const start = performance.now();
  await new Promise((resolve) => {
    const tick = () => {
      frames++;
      if (performance.now() - start < 1000) requestAnimationFrame(tick);
      else resolve();
    };
    requestAnimationFrame(tick);
  });
  return {
    webgl2: Boolean(gl),
    renderer: gl && info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : "",
    vendor: gl && info ? String(gl.getParameter(info.UNMASKED_VENDOR_WEBGL)) : "",
    maxTextureSize: gl ? Number(gl.getParameter(gl.MAX_TEXTURE_SIZE)) : 0,
    frameRate: (frames * 1000) / (performance.now() - start),
  };
})()`;

async function probeGpu(browser: Browser): Promise<GpuInfo> {
  const page = await browser.newPage();
  try {
    // A string, not a function: tsx's name-keeping helpers do not exist in the page.
    return (await page.evaluate(GPU_PROBE)) as GpuInfo;
  } finally {
    await page.close();
  }
}

/** The page's marks (client/src/main.ts) and the /api/graph request, in ms from navigation start. */
const TIMING = `(() => {
  const mark = (name) => performance.getEntriesByName(name, "mark")[0]?.startTime ?? Number.NaN;
  const api = performance.getEntriesByType("resource").find((entry) => /\\/api\\/graph(\\?|$)/.test(entry.name));
  return {
    requestMs: api ? api.startTime : Number.NaN,
    responseMs: api ? api.responseEnd : Number.NaN,
    layoutStartMs: mark("layout-start"),
    drawnMs: mark("graph-drawn"),
    settledMs: mark("layout-settled"),
  };
})()`;

/**
 * When Cytoscape has finished drawing after the layout (its caches of element textures are filled over the
 * next frames): the time of its last draw before 300 ms without one, from navigation start.
 */
const QUIET = `(async () => {
  const renderer = document.getElementById("graph")._cyreg.cy.renderer();
  let count = renderer.redrawCount || 0;
  let last = performance.now();
  const deadline = last + 30000;
  while (performance.now() - last < 300 && performance.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if ((renderer.redrawCount || 0) !== count) {
      count = renderer.redrawCount || 0;
      last = performance.now();
    }
  }
  return last;
})()`;

/**
 * Frames Cytoscape drew per second while the view moves. In the page, each frame dispatches one input event
 * to Cytoscape's own handlers: a mouse drag on the empty background (pan, in 200 px circles once a second)
 * or a wheel notch (zoom, in for a quarter second, out for the next). Going through the handlers matters:
 * they set the "view is moving" state Cytoscape's renderer keys on (e.g. to keep its cached layers). Cytoscape draws in its own frame
 * callback; its renderer counts the frames it drew (`redrawCount`, internal but long stable), and a frame too
 * slow to fit in 16.7 ms delays the next, so draws per second is the frame rate the user sees.
 */
function gestureScript(gesture: "pan" | "zoom", seconds: number): string {
  return `(async () => {
  const gesture = ${JSON.stringify(gesture)};
  const container = document.getElementById("graph");
  const cy = container._cyreg.cy;
  const renderer = cy.renderer();
  const target = container.querySelector("canvas");
  const box = container.getBoundingClientRect();
  // The layout fits the graph with 40 px of padding, so the container's corner is empty background.
  const start = { x: box.left + 12, y: box.top + 12 };
  const middle = { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  const mouse = (type, at, on) =>
    on.dispatchEvent(new MouseEvent(type, { bubbles: true, cancelable: true, clientX: at.x, clientY: at.y, button: 0, buttons: type === "mouseup" ? 0 : 1 }));
  if (gesture === "pan") mouse("mousedown", start, target);
  const draws0 = renderer.redrawCount || 0;
  const t0 = performance.now();
  let frames = 0;
  await new Promise((resolve) => {
    const tick = (now) => {
      const t = (now - t0) / 1000;
      if (t >= ${seconds}) return resolve();
      frames++;
      if (gesture === "pan") {
        const at = { x: start.x + 200 * (1 - Math.cos(2 * Math.PI * t)), y: start.y + 200 * Math.sin(2 * Math.PI * t) };
        mouse("mousemove", at, document);
      } else {
        target.dispatchEvent(new WheelEvent("wheel", { bubbles: true, cancelable: true, clientX: middle.x, clientY: middle.y, deltaMode: 0, deltaY: Math.floor(t * 4) % 2 === 0 ? -40 : 40 }));
      }
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  const elapsed = performance.now() - t0;
  if (gesture === "pan") mouse("mouseup", start, window);
  return { fps: ((renderer.redrawCount - draws0) * 1000) / elapsed, frames, zoom: cy.zoom() };
})()`;
}

async function gestureFps(page: Page, gesture: "pan" | "zoom"): Promise<number> {
  const result = (await page.evaluate(gestureScript(gesture, GESTURE_SECONDS))) as {
    fps: number;
    frames: number;
  };
  // Let the view settle (Cytoscape redraws in full quality after the motion) before the next gesture.
  await page.waitForTimeout(300);
  return result.fps;
}

async function measureLoad(browser: Browser, url: string, renderer: RendererName): Promise<LoadSample> {
  const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1 });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  try {
    await page.goto(`${url}/?renderer=${renderer}`);
    await page.locator('#graph[data-layout="settled"]').waitFor({ state: "attached", timeout: 180_000 });
    const shown = await page.locator("#graph").getAttribute("data-renderer");
    if (shown !== renderer) throw new Error(`Asked for the ${renderer} renderer, the page used ${shown}.`);
    const timing = (await page.evaluate(TIMING)) as Omit<LoadSample, "quietMs" | "panFps" | "zoomFps">;
    const quietMs = (await page.evaluate(QUIET)) as number;
    const panFps = await gestureFps(page, "pan");
    const zoomFps = await gestureFps(page, "zoom");
    if (errors.length) throw new Error(`The page reported errors: ${errors.join("; ")}`);
    return { ...timing, quietMs, panFps, zoomFps };
  } finally {
    await context.close();
  }
}

export async function run({ quick, progress }: SectionOptions): Promise<SectionResult> {
  const loads = quick ? 2 : 5;
  const datasets: Dataset[] = [
    {
      key: "real",
      label: "Real dataset",
      target: null,
      async load(db, report) {
        await seedDatabase(db, undefined, report);
      },
    },
    ...(quick ? [1_000, 5_000] : [1_000, 5_000, 20_000]).map(
      (target): Dataset => ({
        key: `${target / 1000}k`,
        label: `Synthetic, ≈${target / 1000}k elements`,
        target,
        async load(db, report) {
          const institutions = institutionsFor(target);
          report(`Generating and loading ${institutions} synthetic institutions (≈${target} elements)…`);
          await loadEcosystem(db, generateEcosystem({ institutions }), () => {});
        },
      }),
    ),
  ];

  buildClient(progress);
  const neo4j = await startBenchNeo4j(progress, { heap: "3g", pagecache: "512m" });
  const db = neo4j.database();
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
  });
  const figures: Figure[] = [];
  const rows: Table["rows"] = [];
  const breakdown: Table["rows"] = [];
  const notes: string[] = [];
  /** Median fps and settle times by dataset key and renderer, for the notes. */
  const fpsOf = new Map<string, number>();
  const settledOf = new Map<string, number>();
  try {
    const gpu = await probeGpu(browser);
    progress(`Chromium ${browser.version()}: WebGL 2 ${gpu.webgl2 ? `via ${gpu.renderer}` : "unavailable"}.`);
    notes.push(
      `Headless Chromium ${browser.version()} on ${process.platform}, ${VIEWPORT.width}×${VIEWPORT.height} CSS px at ` +
        `device pixel ratio 1, frame rate when idle ${Math.round(gpu.frameRate)} fps. ` +
        (gpu.webgl2
          ? `WebGL 2 came from ${gpu.renderer} (${gpu.vendor}; max texture ${gpu.maxTextureSize} px): ` +
            `${/swiftshader|llvmpipe|software/i.test(gpu.renderer) ? "software rendering on the CPU, no GPU" : "a GPU"}. ` +
            "Canvas 2D is rasterised by Skia on the CPU as well, so both renderers compete for the same 2 cores."
          : "No WebGL 2: the WebGL runs fell back to canvas."),
    );
    for (const dataset of datasets) {
      progress(`Loading the ${dataset.label.toLowerCase()} into Neo4j…`);
      await dataset.load(db, progress);
      const server = await startAppServer(neo4j.uri, {
        NEO4J_MAX_RESULTS: "200000",
        NEO4J_QUERY_TIMEOUT_MS: "120000",
      });
      try {
        const graph = (await (await fetch(`${server.url}/api/graph`)).json()) as {
          nodes: unknown[];
          edges: unknown[];
          truncated: boolean;
        };
        if (graph.truncated) throw new Error(`/api/graph was truncated for ${dataset.label}.`);
        const size = { nodes: graph.nodes.length, edges: graph.edges.length };
        const elements = size.nodes + size.edges;
        const auto = chooseRendering(size, { webgl: webglSupportOf(gpu.webgl2 ? gpu.renderer : null) });
        progress(
          `${dataset.label}: ${size.nodes} nodes + ${size.edges} relationships = ${elements} elements; ` +
            `auto choice ${auto.renderer}, ${auto.overview}${auto.animate ? ", animated" : ""}.`,
        );
        for (const renderer of RENDERERS) {
          const samples: LoadSample[] = [];
          for (let i = 0; i < loads; i++) {
            const sample = await measureLoad(browser, server.url, renderer);
            samples.push(sample);
            progress(
              `  ${renderer} load ${i + 1}/${loads}: drawn ${Math.round(sample.drawnMs)} ms, settled ` +
                `${Math.round(sample.settledMs)} ms, quiet ${Math.round(sample.quietMs)} ms ` +
                `(API ${Math.round(sample.responseMs - sample.requestMs)} ms); ` +
                `pan ${sample.panFps.toFixed(1)} fps, zoom ${sample.zoomFps.toFixed(1)} fps`,
            );
          }
          const drawn = summarize(samples.map((s) => s.drawnMs));
          const settled = summarize(samples.map((s) => s.settledMs));
          const median = (pick: (s: LoadSample) => number) => round(summarize(samples.map(pick)).median);
          const quiet = summarize(samples.map((s) => s.quietMs));
          const pan = summarizeRate(samples.map((s) => s.panFps));
          const zoom = summarizeRate(samples.map((s) => s.zoomFps));
          const fps = summarizeRate(samples.flatMap((s) => [s.panFps, s.zoomFps]));
          const isAuto = auto.renderer === renderer;
          rows.push([
            `${dataset.label} (${elements})`,
            renderer + (isAuto ? " (auto)" : ""),
            `${round(drawn.median)} / ${round(drawn.p95)}`,
            `${round(settled.median)} / ${round(settled.p95)}`,
            `${round(quiet.median)} / ${round(quiet.p95)}`,
            `${round(pan.median)} / ${round(pan.p95)}`,
            `${round(zoom.median)} / ${round(zoom.p95)}`,
          ]);
          breakdown.push([
            `${dataset.label} (${elements})`,
            renderer,
            median((s) => s.requestMs),
            median((s) => s.responseMs - s.requestMs),
            median((s) => s.layoutStartMs - s.responseMs),
            median((s) => s.drawnMs - s.layoutStartMs),
            median((s) => s.quietMs - s.settledMs),
          ]);
          const over = `${loads} page loads`;
          const id = `client.${dataset.key}.${renderer}`;
          const drawnFigure: Figure = {
            id: `${id}.drawn`,
            label: `${dataset.label}, ${renderer}: navigation → graph drawn`,
            unit: "ms",
            median: round(drawn.median),
            p95: round(drawn.p95),
            over,
          };
          const settledFigure: Figure = {
            id: `${id}.settled`,
            label: `${dataset.label}, ${renderer}: navigation → layout settled`,
            unit: "ms",
            median: round(settled.median),
            p95: round(settled.p95),
            over,
          };
          const fpsFigure: Figure = {
            id: `${id}.fps`,
            label: `${dataset.label}, ${renderer}: frames/s while panning and zooming`,
            unit: "fps",
            median: round(fps.median),
            p95: round(fps.p95),
            over: `${loads} loads × (${GESTURE_SECONDS} s pan + ${GESTURE_SECONDS} s zoom)`,
          };
          if (dataset.key === "real" && isAuto) {
            drawnFigure.target = {
              text: `< ${DRAWN_TARGET_MS} ms`,
              met: drawn.p95 < DRAWN_TARGET_MS,
            };
            settledFigure.target = {
              text: `< ${DRAWN_TARGET_MS} ms`,
              met: settled.p95 < DRAWN_TARGET_MS,
            };
          }
          if (dataset.key === "5k" && isAuto) {
            const met = fps.p95 >= FPS_TARGET;
            fpsFigure.target = {
              text: `≥ ${FPS_TARGET} fps`,
              met,
              note: met
                ? "On canvas, the automatic choice where WebGL is software (as in this headless Chromium)."
                : "Missed on the canvas renderer; see the notes for what limits it and what would meet it.",
            };
          }
          figures.push(drawnFigure, settledFigure, fpsFigure);
          fpsOf.set(`${dataset.key}.${renderer}`, round(fps.median));
          settledOf.set(`${dataset.key}.${renderer}`, round(settled.median));
        }
      } finally {
        await server.stop();
      }
    }
  } finally {
    await browser.close();
    await db.close();
    await neo4j.stop();
  }
  const ratio = (key: string) => {
    const canvas = fpsOf.get(`${key}.canvas`);
    const webgl = fpsOf.get(`${key}.webgl`);
    return canvas && webgl ? `${webgl} fps against canvas's ${canvas}` : "";
  };
  if (fpsOf.has("5k.webgl"))
    notes.push(
      `WebGL in SwiftShader is slower than canvas at every size measured (5k elements: ${ratio("5k")}; ` +
        `real dataset: ${ratio("real")}): its rasterisation runs on the CPU, and on every mouse event Cytoscape ` +
        "redraws an offscreen picking buffer and reads it back (`readPixels`, which stalls the pipeline). So " +
        "the automatic choice uses WebGL only when the WebGL renderer string names a GPU; what it gains on one " +
        "could not be measured here (no GPU on this machine). The 5k target is met on canvas: once the layout " +
        "has settled, Cytoscape pans and zooms cached layer textures instead of redrawing 5k elements.",
    );
  if (settledOf.has("20k.canvas"))
    notes.push(
      `20k elements settle in ${settledOf.get("20k.canvas")} ms on canvas (median), most of it ForceAtlas2 ` +
        "(150 iterations over about 4,400 nodes) and styling 20k elements, on the page's main thread. fcose, used " +
        "before, took 10–12 s for the 5k graph (in Node, while choosing) and had not finished the 20k one after " +
        "9 minutes: its refinement runs at least 5 iterations per node, each up to quadratic in dense regions. " +
        "Moving ForceAtlas2 into a Web Worker would keep the page responsive " +
        "meanwhile, not make it sooner.",
    );
  notes.push(
    "The section asks `/api/graph` once before the page loads (to count the elements), so the server's " +
      "response cache (on by default) answers the pages: the API column is the cached case. Uncached, the 20k " +
      "graph's query first took 1–3 s and exceeded Neo4j's transaction memory with a 1 GB heap (each row carried " +
      "the list of chosen nodes); cypher/graph.cypher was rebuilt so no row holds a list, and it now answers in " +
      "about 1.2 s warm (2.2 s cold) with a 1 GB heap. The section still gives Neo4j 3 GB and a 120 s timeout.",
  );
  notes.push(
    `Automatic choice (client/src/rendering.ts): below ${THRESHOLDS.large} elements, canvas with the animated ` +
      `fcose layout (as before); from ${THRESHOLDS.large}, ForceAtlas2 with a Barnes–Hut tree ` +
      "(client/src/forceLayout.ts) instead of fcose, no animation, pixel ratio 1; from " +
      `${THRESHOLDS.webgl}, the WebGL renderer if WebGL 2 runs on a GPU (software ` +
      "WebGL, as here, stays on canvas). `?renderer=canvas|webgl` forces the renderer; the rest follows the size.",
  );
  return {
    section: "client",
    title: "Client in headless Chromium",
    date: new Date().toISOString(),
    quick,
    method:
      "The built client (`npm run build`) is served by `server/index.ts` on a benchmark Neo4j holding the " +
      "real dataset, then synthetic ecosystems (bench/synthetic.ts) sized to show about 1k, 5k and 20k " +
      "elements (nodes + relationships on screen). For each renderer, forced with `?renderer=`, every page " +
      "load is a fresh browser context (no HTTP cache) opening `/`. The page marks `graph-drawn` (the first " +
      "frame showing the elements) and `layout-settled` (the first frame after the first layout stopped); " +
      "figures are those marks' `startTime`, i.e. from navigation start. The first layout now runs before " +
      "the first frame and is not animated, so both marks usually fall in one frame. 'Drawing done' is " +
      "Cytoscape's last draw before 300 ms without one (it fills its texture caches after the layout). Then, " +
      `for ${GESTURE_SECONDS} s each, a pan (a mouse drag on the background, in circles) and a zoom (wheel ` +
      "notches in and out): every frame the page dispatches one mouse or wheel event to Cytoscape's own " +
      "handlers, so each frame has a new view to draw; fps is the frames Cytoscape drew (its renderer's " +
      "redraw count) per second, at most the display's 60. Median and p95 over the loads (for fps the 5th " +
      "percentile, the slow side); the renderer the automatic choice would use carries the targets.",
    figures,
    tables: [
      {
        title: "Page loads per dataset and renderer (median / p95; fps: median / 5th percentile)",
        columns: [
          "Dataset (elements)",
          "Renderer",
          "Drawn (ms)",
          "Layout settled (ms)",
          "Drawing done (ms)",
          "Pan fps",
          "Zoom fps",
        ],
        rows,
      },
      {
        title: "Where the time goes (medians, ms)",
        columns: [
          "Dataset (elements)",
          "Renderer",
          "Navigation → /api/graph asked (HTML, JS, start-up)",
          "/api/graph",
          "Data → layout start (model, elements, style)",
          "Layout + first frame",
          "Drawing after the layout (texture caches)",
        ],
        rows: breakdown,
      },
    ],
    notes,
  };
}
