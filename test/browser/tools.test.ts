// Trainer and researcher tools in Chromium: the pathway player, the path finder, time travel and compare,
// what-if, metrics and presentation mode — each driven as a person would, and through shared URLs.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { browserSuite } from "../setup/browser.ts";

const suite = browserSuite();

async function open(path: string): Promise<Page> {
  const page = await suite.browser().newPage({ viewport: { width: 1400, height: 900 } });
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto(`${suite.url()}${path}`);
  await page.locator('#graph[data-state="ready"]').waitFor({ state: "attached", timeout: 20_000 });
  return page;
}

const stepOf = (page: Page) => page.locator("#tool-pathways .step-count").textContent();
const PATHWAY = "labour-exploitation-act-2016";

describe("the pathway player", () => {
  it("steps from the first step to the last with the buttons, captioning each hop", async () => {
    const page = await open(`/?pathway=${PATHWAY}&step=1`);
    await expect.poll(() => stepOf(page)).toMatch(/^Step 1 of (\d+)$/);
    const total = Number((await stepOf(page))?.match(/of (\d+)/)?.[1]);
    expect(total).toBeGreaterThan(3);
    expect(await page.locator("#tool-pathways .step-headline").textContent()).toMatch(/ACT/);
    const next = page.getByRole("button", { name: "Next step" });
    for (let step = 2; step <= total; step += 1) {
      await next.click();
      await page.waitForURL(new RegExp(`step=${step}(&|$)`));
    }
    await expect.poll(() => stepOf(page)).toBe(`Step ${total} of ${total}`);
    expect(await next.isDisabled()).toBe(true);
    expect(await page.locator("#tool-pathways .step-sources").textContent()).toMatch(/Sources:/);
    await page.close();
  });

  it("opens at step 3 from a link, and arrow keys and PageUp/PageDown move it and the URL", async () => {
    const page = await open(`/?pathway=${PATHWAY}&step=3`);
    await expect.poll(() => stepOf(page)).toMatch(/^Step 3 of/);
    await page.locator("#tool-pathways .player-scenario").click();
    await page.keyboard.press("ArrowRight");
    await page.waitForURL(/step=4/);
    await page.keyboard.press("PageUp");
    await page.waitForURL(/step=3/);
    await page.keyboard.press("PageDown");
    await page.waitForURL(/step=4/);
    await expect.poll(() => stepOf(page)).toMatch(/^Step 4 of/);
    await page.close();
  });

  it("presents full screen with a large caption and no chrome", async () => {
    const page = await open(`/?pathway=${PATHWAY}&step=2&present=1`);
    const caption = page.locator("#present-caption");
    await caption.waitFor({ state: "visible" });
    await expect.poll(() => caption.textContent()).toMatch(/Step 2 of/);
    expect(await page.locator(".topbar").isVisible()).toBe(false);
    await page.keyboard.press("PageDown");
    await page.waitForURL(/step=3/);
    await page.keyboard.press("Escape");
    await page.waitForURL((url) => !url.search.includes("present="));
    expect(await page.locator(".topbar").isVisible()).toBe(true);
    await page.close();
  });
});

describe("the path finder", () => {
  it("finds referral routes from the labour inspectorate to a shelter, hop by hop", async () => {
    const page = await open("/?from=act&to=cap-sul-apav");
    const results = page.locator("#tool-paths .path-results");
    await expect.poll(() => results.textContent()).toMatch(/Route 1: \d hops/);
    expect(await results.locator("ol").first().locator("li").count()).toBeGreaterThanOrEqual(2);
    expect(await results.textContent()).toContain("ACT");
    await page.close();
  });

  it("says plainly when there is no path over the chosen relationships", async () => {
    const page = await open("/?from=act&to=cap-sul-apav&via=HOSTED");
    await expect.poll(() => page.locator("#tool-paths .no-path").textContent()).toMatch(/No path between/);
    await page.close();
  });

  it("takes its two ends from the inputs", async () => {
    const page = await open("/");
    await page.locator("#tool-paths").evaluate((el) => {
      (el.closest("details") as HTMLDetailsElement).open = true;
    });
    await page.locator("#path-from").fill("APAV — Portuguese Association for Victim Support");
    await page.locator("#path-from").dispatchEvent("change");
    await page.waitForURL(/from=apav/);
    await page.close();
  });
});

describe("time travel", () => {
  const rows = async (path: string) => {
    const page = await open(path);
    const table = page.locator("#table table").first();
    await table.waitFor();
    const text = (await table.textContent()) ?? "";
    await page.close();
    return text;
  };

  it("shows SEF on the workshop's day and AIMA after 2023", async () => {
    const before = await rows("/?at=2016-11-28&view=table");
    expect(before).toContain("SEF");
    expect(before).not.toContain("AIMA");
    const after = await rows("/?at=2024-01-01&view=table");
    expect(after).toContain("AIMA");
    expect(after).not.toMatch(/\bSEF\b(?! )/);
  });

  it("moves through time with the slider", async () => {
    const page = await open("/?at=2016-11-28");
    const slider = page.locator("#time-slider");
    await slider.focus();
    await page.keyboard.press("End");
    await page.waitForURL((url) => (url.searchParams.get("at") ?? "") > "2025");
    await page.close();
  });

  it("compares two days: SEF disappeared, AIMA appeared, with sources", async () => {
    const page = await open("/?compare=2016-11-28,2024-01-01");
    const list = page.locator("#tool-time .change-list");
    await list.waitFor();
    expect(await list.locator(".change-disappeared").filter({ hasText: "SEF" }).count()).toBeGreaterThan(0);
    expect(await list.locator(".change-appeared").filter({ hasText: "AIMA" }).count()).toBeGreaterThan(0);
    expect(await list.textContent()).toMatch(/sources: s\d+/);
    await page.close();
  });
});

describe("what-if and metrics", () => {
  it("shows which pathways break when SEF is unavailable, and what detour remains", async () => {
    const page = await open("/?unavailable=sef");
    const results = page.locator("#tool-whatIf .whatif-results");
    await expect
      .poll(() => results.textContent(), { timeout: 10_000 })
      .toMatch(/Labour exploitation .*breaks at step/);
    await page.close();
  });

  it("sizes nodes by betweenness and lists the most central, with the metric explained", async () => {
    const page = await open("/?metric=betweenness");
    const view = page.locator("#tool-metrics");
    await expect.poll(() => view.textContent(), { timeout: 10_000 }).toMatch(/Most central/);
    expect(await view.locator("ol li").count()).toBe(5);
    expect(await view.textContent()).toMatch(/Betweenness/);
    await page.close();
  });
});

describe("layouts", () => {
  it("switches to the referral flow and the map, loading their code on demand, without errors", async () => {
    const page = await open("/");
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const loaded: string[] = [];
    page.on("response", (response) => loaded.push(response.url()));
    await page.locator("#layout-select").selectOption("flow");
    await page.waitForURL(/layout=flow/);
    await expect.poll(() => loaded.some((url) => /cytoscape-dagre/.test(url))).toBe(true);
    const places = page.waitForResponse((response) =>
      response.url().includes("kinds=Institution,Workshop,Place"),
    );
    await page.locator("#layout-select").selectOption("map");
    await page.waitForURL(/layout=map/);
    expect((await places).status()).toBe(200);
    expect(errors).toEqual([]);
    await page.close();
  });
});
