// What the explorer shows lives in the URL, so any view can be shared and reloads as it was. Pure functions:
// parse a query string into a ViewState and back (unknown or malformed values fall back to defaults).
import type { Lang } from "./i18n.ts";

export const LAYOUTS = ["overview", "concentric", "flow", "map"] as const;
export type Layout = (typeof LAYOUTS)[number];
export const VIEWS = ["graph", "table"] as const;
export type View = (typeof VIEWS)[number];
export type FilterMode = "fade" | "hide";

export interface ViewState {
  node: string | null;
  session: string | null;
  /** Groups (institution categories, or workshop/session/person) shown; null = all. */
  groups: string[] | null;
  countries: string[] | null;
  types: string[] | null;
  mode: FilterMode;
  layout: Layout;
  view: View;
  lang: Lang;
}

export const DEFAULT_STATE: ViewState = {
  node: null,
  session: null,
  groups: null,
  countries: null,
  types: null,
  mode: "fade",
  layout: "overview",
  view: "graph",
  lang: "en",
};

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const TOKEN = /^[A-Za-z0-9_-]{1,40}$/;

function list(value: string | null): string[] | null {
  if (value === null) return null;
  const items = [...new Set(value.split(",").filter((item) => TOKEN.test(item)))];
  return items.sort();
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

export function parseViewState(search: string, fallbackLang: Lang = "en"): ViewState {
  const params = new URLSearchParams(search);
  const id = (key: string) => {
    const value = params.get(key);
    return value && ID.test(value) ? value : null;
  };
  return {
    node: id("node"),
    session: id("session"),
    groups: list(params.get("groups")),
    countries: list(params.get("countries")),
    types: list(params.get("types")),
    mode: oneOf(params.get("mode"), ["fade", "hide"] as const, "fade"),
    layout: oneOf(params.get("layout"), LAYOUTS, "overview"),
    view: oneOf(params.get("view"), VIEWS, "graph"),
    lang: oneOf(params.get("lang"), ["en", "pt"] as const, fallbackLang),
  };
}

/** The query string for a state: defaults are left out, so plain views have plain URLs. */
export function toSearch(state: ViewState): string {
  const params = new URLSearchParams();
  for (const key of [
    "node",
    "session",
    "groups",
    "countries",
    "types",
    "mode",
    "layout",
    "view",
    "lang",
  ] as const) {
    const value = state[key];
    if (value === null || value === DEFAULT_STATE[key]) continue;
    params.set(key, Array.isArray(value) ? [...value].sort().join(",") : value);
  }
  const text = params.toString().replaceAll("%2C", ",");
  return text ? `?${text}` : "";
}
