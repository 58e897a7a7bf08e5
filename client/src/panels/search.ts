// The search box: a WAI-ARIA editable combobox with list autocomplete. Typing asks the API (debounced, the
// previous request aborted); choosing an option selects its node. Behaviour lives in comboboxState.ts.
import "./search-table.css";
import type { SearchResults } from "../../../server/api/schemas.ts";
import { ApiError } from "../api.ts";
import { type ClientContext, h } from "../context.ts";
import { categoryLabel, countryLabel, type Lang, localName, translator } from "../i18n.ts";
import { type ComboboxEvent, type ComboboxState, INITIAL_STATE, reduce } from "./comboboxState.ts";
import { SEARCH_STRINGS, type SearchKey } from "./search.strings.ts";

type Hit = SearchResults["results"][number];

const LISTBOX_ID = "search-listbox";
const DEBOUNCE_MS = 150;
const MAX_RESULTS = 8;

const optionId = (index: number) => `search-option-${index}`;

/** "Law enforcement · Portugal": the hit's category (or kind) and country, in the current language. */
function hitMeta(hit: Hit, lang: Lang, t: (key: SearchKey) => string): string {
  const kinds: Record<string, SearchKey> = {
    Institution: "kindInstitution",
    LegalInstrument: "kindLegalInstrument",
    Place: "kindPlace",
  };
  const kindKey = kinds[hit.kind];
  const group =
    hit.kind === "Institution" && hit.category
      ? categoryLabel(hit.category, lang)
      : kindKey
        ? t(kindKey)
        : categoryLabel(hit.kind.toLowerCase(), lang);
  return [group, hit.country ? countryLabel(hit.country, lang) : ""].filter(Boolean).join(" · ");
}

export function mountSearch(container: HTMLElement, ctx: ClientContext): void {
  const t = translator(SEARCH_STRINGS, ctx.lang);
  const input = h("input", {
    type: "search",
    id: "search-input",
    class: "search-input",
    role: "combobox",
    "aria-autocomplete": "list",
    "aria-expanded": "false",
    "aria-controls": LISTBOX_ID,
    autocomplete: "off",
    spellcheck: "false",
  });
  const listbox = h("ul", { role: "listbox", id: LISTBOX_ID, class: "search-listbox", hidden: true });
  // Not an option: "No matches" and errors are a status line beside the listbox.
  const status = h("p", { class: "search-status", role: "status" });
  container.replaceChildren(
    h("div", { class: "search-combobox" }, input, h("div", { class: "search-popup" }, listbox, status)),
  );

  let state: ComboboxState = { ...INITIAL_STATE };
  let hits: Hit[] = [];
  let failure: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let controller: AbortController | undefined;

  function renderLabels(): void {
    input.setAttribute("aria-label", t("label"));
    input.placeholder = t("placeholder");
    listbox.setAttribute("aria-label", t("suggestions"));
  }

  function renderOptions(): void {
    const lang = ctx.lang();
    listbox.replaceChildren(
      ...hits.map((hit, index) =>
        h(
          "li",
          { role: "option", id: optionId(index), class: "search-option", "aria-selected": "false" },
          h("span", { class: "search-option-name" }, localName(hit, lang)),
          hit.acronym ? h("span", { class: "search-option-acronym" }, hit.acronym) : null,
          h("span", { class: "search-option-meta" }, hitMeta(hit, lang, t)),
        ),
      ),
    );
  }

  /** Shows the state: which popup part is open, which option is active. */
  function renderState(): void {
    const showList = state.open && hits.length > 0;
    listbox.hidden = !showList;
    input.setAttribute("aria-expanded", String(showList));
    status.textContent = !state.open || hits.length > 0 ? "" : failure !== null ? failure : t("noMatches");
    status.classList.toggle("search-status-error", failure !== null);
    listbox.querySelectorAll<HTMLLIElement>('[role="option"]').forEach((option, index) => {
      const active = showList && index === state.active;
      option.setAttribute("aria-selected", String(active));
      option.classList.toggle("active", active);
      if (active) option.scrollIntoView?.({ block: "nearest" });
    });
    if (showList && state.active >= 0) input.setAttribute("aria-activedescendant", optionId(state.active));
    else input.removeAttribute("aria-activedescendant");
  }

  function cancel(): void {
    clearTimeout(timer);
    controller?.abort();
    controller = undefined;
  }

  function choose(index: number): void {
    const hit = hits[index];
    if (!hit) return;
    const name = localName(hit, ctx.lang());
    input.value = name;
    ctx.selectNode(hit.id);
    ctx.announce(t("selected", { name }));
  }

  function dispatch(event: ComboboxEvent, keyboard?: KeyboardEvent): void {
    const transition = reduce(state, event, input.value === "");
    state = transition.state;
    if (transition.handled) {
      // The page's own shortcuts (Escape clears the selection, arrows walk the graph) must not fire too.
      keyboard?.preventDefault();
      keyboard?.stopPropagation();
    }
    if (transition.effect?.type === "clear") {
      cancel();
      input.value = "";
      hits = [];
      renderOptions();
    }
    renderState();
    if (transition.effect?.type === "choose") choose(transition.effect.index);
  }

  async function run(query: string): Promise<void> {
    controller = new AbortController();
    const mine = controller;
    try {
      const answer = await ctx.api.search(query, mine.signal);
      if (mine.signal.aborted) return;
      hits = answer.results.slice(0, MAX_RESULTS);
      failure = null;
      renderOptions();
      if (hits.length > 0)
        ctx.announce(hits.length === 1 ? t("oneResult") : t("results", { count: hits.length }));
      dispatch({ type: "results", count: hits.length });
    } catch (error) {
      if (mine.signal.aborted || (error as Error).name === "AbortError") return;
      hits = [];
      failure = t("failed", { message: error instanceof ApiError ? error.message : String(error) });
      renderOptions();
      dispatch({ type: "failed" });
    }
  }

  input.addEventListener("input", () => {
    cancel();
    const query = input.value.trim();
    dispatch({ type: "input", value: query });
    if (query === "") {
      hits = [];
      failure = null;
      renderOptions();
      renderState();
      return;
    }
    timer = setTimeout(() => void run(query), DEBOUNCE_MS);
  });
  input.addEventListener("keydown", (event) => {
    if (event.isComposing || event.altKey || event.ctrlKey || event.metaKey) return;
    dispatch({ type: "key", key: event.key }, event);
  });
  input.addEventListener("blur", () => {
    cancel();
    dispatch({ type: "blur" });
  });
  // Keep the focus in the input while the pointer picks an option, so blur does not close the list first.
  listbox.addEventListener("mousedown", (event) => event.preventDefault());
  listbox.addEventListener("click", (event) => {
    const option = (event.target as Element).closest('[role="option"]');
    if (!option) return;
    const index = [...listbox.children].indexOf(option);
    dispatch({ type: "click", index });
  });

  renderLabels();
  ctx.store.subscribe((next, previous) => {
    if (next.lang === previous.lang) return;
    renderLabels();
    renderOptions();
    renderState();
  });
}
