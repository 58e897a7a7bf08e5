// Exports of the current view, through the toolbar's Export menu in Debian's Chromium: a PNG that decodes and
// shows the graph and its legend, an SVG with the legend as text, and GraphML holding the filtered graph.
import { readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { Graph } from "../../server/api/schemas.ts";
import { browserSuite } from "../setup/browser.ts";

const suite = browserSuite();

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });
const asList = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

async function open(path = "/"): Promise<Page> {
  const page = await suite
    .browser()
    .newPage({ viewport: { width: 1280, height: 800 }, reducedMotion: "reduce" });
  await page.goto(`${suite.url()}${path}`);
  await page.locator('#graph[data-state="ready"]').waitFor({ state: "attached", timeout: 20_000 });
  await page.locator("#toolbar summary", { hasText: "Export" }).click();
  return page;
}

async function downloadFrom(page: Page, click: () => Promise<void>): Promise<{ file: Buffer; name: string }> {
  const [download] = await Promise.all([page.waitForEvent("download"), click()]);
  return { file: readFileSync(await download.path()), name: download.suggestedFilename() };
}

async function apiGraph(query: string): Promise<Graph> {
  const response = await fetch(`${suite.url()}/api/graph${query}`);
  expect(response.status).toBe(200);
  return Graph.parse(await response.json());
}

/** Decodes an 8-bit, non-interlaced RGB or RGBA PNG (what Chromium's canvas writes) into its pixels. */
function decodePng(png: Buffer) {
  expect(png.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
  let offset = 8;
  let header: Buffer | undefined;
  const data: Buffer[] = [];
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString("ascii", offset + 4, offset + 8);
    const body = png.subarray(offset + 8, offset + 8 + length);
    if (type === "IHDR") header = body;
    if (type === "IDAT") data.push(body);
    offset += 12 + length;
  }
  if (!header) throw new Error("no IHDR chunk");
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  expect({ bitDepth: header[8], interlace: header[12] }).toEqual({ bitDepth: 8, interlace: 0 });
  const channels = header[9] === 6 ? 4 : header[9] === 2 ? 3 : 0;
  expect(channels).toBeGreaterThan(0);
  const raw = inflateSync(Buffer.concat(data));
  const stride = width * channels;
  const pixels = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const row = y * (stride + 1) + 1;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? (pixels[y * stride + x - channels] ?? 0) : 0;
      const b = y > 0 ? (pixels[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= channels && y > 0 ? (pixels[(y - 1) * stride + x - channels] ?? 0) : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter ?? 0] ?? 0;
      pixels[y * stride + x] = ((raw[row + x] ?? 0) + predictor) & 255;
    }
  }
  /** Non-white pixels and distinct colours in a region, sampled every `step` pixels. */
  const ink = (x0: number, x1: number, y0: number, y1: number, step = 2) => {
    let dark = 0;
    let total = 0;
    const colours = new Set<number>();
    for (let y = y0; y < y1; y += step) {
      for (let x = x0; x < x1; x += step) {
        const i = y * stride + x * channels;
        const [r, g, bl] = [pixels[i] ?? 255, pixels[i + 1] ?? 255, pixels[i + 2] ?? 255];
        total++;
        if (Math.min(r, g, bl) < 235) dark++;
        colours.add(((r >> 4) << 8) | ((g >> 4) << 4) | (bl >> 4));
      }
    }
    return { share: dark / total, colours: colours.size };
  };
  return { width, height, ink };
}

/** Every text in a parsed XML tree under elements named `name`. */
function textsOf(node: unknown, name: string, out: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const item of node) textsOf(item, name, out);
  } else if (node && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === name) {
        for (const item of asList(value))
          out.push(
            typeof item === "object"
              ? String((item as Record<string, unknown>)["#text"] ?? "")
              : String(item),
          );
      }
      textsOf(value, name, out);
    }
  }
  return out;
}

