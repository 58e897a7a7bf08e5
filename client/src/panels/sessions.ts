// The workshop's sessions as toggle buttons; the chosen one (`?session=…`) shows a card with its themes,
// description and presenters. Session titles and descriptions are the report's English text.
import "./panels.css";
import type { SessionSummary } from "../../../server/api/schemas.ts";
import { ApiError } from "../api.ts";
import { type ClientContext, h } from "../context.ts";
import { type Lang, localName, translator } from "../i18n.ts";
import { formatDate, formatDateRange } from "./details.strings.ts";
import { qrButton } from "./sessionQr.ts";
import { presenterRoleLabel, SESSIONS_STRINGS, type SessionsKey, themeLabel } from "./sessions.strings.ts";

type T = (key: SessionsKey, vars?: Record<string, string | number>) => string;
type Presenter = SessionSummary["presenters"][number];

export function mountSessions(container: HTMLElement, ctx: ClientContext): void {
  container.classList.add("sessions-panel");
  const t = translator(SESSIONS_STRINGS, ctx.lang);
  let sessions: SessionSummary[] | null = null;
  let failure: string | null = null;

  const heading = h("h2", { id: "sessions-heading" });
  const body = h("div", {});
  const card = h("div", { class: "session-card-slot" });
  container.setAttribute("aria-labelledby", "sessions-heading");
  container.replaceChildren(heading, body, card);

  const renderBody = () => {
    heading.textContent = t("heading");
    if (failure !== null) {
      body.replaceChildren(
        h(
          "div",
          { class: "panel-error", role: "alert" },
          h("p", {}, t("error")),
          failure ? h("p", { class: "muted" }, failure) : null,
          h("button", { type: "button", "data-action": "retry" }, t("retry")),
        ),
      );
    } else if (sessions === null) {
      body.replaceChildren(h("p", { role: "status", class: "muted" }, t("loading")));
    } else if (sessions.length === 0) {
      body.replaceChildren(h("p", { class: "muted" }, t("empty")));
    } else {
      body.replaceChildren(...renderLists(sessions, ctx.store.get().session, ctx.lang(), t));
    }
  };
  const renderCard = () => {
    const id = ctx.store.get().session;
    const session = sessions?.find((s) => s.id === id);
    card.replaceChildren(
      ...(session ? [renderSessionCard(session, ctx.lang(), t), qrButton(session.id, ctx)] : []),
    );
  };
  const updatePressed = () => {
    const id = ctx.store.get().session;
    for (const button of body.querySelectorAll<HTMLElement>("button[data-session]")) {
      button.setAttribute("aria-pressed", String(button.dataset.session === id));
    }
  };
  // Re-rendering replaces the focused button; put focus back on its replacement.
  const keepingFocus = (render: () => void) => {
    const focused = document.activeElement;
    const key =
      focused instanceof HTMLElement && container.contains(focused)
        ? (["session", "node", "action"] as const).find((name) => focused.dataset[name] !== undefined)
        : undefined;
    const value = key && (focused as HTMLElement).dataset[key];
    render();
    if (key && value) container.querySelector<HTMLElement>(`[data-${key}="${CSS.escape(value)}"]`)?.focus();
  };

  const load = () => {
    failure = null;
    sessions = null;
    keepingFocus(renderBody);
    ctx.api.sessions().then(
      (list) => {
        sessions = list.sessions;
        keepingFocus(() => {
          renderBody();
          renderCard();
        });
      },
      (error: unknown) => {
        failure = error instanceof ApiError ? error.message : "";
        keepingFocus(renderBody);
      },
    );
  };

  container.addEventListener("click", (event) => {
    const target = (event.target as Element).closest<HTMLElement>("button");
    if (!target || !container.contains(target)) return;
    const { session, node, action } = target.dataset;
    if (action === "retry") load();
    else if (session) ctx.selectSession(ctx.store.get().session === session ? null : session);
    else if (node) ctx.selectNode(node);
  });
  ctx.store.subscribe((state, previous) => {
    if (state.lang !== previous.lang) {
      keepingFocus(() => {
        renderBody();
        renderCard();
      });
    } else if (state.session !== previous.session) {
      updatePressed();
      keepingFocus(renderCard);
    }
  });
  load();
}

function renderLists(sessions: SessionSummary[], selected: string | null, lang: Lang, t: T): HTMLElement[] {
  const byWorkshop = new Map<string, SessionSummary[]>();
  for (const session of sessions) {
    byWorkshop.set(session.workshop.id, [...(byWorkshop.get(session.workshop.id) ?? []), session]);
  }
  return [...byWorkshop.values()].flatMap((group) => {
    const workshop = group[0]?.workshop;
    if (!workshop) return [];
    const items = group.map((session) =>
      h(
        "li",
        {},
        h(
          "button",
          {
            type: "button",
            class: "session-toggle",
            "data-session": session.id,
            "aria-pressed": String(session.id === selected),
          },
          h("span", { class: "session-number" }, t("session", { n: session.order })),
          " ",
          h("span", { class: "session-title", lang: "en" }, session.title),
        ),
      ),
    );
    return [
      h(
        "p",
        { class: "workshop-line" },
        h("span", { lang: "en" }, workshop.name),
        ` · ${formatDateRange(workshop.startDate, workshop.endDate, lang)}`,
      ),
      h("ol", { class: "session-list" }, ...items),
    ];
  });
}

/** "(presented by …; delegations: …; role: …)": presentedBy is the report's English wording. */
function presenterNote(presenter: Presenter, lang: Lang, t: T): Array<HTMLElement | string> {
  const parts: Array<HTMLElement | string> = [];
  if (presenter.presentedBy) parts.push(h("span", { lang: "en" }, presenter.presentedBy));
  if (presenter.delegations?.length) {
    const list = new Intl.ListFormat(lang, { type: "conjunction" }).format(presenter.delegations);
    parts.push(t("delegations", { list }));
  }
  if (presenter.role) parts.push(t("role", { role: presenterRoleLabel(presenter.role, lang) }));
  if (parts.length === 0) return [];
  return [" (", ...parts.flatMap((part, i) => (i === 0 ? [part] : ["; ", part])), ")"];
}

function renderSessionCard(session: SessionSummary, lang: Lang, t: T): HTMLElement {
  const presenters = session.presenters.map((presenter) => {
    const name = localName(presenter, lang);
    const label = presenter.acronym && presenter.acronym !== name ? `${name} (${presenter.acronym})` : name;
    const note = presenterNote(presenter, lang, t);
    return h(
      "li",
      {},
      h("button", { type: "button", class: "link-button", "data-node": presenter.id }, label),
      note.length ? h("span", { class: "muted" }, ...note) : null,
    );
  });
  return h(
    "section",
    { class: "session-card", "aria-labelledby": "session-card-heading" },
    h("p", { class: "session-number" }, t("session", { n: session.order })),
    h("h3", { id: "session-card-heading", lang: "en" }, session.title),
    session.themes.length
      ? h(
          "ul",
          { class: "tag-list", "aria-label": t("themes") },
          ...session.themes.map((theme) => h("li", { class: "tag" }, themeLabel(theme, lang))),
        )
      : null,
    h("p", { lang: "en" }, session.description),
    h("h4", {}, t("presenters")),
    presenters.length
      ? h("ul", { class: "plain-list" }, ...presenters)
      : h("p", { class: "muted" }, t("noPresenters")),
    h("p", { class: "caveat-inline" }, session.day ? formatDate(session.day, lang) : t("dayUnknown")),
  );
}
