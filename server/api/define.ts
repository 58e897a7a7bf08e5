// Each route is declared once, as a spec (path, inputs, response schema, summary); the same spec validates
// requests, registers the Express handler and feeds the OpenAPI document, so they cannot drift apart.
import type { Request, Response, Router } from "express";
import type { z } from "zod";
import { parseInput } from "./validate.ts";

export interface RouteSpec<Q extends z.ZodType = z.ZodType, P extends z.ZodType = z.ZodType> {
  /** The Express path under /api, e.g. `/nodes/:id`. */
  path: string;
  summary: string;
  description?: string;
  tag: string;
  query?: Q;
  params?: P;
  /** The JSON answer's schema; `produces` lists other media types the route can answer with. */
  response: z.ZodType;
  produces?: string[];
  errors: Array<400 | 404 | 429 | 503>;
  // 405 (other methods) and 414 (URL too long) apply to every route; the OpenAPI document adds them.
}

export interface RouteInput<Q extends z.ZodType, P extends z.ZodType> {
  query: z.output<Q>;
  params: z.output<P>;
}

/** Every spec a router declared, for the OpenAPI document (keyed by path). */
export const declaredRoutes = new Map<string, RouteSpec>();

export function defineGet<Q extends z.ZodType, P extends z.ZodType>(
  router: Router,
  spec: RouteSpec<Q, P>,
  handler: (input: RouteInput<Q, P>, res: Response, req: Request) => Promise<unknown>,
): void {
  declaredRoutes.set(spec.path, spec as unknown as RouteSpec);
  router.get(spec.path, async (req, res) => {
    const input = {
      query: spec.query ? parseInput(spec.query, req.query, "query") : ({} as z.output<Q>),
      params: spec.params ? parseInput(spec.params, req.params, "path") : ({} as z.output<P>),
    };
    const body = await handler(input, res, req);
    if (body !== undefined && !res.headersSent) res.json(body);
  });
  // The API only reads: any other method on a known path is a 405, not a 404.
  router.all(spec.path, (req, res) => {
    res.set("Allow", "GET, HEAD");
    res.status(405).json({
      error: {
        code: "method_not_allowed",
        message: `${req.method} is not allowed on ${req.originalUrl.split("?")[0]}: use GET.`,
      },
    });
  });
}