describe("exports of the current view", () => {
  it("downloads a PNG at 2× that decodes and shows the graph, its legend and footer", async () => {
    const page = await open();
    const graphBox = await page.locator("#graph").boundingBox();
    if (!graphBox) throw new Error("the graph has no box");
    await page.getByLabel("Scale").selectOption("2");
    const { file, name } = await downloadFrom(page, () => page.getByRole("button", { name: "PNG" }).click());
    expect(name).toMatch(/^thb-graph-\d{4}-\d{2}-\d{2}\.png$/);
    const png = decodePng(file);
    expect(png.width).toBeGreaterThanOrEqual(2 * Math.round(graphBox.width));
    expect(png.height).toBeGreaterThanOrEqual(2 * Math.round(graphBox.height));
    const graphWidth = 2 * Math.round(graphBox.width);
    const graph = png.ink(0, graphWidth, 0, 2 * Math.round(graphBox.height));
    expect(graph.share).toBeGreaterThan(0.005);
    expect(graph.colours).toBeGreaterThan(8);
    const legend = png.ink(graphWidth + 4, png.width, 0, 2 * Math.round(graphBox.height));
    expect(legend.share).toBeGreaterThan(0.005);
    const footer = png.ink(0, png.width, 2 * Math.round(graphBox.height) + 4, png.height);
    expect(footer.share).toBeGreaterThan(0.002);
    await expect.poll(() => page.locator(".export-status").textContent()).toMatch(/Downloaded/);
    expect(await page.locator("#toolbar details.export-menu").getAttribute("open")).not.toBeNull();
    await page.close();
  });

  it("downloads an SVG that parses and carries the legend and footer as text", async () => {
    const page = await open("/?countries=PT");
    const { file, name } = await downloadFrom(page, () => page.getByRole("button", { name: "SVG" }).click());
    expect(name).toMatch(/^thb-graph-\d{4}-\d{2}-\d{2}\.svg$/);
    const text = file.toString("utf8");
    expect(XMLValidator.validate(text)).toBe(true);
    const doc = xml.parse(text);
    expect(doc.svg).toBeDefined();
    const texts = textsOf(doc.svg, "text");
    for (const expected of ["Legend", "Relationships", "Referral", "NGO"]) expect(texts).toContain(expected);
    expect(texts.join(" ")).toMatch(/Filters: countries: Portugal/);
    expect(texts.join(" ")).toMatch(/Sources: see each node's details/);
    // The graph itself: Cytoscape's drawing nested as its own <svg>, a shape per node and a line per edge.
    const nodes = Number(await page.locator("#graph").getAttribute("data-node-count"));
    expect(textsOf(doc.svg.svg, "path").length).toBeGreaterThan(nodes);
    await page.close();
  });

  it("downloads GraphML holding exactly the filtered graph (countries=PT)", async () => {
    const page = await open("/?countries=PT");
    const { file, name } = await downloadFrom(page, () =>
      page.getByRole("link", { name: "GraphML" }).click(),
    );
    expect(name).toMatch(/^thb-graph-\d{4}-\d{2}-\d{2}\.graphml$/);
    const doc = xml.parse(file.toString("utf8"));
    const nodes = asList(doc.graphml.graph.node);
    const filtered = await apiGraph("?country=PT");
    const everything = await apiGraph("");
    expect(nodes).toHaveLength(filtered.nodes.length);
    expect(nodes.length).toBeLessThan(everything.nodes.length);
    expect(asList(doc.graphml.graph.edge)).toHaveLength(filtered.edges.length);
    await page.close();
  });

  it("maps legend groups to the API's categories and kinds", async () => {
    const page = await open("/?groups=ngo,session&countries=PT");
    const href = await page.getByRole("link", { name: "GraphML" }).getAttribute("href");
    expect(href).toBe("/api/export?format=graphml&kinds=Institution,Session&categories=ngo&country=PT");
    const { file } = await downloadFrom(page, () => page.getByRole("link", { name: "GraphML" }).click());
    const nodes = asList(xml.parse(file.toString("utf8")).graphml.graph.node);
    const filtered = await apiGraph("?kinds=Institution,Session&categories=ngo&country=PT");
    expect(nodes).toHaveLength(filtered.nodes.length);
    expect(nodes.length).toBe(Number(await page.locator("#graph").getAttribute("data-visible-count")));
    await page.close();
  });
});
