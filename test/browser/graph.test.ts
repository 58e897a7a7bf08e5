import { existsSync } from "node:fs";
import request from "supertest";
import { beforeAll, describe, expect, it } from "vitest";
import { Graph } from "../../server/api/schemas.ts";
import { DEFAULT_CLIENT_DIR } from "../../server/app.ts";
import { browserSuite, serve } from "../setup/browser.ts";
import { testApp, testDatabase } from "../setup/db.ts";

describe("the explorer page in Chromium", () => {
  const suite = browserSuite();
  const db = suite.db;

  beforeAll(() => {
    expect(existsSync(DEFAULT_CLIENT_DIR), "the client must be built first (npm run build)").toBe(true);
  });

  it("draws the graph with as many nodes as the API returns", async () => {
    const api = Graph.parse((await request(testApp(db)).get("/api/graph")).body);
    expect(api.nodes.length).toBeGreaterThan(10);
    const page = await suite.browser().newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    await page.goto(suite.url());
    const graph = page.getByRole("application", { name: "Graph" });
    await graph.and(page.locator('[data-state="ready"]')).waitFor({ timeout: 20_000 });
    expect(Number(await graph.getAttribute("data-node-count"))).toBe(api.nodes.length);
    expect(await page.locator("#graph canvas").count()).toBeGreaterThan(0);
    await expect(page.locator("#graph-status").textContent()).resolves.toContain(`${api.nodes.length} nodes`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("says plainly when the API is down, and offers a retry", async () => {
    const down = testDatabase({ uri: "bolt://127.0.0.1:1" });
    const downSite = await serve(testApp(down));
    try {
      const page = await suite.browser().newPage();
      await page.goto(downSite.url);
      const alert = page.locator("#graph-error");
      await alert.waitFor({ state: "visible", timeout: 20_000 });
      expect(await alert.textContent()).toContain("The database is unavailable right now");
      expect(await alert.getByRole("button", { name: "Retry" }).isVisible()).toBe(true);
      await page.close();
    } finally {
      await downSite.close();
      await down.close();
    }
  });
});
