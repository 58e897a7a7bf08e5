import { Router } from "express";
import type { AppDeps } from "../app.ts";
import { defineGet } from "./define.ts";
import { ChangesQuery, ChangesResult, type Citation } from "./schemas.ts";

type Change = ChangesResult["changes"][number];

interface ChangeRow {
  element: Change["element"];
  kind: string;
  id: string;
  name?: string;
  acronym?: string;
  from?: string;
  to?: string;
  description?: string;
  validFrom?: string;
  validTo?: string;
  startDay?: string;
  endDay?: string;
  sources: string[];
  evidence: Change["evidence"];
}

/** A row can hold two changes (began and ended inside the window); each becomes one entry, by date. */
export function toChanges(rows: ChangeRow[], from: string, to: string): Change[] {
  const within = (day: string | undefined) => day !== undefined && day > from && day <= to;
  const changes: Change[] = [];
  for (const row of rows) {
    const base = {
      element: row.element,
      id: row.id,
      kind: row.kind,
      label: row.acronym ?? row.name ?? row.id,
      sources: row.sources,
      evidence: row.evidence,
      ...(row.from ? { from: row.from, to: row.to } : {}),
      ...(row.description ? { description: row.description } : {}),
    };
    if (within(row.startDay))
      changes.push({ ...base, change: "began", date: row.validFrom ?? String(row.startDay) });
    if (within(row.endDay))
      changes.push({ ...base, change: "ended", date: row.validTo ?? String(row.endDay) });
  }
  return changes.sort(
    (a, b) => a.date.localeCompare(b.date) || a.element.localeCompare(b.element) || a.id.localeCompare(b.id),
  );
}

export function changesRouter({ db }: AppDeps): Router {
  const router = Router();
  defineGet(
    router,
    {
      path: "/changes",
      tag: "analysis",
      summary: "Institutions and relationships that began or ended between two days, with sources",
      description: "A change counts when it happened after `from` and on or before `to`.",
      query: ChangesQuery,
      response: ChangesResult,
      errors: [400, 503],
    },
    async ({ query }) => {
      const rows = (await db.runRead("changes", query)).map((row) => row.item as unknown as ChangeRow);
      const changes = toChanges(rows, query.from, query.to);
      const ids = [...new Set(changes.flatMap((c) => c.sources))];
      const citations = (await db.runRead("citations", { ids })).map((row) => row.citation as Citation);
      const body: ChangesResult = { from: query.from, to: query.to, changes, citations };
      return body;
    },
  );
  return router;
}
