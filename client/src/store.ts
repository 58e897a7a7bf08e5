// The page's single source of view state, kept in step with the URL: each change pushes a history entry
// (or replaces it), and Back/Forward restore the state they hold.
import { parseViewState, toSearch, type ViewState } from "./urlState.ts";

export type Listener = (state: ViewState, previous: ViewState) => void;

export interface Store {
  get(): ViewState;
  /** Applies a change; `replace` rewrites the current history entry instead of adding one. */
  update(patch: Partial<ViewState>, options?: { replace?: boolean }): void;
  subscribe(listener: Listener): () => void;
}

export function createStore(win: Window = window, fallbackLang: ViewState["lang"] = "en"): Store {
  let state = parseViewState(win.location.search, fallbackLang);
  const listeners = new Set<Listener>();
  const emit = (previous: ViewState) => {
    for (const listener of listeners) listener(state, previous);
  };
  win.addEventListener("popstate", () => {
    const previous = state;
    state = parseViewState(win.location.search, fallbackLang);
    emit(previous);
  });
  return {
    get: () => state,
    update(patch, options = {}) {
      const next = { ...state, ...patch };
      const search = toSearch(next);
      if (search === toSearch(state) && JSON.stringify(next) === JSON.stringify(state)) return;
      const previous = state;
      state = next;
      const url = `${win.location.pathname}${search}${win.location.hash}`;
      if (options.replace) win.history.replaceState(null, "", url);
      else win.history.pushState(null, "", url);
      emit(previous);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
