// The legend doubles as the category filter; countries and relationship types filter too, each with a live
// count of what it would show. Filtered-out elements fade or hide (the mode toggle).
import { type ClientContext, h } from "../context.ts";
import { EDGE_FAMILY } from "../elements.ts";
import { SHAPE_PATHS } from "../graphImage.ts";
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

  const path = document.createElementNS("http://www.w3.org/2000/svg", "path");
  path.setAttribute("d", SHAPE_PATHS[style.shape] ?? SHAPE_PATHS.ellipse ?? "");
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
