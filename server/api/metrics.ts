import { Router } from "express";
import type { AppDeps } from "../app.ts";
import { createMetricsCache } from "../metrics/metricsCache.ts";
import {
  computeReferralMetrics,
  type MetricsInput,
  type ReferralMetrics,
} from "../metrics/referralMetrics.ts";
import { defineGet } from "./define.ts";
import { readGraph } from "./graph.ts";
import { MetricsQuery, MetricsResult, REFERRAL_TYPES } from "./schemas.ts";

export function metricsRouter({ db, maxResults }: AppDeps): Router {
  const router = Router();
  const cache = createMetricsCache<MetricsInput, ReferralMetrics & { nodes: number; edges: number }>(
    (input) => ({
      ...computeReferralMetrics(input),
      nodes: input.nodes.length,
      edges: input.edges.length,
    }),
  );
  defineGet(
    router,
    {
      path: "/metrics",
      tag: "analysis",
      summary: "Per institution: in/out degree, betweenness and community over the referral subgraph",
      description: `Referral subgraph: institutions and ${REFERRAL_TYPES.join(", ")}. Computed in the server and cached until the data changes.`,
      query: MetricsQuery,
      response: MetricsResult,
      errors: [400, 503],
    },
    async ({ query }) => {
      const [meta] = await db.runRead("dataset-version");
      const version = String(meta?.version ?? "none");
      const result = await cache.get(`${version}|${query.at ?? ""}`, () =>
        readGraph(
          db,
          { kinds: ["Institution"], types: [...REFERRAL_TYPES], ...(query.at ? { at: query.at } : {}) },
          maxResults,
        ),
      );
      const body: MetricsResult = {
        datasetVersion: version,
        at: query.at ?? null,
        subgraph: { types: [...REFERRAL_TYPES], nodes: result.nodes, edges: result.edges },
        communities: result.communities,
        explanations: result.explanations,
        metrics: result.metrics,
      };
      return body;
    },
  );
  return router;
}
