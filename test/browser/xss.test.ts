// Hostile data stays text: a dataset whose names, descriptions and aliases hold HTML and script is loaded with
// the users' loader, and the explorer (in Chromium, under the server's Content-Security-Policy) shows it
// literally in details, search, the table, the path finder and the SVG export, running none of it.
import { cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { XMLValidator } from "fast-xml-parser";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { DEFAULT_DATA_DIR } from "../../seed/dataset.ts";
import { seedDatabase } from "../../seed/loader.ts";
import { launchBrowser, serve } from "../setup/browser.ts";
import { testApp, testDatabase } from "../setup/db.ts";

const IMG = "<img src=x onerror=alert(1)>";
const SCRIPT = "<script>window.__xss=1</script>";
/** Two institutions made hostile; their acronyms go, so the graph and its exports label them by name. */
const HOSTILE: Record<string, string> = { apav: IMG, otsh: SCRIPT };

const db = testDatabase();
let dir: string;
let browser: Browser;
let site: Awaited<ReturnType<typeof serve>>;

async function hostileDataset(): Promise<string> {
  const copy = await mkdtemp(path.join(os.tmpdir(), "thb-hostile-"));
  await cp(DEFAULT_DATA_DIR, copy, { recursive: true });
  const file = path.join(copy, "institutions.yaml");
  const records = parse(await readFile(file, "utf8")) as Array<Record<string, unknown>>;
  for (const [id, text] of Object.entries(HOSTILE)) {
    const record = records.find((r) => r.id === id);
    if (!record) throw new Error(`no institution ${id} in the dataset`);
    Object.assign(record, { name: text, nameEn: text, description: text });
    record.aliases = [text, ...((record.aliases as string[] | undefined) ?? [])];
    delete record.acronym;
  }
  await writeFile(file, stringify(records));
  return copy;
}

beforeAll(async () => {
  dir = await hostileDataset();
  await seedDatabase(db, dir);
  browser = await launchBrowser();
  site = await serve(testApp(db));
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
  await seedDatabase(db); // leave the suite's database as the real dataset
  await db.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Watched {
  page: Page;
  dialogs: string[];
}

/** Opens the explorer with watchers for dialogs and Content-Security-Policy violations from the start. */
async function open(url: string): Promise<Watched> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, reducedMotion: "reduce" });
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { __cspViolations: string[] }).__cspViolations = seen;
    document.addEventListener("securitypolicyviolation", (event) => {
      seen.push(`${event.effectiveDirective} ${event.blockedURI} ${event.sourceFile}:${event.lineNumber}`);
    });
  });
  await page.goto(`${site.url}${url}`);
  await page.locator('#graph[data-state="ready"]').waitFor({ state: "attached", timeout: 20_000 });
  return { page, dialogs };
}

/** Nothing the data carried ran or became an element, and the page broke no policy at any point. */
async function expectNothingRan({ page, dialogs }: Watched): Promise<void> {
  const found = await page.evaluate(() => ({
    xss: (window as unknown as { __xss?: unknown }).__xss,
    violations: (window as unknown as { __cspViolations: string[] }).__cspViolations,
    injectedImages: document.querySelectorAll('img[src="x"], [onerror]').length,
    inlineScripts: [...document.querySelectorAll("script")].filter((s) => !s.src).length,
    hostileScripts: [...document.querySelectorAll("script")].filter((s) => s.textContent?.includes("__xss"))
      .length,
  }));
  expect(dialogs).toEqual([]);
  expect(found).toEqual({
    xss: undefined,
    violations: [],
    injectedImages: 0,
    inlineScripts: 0,
    hostileScripts: 0,
  });
}

const details = (page: Page) => page.getByRole("complementary", { name: "Details" });

describe("hostile text in the data", () => {
  it("shows literally in the Details panel of the selected node", async () => {
    for (const [id, text] of Object.entries(HOSTILE)) {
      const watched = await open(`/?node=${id}`);
      await expect.poll(() => details(watched.page).textContent(), { timeout: 10_000 }).toContain(text);
      expect(await details(watched.page).locator("h2").first().textContent()).toContain(text);
      await expectNothingRan(watched);
      await watched.page.close();
    }
  });

  it("shows literally among the search suggestions, and choosing it selects the node", async () => {
    const watched = await open("/");
    const { page } = watched;
    const search = page.getByRole("combobox", { name: "Search" });
    await search.fill("img");
    const option = page.getByRole("option").filter({ hasText: IMG });
    await option.first().waitFor();
    expect(await option.first().textContent()).toContain(IMG);
    await option.first().click();
    await page.waitForURL(/node=apav/);
    await expect.poll(() => details(page).textContent(), { timeout: 10_000 }).toContain(IMG);
    await search.fill("script");
    await page.getByRole("option").filter({ hasText: SCRIPT }).first().waitFor();
    await expectNothingRan(watched);
    await page.close();
  });

  it("shows literally in the table view", async () => {
    const watched = await open("/?node=apav");
    const { page } = watched;
    await page.getByRole("button", { name: "Table", exact: true }).click();
    await page.waitForURL(/view=table/);
    const table = page.locator("#table table").first();
    await table.waitFor();
    for (const text of Object.values(HOSTILE))
      expect(await table.locator("tbody tr").filter({ hasText: text }).count()).toBeGreaterThan(0);
    await expectNothingRan(watched);
    await page.close();
  });

  it("shows literally in the path finder's hops", async () => {
    const watched = await open("/?from=act&to=apav");
    const results = watched.page.locator("#tool-paths .path-results");
    await expect.poll(() => results.textContent(), { timeout: 10_000 }).toMatch(/Route 1/);
    expect(await results.textContent()).toContain(IMG);
    await expectNothingRan(watched);
    await watched.page.close();
  });

  it("stays escaped text in the SVG export", async () => {
    const watched = await open("/?node=apav");
    const { page } = watched;
    await page.locator("#toolbar summary", { hasText: "Export" }).click();
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "SVG" }).click(),
    ]);
    const svg = await readFile(await download.path(), "utf8");
    expect(XMLValidator.validate(svg)).toBe(true);
    // Matches are compared rather than the whole file, which is too long to read in a failure.
    expect(svg.match(/<(script|img|foreignObject|iframe)\b/i)?.[0]).toBeUndefined();
    expect(svg.match(/\son[a-z]+\s*=\s*["']/i)?.[0]).toBeUndefined();
    expect(svg.includes("&lt;img src=x onerror=alert(1)&gt;"), "the label, escaped").toBe(true);
    await expectNothingRan(watched);
    await page.close();
  });
});
