// Time travel: a month slider from 2007 to today (with play/pause) shows the network as it stood; compare
// mode marks what appeared (green) and disappeared (red) between two days, with a list and its sources.
import { type ClientContext, h } from "../context.ts";
import { localName, relationLabel, type Strings, translator } from "../i18n.ts";
import { compareDays, monthSteps } from "../timeline.ts";
import "./tools.css";

type Key =
  | "slider"
  | "play"
  | "pause"
  | "all"
  | "showing"
  | "allTime"
  | "compare"
  | "fromDay"
  | "toDay"
  | "stopCompare"
  | "appeared"
  | "disappeared"
  | "nothing"
  | "sources";
const STRINGS: Strings<Key> = {
  en: {
    slider: "Show the network as it stood on",
    play: "Play",
    pause: "Pause",
    all: "All time",
    showing: "The network on {date}",
    allTime: "Everything, whatever its dates",
    compare: "Compare two days",
    fromDay: "From",
    toDay: "To",
    stopCompare: "Stop comparing",
    appeared: "Appeared",
    disappeared: "Disappeared",
    nothing: "Nothing changed between these days.",
    sources: "sources",
  },
  pt: {
    slider: "Mostrar a rede tal como estava a",
    play: "Reproduzir",
    pause: "Pausa",
    all: "Todas as datas",
    showing: "A rede a {date}",
    allTime: "Tudo, sejam quais forem as datas",
    compare: "Comparar dois dias",
    fromDay: "De",
    toDay: "Até",
    stopCompare: "Parar a comparação",
    appeared: "Surgiu",
    disappeared: "Desapareceu",
    nothing: "Nada mudou entre estes dias.",
    sources: "fontes",
  },
};

const today = () => new Date().toISOString().slice(0, 10);

export function mountTimeTravel(container: HTMLElement, ctx: ClientContext): void {
  const t = translator(STRINGS, ctx.lang);
  const steps = monthSteps(today());
  let timer: number | undefined;

  function stop() {
    window.clearInterval(timer);
    timer = undefined;
  }

  function changesList(from: string, to: string): HTMLElement {
    const lang = ctx.lang();
    const model = ctx.model();
    const { appeared, disappeared } = compareDays(
      [...model.nodes.values()],
      [...model.edges.values()],
      from,
      to,
    );
    const label = (id: string) => {
      const node = model.nodes.get(id);
      if (node) return node.acronym ?? localName(node, lang);
      const edge = model.edges.get(id);
      if (!edge) return id;
      const end = (n: string) => {
        const x = model.nodes.get(n);
        return x ? (x.acronym ?? localName(x, lang)) : n;
      };
      return `${end(edge.source)} ${relationLabel(edge.type, lang)} ${end(edge.target)}`;
    };
    const item = (id: string, kind: "appeared" | "disappeared") => {
      const element = model.nodes.get(id) ?? model.edges.get(id);
      const date = kind === "appeared" ? element?.validFrom : element?.validTo;
      const target = model.nodes.has(id) ? id : (model.edges.get(id)?.source ?? id);
      const button = h("button", { type: "button", class: "link-button" }, label(id));
      button.addEventListener("click", () => ctx.selectNode(target));
      return h(
        "li",
        { class: `change-${kind}` },
        h("span", { class: "change-mark" }, kind === "appeared" ? "+ " : "− "),
        button,
        date ? ` (${date})` : "",
        h("span", { class: "hop-sources" }, ` [${t("sources")}: ${(element?.sources ?? []).join(", ")}]`),
      );
    };
    const byDate = (kind: "appeared" | "disappeared") => (a: string, b: string) => {
      const get = (id: string) => {
        const e = model.nodes.get(id) ?? model.edges.get(id);
        return (kind === "appeared" ? e?.validFrom : e?.validTo) ?? "";
      };
      return get(a).localeCompare(get(b)) || a.localeCompare(b);
    };
    if (appeared.size === 0 && disappeared.size === 0) return h("p", {}, t("nothing"));
    return h(
      "div",
      { class: "change-list" },
      h("h4", {}, `${t("disappeared")} (${disappeared.size})`),
      h("ul", {}, ...[...disappeared].sort(byDate("disappeared")).map((id) => item(id, "disappeared"))),
      h("h4", {}, `${t("appeared")} (${appeared.size})`),
      h("ul", {}, ...[...appeared].sort(byDate("appeared")).map((id) => item(id, "appeared"))),
    );
  }

  function render() {
    const state = ctx.store.get();
    const month = state.at ? `${state.at.slice(0, 8)}01` : null;
    const index = month ? steps.findIndex((d) => d >= month) : steps.length - 1;
    const slider = h("input", {
      type: "range",
      id: "time-slider",
      min: "0",
      max: String(steps.length - 1),
      step: "1",
      value: String(index === -1 ? steps.length - 1 : index),
      "aria-valuetext": state.at ?? t("allTime"),
    });
    slider.addEventListener("input", () => {
      stop();
      ctx.store.update({ at: steps[Number(slider.value)] ?? null, compare: null }, { replace: true });
    });
    const play = h(
      "button",
      { type: "button", "aria-pressed": timer ? "true" : "false" },
      timer ? t("pause") : t("play"),
    );
    play.addEventListener("click", () => {
      if (timer) {
        stop();
        render();
        return;
      }
      let i = state.at ? Math.max(0, steps.indexOf(state.at)) : 0;
      if (i >= steps.length - 1) i = 0;
      timer = window.setInterval(() => {
        i += 3;
        if (i >= steps.length) {
          stop();
          i = steps.length - 1;
        }
        ctx.store.update({ at: steps[i] ?? null, compare: null }, { replace: true });
      }, 350);
      render();
    });
    const all = h("button", { type: "button" }, t("all"));
    all.addEventListener("click", () => {
      stop();
      ctx.store.update({ at: null });
    });
    const day = (id: string, value: string) =>
      h("input", { type: "date", id, value, min: "2007-01-01", max: today() });
    const fromDay = day("compare-from", state.compare?.[0] ?? "2016-11-28");
    const toDay = day("compare-to", state.compare?.[1] ?? "2024-01-01");
    const compare = h("button", { type: "button" }, t("compare"));
    compare.addEventListener("click", () => {
      if (fromDay.value && toDay.value) {
        stop();
        const pair = [fromDay.value, toDay.value].sort() as [string, string];
        ctx.store.update({ compare: pair, at: null });
      }
    });
    const stopCompare = h("button", { type: "button" }, t("stopCompare"));
    stopCompare.addEventListener("click", () => ctx.store.update({ compare: null }));
    container.replaceChildren(
      h("label", { for: "time-slider", class: "tool-label" }, t("slider")),
      slider,
      h(
        "p",
        { class: "time-readout", "aria-live": "polite" },
        state.at ? t("showing", { date: state.at }) : t("allTime"),
      ),
      h("div", { class: "tool-buttons" }, play, all),
      h(
        "fieldset",
        { class: "tool-compare" },
        h("legend", {}, t("compare")),
        h("label", { for: "compare-from" }, t("fromDay")),
        fromDay,
        h("label", { for: "compare-to" }, t("toDay")),
        toDay,
        h("div", { class: "tool-buttons" }, compare, state.compare ? stopCompare : ""),
      ),
      state.compare ? changesList(...state.compare) : "",
    );
  }

  ctx.onModelChange(render);
  ctx.store.subscribe((state, previous) => {
    if (state.at !== previous.at || state.compare !== previous.compare || state.lang !== previous.lang)
      render();
  });
  render();
}
