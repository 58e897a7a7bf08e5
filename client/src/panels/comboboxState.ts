// The search box's behaviour as a pure reducer (WAI-ARIA editable combobox with list autocomplete), so the
// keyboard rules can be tested without a DOM; search.ts only renders the state and performs the effects.

export interface ComboboxState {
  /** The popup (options, or the "No matches" / error line) is shown. */
  open: boolean;
  /** Number of options of the latest answer. */
  count: number;
  /** Index of the active option; -1 when none is. */
  active: number;
  /** A search is waiting for its debounce or its answer. */
  pending: boolean;
  /** Enter was pressed while a search was pending: choose its first option when it arrives. */
  enterPending: boolean;
}

export type ComboboxEvent =
  | { type: "input"; value: string }
  | { type: "results"; count: number }
  | { type: "failed" }
  | { type: "key"; key: string }
  | { type: "click"; index: number }
  | { type: "blur" };

/** What the DOM side must do after a transition. */
export type ComboboxEffect = { type: "choose"; index: number } | { type: "clear" } | null;

export interface Transition {
  state: ComboboxState;
  effect: ComboboxEffect;
  /** The key was used by the combobox (the caller calls preventDefault). */
  handled: boolean;
}

export const INITIAL_STATE: ComboboxState = {
  open: false,
  count: 0,
  active: -1,
  pending: false,
  enterPending: false,
};

const closed = (state: ComboboxState): ComboboxState => ({
  ...state,
  open: false,
  active: -1,
  enterPending: false,
});
const result = (state: ComboboxState, effect: ComboboxEffect = null, handled = false): Transition => ({
  state,
  effect,
  handled,
});

function choose(state: ComboboxState, index: number): Transition {
  return result({ ...closed(state), pending: false }, { type: "choose", index }, true);
}

/** Moves the active option by `step`, wrapping; a closed list with options opens at its first or last one. */
function move(state: ComboboxState, step: 1 | -1): Transition {
  if (state.count === 0) return result(state, null, state.open);
  if (!state.open || state.active < 0) {
    return result({ ...state, open: true, active: step === 1 ? 0 : state.count - 1 }, null, true);
  }
  const active = (state.active + step + state.count) % state.count;
  return result({ ...state, active }, null, true);
}

function onKey(state: ComboboxState, key: string, inputEmpty: boolean): Transition {
  switch (key) {
    case "ArrowDown":
      return move(state, 1);
    case "ArrowUp":
      return move(state, -1);
    case "Enter":
      if (state.pending) return result({ ...state, enterPending: true }, null, true);
      if (state.open && state.count > 0) return choose(state, Math.max(state.active, 0));
      return result(state);
    case "Escape":
      if (state.open) return result(closed(state), null, true);
      if (!inputEmpty) return result({ ...INITIAL_STATE }, { type: "clear" }, true);
      return result(state);
    case "Tab":
      // Tab keeps its default (moving focus on); the list just closes behind it.
      return result(closed(state));
    default:
      return result(state);
  }
}

/** The next state for an event; `inputEmpty` says whether the text box is empty (for Escape). */
export function reduce(state: ComboboxState, event: ComboboxEvent, inputEmpty = false): Transition {
  switch (event.type) {
    case "input":
      if (event.value.trim() === "") return result({ ...INITIAL_STATE });
      return result({ ...state, active: -1, pending: true, enterPending: false });
    case "results": {
      const next: ComboboxState = { ...state, open: true, count: event.count, active: -1, pending: false };
      if (state.enterPending && event.count > 0) return choose(next, 0);
      return result({ ...next, enterPending: false });
    }
    case "failed":
      return result({ ...state, open: true, count: 0, active: -1, pending: false, enterPending: false });
    case "key":
      return onKey(state, event.key, inputEmpty);
    case "click":
      return event.index >= 0 && event.index < state.count ? choose(state, event.index) : result(state);
    case "blur":
      // The caller also cancels the pending search: an answer must not reopen a list nobody looks at.
      return result({ ...closed(state), pending: false });
  }
}
