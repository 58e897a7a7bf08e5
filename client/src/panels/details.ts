// The Details panel: everything known about the selected node, fetched from /api/nodes/{id} whenever the
// selection changes. Data text is only ever set as text (h() never parses HTML).
import "./panels.css";
import type { Citation, NodeDetails, NodeRef } from "../../../server/api/schemas.ts";
import { ApiError } from "../api.ts";
import { type ClientContext, h } from "../context.ts";
import {
  categoryLabel,
  countryLabel,
  evidenceLabel,
  type Lang,
  localName,
  relationLabel,
  translator,
} from "../i18n.ts";
import {
  DETAILS_STRINGS,
  type DetailsKey,
  formatDate,
  formatDateRange,
  kindLabel,
  roleLabel,
} from "./details.strings.ts";

type DetailsNode = NodeDetails["node"];
type T = (key: DetailsKey, vars?: Record<string, string | number>) => string;

let panel: HTMLElement | null = null;

/** Moves keyboard focus to the details heading (or to the panel while it loads). */
export function focusDetails(): void {
  const heading = panel?.querySelector<HTMLElement>("h2");
  (heading ?? panel)?.focus();
}

export function mountDetails(container: HTMLElement, ctx: ClientContext): void {
  panel = container;
  container.classList.add("details-panel");
  if (!container.hasAttribute("tabindex")) container.tabIndex = -1;
  const t = translator(DETAILS_STRINGS, ctx.lang);
  let loaded: NodeDetails | null = null;
  let controller: AbortController | null = null;

  // Re-rendering replaces the focused element; keep keyboard users in the panel (never pull focus into it).
  const show = (...children: Node[]) => {
    const hadFocus = container.contains(document.activeElement);
    container.replaceChildren(...children);
    if (hadFocus) focusDetails();
  };

  const load = (id: string) => {
    controller?.abort();
    const current = new AbortController();
    controller = current;
    loaded = null;
    container.setAttribute("aria-busy", "true");
    show(h("div", { class: "details-head" }, h("p", { role: "status" }, t("loading")), closeButton(t)));
    ctx.api.node(id, current.signal).then(
      (details) => {
        if (current.signal.aborted) return;
        container.removeAttribute("aria-busy");
        loaded = details;
        render();
        ctx.announce(announcement(details, ctx.lang(), t));
      },
      (error: unknown) => {
        if (current.signal.aborted || (error as Error).name === "AbortError") return;
        container.removeAttribute("aria-busy");
        const retry = h("button", { type: "button" }, t("retry"));
        retry.addEventListener("click", () => load(id));
        show(
          h(
            "div",
            { class: "details-head" },
            h(
              "div",
              { class: "panel-error", role: "alert" },
              h("p", {}, t("error")),
              error instanceof ApiError ? h("p", { class: "muted" }, error.message) : null,
              retry,
            ),
            closeButton(t),
          ),
        );
      },
    );
  };

  const render = () => {
    const { node, session } = ctx.store.get();
    if (!node) {
      show(h("p", { class: "hint" }, t(session ? "hintSession" : "hint")));
    } else if (loaded?.node.id === node) {
      show(...renderDetails(loaded, ctx, t));
    }
  };

  container.addEventListener("click", (event) => {
    const target = (event.target as Element).closest<HTMLElement>(
      "[data-node], [data-session], .panel-close",
    );
    if (!target || !container.contains(target)) return;
    if (target.classList.contains("panel-close")) ctx.selectNode(null);
    else if (target.dataset.node) ctx.selectNode(target.dataset.node);
    else if (target.dataset.session) ctx.selectSession(target.dataset.session);
  });

  const update = () => {
    const { node } = ctx.store.get();
    if (node && loaded?.node.id !== node) load(node);
    else {
      if (!node) controller?.abort();
      render();
    }
  };
  ctx.store.subscribe((state, previous) => {
    const sessionHint = !state.node && state.session !== previous.session;
    if (state.node !== previous.node || state.lang !== previous.lang || sessionHint) update();
  });
  update();
}

// ---- rendering -----------------------------------------------------------------------------------------

const text = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value : undefined;
const texts = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
/** Aliases that differ from a name only in accents or case (kept for search) are not worth showing. */
const folded = (value: unknown) =>
  String(value)
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
const names = (node: DetailsNode | NodeRef) => ({
  id: node.id,
  name: text(node.name),
  nameEn: text(node.nameEn),
  title: text(node.title),
});
const shortName = (node: DetailsNode | NodeRef, lang: Lang) =>
  text(node.acronym) ?? localName(names(node), lang);
