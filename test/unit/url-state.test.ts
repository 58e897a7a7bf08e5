import { describe, expect, it } from "vitest";
import { toggleValue } from "../../client/src/panels/filters.ts";
import { DEFAULT_STATE, parseViewState, toSearch } from "../../client/src/urlState.ts";

describe("URL state", () => {
  it("reads every part of a shared link", () => {
    const state = parseViewState(
      "?node=sef&session=lisbon-2016-session-3&groups=ngo,shelter&countries=PT&types=SIGNALS_TO&mode=hide&layout=map&view=table&lang=pt",
    );
    expect(state).toEqual({
      node: "sef",
      session: "lisbon-2016-session-3",
      groups: ["ngo", "shelter"],
      countries: ["PT"],
      types: ["SIGNALS_TO"],
      mode: "hide",
      layout: "map",
      view: "table",
      lang: "pt",
    });
  });

  it("round-trips a state, leaving defaults out of the URL", () => {
    const state = {
      ...DEFAULT_STATE,
      node: "iom-portugal",
      groups: ["shelter", "ngo"],
      layout: "flow" as const,
    };
    expect(toSearch(state)).toBe("?node=iom-portugal&groups=ngo,shelter&layout=flow");
    expect(parseViewState(toSearch(state))).toEqual({ ...state, groups: ["ngo", "shelter"] });
    expect(toSearch(DEFAULT_STATE)).toBe("");
  });

  it("ignores malformed or hostile values", () => {
    const state = parseViewState(
      "?node=<img src=x onerror=alert(1)>&layout=spiral&mode=blink&lang=fr&groups=ngo,<b>",
      "pt",
    );
    expect(state.node).toBeNull();
    expect(state.layout).toBe("overview");
    expect(state.mode).toBe("fade");
    expect(state.lang).toBe("pt");
    expect(state.groups).toEqual(["ngo"]);
  });
});

describe("toggleValue", () => {
  const all = ["a", "b", "c"];
  it("turns 'all' into all-but-one, and back to 'all' when the last is restored", () => {
    expect(toggleValue(null, "b", all)).toEqual(["a", "c"]);
    expect(toggleValue(["a", "c"], "b", all)).toBeNull();
    expect(toggleValue(["a"], "a", all)).toEqual([]);
  });
});
