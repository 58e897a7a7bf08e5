// The trainer's pathway player: choose a scenario, step through it hop by hop (buttons, arrow keys,
// PageUp/PageDown from a presenter's clicker), with a caption saying who does what, to whom, on what legal
// basis and according to which sources. `?pathway=…&step=n` opens any step directly.
import type { PathwayDetails } from "../../../server/api/schemas.ts";
import { type ClientContext, h } from "../context.ts";
import { evidenceLabel, localName, relationLabel, type Strings, translator } from "../i18n.ts";
import { getPathway, listPathways } from "../pathwayCache.ts";
import "./tools.css";

type Key =
  | "title"
  | "choose"
  | "none"
  | "previous"
  | "next"
  | "stepOf"
  | "present"
  | "legalBasis"
  | "sources"
  | "asOf"
  | "evidence"
  | "loading"
  | "failed";
const STRINGS: Strings<Key> = {
  en: {
    title: "Trainer pathways",
    choose: "Scenario",
    none: "Choose a scenario…",
    previous: "Previous step",
    next: "Next step",
    stepOf: "Step {n} of {m}",
    present: "Present (full screen)",
    legalBasis: "Legal basis",
    sources: "Sources",
    asOf: "The network as it stood on {date}.",
    evidence: "Evidence",
    loading: "Loading…",
    failed: "The pathway could not be loaded.",
  },
  pt: {
    title: "Percursos de formação",
    choose: "Cenário",
    none: "Escolha um cenário…",
    previous: "Passo anterior",
    next: "Passo seguinte",
    stepOf: "Passo {n} de {m}",
    present: "Apresentar (ecrã inteiro)",
    legalBasis: "Base legal",
    sources: "Fontes",
    asOf: "A rede tal como estava a {date}.",
    evidence: "Evidência",
    loading: "A carregar…",
    failed: "Não foi possível carregar o percurso.",
  },
};

/** The step's caption as one sentence: "ACT signals to SEF: …". */
export function stepHeadline(step: PathwayDetails["steps"][number], lang: "en" | "pt"): string {
  const actor = step.actor.acronym ?? localName(step.actor, lang);
  const recipient = step.recipient ? (step.recipient.acronym ?? localName(step.recipient, lang)) : "";
  const verb = step.relationship ? relationLabel(step.relationship, lang) : "→";
  return recipient ? `${actor} ${verb} ${recipient}` : actor;
}

export function mountPathwayPlayer(container: HTMLElement, caption: HTMLElement, ctx: ClientContext): void {
  const t = translator(STRINGS, ctx.lang);
  let pathways: Array<{ id: string; title: string }> = [];

  function stepTo(step: number) {
    ctx.store.update({ step });
  }

  function renderCaption(pathway: PathwayDetails, index: number, target: HTMLElement, large: boolean) {
    const lang = ctx.lang();
    const step = pathway.steps[index];
    if (!step) return;
    const cited = new Map(pathway.citations.map((c) => [c.id, c]));
    const previous = h(
      "button",
      { type: "button", class: "step-button", disabled: index === 0 },
      t("previous"),
    );
    previous.addEventListener("click", () => stepTo(index));
    const next = h(
      "button",
      { type: "button", class: "step-button", disabled: index === pathway.steps.length - 1 },
      t("next"),
    );
    next.addEventListener("click", () => stepTo(index + 2));
    target.replaceChildren(
      large ? h("p", { class: "caption-pathway" }, pathway.title) : "",
      h(
        "div",
        { class: "step-controls" },
        previous,
        h(
          "span",
          { class: "step-count", "aria-live": "polite" },
          t("stepOf", { n: index + 1, m: pathway.steps.length }),
        ),
        next,
      ),
      h("p", { class: "step-headline" }, stepHeadline(step, lang)),
      h("p", { class: "step-action" }, step.action),
      step.legalBasis.length
        ? h(
            "p",
            { class: "step-law" },
            `${t("legalBasis")}: `,
            step.legalBasis.map((law) => (lang === "en" ? (law.nameEn ?? law.name) : law.name)).join("; "),
          )
        : "",
      h(
        "p",
        { class: "step-sources" },
        `${t("sources")}: `,
        ...step.sources.flatMap((id, i) => {
          const citation = cited.get(id);
          const label = citation ? `${citation.publisher}${citation.date ? ` (${citation.date})` : ""}` : id;
          const node = citation?.url
            ? h(
                "a",
                { href: citation.url, target: "_blank", rel: "noopener noreferrer", title: citation.title },
                label,
              )
            : h("span", { title: citation?.title ?? id }, label);
          return i === 0 ? [node] : ["; ", node];
        }),
        ` · ${t("evidence")}: ${evidenceLabel(step.evidence, lang)}`,
      ),
      step.note ? h("p", { class: "step-note" }, step.note) : "",
    );
  }

  async function render() {
    const state = ctx.store.get();
    const select = h("select", { id: "pathway-select", "aria-label": t("choose") });
    select.append(h("option", { value: "" }, t("none")));
    for (const pathway of pathways) {
      const option = h("option", { value: pathway.id }, pathway.title);
      option.selected = pathway.id === state.pathway;
      select.append(option);
    }
    select.addEventListener("change", async () => {
      if (!select.value) {
        ctx.store.update({ pathway: null, step: null, at: null, present: false });
        return;
      }
      const chosen = await getPathway(select.value).catch(() => undefined);
      // A pathway shows the network as it stood when it applies (2016 with SEF; 2024 with AIMA).
      ctx.store.update({
        pathway: select.value,
        step: 1,
        at: chosen?.asOf ?? null,
        node: null,
        session: null,
      });
    });
    const body = h("div", { class: "player-body" });
    const present = h("button", { type: "button", class: "present-button" }, t("present"));
    present.addEventListener("click", () => {
      void document.documentElement.requestFullscreen?.().catch(() => undefined);
      ctx.store.update({ present: true });
    });
    container.replaceChildren(
      h("label", { for: "pathway-select", class: "tool-label" }, t("choose")),
      select,
      body,
    );
    caption.replaceChildren();
    caption.hidden = !state.present || !state.pathway;
    if (!state.pathway) return;
    body.replaceChildren(h("p", {}, t("loading")));
    try {
      const pathway = await getPathway(state.pathway);
      if (ctx.store.get().pathway !== pathway.id) return;
      const index = Math.min(state.step ?? 1, pathway.steps.length) - 1;
      body.replaceChildren(
        h("p", { class: "player-scenario" }, pathway.scenario),
        h("p", { class: "player-asof" }, t("asOf", { date: pathway.asOf })),
      );
      const stepBox = h("div", { class: "step-box", id: "pathway-caption" });
      renderCaption(pathway, index, stepBox, false);
      body.append(stepBox, present);
      if (state.present) renderCaption(pathway, index, caption, true);
      ctx.announce(
        `${t("stepOf", { n: index + 1, m: pathway.steps.length })}: ${stepHeadline(pathway.steps[index] as PathwayDetails["steps"][number], ctx.lang())}`,
      );
    } catch {
      body.replaceChildren(h("p", { role: "alert" }, t("failed")));
    }
  }

  void listPathways()
    .then((list) => {
      pathways = list.pathways.map((p) => ({ id: p.id, title: p.title }));
      void render();
    })
    .catch(() => void render());
  ctx.store.subscribe((state, previous) => {
    if (
      state.pathway !== previous.pathway ||
      state.step !== previous.step ||
      state.lang !== previous.lang ||
      state.present !== previous.present
    ) {
      void render();
    }
  });
}
