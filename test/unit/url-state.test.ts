import { describe, expect, it } from "vitest";
import { toggleValue } from "../../client/src/panels/filters.ts";
import { DEFAULT_STATE, parseViewState, toSearch } from "../../client/src/urlState.ts";

describe("URL state", () => {
  it("reads every part of a shared link", () => {
    const state = parseViewState(
      "?node=sef&session=lisbon-2016-session-3&groups=ngo,shelter&countries=PT&types=SIGNALS_TO&mode=hide&layout=map&view=table&lang=pt",
    );
    expect(state).toEqual({
      ...DEFAULT_STATE,
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

  it("reads the trainer and researcher tools' state", () => {
    const state = parseViewState(
      "?pathway=child-victim&step=3&at=2024-01-01&compare=2024-01-01,2016-11-28&from=act&to=cap-sul-apav&via=SIGNALS_TO&unavailable=sef&metric=betweenness&present=1",
    );
    expect(state).toMatchObject({
      pathway: "child-victim",
      step: 3,
      at: "2024-01-01",
      compare: ["2016-11-28", "2024-01-01"],
      from: "act",
      to: "cap-sul-apav",
      via: ["SIGNALS_TO"],
      unavailable: ["sef"],
      metric: "betweenness",
      present: true,
    });
    expect(parseViewState(toSearch(state))).toEqual(state);
    expect(parseViewState("?step=3&at=2024-02-30&compare=2016-11-28&metric=size").step).toBeNull();
    expect(parseViewState("?at=2024-02-30").at).toBeNull();
    expect(parseViewState("?compare=2016-11-28").compare).toBeNull();
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