/** Official names are in their country's language; the data's descriptions and notes are in English. */
const nameLang = (node: DetailsNode, which: "name" | "nameEn") =>
  which === "nameEn" ? "en" : ({ PT: "pt", TR: "tr" } as Record<string, string>)[String(node.country)];

function announcement(details: NodeDetails, lang: Lang, t: T): string {
  const { node } = details;
  const full = localName(names(node), lang);
  const acronym = text(node.acronym);
  const name = acronym && acronym !== full ? `${acronym}, ${full}` : full;
  const count = details.neighbours.reduce((sum, group) => sum + group.neighbours.length, 0);
  return count === 1 ? t("announceOne", { name }) : t("announce", { name, count });
}

function closeButton(t: T): HTMLButtonElement {
  return h(
    "button",
    { type: "button", class: "panel-close", "aria-label": t("close"), title: t("close") },
    "×",
  );
}

function nodeButton(ref: NodeRef, lang: Lang): HTMLButtonElement {
  const name = localName(names(ref), lang);
  const acronym = text(ref.acronym);
  return h(
    "button",
    { type: "button", class: "link-button", "data-node": ref.id },
    acronym && acronym !== name ? `${name} (${acronym})` : name,
  );
}

function outNeighbours(details: NodeDetails, type: string): NodeRef[] {
  const group = details.neighbours.find((g) => g.direction === "out" && g.type === type);
  return group ? group.neighbours.map((n) => n.node) : [];
}

function fact(label: string, ...values: Array<HTMLElement | string | null>): HTMLElement[] {
  return [h("dt", {}, label), h("dd", {}, ...values)];
}

function list(items: Array<HTMLElement | string>, className = "plain-list"): HTMLUListElement {
  return h("ul", { class: className }, ...items.map((item) => h("li", {}, item)));
}

function dateLines(node: DetailsNode, lang: Lang, t: T): string[] {
  const from = text(node.validFrom);
  const to = text(node.validTo);
  const lines: string[] = [];
  if (node.kind === "Workshop" && text(node.startDate) && text(node.endDate)) {
    lines.push(t("held", { date: formatDateRange(String(node.startDate), String(node.endDate), lang) }));
  }
  if (node.kind === "LegalInstrument" && text(node.date)) {
    lines.push(t("adopted", { date: formatDate(String(node.date), lang) }));
  }
  const institution = node.kind === "Institution";
  const programme = node.category === "programme";
  if (from) {
    const key = institution ? (programme ? "began" : "established") : "from";
    lines.push(t(key, { date: formatDate(from, lang) }));
  }
  if (to) {
    const key = institution ? (programme ? "ended" : "dissolved") : "until";
    lines.push(t(key, { date: formatDate(to, lang) }));
  }
  return lines;
}

function renderFacts(details: NodeDetails, lang: Lang, t: T): HTMLElement {
  const { node } = details;
  const buttons = (refs: NodeRef[]) => list(refs.map((ref) => nodeButton(ref, lang)));
  const acronym = text(node.acronym);
  const known = new Set([folded(node.name), folded(node.nameEn)]);
  const aliases = texts(node.aliases).filter((alias) => !known.has(folded(alias)));
  const kind = [
    kindLabel(node.kind, lang),
    text(node.category) && categoryLabel(String(node.category), lang),
  ];
  const roles = texts(node.roles);
  const supervisors = outNeighbours(details, "SUPERVISED_BY");
  const dates = dateLines(node, lang, t);
  const successors = outNeighbours(details, "SUCCEEDED_BY");
  const heirs = outNeighbours(details, "TRANSFERRED_COMPETENCE_TO");
  const dd = [
    ...(acronym ? fact(t("acronym"), acronym) : []),
    ...fact(t("kind"), kind.filter(Boolean).join(" · ")),
    ...(text(node.country) ? fact(t("country"), countryLabel(String(node.country), lang)) : []),
    ...(roles.length
      ? fact(
          t("roles"),
          list(
            roles.map((role) => roleLabel(role, lang)),
            "tag-list",
          ),
        )
      : []),
    ...(text(node.publicRole)
      ? fact(t("publicRole"), h("span", { lang: "en" }, String(node.publicRole)))
      : []),
    ...(supervisors.length ? fact(t("supervisedBy"), buttons(supervisors)) : []),
    ...(dates.length ? fact(t("dates"), list(dates)) : []),
    ...(successors.length ? fact(t("succeededBy"), buttons(successors)) : []),
    ...(heirs.length ? fact(t("competenceTo"), buttons(heirs)) : []),
    ...(aliases.length ? fact(t("aliases"), list(aliases)) : []),
    ...(node.evidence ? fact(t("evidence"), evidenceLabel(node.evidence, lang)) : []),
  ];
  return h("dl", { class: "facts" }, ...dd);
}

