// The path finder: two institutions, the relationship types to walk, and the shortest routes between them
// (highlighted in the graph, listed hop by hop with descriptions and sources). "No path" is said plainly.
import { REFERRAL_TYPES } from "../../../server/api/schemas.ts";
import { type ClientContext, h } from "../context.ts";
import { EDGE_FAMILY } from "../elements.ts";
import { type Lang, localName, relationLabel, type Strings, translator } from "../i18n.ts";
import { pathsForView } from "../pathfinding.ts";
import "./tools.css";

type Key =
  | "from"
  | "to"
  | "types"
  | "find"
  | "clear"
  | "swap"
  | "noPath"
  | "path"
  | "hops"
  | "pick"
  | "unknown";
const STRINGS: Strings<Key> = {
  en: {
    from: "From",
    to: "To",
    types: "Walking these relationships",
    find: "Find paths",
    clear: "Clear",
    swap: "Swap",
    noPath: "No path between {from} and {to} over these relationships (at most 6 hops).",
    path: "Route {n}: {hops} hops",
    hops: "hops",
    pick: "Type a name or acronym, then choose from the list.",
    unknown: "Choose an institution from the list.",
  },
  pt: {
    from: "De",
    to: "Para",
    types: "Através destas relações",
    find: "Procurar caminhos",
    clear: "Limpar",
    swap: "Trocar",
    noPath: "Não há caminho entre {from} e {to} através destas relações (no máximo 6 passos).",
    path: "Caminho {n}: {hops} passos",
    hops: "passos",
    pick: "Escreva um nome ou sigla e escolha da lista.",
    unknown: "Escolha uma instituição da lista.",
  },
};

function optionLabel(
  node: { id: string; acronym?: string; name?: string; nameEn?: string },
  lang: Lang,
): string {
  const name = localName(node, lang);
  return node.acronym ? `${node.acronym} — ${name}` : name;
}

export function mountPathFinder(container: HTMLElement, ctx: ClientContext): void {
  const t = translator(STRINGS, ctx.lang);
  const walkable = [
    ...new Set([...REFERRAL_TYPES, ...Object.keys(EDGE_FAMILY).filter((k) => EDGE_FAMILY[k] !== "workshop")]),
  ];

  function render() {
    const state = ctx.store.get();
    const lang = ctx.lang();
    const institutions = [...ctx.model().nodes.values()]
      .filter((n) => n.kind === "Institution")
      .sort((a, b) => optionLabel(a, lang).localeCompare(optionLabel(b, lang), lang));
    const byLabel = new Map(institutions.map((n) => [optionLabel(n, lang), n.id]));
    const labelOf = (id: string | null) => {
      const node = id ? ctx.model().nodes.get(id) : undefined;
      return node ? optionLabel(node, lang) : "";
    };
    const datalist = h(
      "datalist",
      { id: "path-institutions" },
      ...institutions.map((n) => h("option", { value: optionLabel(n, lang) })),
    );
    const input = (key: "from" | "to") => {
      const field = h("input", {
        id: `path-${key}`,
        list: "path-institutions",
        value: labelOf(state[key]),
        autocomplete: "off",
        "aria-describedby": "path-hint",
      });
      field.addEventListener("change", () => {
        const id = byLabel.get(field.value) ?? null;
        field.setCustomValidity(field.value && !id ? t("unknown") : "");
        if (id || !field.value) ctx.store.update({ [key]: id });
      });
      return h("div", { class: "tool-field" }, h("label", { for: `path-${key}` }, t(key)), field);
    };
    const chosen = new Set(state.via ?? REFERRAL_TYPES);
    const types = h(
      "fieldset",
      { class: "tool-types" },
      h("legend", {}, t("types")),
      ...walkable.map((type) => {
        const box = h("input", {
          type: "checkbox",
          id: `via-${type}`,
          value: type,
          checked: chosen.has(type),
        });
        box.addEventListener("change", () => {
          const next = walkable.filter((v) => (v === type ? box.checked : chosen.has(v)));
          const isDefault =
            next.length === REFERRAL_TYPES.length && REFERRAL_TYPES.every((v) => next.includes(v));
          ctx.store.update({ via: isDefault ? null : next }, { replace: true });
        });
        return h("label", { class: "tool-check", for: `via-${type}` }, box, relationLabel(type, lang));
      }),
    );
    const swap = h("button", { type: "button" }, t("swap"));
    swap.addEventListener("click", () => ctx.store.update({ from: state.to, to: state.from }));
    const clear = h("button", { type: "button" }, t("clear"));
    clear.addEventListener("click", () => ctx.store.update({ from: null, to: null, via: null }));
    const results = h("div", { class: "path-results", "aria-live": "polite" });
    if (state.from && state.to) {
      const paths = pathsForView(ctx.visible().edges, state, REFERRAL_TYPES);
      if (paths.length === 0) {
        results.append(
          h("p", { class: "no-path" }, t("noPath", { from: labelOf(state.from), to: labelOf(state.to) })),
        );
      }
      paths.forEach((path, index) => {
        const list = h("ol", { class: "hop-list" });
        path.edges.forEach((edge, i) => {
          const a = path.nodes[i] as string;
          const b = path.nodes[i + 1] as string;
          const name = (id: string) => {
            const node = ctx.model().nodes.get(id);
            return node ? (node.acronym ?? localName(node, lang)) : id;
          };
          const forward = edge.source === a;
          const button = (id: string) => {
            const b2 = h("button", { type: "button", class: "link-button" }, name(id));
            b2.addEventListener("click", () => ctx.selectNode(id));
            return b2;
          };
          list.append(
            h(
              "li",
              {},
              button(forward ? a : b),
              ` ${relationLabel(edge.type, lang)} `,
              button(forward ? b : a),
              edge.description ? h("span", { class: "hop-description" }, ` — ${edge.description}`) : "",
              h("span", { class: "hop-sources" }, ` [${(edge.sources ?? []).join(", ")}]`),
            ),
          );
        });
        results.append(h("h4", {}, t("path", { n: index + 1, hops: path.edges.length })), list);
      });
    }
    container.replaceChildren(
      datalist,
      input("from"),
      input("to"),
      h("p", { id: "path-hint", class: "tool-hint" }, t("pick")),
      h("div", { class: "tool-buttons" }, swap, clear),
      types,
      results,
    );
  }

  ctx.onModelChange(render);
  ctx.store.subscribe((state, previous) => {
    const keys = ["from", "to", "via", "lang", "unavailable", "at", "groups", "countries", "types"] as const;
    if (keys.some((key) => state[key] !== previous[key])) render();
  });
  render();
}
