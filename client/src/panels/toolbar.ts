// The toolbar: layout, graph/table view and language; on phones, a button for the filters sheet.
import { type ClientContext, h } from "../context.ts";
import { type Strings, translator } from "../i18n.ts";
import { LAYOUTS, type Layout } from "../urlState.ts";

type Key = "layout" | Layout | "graph" | "table" | "view" | "language" | "otherLanguage" | "panels";
const STRINGS: Strings<Key> = {
  en: {
    layout: "Layout",
    overview: "Overview",
    concentric: "Around the selection",
    flow: "Referral flow (left to right)",
    map: "Map",
    view: "View",
    graph: "Graph",
    table: "Table",
    language: "Language",
    otherLanguage: "Português",
    panels: "Sessions and filters",
  },
  pt: {
    layout: "Disposição",
    overview: "Visão geral",
    concentric: "À volta da seleção",
    flow: "Fluxo de encaminhamento (da esquerda para a direita)",
    map: "Mapa",
    view: "Vista",
    graph: "Grafo",
    table: "Tabela",
    language: "Idioma",
    otherLanguage: "English",
    panels: "Sessões e filtros",
  },
};

export function mountToolbar(container: HTMLElement, ctx: ClientContext): void {
  const t = translator(STRINGS, ctx.lang);
  function render() {
    const state = ctx.store.get();
    const select = h("select", { id: "layout-select", "aria-label": t("layout") });
    for (const layout of LAYOUTS) {
      const option = h("option", { value: layout }, t(layout));
      option.selected = layout === state.layout;
      select.append(option);
    }
    select.addEventListener("change", () => ctx.store.update({ layout: select.value as Layout }));
    const views = h(
      "div",
      { class: "segmented", role: "group", "aria-label": t("view") },
      ...(["graph", "table"] as const).map((view) => {
        const button = h(
          "button",
          { type: "button", "aria-pressed": state.view === view ? "true" : "false" },
          t(view),
        );
        button.addEventListener("click", () => ctx.store.update({ view }));
        return button;
      }),
    );
    const language = h(
      "button",
      {
        type: "button",
        class: "lang-toggle",
        lang: state.lang === "en" ? "pt" : "en",
        "aria-label": `${t("language")}: ${t("otherLanguage")}`,
      },
      t("otherLanguage"),
    );
    language.addEventListener("click", () =>
      ctx.store.update({ lang: state.lang === "en" ? "pt" : "en" }, { replace: true }),
    );
    const panels = h(
      "button",
      { type: "button", class: "sheet-toggle", "aria-controls": "sidebar", "aria-expanded": "false" },
      t("panels"),
    );
    panels.addEventListener("click", () => {
      const sidebar = document.getElementById("sidebar");
      const open = !sidebar?.classList.contains("open");
      sidebar?.classList.toggle("open", open);
      panels.setAttribute("aria-expanded", String(open));
    });
    container.replaceChildren(select, views, language, panels);
  }
  ctx.store.subscribe((state, previous) => {
    if (state.lang !== previous.lang || state.layout !== previous.layout || state.view !== previous.view)
      render();
  });
  render();
}
