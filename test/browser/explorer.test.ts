// The explorer as people use it, in Debian's Chromium: search, details, sessions, URL state, keyboard,
// table view, language, a phone screen, and an accessibility scan.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSuite } from "../setup/browser.ts";

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const suite = browserSuite();

async function open(path = "/", viewport = { width: 1400, height: 900 }): Promise<Page> {
  const page = await suite.browser().newPage({ viewport });
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  (page as Page & { errors: string[] }).errors = errors;
  await page.goto(`${suite.url()}${path}`);
  await page.locator('#graph[data-state="ready"]').waitFor({ state: "attached", timeout: 20_000 });
  return page;
}

const details = (page: Page) => page.getByRole("complementary", { name: "Details" });

describe("the explorer", () => {
  it("finds SEF by search and shows its details with the Portuguese name", async () => {
    const page = await open();
    const search = page.getByRole("combobox", { name: "Search" });
    await search.fill("SEF");
    const option = page.getByRole("option").first();
    await option.waitFor();
    expect(await option.textContent()).toContain("SEF");
    await search.press("Enter");
    await page.waitForURL(/node=sef/);
    await expect
      .poll(() => details(page).textContent(), { timeout: 10_000 })
      .toContain("Serviço de Estrangeiros e Fronteiras");
    expect(await details(page).textContent()).toMatch(/2023/);
    expect((page as Page & { errors: string[] }).errors).toEqual([]);
    await page.close();
  });

  it("shows a session's theme and presenters when it is chosen", async () => {
    const page = await open();
    await page.getByRole("button", { name: /Session 3/ }).click();
    await page.waitForURL(/session=lisbon-2016-session-3/);
    const sessions = page.locator("#sessions");
    await expect.poll(() => sessions.textContent()).toContain("Anti-Trafficking Unit");
    for (const acronym of ["PSP", "GNR", "PJ", "ACT"])
      expect(await sessions.textContent()).toContain(acronym);
    await sessions.getByRole("button", { name: "QR code" }).click();
    const dialog = page.getByRole("dialog");
    await dialog.waitFor();
    expect(await dialog.locator("svg path").count()).toBeGreaterThan(0);
    expect(await dialog.textContent()).toContain("session=lisbon-2016-session-3");
    await page.keyboard.press("Escape");
    await dialog.waitFor({ state: "hidden" });
    await page.close();
  });

  it("restores a shared view from the URL, and Back returns to the previous selection", async () => {
    const page = await open("/?node=apav");
    await expect.poll(() => details(page).textContent(), { timeout: 10_000 }).toContain("APAV");
    await page.reload();
    await page.locator('#graph[data-state="ready"]').waitFor();
    await expect.poll(() => details(page).textContent(), { timeout: 10_000 }).toContain("APAV");
    const neighbour = details(page)
      .getByRole("button", { name: /CAP SUL/ })
      .first();
    await neighbour.click();
    await page.waitForURL(/node=cap-sul-apav/);
    await page.goBack();
    await page.waitForURL(/node=apav/);
    await expect.poll(() => details(page).textContent()).toContain("Associação Portuguesa de Apoio à Vítima");
    await page.close();
  });

  it("walks the graph with the keyboard: arrows move, Enter opens details, Escape clears", async () => {
    const page = await open();
    await page.locator("#graph").focus();
    await page.keyboard.press("ArrowRight");
    await expect.poll(() => page.locator("#announcer").textContent()).toMatch(/connections/);
    const first = await page.locator("#announcer").textContent();
    await page.keyboard.press("ArrowDown");
    await expect.poll(() => page.locator("#announcer").textContent()).not.toBe(first);
    await page.keyboard.press("Enter");
    await page.waitForURL(/node=/);
    await expect.poll(() => details(page).locator("h2").count()).toBeGreaterThan(0);
    await page.locator("#graph").focus();
    await page.keyboard.press("Escape");
    await page.waitForURL((url) => !url.search.includes("node="));
    await page.close();
  });

  it("lists the visible nodes in a sortable table that follows the selection", async () => {
    const page = await open("/?view=table");
    const table = page.locator("#table table").first();
    await table.waitFor();
    const rows = await table.locator("tbody tr").count();
    expect(rows).toBe(Number(await page.locator("#graph").getAttribute("data-visible-count")));
    await table.locator("tbody tr").filter({ hasText: "OTSH" }).getByRole("button").first().click();
    await page.waitForURL(/node=otsh/);
    expect(await table.locator('tr[aria-selected="true"]').textContent()).toContain("OTSH");
    await page.close();
  });

  it("filters by category from the legend, with live counts", async () => {
    const page = await open();
    const before = Number(await page.locator("#graph").getAttribute("data-visible-count"));
    const ngo = page.locator("#filters button[data-value='ngo']");
    await ngo.click();
    await page.waitForURL(/groups=/);
    expect(await ngo.getAttribute("aria-pressed")).toBe("false");
    const after = Number(await page.locator("#graph").getAttribute("data-visible-count"));
    expect(after).toBe(before - Number(await ngo.locator(".filter-count").textContent()));
    await page.close();
  });

  it("switches the interface to Portuguese", async () => {
    const page = await open();
    await page.getByRole("button", { name: /Português/ }).click();
    await page.waitForURL(/lang=pt/);
    expect(await page.locator("html").getAttribute("lang")).toBe("pt");
    expect(await page.getByRole("combobox", { name: "Pesquisar" }).getAttribute("placeholder")).toMatch(
      /Pesquisar/,
    );
    await expect.poll(() => page.locator("#filters h2").textContent()).toBe("Legenda e filtros");
    await page.close();
  });

  it("works on a phone screen (390×844) without sideways scrolling", async () => {
    const page = await open("/?node=sef", { width: 390, height: 844 });
    expect(Number(await page.locator("#graph").getAttribute("data-node-count"))).toBeGreaterThan(10);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expect.poll(() => details(page).textContent(), { timeout: 10_000 }).toContain("SEF");
    expect(await page.getByRole("button", { name: /Sessions and filters/ }).isVisible()).toBe(true);
    await page.close();
  });

  it("has no serious or critical accessibility violations (axe-core)", async () => {
    const page = await open("/?node=sef");
    await expect.poll(() => details(page).textContent(), { timeout: 10_000 }).toContain("SEF");
    await page.evaluate(AXE);
    const violations = await page.evaluate(async () => {
      const axe = (
        window as unknown as {
          axe: {
            run: (o: object) => Promise<{
              violations: Array<{ id: string; impact: string; nodes: Array<{ target: string[] }> }>;
            }>;
          };
        }
      ).axe;
      const result = await axe.run({ resultTypes: ["violations"] });
      return result.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map(
          (v) =>
            `${v.id}: ${v.nodes
              .map((n) => n.target.join(" "))
              .slice(0, 3)
              .join(", ")}`,
        );
    });
    expect(violations).toEqual([]);
    await page.close();
  });
});
