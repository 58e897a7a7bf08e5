// The offline build (`npm run build:static`): the page answers API requests from a snapshot of real API
// answers bundled beside it (snapshot.json), and answers search itself from the snapshot's nodes.
import { z } from "zod";
import { GraphKind, type GraphNode, type SearchResults } from "../../server/api/schemas.ts";
import { fold, searchTerms } from "../../server/search/luceneQuery.ts";
import type { Lang } from "./i18n.ts";

/** The meta tag the offline build adds to index.html; its content is the snapshot's (relative) address. */
export const SNAPSHOT_META = "thb-snapshot";
/** The answers search is computed from: the default graph, and every kind of node (legal instruments too). */
export const GRAPH_URL = "/api/graph";
export const ALL_KINDS_URL = `/api/graph?kinds=${GraphKind.options.join(",")}`;

export const Snapshot = z.object({
  createdAt: z.string(),
  datasetVersion: z.string().nullable(),
  /** Captured response bodies, keyed by the request's path and query exactly as the client asks for them. */
  responses: z.record(z.string(), z.unknown()),
});
export type Snapshot = z.infer<typeof Snapshot>;

/** The snapshot's address when this page is the offline build, else null. */
export function snapshotUrl(): string | null {
  if (typeof document === "undefined") return null;
  const meta = document.querySelector<HTMLMetaElement>(`meta[name="${SNAPSHOT_META}"]`);
  return meta?.content ? meta.content : null;
}

const loads = new Map<string, Promise<Snapshot>>();

/** Fetches and checks the snapshot once per address; later calls share the first load. */
export function loadSnapshot(url: string): Promise<Snapshot> {
  let load = loads.get(url);
  if (!load) {
    load = fetchSnapshot(url);
    // A failed load may be retried (the page's Retry button).
    load.catch(() => loads.delete(url));
    loads.set(url, load);
  }
  return load;
}

async function fetchSnapshot(url: string): Promise<Snapshot> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return Snapshot.parse(await response.json());
}

/** The captured body for a path and query, or undefined when the snapshot lacks it. */
export function answerFromSnapshot(snapshot: Snapshot, path: string): unknown | undefined {
  const url = new URL(path, "http://snapshot.invalid");
  if (url.pathname === "/api/search") return search(snapshot, url.searchParams);
  return Object.hasOwn(snapshot.responses, path) ? snapshot.responses[path] : undefined;
}

// ---- search --------------------------------------------------------------------------------------------

type Hit = SearchResults["results"][number];
const SEARCHED_KINDS = new Set(["Institution", "Person", "Session", "Workshop", "LegalInstrument"]);
const REF_FIELDS = ["name", "nameEn", "acronym", "title", "category", "country"] as const;

function nodesOf(body: unknown): GraphNode[] {
  const nodes = (body as { nodes?: unknown } | undefined)?.nodes;
  return Array.isArray(nodes) ? (nodes as GraphNode[]) : [];
}

/** The folded words a node is found by: its names, acronym, aliases and title (as the full-text index). */
function wordsOf(node: GraphNode): string[] {
  const texts = [node.name, node.nameEn, node.acronym, node.title, node.aliases].flat();
  return texts
    .filter((text): text is string => typeof text === "string")
    .flatMap((text) => fold(text).split(/[^a-z0-9]+/))
    .filter((word) => word.length > 0);
}

function toHit(node: GraphNode, score: number): Hit {
  const hit: Hit = { id: node.id, kind: node.kind, score };
  for (const field of REF_FIELDS) {
    const value = node[field];
    if (typeof value === "string") hit[field] = value;
  }
  return hit;
}

/**
 * Like /api/search: every word must start a word of the node's names; an exact acronym or id ranks first,
 * then nodes where more words match whole, then those with shorter names.
 */
function search(snapshot: Snapshot, params: URLSearchParams): SearchResults {
  const query = (params.get("q") ?? "").trim();
  const requested = Number(params.get("limit") ?? 10);
  const limit = Number.isInteger(requested) ? Math.min(Math.max(requested, 1), 50) : 10;
  const terms = searchTerms(query);
  if (terms.length === 0) return { query, results: [] };
  const exact = fold(query).trim();
  const candidates = new Map<string, GraphNode>();
  for (const node of [
    ...nodesOf(snapshot.responses[GRAPH_URL]),
    ...nodesOf(snapshot.responses[ALL_KINDS_URL]),
  ]) {
    if (SEARCHED_KINDS.has(node.kind)) candidates.set(node.id, node);
  }
  const hits: Hit[] = [];
  for (const node of candidates.values()) {
    const words = wordsOf(node);
    if (!terms.every((term) => words.some((word) => word.startsWith(term)))) continue;
    const whole = terms.filter((term) => words.includes(term)).length;
    const isExact = fold(node.acronym ?? "") === exact || node.id === exact;
    // Below one, so it only breaks ties: shorter names are closer matches (as the full-text index ranks them).
    const closeness = terms.length / (words.length + terms.length);
    hits.push(toHit(node, (isExact ? 100 : 0) + whole + closeness));
  }
  hits.sort((a, b) => b.score - a.score || a.id.localeCompare(b.id));
  return { query, results: hits.slice(0, limit) };
}

// ---- banner --------------------------------------------------------------------------------------------

const MONTHS: Record<Lang, string[]> = {
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  pt: ["jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.", "nov.", "dez."],
};
const BANNER: Record<Lang, string> = {
  en: "Offline snapshot of {date}: no server; the data may have changed since.",
  pt: "Cópia offline de {date}: sem servidor; os dados podem ter mudado desde então.",
};

/** "2026-11-28T…" → "28 Nov 2026" / "28 nov. 2026" (the UTC day, as the build prints it). */
export function snapshotDate(createdAt: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(createdAt);
  if (!match) return createdAt;
  const [, year, month, day] = match;
  return `${Number(day)} ${MONTHS[lang][Number(month) - 1] ?? month} ${year}`;
}

/** Shows (or updates) the banner at the top of the page saying this is a snapshot, and of which day. */
export function showSnapshotBanner(createdAt: string, lang: Lang): HTMLElement {
  let banner = document.getElementById("snapshot-banner");
  if (!banner) {
    banner = document.createElement("p");
    banner.id = "snapshot-banner";
    banner.className = "snapshot-banner";
    banner.setAttribute("role", "note");
    document.body.prepend(banner);
  }
  banner.lang = lang;
  banner.textContent = BANNER[lang].replace("{date}", snapshotDate(createdAt, lang));
  return banner;
}
