// `npm run docs:screenshots`: the README's pictures, taken from the real stack (a temporary Neo4j seeded with
// the dataset, the built client, Debian's Chromium). Writes docs/*.png.
import { mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { seedDatabase } from "../../seed/loader.ts";
import { startLocalNeo4j } from "../../server/local-neo4j/server.ts";
import { consoleProgress } from "../../server/progress.ts";
import { launchBrowser, serve } from "./browser.ts";
import { testApp, testDatabase } from "./db.ts";
import { freePort } from "./ports.ts";

export interface Shot {
  file: string;
  path: string;
  viewport: { width: number; height: number };
  /** Runs in the page before the picture, e.g. to open a panel. */
  prepare?: (page: import("playwright-core").Page) => Promise<void>;
}

export const SHOTS: Shot[] = [
  { file: "explorer-desktop.png", path: "/?node=sef", viewport: { width: 1440, height: 900 } },
  {
    file: "explorer-session.png",
    path: "/?session=lisbon-2016-session-4",
    viewport: { width: 1440, height: 900 },
  },
  { file: "explorer-table.png", path: "/?view=table&node=apav", viewport: { width: 1440, height: 900 } },
  { file: "explorer-phone.png", path: "/?node=apav", viewport: { width: 390, height: 844 } },
  {
    file: "pathway-player.png",
    path: "/?pathway=labour-exploitation-act-2016&step=4&at=2016-11-28",
    viewport: { width: 1440, height: 900 },
  },
  {
    file: "presentation-mode.png",
    path: "/?pathway=labour-exploitation-act-2024&step=3&at=2024-01-01&present=1",
    viewport: { width: 1440, height: 900 },
  },
  { file: "path-finder.png", path: "/?from=act&to=cap-sul-apav", viewport: { width: 1440, height: 900 } },
  {
    file: "time-compare.png",
    path: "/?compare=2016-11-28,2024-01-01",
    viewport: { width: 1440, height: 900 },
  },
];

const progress = consoleProgress();
const docs = path.resolve(import.meta.dirname, "..", "..", "docs");
const dir = await mkdtemp(path.join(os.tmpdir(), "thb-shots-"));
const neo = await startLocalNeo4j({ dir, port: await freePort(), heap: "512m", pagecache: "64m", progress });
const db = testDatabase({ uri: neo.uri, queryTimeoutMs: 60_000 });
try {
  await seedDatabase(db, undefined, progress);
  const site = await serve(testApp(db));
  const browser = await launchBrowser();
  await mkdir(docs, { recursive: true });
  for (const shot of SHOTS) {
    const page = await browser.newPage({ viewport: shot.viewport, deviceScaleFactor: 1 });
    await page.emulateMedia({ reducedMotion: "reduce" });
    await page.goto(`${site.url}${shot.path}`);
    await page.locator('#graph[data-state="ready"]').waitFor({ state: "attached", timeout: 30_000 });
    await shot.prepare?.(page);
    await page.waitForTimeout(2500);
    await page.screenshot({ path: path.join(docs, shot.file) });
    progress(`Wrote docs/${shot.file}`);
    await page.close();
  }
  await browser.close();
  await site.close();
} finally {
  await db.close();
  await neo.stop();
  await rm(dir, { recursive: true, force: true });
}
