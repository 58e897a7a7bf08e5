// A real browser for UI tests: Debian's Chromium driven by playwright-core (no browser download needed).
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Express } from "express";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import type { Database } from "../../server/db/database.ts";
import { testApp, testDatabase } from "./db.ts";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--disable-quic",
    ],
  });
}

/** Serves `app` on a free loopback port; returns its base URL and a close function. */
export function serve(app: Express): Promise<{ url: string; close: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const server: Server = app.listen(0, "127.0.0.1");
    server.once("error", reject);
    server.once("listening", () => {
      const { port } = server.address() as AddressInfo;
      resolve({
        url: `http://127.0.0.1:${port}`,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}

/** The usual browser-test fixture: the suite's database, the app served on a free port, and Chromium. */
export function browserSuite(): { db: Database; browser: () => Browser; url: () => string } {
  const db = testDatabase();
  let browser: Browser | undefined;
  let site: Awaited<ReturnType<typeof serve>> | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    site = await serve(testApp(db));
  });
  afterAll(async () => {
    await browser?.close();
    await site?.close();
    await db.close();
  });
  return {
    db,
    browser: () => browser as Browser,
    url: () => site?.url ?? "",
  };
}
