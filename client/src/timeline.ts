// Time travel, in the client: which elements held on a day, and what appeared or disappeared between two
// days. The same period rules as the server (seed/validity.ts): partial dates cover their whole period.

import { periodEnd, periodStart } from "../../seed/validity.ts";
import type { GraphEdge, GraphNode } from "../../server/api/schemas.ts";

type Dated = Pick<GraphNode | GraphEdge, "validFrom" | "validTo">;

export function validAt(element: Dated, day: string): boolean {
  const start = periodStart(element.validFrom);
  const end = periodEnd(element.validTo);
  return (start === undefined || start <= day) && (end === undefined || end > day);
}

export interface Comparison {
  appeared: Set<string>;
  disappeared: Set<string>;
}

/** Ids of nodes and edges valid on `to` but not `from` (appeared), and the reverse (disappeared). */
export function compareDays(nodes: GraphNode[], edges: GraphEdge[], from: string, to: string): Comparison {
  const appeared = new Set<string>();
  const disappeared = new Set<string>();
  for (const element of [...nodes, ...edges]) {
    const before = validAt(element, from);
    const after = validAt(element, to);
    if (after && !before) appeared.add(element.id);
    if (before && !after) disappeared.add(element.id);
  }
  return { appeared, disappeared };
}

/** The month steps of the time slider, from January 2007 to `today`'s month, as YYYY-MM-01 days. */
export function monthSteps(today: string, first = "2007-01-01"): string[] {
  const steps: string[] = [];
  let [year, month] = first.split("-").map(Number) as [number, number];
  const [endYear, endMonth] = today.split("-").map(Number) as [number, number];
  while (year < endYear || (year === endYear && month <= endMonth)) {
    steps.push(`${year}-${String(month).padStart(2, "0")}-01`);
    month += 1;
    if (month > 12) {
      month = 1;
      year += 1;
    }
  }
  return steps;
}
