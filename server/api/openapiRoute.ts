import { Router } from "express";
import { z } from "zod";
import { declaredRoutes, defineGet } from "./define.ts";
import { buildOpenApi } from "./openapi.ts";

export const API_VERSION = "1.0.0";

export function openapiRouter(): Router {
  const router = Router();
  let document: unknown;
  defineGet(
    router,
    {
      path: "/openapi.json",
      tag: "service",
      summary: "This document: the API's OpenAPI 3.1 description, generated from its zod contract",
      response: z.object({ openapi: z.string() }).loose(),
      errors: [],
    },
    async () => {
      // Built on first request, once every router has declared its routes.
      document ??= buildOpenApi(declaredRoutes.values(), API_VERSION);
      return document;
    },
  );
  return router;
}
