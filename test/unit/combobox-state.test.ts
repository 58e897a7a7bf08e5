import { describe, expect, it } from "vitest";
import {
  type ComboboxEvent,
  type ComboboxState,
  INITIAL_STATE,
  reduce,
} from "../../client/src/panels/comboboxState.ts";

const key = (name: string): ComboboxEvent => ({ type: "key", key: name });

/** Runs events from a state and returns the last transition. */
function run(state: ComboboxState, ...events: ComboboxEvent[]) {
  let transition = { state, effect: null as ReturnType<typeof reduce>["effect"], handled: false };
  for (const event of events) transition = reduce(transition.state, event);
  return transition;
}

const withResults = (count: number) =>
  run(INITIAL_STATE, { type: "input", value: "se" }, { type: "results", count }).state;

describe("combobox state: typing and answers", () => {
  it("a typed query is pending until its answer opens the list with no active option", () => {
    const typed = reduce(INITIAL_STATE, { type: "input", value: "sef" }).state;
    expect(typed).toMatchObject({ pending: true, open: false, active: -1 });
    expect(reduce(typed, { type: "results", count: 3 }).state).toMatchObject({
      open: true,
      count: 3,
      active: -1,
      pending: false,
    });
  });

  it("an empty or blank query closes everything", () => {
    expect(reduce(withResults(3), { type: "input", value: "  " }).state).toEqual(INITIAL_STATE);
  });

  it("an answer with no results stays open (for the 'No matches' line) with nothing active", () => {
    expect(withResults(0)).toMatchObject({ open: true, count: 0, active: -1 });
  });

  it("a failed search opens the popup for the error line and drops the old options", () => {
    const state = reduce(withResults(4), { type: "failed" }).state;
    expect(state).toMatchObject({ open: true, count: 0, pending: false });
  });
});

describe("combobox state: arrow keys", () => {
  it.each([
    ["ArrowDown from none", -1, "ArrowDown", 0],
    ["ArrowDown", 0, "ArrowDown", 1],
    ["ArrowDown wraps to the first", 2, "ArrowDown", 0],
    ["ArrowUp from none goes to the last", -1, "ArrowUp", 2],
    ["ArrowUp", 2, "ArrowUp", 1],
    ["ArrowUp wraps to the last", 0, "ArrowUp", 2],
  ])("%s", (_name, from, arrow, to) => {
    const transition = reduce({ ...withResults(3), active: from }, key(arrow));
    expect(transition.state.active).toBe(to);
    expect(transition.handled).toBe(true);
  });

  it("ArrowDown reopens a closed list at its first option", () => {
    const closed = run(withResults(3), key("Escape")).state;
    expect(closed.open).toBe(false);
    expect(reduce(closed, key("ArrowDown")).state).toMatchObject({ open: true, active: 0 });
  });

  it("arrows leave the caret alone when there is nothing to move through", () => {
    const transition = reduce(INITIAL_STATE, key("ArrowDown"));
    expect(transition.state).toEqual(INITIAL_STATE);
    expect(transition.handled).toBe(false);
  });
});

describe("combobox state: choosing", () => {
  it("Enter chooses the active option and closes the list", () => {
    const transition = reduce({ ...withResults(3), active: 2 }, key("Enter"));
    expect(transition.effect).toEqual({ type: "choose", index: 2 });
    expect(transition.state).toMatchObject({ open: false, active: -1 });
    expect(transition.handled).toBe(true);
  });

  it("Enter with no active option chooses the first", () => {
    expect(reduce(withResults(3), key("Enter")).effect).toEqual({ type: "choose", index: 0 });
  });

  it("Enter does nothing on a closed list or one without options", () => {
    expect(reduce(run(withResults(3), key("Escape")).state, key("Enter")).effect).toBeNull();
    expect(reduce(withResults(0), key("Enter")).effect).toBeNull();
  });

  it("Enter while a search is pending chooses the first option of its answer", () => {
    const pending = run(INITIAL_STATE, { type: "input", value: "sef" }, key("Enter"));
    expect(pending.effect).toBeNull();
    expect(pending.state.enterPending).toBe(true);
    const answered = reduce(pending.state, { type: "results", count: 2 });
    expect(answered.effect).toEqual({ type: "choose", index: 0 });
    expect(answered.state.open).toBe(false);
  });

  it("a pending Enter is dropped when the answer is empty or the user types on", () => {
    const pending = run(INITIAL_STATE, { type: "input", value: "zz" }, key("Enter")).state;
    const empty = reduce(pending, { type: "results", count: 0 });
    expect(empty.effect).toBeNull();
    expect(empty.state.enterPending).toBe(false);
    const retyped = run(pending, { type: "input", value: "zzz" }, { type: "results", count: 1 });
    expect(retyped.effect).toBeNull();
  });

  it("a click chooses that option; a click outside the options does nothing", () => {
    expect(reduce(withResults(3), { type: "click", index: 1 }).effect).toEqual({ type: "choose", index: 1 });
    expect(reduce(withResults(3), { type: "click", index: 3 }).effect).toBeNull();
  });
});

describe("combobox state: closing", () => {
  it("the first Escape closes the list, the second clears the input", () => {
    const first = reduce({ ...withResults(3), active: 1 }, key("Escape"), false);
    expect(first.state).toMatchObject({ open: false, active: -1, count: 3 });
    expect(first.effect).toBeNull();
    expect(first.handled).toBe(true);
    const second = reduce(first.state, key("Escape"), false);
    expect(second.effect).toEqual({ type: "clear" });
    expect(second.state).toEqual(INITIAL_STATE);
  });

  it("Escape in an empty, closed box is left to the page", () => {
    const transition = reduce(INITIAL_STATE, key("Escape"), true);
    expect(transition.handled).toBe(false);
    expect(transition.effect).toBeNull();
  });

  it("Tab closes the list but keeps its default (the focus moves on)", () => {
    const transition = reduce({ ...withResults(3), active: 0 }, key("Tab"));
    expect(transition.state.open).toBe(false);
    expect(transition.handled).toBe(false);
  });

  it("blur closes the list and forgets a pending search", () => {
    const pending = run(INITIAL_STATE, { type: "input", value: "sef" }, key("Enter")).state;
    expect(reduce(pending, { type: "blur" }).state).toMatchObject({
      open: false,
      pending: false,
      enterPending: false,
    });
  });

  it("other keys change nothing", () => {
    const state = withResults(3);
    expect(reduce(state, key("a"))).toEqual({ state, effect: null, handled: false });
  });
});
