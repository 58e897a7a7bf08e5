// The legend doubles as the category filter; countries and relationship types filter too, each with a live
// count of what it would show. Filtered-out elements fade or hide (the mode toggle).
import { type ClientContext, h } from "../context.ts";
import { EDGE_FAMILY } from "../elements.ts";
import { GROUP_STYLE } from "../graphStyle.ts";
import { categoryLabel, countryLabel, relationLabel, type Strings, translator } from "../i18n.ts";
import { filterCounts, groupOf } from "../model.ts";
import type { ViewState } from "../urlState.ts";
import "./filters.css";

const STRINGS: Strings<
  "title" | "groups" | "countries" | "types" | "fade" | "hide" | "mode" | "reset" | "only"
> = {
  en: {
    title: "Legend and filters",
    groups: "Kinds of body (click to show or hide)",
    countries: "Countries",
    types: "Relationships",
    mode: "Filtered out:",
    fade: "fade",
    hide: "hide",
    reset: "Show everything",
    only: "only",
  },
  pt: {
    title: "Legenda e filtros",
    groups: "Tipos de entidade (clique para mostrar ou ocultar)",
    countries: "Países",
    types: "Relações",
    mode: "O que fica de fora:",
    fade: "esbater",
    hide: "ocultar",
    reset: "Mostrar tudo",
    only: "só",
  },
};

type ListKey = "groups" | "countries" | "types";

/** Toggles one value in a filter list, where null means "all of `all`". */
export function toggleValue(current: string[] | null, value: string, all: string[]): string[] | null {
  const shown = new Set(current ?? all);
  if (shown.has(value)) shown.delete(value);
  else shown.add(value);
  return shown.size === all.length && all.every((v) => shown.has(v)) ? null : [...shown].sort();
}

function swatch(group: string): SVGSVGElement {
  const style = GROUP_STYLE[group] ?? { color: "#999999", shape: "ellipse" };
  const svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
  svg.setAttribute("viewBox", "0 0 16 16");
  svg.setAttribute("class", "swatch");
  svg.setAttribute("aria-hidden", "true");
  const shapes: Record<string, string> = {
    ellipse: "M8 1a7 7 0 1 0 0.01 0Z",
    "round-rectangle": "M3 2h10a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H3a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2Z",
    diamond: "M8 1l7 7-7 7-7-7Z",
    hexagon: "M4 1.5h8L15.5 8 12 14.5H4L.5 8Z",
    octagon: "M5 1h6l4 4v6l-4 4H5l-4-4V5Z",
    star: "M8 .8l2.2 4.6 5 .6-3.7 3.4 1 5L8 12l-4.5 2.4 1-5L.8 6l5-.6Z",
    "round-triangle": "M8 1.5 15 14H1Z",
    barrel: "M3 1h10q2 7 0 14H3q-2-7 0-14Z",
    rhomboid: "M4 2h11l-3 12H1Z",
    tag: "M1 3h9l5 5-5 5H1Z",
    vee: "M1 2l7 5 7-5-7 13Z",
    "concave-hexagon": "M1 2h14l-3 6 3 6H1l3-6Z",
  };
  const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
  path.setAttribute("d", shapes[style.shape] ?? shapes.ellipse ?? "");
  path.setAttribute("fill", style.color);
  path.setAttribute("stroke", "#333");
  path.setAttribute("stroke-width", "0.8");
  svg.append(path);
  return svg;
}

function lineSample(type: string): HTMLElement {
  const family = EDGE_FAMILY[type] ?? "structure";
  return h("span", { class: `line-sample line-${family}`, "aria-hidden": "true" });
}

export function mountFilters(container: HTMLElement, ctx: ClientContext): void {
  const t = translator(STRINGS, ctx.lang);

  function toggle(key: ListKey, value: string, all: string[]) {
    ctx.store.update({ [key]: toggleValue(ctx.store.get()[key], value, all) } as Partial<ViewState>);
  }

  function group(
    key: ListKey,
    title: string,
    values: string[],
    counts: Map<string, number>,
    label: (v: string) => string,
    icon: (v: string) => Node,
  ) {
    const state = ctx.store.get();
    const shown = state[key];
    const list = h("ul", { class: "filter-list" });
    for (const value of values) {
      const on = shown === null || shown.includes(value);
      const button = h(
        "button",
        {
          type: "button",
          class: "filter-toggle",
          "aria-pressed": on ? "true" : "false",
          "data-value": value,
        },
        icon(value),
        h("span", { class: "filter-label" }, label(value)),
        h("span", { class: "filter-count" }, String(counts.get(value) ?? 0)),
      );
      button.addEventListener("click", () => toggle(key, value, values));
      list.append(h("li", {}, button));
    }
    return h("fieldset", { class: "filter-group" }, h("legend", {}, title), list);
  }

  function render() {
    const state = ctx.store.get();
    const lang = ctx.lang();
    const model = ctx.model();
    const counts = filterCounts(model, state);
    const groups = [...new Set([...model.nodes.values()].map(groupOf))].sort((a, b) =>
      categoryLabel(a, lang).localeCompare(categoryLabel(b, lang), lang),
    );
    const countries = [
      ...new Set(
        [...model.nodes.values()].flatMap((n) => (n.kind === "Institution" && n.country ? [n.country] : [])),
      ),
    ].sort();
    const types = [...new Set([...model.edges.values()].map((e) => e.type))].sort();
    const mode = h(
      "div",
      { class: "filter-mode", role: "radiogroup", "aria-label": t("mode") },
      h("span", {}, t("mode")),
      ...(["fade", "hide"] as const).map((value) => {
        const button = h(
          "button",
          { type: "button", role: "radio", "aria-checked": state.mode === value ? "true" : "false" },
          t(value),
        );
        button.addEventListener("click", () => ctx.store.update({ mode: value }));
        return button;
      }),
    );
    const reset = h("button", { type: "button", class: "filter-reset" }, t("reset"));
    reset.addEventListener("click", () => ctx.store.update({ groups: null, countries: null, types: null }));
    container.replaceChildren(
      h("h2", {}, t("title")),
      group("groups", t("groups"), groups, counts.groups, (v) => categoryLabel(v, lang), swatch),
      group(
        "countries",
        t("countries"),
        countries,
        counts.countries,
        (v) => countryLabel(v, lang),
        (v) => h("span", { class: `country-mark country-${v.toLowerCase()}`, "aria-hidden": "true" }),
      ),
      group("types", t("types"), types, counts.types, (v) => relationLabel(v, lang), lineSample),
      mode,
      reset,
    );
  }

  ctx.onModelChange(render);
  ctx.store.subscribe((state, previous) => {
    if (
      state.lang !== previous.lang ||
      state.mode !== previous.mode ||
      state.groups !== previous.groups ||
      state.countries !== previous.countries ||
      state.types !== previous.types
    ) {
      render();
    }
  });
  render();
}
