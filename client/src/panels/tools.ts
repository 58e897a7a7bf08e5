// The trainer and researcher tools, each in a disclosure in the sidebar; one opens by itself when the URL
// already uses it (a shared link to a pathway step opens the player).
import { type ClientContext, h } from "../context.ts";
import { type Strings, translator } from "../i18n.ts";
import type { ViewState } from "../urlState.ts";
import { mountMetricsView } from "./metricsView.ts";
import { mountPathFinder } from "./pathFinder.ts";
import { mountPathwayPlayer } from "./pathwayPlayer.ts";
import { mountTimeTravel } from "./timeTravel.ts";
import { mountWhatIf } from "./whatIf.ts";
import "./tools.css";

type Key = "pathways" | "paths" | "time" | "whatIf" | "metrics";
const STRINGS: Strings<Key> = {
  en: {
    pathways: "Trainer pathways",
    paths: "Find a path",
    time: "Time travel",
    whatIf: "What if…",
    metrics: "Centrality metrics",
  },
  pt: {
    pathways: "Percursos de formação",
    paths: "Procurar um caminho",
    time: "Viagem no tempo",
    whatIf: "E se…",
    metrics: "Métricas de centralidade",
  },
};

const IN_USE: Record<Key, (s: ViewState) => boolean> = {
  pathways: (s) => s.pathway !== null,
  paths: (s) => s.from !== null || s.to !== null,
  time: (s) => s.at !== null || s.compare !== null,
  whatIf: (s) => s.unavailable !== null,
  metrics: (s) => s.metric !== null,
};

export function mountTools(container: HTMLElement, caption: HTMLElement, ctx: ClientContext): void {
  const t = translator(STRINGS, ctx.lang);
  const summaries = new Map<Key, HTMLElement>();
  const sections = new Map<Key, HTMLDetailsElement>();
  for (const key of Object.keys(STRINGS.en) as Key[]) {
    const summary = h("summary", {}, t(key));
    const body = h("div", { class: "tool-body", id: `tool-${key}` });
    const section = h("details", { class: "tool" }, summary, body);
    section.open = IN_USE[key](ctx.store.get());
    summaries.set(key, summary);
    sections.set(key, section);
    container.append(section);
    if (key === "pathways") mountPathwayPlayer(body, caption, ctx);
    else if (key === "paths") mountPathFinder(body, ctx);
    else if (key === "time") mountTimeTravel(body, ctx);
    else if (key === "whatIf") mountWhatIf(body, ctx);
    else mountMetricsView(body, ctx);
  }
  ctx.store.subscribe((state, previous) => {
    for (const [key, summary] of summaries) {
      if (state.lang !== previous.lang) summary.textContent = t(key);
      const section = sections.get(key);
      if (section && IN_USE[key](state) && !IN_USE[key](previous)) section.open = true;
    }
  });
}
