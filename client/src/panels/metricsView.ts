// Metrics view: size nodes by degree or betweenness and colour them by community, each metric explained in
// a line, with the most central institutions listed.
import type { MetricsResult } from "../../../server/api/schemas.ts";
import { type ClientContext, h } from "../context.ts";
import { localName, type Strings, translator } from "../i18n.ts";
import { METRICS, type Metric } from "../urlState.ts";
import "./tools.css";

type Key = "none" | "degree" | "betweenness" | "sizeBy" | "communities" | "top" | "failed";
const STRINGS: Strings<Key> = {
  en: {
    none: "Normal view",
    degree: "Degree (links)",
    betweenness: "Betweenness (brokerage)",
    sizeBy: "Size nodes by",
    communities: "Colour shows {n} communities (Louvain) in the referral network.",
    top: "Most central",
    failed: "The metrics could not be loaded.",
  },
  pt: {
    none: "Vista normal",
    degree: "Grau (ligações)",
    betweenness: "Intermediação (corretagem)",
    sizeBy: "Tamanho dos nós por",
    communities: "A cor mostra {n} comunidades (Louvain) na rede de encaminhamento.",
    top: "Mais centrais",
    failed: "Não foi possível carregar as métricas.",
  },
};

export function mountMetricsView(container: HTMLElement, ctx: ClientContext): void {
  const t = translator(STRINGS, ctx.lang);
  let metrics: MetricsResult | undefined;
  let failed = false;

  function render() {
    const state = ctx.store.get();
    const group = h(
      "fieldset",
      { class: "tool-metric" },
      h("legend", {}, t("sizeBy")),
      ...([null, ...METRICS] as Array<Metric | null>).map((metric) => {
        const id = `metric-${metric ?? "none"}`;
        const radio = h("input", { type: "radio", name: "metric", id, checked: state.metric === metric });
        radio.addEventListener("change", () => ctx.store.update({ metric }));
        return h("label", { class: "tool-check", for: id }, radio, t(metric ?? "none"));
      }),
    );
    const info = h("div", { class: "metric-info" });
    if (failed) info.append(h("p", { role: "alert" }, t("failed")));
    if (metrics && state.metric) {
      const key = state.metric;
      const explanation = metrics.explanations[key] ?? "";
      const top = [...metrics.metrics].sort((a, b) => b[key] - a[key]).slice(0, 5);
      const list = h("ol", {});
      for (const row of top) {
        const node = ctx.model().nodes.get(row.id);
        const button = h(
          "button",
          { type: "button", class: "link-button" },
          node ? (node.acronym ?? localName(node, ctx.lang())) : row.id,
        );
        button.addEventListener("click", () => ctx.selectNode(row.id));
        list.append(h("li", {}, button, ` ${key === "betweenness" ? row[key].toFixed(3) : row[key]}`));
      }
      info.append(
        h("p", {}, explanation),
        h("p", {}, metrics.explanations.community ?? ""),
        h("p", {}, t("communities", { n: metrics.communities })),
        h("h4", {}, t("top")),
        list,
      );
    }
    container.replaceChildren(group, info);
  }

  async function load() {
    if (metrics) return;
    try {
      metrics = await ctx.api.metrics();
    } catch {
      failed = true;
    }
    render();
  }

  ctx.store.subscribe((state, previous) => {
    if (state.metric !== previous.metric || state.lang !== previous.lang) {
      if (state.metric) void load();
      render();
    }
  });
  if (ctx.store.get().metric) void load();
  render();
}