function renderConnections(details: NodeDetails, lang: Lang, t: T): HTMLElement {
  const self = shortName(details.node, lang);
  const count = details.neighbours.reduce((sum, group) => sum + group.neighbours.length, 0);
  const section = h("section", { class: "panel-section" }, h("h3", {}, `${t("connections")} (${count})`));
  if (count === 0) section.append(h("p", { class: "muted" }, t("noConnections")));
  for (const group of details.neighbours) {
    const relation = relationLabel(group.type, lang);
    const heading = group.direction === "out" ? `${self} ${relation} …` : `… ${relation} ${self}`;
    const sorted = [...group.neighbours].sort((a, b) =>
      localName(names(a.node), lang).localeCompare(localName(names(b.node), lang), lang),
    );
    const items = sorted.map(({ node, link }) =>
      h(
        "li",
        {},
        nodeButton(node, lang),
        link.evidence === "inferred" ? h("span", { class: "inferred" }, ` ${t("inferred")}`) : null,
        // Links that ended with the node itself would all say so; only other endings are news.
        text(link.validTo) && link.validTo !== details.node.validTo
          ? h(
              "span",
              { class: "muted" },
              ` (${t("linkUntil", { date: formatDate(String(link.validTo), lang) })})`,
            )
          : null,
      ),
    );
    section.append(
      h(
        "h4",
        { class: "group-heading", "data-type": group.type, "data-direction": group.direction },
        heading,
      ),
      h("ul", { class: "plain-list" }, ...items),
    );
  }
  return section;
}

/** The node's own sources first (in its order), then those its relationships cite. */
function orderedCitations(details: NodeDetails): Citation[] {
  const byId = new Map(details.citations.map((c) => [c.id, c]));
  const own = (details.node.sources ?? []).flatMap((id) => byId.get(id) ?? []);
  const ownIds = new Set(own.map((c) => c.id));
  return [...own, ...details.citations.filter((c) => !ownIds.has(c.id))];
}

function renderSources(details: NodeDetails, lang: Lang, t: T): HTMLElement {
  const citations = orderedCitations(details);
  const items = citations.map((citation) => {
    const url = text(citation.url);
    const title =
      url && /^https?:\/\//i.test(url)
        ? h(
            "a",
            { href: url, target: "_blank", rel: "noopener noreferrer" },
            citation.title,
            h("span", { class: "visually-hidden" }, ` ${t("opensNewTab")}`),
          )
        : h("span", { class: "citation-title" }, citation.title);
    const date = text(citation.date);
    const rest = [citation.publisher, date && formatDate(date, lang)].filter(Boolean).join(", ");
    return h("li", { "data-source": citation.id }, title, ` — ${rest}`);
  });
  return h(
    "section",
    { class: "panel-section" },
    h("h3", {}, t("sources")),
    items.length ? h("ol", { class: "sources" }, ...items) : h("p", { class: "muted" }, t("noSources")),
  );
}

function renderDetails(details: NodeDetails, ctx: ClientContext, t: T): HTMLElement[] {
  const lang = ctx.lang();
  const { node } = details;
  const nameKey = lang === "en" && text(node.nameEn) ? "nameEn" : "name";
  const main = localName(names(node), lang);
  const other = localName(names(node), lang === "en" ? "pt" : "en");
  const heading = h("h2", { tabindex: "-1", lang: nameLang(node, nameKey) }, main);
  const otherLang = nameLang(node, nameKey === "name" ? "nameEn" : "name");
  const parts: HTMLElement[] = [h("div", { class: "details-head" }, heading, closeButton(t))];
  if (other !== main) parts.push(h("p", { class: "other-name", lang: otherLang }, other));
  parts.push(renderFacts(details, lang, t));
  const description = text(node.description);
  const note = text(node.note);
  if (description || note) {
    parts.push(
      h(
        "section",
        { class: "panel-section" },
        h("h3", {}, t("description")),
        description ? h("p", { lang: "en" }, description) : null,
        note
          ? h(
              "div",
              { class: "caveat", role: "note" },
              h("strong", {}, `${t("caveat")}: `),
              h("span", { lang: "en" }, note),
            )
          : null,
      ),
    );
  }
  if (details.sessions.length) {
    const items = details.sessions.map((session) =>
      h(
        "button",
        { type: "button", class: "link-button", "data-session": session.id },
        `${t("session", { n: session.order })}: `,
        h("span", { lang: "en" }, session.title),
      ),
    );
    parts.push(h("section", { class: "panel-section" }, h("h3", {}, t("sessions")), list(items)));
  }
  parts.push(renderConnections(details, lang, t), renderSources(details, lang, t));
  return parts;
}
