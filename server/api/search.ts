import { Router } from "express";
import type { AppDeps } from "../app.ts";
import { fold, luceneQuery } from "../search/luceneQuery.ts";
import { defineGet } from "./define.ts";
import { SearchQuery, SearchResults } from "./schemas.ts";

export function searchRouter({ db }: AppDeps): Router {
  const router = Router();
  defineGet(
    router,
    {
      path: "/search",
      tag: "graph",
      summary:
        "Ranked matches over names, English names, acronyms and aliases (accents and case do not matter)",
      description:
        "Every word must match, whole or as its start. Lucene syntax characters are treated as text. An exact acronym or id ranks first.",
      query: SearchQuery,
      response: SearchResults,
      errors: [400, 429, 503],
    },
    async ({ query }) => {
      const lucene = luceneQuery(query.q);
      const body: SearchResults = { query: query.q, results: [] };
      if (!lucene) return body;
      const rows = await db.runRead("search", { lucene, exact: fold(query.q).trim(), limit: query.limit });
      body.results = rows.map((row) => ({
        ...(row.node as SearchResults["results"][number]),
        score: Number(row.score),
      }));
      return body;
    },
  );
  return router;
}
