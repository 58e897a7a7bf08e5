import { Router } from "express";
import type { AppDeps } from "../app.ts";
import type { Row } from "../db/database.ts";
import { NotFoundError } from "../errors.ts";
import { defineGet } from "./define.ts";
import { IdParams, SessionList, SessionSummary } from "./schemas.ts";

function toSession(row: Row): SessionSummary {
  const session = row.session as Record<string, unknown>;
  return {
    id: String(session.id),
    order: Number(session.order),
    title: String(session.title),
    themes: (session.themes as string[] | undefined) ?? [],
    description: String(session.description),
    day: (session.day as string | undefined) ?? null,
    workshop: row.workshop as SessionSummary["workshop"],
    presenters: row.presenters as SessionSummary["presenters"],
    sources: session.sources as string[],
    evidence: session.evidence as SessionSummary["evidence"],
  };
}

export function sessionsRouter({ db }: AppDeps): Router {
  const router = Router();
  defineGet(
    router,
    {
      path: "/sessions",
      tag: "workshop",
      summary:
        "The workshop sessions in the report's order, with theme, description, presenters and workshop",
      response: SessionList,
      errors: [503],
    },
    async () => ({ sessions: (await db.runRead("sessions", { id: null })).map(toSession) }),
  );
  defineGet(
    router,
    {
      path: "/sessions/:id",
      tag: "workshop",
      summary: "One workshop session with its presenters",
      params: IdParams,
      response: SessionSummary,
      errors: [400, 404, 503],
    },
    async ({ params }) => {
      const [row] = await db.runRead("sessions", { id: params.id });
      if (!row) throw new NotFoundError(`No session has the id '${params.id}'.`);
      return toSession(row);
    },
  );
  return router;
}
