// The renderer and layout the explorer picks by the graph's size, the timing marks the benchmarks read, and
// the `?renderer=` override, in Chromium under the server's Content-Security-Policy. Headless Chromium's
// WebGL 2 is SwiftShader (software), so the automatic choice stays on canvas here, as it would for a user
// without a GPU; WebGL is exercised by forcing it.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import type { Graph, GraphEdge, GraphNode } from "../../server/api/schemas.ts";
import { browserSuite } from "../setup/browser.ts";
import { preferentialLinks, seededRandom } from "../setup/scaleFree.ts";

const suite = browserSuite();

/** A preferential-attachment ecosystem of `n` institutions and 3 links each: n + 3n elements. */
function largeGraph(n: number): Graph {
  const categories = ["ngo", "law-enforcement", "municipality", "shelter", "government-body"] as const;
  const nodes: GraphNode[] = Array.from({ length: n }, (_, i) => ({
    id: `inst-${i}`,
    kind: "Institution",
    name: `Institution ${i}`,
    category: categories[i % categories.length],
    country: "PT",
    sources: ["s01"],
    evidence: "documented",
  }));
  const edges: GraphEdge[] = preferentialLinks(n, 3, seededRandom(11)).map(([i, j], index) => ({
    id: `rel-${i}-${index % 3}`,
    source: `inst-${i}`,
    target: `inst-${j}`,
    type: "COOPERATES_WITH",
  }));
  return { nodes, edges, truncated: false };
}

interface Opened {
  page: Page;
  errors: string[];
  attributes(): Promise<Record<string, string | null>>;
  marks(): Promise<{ drawn: number | null; settled: number | null }>;
  violations(): Promise<string[]>;
}

async function open(path: string, graph?: Graph): Promise<Opened> {
  const page = await suite.browser().newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.effectiveDirective} ${event.blockedURI}`);
    });
  });
  if (graph) await page.route(/\/api\/graph$/, (route) => route.fulfill({ json: graph }));
  await page.goto(`${suite.url()}${path}`);
  const graphEl = page.locator("#graph");
  await page.locator('#graph[data-layout="settled"]').waitFor({ state: "attached", timeout: 60_000 });
  return {
    page,
    errors,
    attributes: async () => ({
      renderer: await graphEl.getAttribute("data-renderer"),
      overview: await graphEl.getAttribute("data-overview"),
      nodes: await graphEl.getAttribute("data-node-count"),
      layout: await graphEl.getAttribute("data-layout"),
    }),
    marks: () =>
      page.evaluate(() => ({
        drawn: performance.getEntriesByName("graph-drawn", "mark")[0]?.startTime ?? null,
        settled: performance.getEntriesByName("layout-settled", "mark")[0]?.startTime ?? null,
      })),
    violations: () =>
      page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations),
  };
}

/** Where a node is on screen, from Cytoscape itself (the container keeps a reference to its instance). */
function nodeOnScreen(page: Page, id: string): Promise<{ x: number; y: number }> {
  return page.evaluate((nodeId) => {
    const container = document.getElementById("graph") as HTMLElement & {
      _cyreg: { cy: { getElementById(id: string): { renderedPosition(): { x: number; y: number } } } };
    };
    const box = container.getBoundingClientRect();
    const p = container._cyreg.cy.getElementById(nodeId).renderedPosition();
    return { x: box.left + p.x, y: box.top + p.y };
  }, id);
}

describe("rendering chosen by the graph's size", () => {
  it("draws the real dataset as before, with canvas and fcose, and marks when it was drawn and settled", async () => {
    const opened = await open("/");
    expect(await opened.attributes()).toMatchObject({
      renderer: "canvas",
      overview: "fcose",
      layout: "settled",
    });
    const { drawn, settled } = await opened.marks();
    expect(drawn).toBeGreaterThan(0);
    expect(settled).toBeGreaterThanOrEqual(drawn as number);
    expect(await opened.page.locator('#graph canvas[data-id="layer3-webgl"]').count()).toBe(0);
    expect(await opened.violations()).toEqual([]);
    expect(opened.errors).toEqual([]);
    await opened.page.close();
  });

  it("draws with WebGL when ?renderer=webgl asks, and a click still finds the node under it", async () => {
    const opened = await open("/?renderer=webgl");
    expect(await opened.attributes()).toMatchObject({ renderer: "webgl", overview: "fcose" });
    expect(await opened.page.locator('#graph canvas[data-id="layer3-webgl"]').count()).toBe(1);
    const at = await nodeOnScreen(opened.page, "sef");
    await opened.page.mouse.click(at.x, at.y);
    await opened.page.waitForURL(/[?&]node=sef\b/, { timeout: 5000 });
    await expect
      .poll(() => opened.page.locator("#details").textContent(), { timeout: 10_000 })
      .toContain("SEF");
    expect(await opened.violations()).toEqual([]);
    expect(opened.errors).toEqual([]);
    await opened.page.close();
  });

  it("lays out thousands of elements with ForceAtlas2, without animation, on canvas where WebGL is software", async () => {
    const graph = largeGraph(1000);
    const started = Date.now();
    const opened = await open("/", graph);
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(await opened.attributes()).toEqual({
      renderer: "canvas",
      overview: "forceatlas2",
      nodes: "1000",
      layout: "settled",
    });
    expect(await opened.page.locator("#graph-status").textContent()).toContain(
      "1000 nodes and 2997 relationships",
    );
    expect(opened.errors).toEqual([]);
    await opened.page.close();

    const forced = await open("/?renderer=webgl", graph);
    expect(await forced.attributes()).toMatchObject({ renderer: "webgl", overview: "forceatlas2" });
    expect(forced.errors).toEqual([]);
    await forced.page.close();
  });
});
