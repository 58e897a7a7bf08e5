import { Router } from "express";
import type { z } from "zod";
import type { AppDeps } from "../app.ts";
import { NotFoundError } from "../errors.ts";
import { defineGet } from "./define.ts";
import { IdParams, PathwayDetails, PathwayList } from "./schemas.ts";

type Step = PathwayDetails["steps"][number];

export function pathwaysRouter({ db }: AppDeps): Router {
  const router = Router();
  defineGet(
    router,
    {
      path: "/pathways",
      tag: "training",
      summary: "Trainer pathways (referral scenarios), each an ordered list of steps",
      response: PathwayList,
      errors: [503],
    },
    async () => ({
      pathways: (await db.runRead("pathways")).map((row) => row.pathway) as Array<
        z.infer<typeof PathwayList>["pathways"][number]
      >,
    }),
  );
  defineGet(
    router,
    {
      path: "/pathways/:id",
      tag: "training",
      summary: "One trainer pathway: its steps with actor, action, recipient, legal basis, link and sources",
      params: IdParams,
      response: PathwayDetails,
      errors: [400, 404, 503],
    },
    async ({ params }) => {
      const [row] = await db.runRead("pathway-details", { id: params.id });
      if (!row) throw new NotFoundError(`No pathway has the id '${params.id}'.`);
      const pathway = row.pathway as Omit<PathwayDetails, "steps" | "citations">;
      const steps = (row.steps as Array<Partial<Step> & Pick<Step, "order" | "actor" | "action">>).map(
        (step): Step => ({
          ...step,
          recipient: step.recipient ?? null,
          relationship: step.relationship ?? null,
          link: step.link ?? null,
          legalBasis: step.legalBasis ?? [],
          sources: step.sources ?? [],
          evidence: step.evidence ?? "inferred",
        }),
      );
      const body: PathwayDetails = {
        id: pathway.id,
        title: pathway.title,
        scenario: pathway.scenario,
        asOf: pathway.asOf,
        sources: pathway.sources,
        evidence: pathway.evidence,
        steps,
        citations: row.citations as PathwayDetails["citations"],
      };
      return body;
    },
  );
  return router;
}
