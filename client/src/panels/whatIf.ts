// What-if: mark institutions unavailable and see which trainer pathways break, and which alternative
// routes the graph still offers around each broken step.
import type { PathwayDetails } from "../../../server/api/schemas.ts";
import { REFERRAL_TYPES } from "../../../server/api/schemas.ts";
import { type ClientContext, h } from "../context.ts";
import { localName, type Strings, translator } from "../i18n.ts";
import { findPaths } from "../pathfinding.ts";
import { getPathway, listPathways } from "../pathwayCache.ts";
import "./tools.css";

type Key =
  | "mark"
  | "add"
  | "remove"
  | "none"
  | "intact"
  | "broken"
  | "alternative"
  | "noAlternative"
  | "unknown";
const STRINGS: Strings<Key> = {
  en: {
    mark: "Mark an institution unavailable",
    add: "Mark unavailable",
    remove: "Available again: {name}",
    none: "Nothing is marked unavailable.",
    intact: "No trainer pathway depends on what is marked.",
    broken: "{title}: breaks at step {step} ({who})",
    alternative: "Alternative route: {route}",
    noAlternative: "No alternative route in the graph.",
    unknown: "Choose an institution from the list.",
  },
  pt: {
    mark: "Marcar uma instituição como indisponível",
    add: "Marcar indisponível",
    remove: "Disponível de novo: {name}",
    none: "Nada está marcado como indisponível.",
    intact: "Nenhum percurso de formação depende do que está marcado.",
    broken: "{title}: quebra no passo {step} ({who})",
    alternative: "Caminho alternativo: {route}",
    noAlternative: "Não há caminho alternativo no grafo.",
    unknown: "Escolha uma instituição da lista.",
  },
};

export interface BrokenStep {
  pathway: PathwayDetails;
  index: number;
  from: string | null;
  to: string | null;
}

/** Each pathway's first step whose actor or recipient is unavailable, with the ends a detour must join. */
export function brokenSteps(pathways: PathwayDetails[], unavailable: Set<string>): BrokenStep[] {
  const broken: BrokenStep[] = [];
  for (const pathway of pathways) {
    const index = pathway.steps.findIndex(
      (s) => unavailable.has(s.actor.id) || (s.recipient !== null && unavailable.has(s.recipient.id)),
    );
    if (index === -1) continue;
    const step = pathway.steps[index] as PathwayDetails["steps"][number];
    const previous = pathway.steps[index - 1];
    const following = pathway.steps[index + 1];
    const from = !unavailable.has(step.actor.id) ? step.actor.id : (previous?.actor.id ?? null);
    const to =
      step.recipient && !unavailable.has(step.recipient.id)
        ? step.recipient.id
        : (following?.recipient?.id ?? null);
    broken.push({
      pathway,
      index,
      from: from && !unavailable.has(from) ? from : null,
      to: to && !unavailable.has(to) ? to : null,
    });
  }
  return broken;
}

export function mountWhatIf(container: HTMLElement, ctx: ClientContext): void {
  const t = translator(STRINGS, ctx.lang);
  let pathways: PathwayDetails[] = [];

  function name(id: string): string {
    const node = ctx.model().nodes.get(id);
    return node ? (node.acronym ?? localName(node, ctx.lang())) : id;
  }

  function render() {
    const state = ctx.store.get();
    const lang = ctx.lang();
    const unavailable = new Set(state.unavailable ?? []);
    const institutions = [...ctx.model().nodes.values()].filter((n) => n.kind === "Institution");
    const label = (n: (typeof institutions)[number]) =>
      n.acronym ? `${n.acronym} — ${localName(n, lang)}` : localName(n, lang);
    const byLabel = new Map(institutions.map((n) => [label(n), n.id]));
    const field = h("input", { id: "whatif-input", list: "whatif-institutions", autocomplete: "off" });
    const add = h("button", { type: "button" }, t("add"));
    add.addEventListener("click", () => {
      const id = byLabel.get(field.value);
      field.setCustomValidity(id ? "" : t("unknown"));
      field.reportValidity();
      if (id) ctx.store.update({ unavailable: [...new Set([...unavailable, id])].sort() });
    });
    const chips = [...unavailable].map((id) => {
      const chip = h(
        "button",
        { type: "button", class: "chip", "aria-label": t("remove", { name: name(id) }) },
        `${name(id)} ✕`,
      );
      chip.addEventListener("click", () => {
        const rest = [...unavailable].filter((x) => x !== id);
        ctx.store.update({ unavailable: rest.length ? rest : null });
      });
      return chip;
    });
    const results = h("div", { class: "whatif-results", "aria-live": "polite" });
    if (unavailable.size === 0) results.append(h("p", {}, t("none")));
    else {
      const broken = brokenSteps(pathways, unavailable);
      if (broken.length === 0) results.append(h("p", {}, t("intact")));
      const list = h("ul", {});
      for (const item of broken) {
        const step = item.pathway.steps[item.index] as PathwayDetails["steps"][number];
        const who = [step.actor.id, step.recipient?.id]
          .filter((id): id is string => Boolean(id && unavailable.has(id)))
          .map(name)
          .join(", ");
        const detour =
          item.from && item.to
            ? findPaths(ctx.model().edges.values(), item.from, item.to, {
                types: REFERRAL_TYPES,
                directed: false,
                maxHops: 5,
                k: 1,
                exclude: unavailable,
              })[0]
            : undefined;
        const open = h(
          "button",
          { type: "button", class: "link-button" },
          t("broken", { title: item.pathway.title, step: item.index + 1, who }),
        );
        open.addEventListener("click", () =>
          ctx.store.update({ pathway: item.pathway.id, step: item.index + 1 }),
        );
        list.append(
          h(
            "li",
            {},
            open,
            h("br", {}),
            detour
              ? t("alternative", { route: detour.nodes.map(name).join(" → ") })
              : h("span", { class: "no-path" }, t("noAlternative")),
          ),
        );
      }
      results.append(list);
    }
    container.replaceChildren(
      h("label", { for: "whatif-input", class: "tool-label" }, t("mark")),
      h(
        "datalist",
        { id: "whatif-institutions" },
        ...institutions.map((n) => h("option", { value: label(n) })),
      ),
      h("div", { class: "tool-buttons" }, field, add),
      h("div", { class: "chips" }, ...chips),
      results,
    );
  }

  async function loadPathways() {
    const list = await listPathways().catch(() => ({ pathways: [] }));
    pathways = (await Promise.all(list.pathways.map((p) => getPathway(p.id).catch(() => undefined)))).filter(
      (p): p is PathwayDetails => p !== undefined,
    );
    render();
  }

  ctx.onModelChange(render);
  ctx.store.subscribe((state, previous) => {
    if (state.unavailable !== previous.unavailable || state.lang !== previous.lang) {
      if (state.unavailable && pathways.length === 0) void loadPathways();
      render();
    }
  });
  if (ctx.store.get().unavailable) void loadPathways();
  render();
}
