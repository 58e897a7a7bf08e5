// What the explorer shows lives in the URL, so any view can be shared and reloads as it was. Pure functions:
// parse a query string into a ViewState and back (unknown or malformed values fall back to defaults).
import type { Lang } from "./i18n.ts";

export const LAYOUTS = ["overview", "concentric", "flow", "map"] as const;
export type Layout = (typeof LAYOUTS)[number];
export const VIEWS = ["graph", "table"] as const;
export type View = (typeof VIEWS)[number];
export type FilterMode = "fade" | "hide";
export const METRICS = ["degree", "betweenness"] as const;
export type Metric = (typeof METRICS)[number];

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
  /** A trainer pathway and its step (1-based). */
  pathway: string | null;
  step: number | null;
  /** The day the network is shown as it stood (time travel). */
  at: string | null;
  /** Two days to compare: what appeared and disappeared between them. */
  compare: [string, string] | null;
  /** The path finder's two ends, and the relationship types it may walk (null = referral defaults). */
  from: string | null;
  to: string | null;
  via: string[] | null;
  /** What-if: institutions marked unavailable. */
  unavailable: string[] | null;
  /** Size nodes by a metric and colour them by community. */
  metric: Metric | null;
  /** Presentation mode: full screen, large type, no chrome. */
  present: boolean;
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
  pathway: null,
  step: null,
  at: null,
  compare: null,
  from: null,
  to: null,
  via: null,
  unavailable: null,
  metric: null,
  present: false,
};

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

function day(value: string | null): string | null {
  if (!value || !DAY.test(value)) return null;
  const parsed = new Date(`${value}T00:00:00Z`);
  // Rejects impossible days such as 2024-02-30, which Date would roll over into March.
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().startsWith(value) ? value : null;
}
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
    pathway: id("pathway"),
    step:
      id("pathway") && /^\d{1,3}$/.test(params.get("step") ?? "")
        ? Math.max(1, Number(params.get("step")))
        : null,
    at: day(params.get("at")),
    compare: compareDays(params.get("compare")),
    from: id("from"),
    to: id("to"),
    via: list(params.get("via")),
    unavailable: list(params.get("unavailable"))?.filter((item) => ID.test(item)) ?? null,
    metric:
      oneOf(params.get("metric"), [...METRICS, "none"] as const, "none") === "none"
        ? null
        : (params.get("metric") as Metric),
    present: params.get("present") === "1",
  };
}

function compareDays(value: string | null): [string, string] | null {
  const [a, b] = (value ?? "").split(",").map((part) => day(part));
  return a && b ? (a <= b ? [a, b] : [b, a]) : null;
}

/** The query string for a state: defaults are left out, so plain views have plain URLs. */
export function toSearch(state: ViewState): string {
  const params = new URLSearchParams();
  const keys = [
    "node",
    "session",
    "pathway",
    "step",
    "from",
    "to",
    "via",
    "at",
    "compare",
    "unavailable",
    "groups",
    "countries",
    "types",
    "mode",
    "layout",
    "view",
    "metric",
    "present",
    "lang",
  ] as const;
  for (const key of keys) {
    const value = state[key];
    if (value === null || value === DEFAULT_STATE[key]) continue;
    if (key === "compare") params.set(key, (value as [string, string]).join(","));
    else if (typeof value === "boolean") params.set(key, "1");
    else params.set(key, Array.isArray(value) ? [...value].sort().join(",") : String(value));
  }
  const text = params.toString().replaceAll("%2C", ",");
  return text ? `?${text}` : "";
}
