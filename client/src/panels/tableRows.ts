// The table view's rows, built from what the filters let through and sorted by a column: pure functions, no DOM.
import type { GraphEdge, GraphNode } from "../../../server/api/schemas.ts";
import { categoryLabel, countryLabel, evidenceLabel, type Lang, localName, relationLabel } from "../i18n.ts";
import { groupOf } from "../model.ts";

export type Direction = "ascending" | "descending";
export interface Sort<K extends string> {
  key: K;
  direction: Direction;
}

export const NODE_COLUMNS = ["name", "acronym", "group", "country", "connections"] as const;
export type NodeColumn = (typeof NODE_COLUMNS)[number];
export const EDGE_COLUMNS = ["from", "relation", "to", "evidence", "valid"] as const;
export type EdgeColumn = (typeof EDGE_COLUMNS)[number];

export interface NodeRow {
  id: string;
  name: string;
  acronym: string;
  group: string;
  country: string;
  connections: number;
}

export interface EdgeRow {
  id: string;
  source: string;
  target: string;
  from: string;
  relation: string;
  to: string;
  evidence: string;
  /** "2008-01-01 – 2012-12-31", "2008-01-01 –", "– 2012-12-31" or "". */
  valid: string;
  validFrom: string;
  validTo: string;
}

export interface Visible {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

/** How many of the edges touch each node (a loop counts once). */
export function connectionCounts(edges: Iterable<GraphEdge>): Map<string, number> {
  const counts = new Map<string, number>();
  const bump = (id: string) => counts.set(id, (counts.get(id) ?? 0) + 1);
  for (const edge of edges) {
    bump(edge.source);
    if (edge.target !== edge.source) bump(edge.target);
  }
  return counts;
}

export function nodeRows(visible: Visible, lang: Lang): NodeRow[] {
  const counts = connectionCounts(visible.edges);
  return visible.nodes.map((node) => ({
    id: node.id,
    name: localName(node, lang),
    acronym: node.acronym ?? "",
    group: categoryLabel(groupOf(node), lang),
    country: node.country ? countryLabel(node.country, lang) : "",
    connections: counts.get(node.id) ?? 0,
  }));
}

export function validRange(validFrom: string | undefined, validTo: string | undefined): string {
  if (validFrom && validTo) return `${validFrom} – ${validTo}`;
  if (validFrom) return `${validFrom} –`;
  if (validTo) return `– ${validTo}`;
  return "";
}

/** A node as the relationships table names it: its acronym, else its local name. */
export function shortName(node: GraphNode | undefined, id: string, lang: Lang): string {
  if (!node) return id;
  return node.acronym ?? localName(node, lang);
}

/** The relationship rows; with `focus`, only the relationships that touch that node. */
export function edgeRows(visible: Visible, lang: Lang, focus: string | null = null): EdgeRow[] {
  const byId = new Map(visible.nodes.map((node) => [node.id, node]));
  return visible.edges
    .filter((edge) => focus === null || edge.source === focus || edge.target === focus)
    .map((edge) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      from: shortName(byId.get(edge.source), edge.source, lang),
      relation: relationLabel(edge.type, lang),
      to: shortName(byId.get(edge.target), edge.target, lang),
      evidence: edge.evidence ? evidenceLabel(edge.evidence, lang) : "",
      valid: validRange(edge.validFrom, edge.validTo),
      validFrom: edge.validFrom ?? "",
      validTo: edge.validTo ?? "",
    }));
}

/** Clicking the sorted column flips its direction; another column starts ascending (counts descending). */
export function toggleSort<K extends string>(
  current: Sort<K>,
  key: K,
  descendingFirst: readonly K[] = [],
): Sort<K> {
  if (current.key === key) {
    return { key, direction: current.direction === "ascending" ? "descending" : "ascending" };
  }
  return { key, direction: descendingFirst.includes(key) ? "descending" : "ascending" };
}

type Value = string | number;

function compareValues(a: Value, b: Value, collator: Intl.Collator): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * Sorts rows by the values `valuesOf` gives: the first in the sort's direction, the rest (and the id) break
 * ties ascending. Empty strings always go last, whichever the direction, so blank acronyms do not crowd the top.
 */
export function sortRows<R extends { id: string }>(
  rows: readonly R[],
  direction: Direction,
  valuesOf: (row: R) => Value[],
  lang: Lang,
): R[] {
  const collator = new Intl.Collator(lang === "pt" ? "pt-PT" : "en", { sensitivity: "base", numeric: true });
  const sign = direction === "ascending" ? 1 : -1;
  const keyed = rows.map((row) => ({ row, values: [...valuesOf(row), row.id] }));
  keyed.sort((x, y) => {
    for (let i = 0; i < x.values.length; i++) {
      const a = x.values[i] ?? "";
      const b = y.values[i] ?? "";
      const aEmpty = a === "";
      const bEmpty = b === "";
      if (aEmpty !== bEmpty) return aEmpty ? 1 : -1;
      const order = compareValues(a, b, collator);
      if (order !== 0) return i === 0 ? sign * order : order;
    }
    return 0;
  });
  return keyed.map((entry) => entry.row);
}

const NODE_SORT_VALUES: Record<NodeColumn, (row: NodeRow) => Value[]> = {
  name: (row) => [row.name],
  acronym: (row) => [row.acronym, row.name],
  group: (row) => [row.group, row.name],
  country: (row) => [row.country, row.name],
  connections: (row) => [row.connections, row.name],
};

const EDGE_SORT_VALUES: Record<EdgeColumn, (row: EdgeRow) => Value[]> = {
  from: (row) => [row.from, row.relation, row.to],
  relation: (row) => [row.relation, row.from, row.to],
  to: (row) => [row.to, row.from, row.relation],
  evidence: (row) => [row.evidence, row.from, row.to],
  valid: (row) => [row.validFrom, row.validTo, row.from, row.to],
};

export function sortNodeRows(rows: readonly NodeRow[], sort: Sort<NodeColumn>, lang: Lang): NodeRow[] {
  return sortRows(rows, sort.direction, NODE_SORT_VALUES[sort.key], lang);
}

export function sortEdgeRows(rows: readonly EdgeRow[], sort: Sort<EdgeColumn>, lang: Lang): EdgeRow[] {
  return sortRows(rows, sort.direction, EDGE_SORT_VALUES[sort.key], lang);
}
