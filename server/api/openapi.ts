// The OpenAPI 3.1 document, generated from the route specs and the zod contract (JSON Schema 2020-12 is
// OpenAPI 3.1's own dialect, so zod's output is used as it is).
import { z } from "zod";
import type { RouteSpec } from "./define.ts";

type JsonSchema = Record<string, unknown>;

function clean(schema: JsonSchema): JsonSchema {
  const { $schema: _s, $id: _i, ...rest } = schema;
  return rest;
}

function refOrInline(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const id = z.globalRegistry.get(schema)?.id;
  if (id) return { $ref: `#/components/schemas/${id}` };
  return clean(z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonSchema);
}

function parameters(schema: z.ZodType | undefined, where: "query" | "path") {
  if (!schema) return [];
  const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as {
    properties?: Record<string, JsonSchema>;
    required?: string[];
  };
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const { description, example, ...rest } = property;
    return {
      name,
      in: where,
      required: where === "path" || (json.required ?? []).includes(name),
      ...(description ? { description } : {}),
      ...(example !== undefined ? { example } : {}),
      schema: rest,
    };
  });
}

const ERROR_TEXT: Record<number, string> = {
  400: "Invalid input: the body names each wrong parameter",
  404: "No such id",
  405: "Only GET (and HEAD) are allowed",
  414: "The URL is too long",
  429: "Too many requests; retry later",
  503: "The database is unavailable or too slow; retry in a few seconds",
};

export function buildOpenApi(routes: Iterable<RouteSpec>, version: string): JsonSchema {
  const components = z.toJSONSchema(z.globalRegistry, {
    uri: (id) => `#/components/schemas/${id}`,
    io: "output",
    unrepresentable: "any",
  }) as { schemas: Record<string, JsonSchema> };
  const paths: Record<string, JsonSchema> = {};
  for (const route of routes) {
    const path = `/api${route.path.replace(/:([A-Za-z]+)/g, "{$1}")}`;
    const content: Record<string, JsonSchema> = {
      "application/json": { schema: refOrInline(route.response, "output") },
    };
    for (const type of route.produces ?? []) content[type] = { schema: { type: "string", format: "binary" } };
    paths[path] = {
      get: {
        operationId: route.path
          .replace(/[/:]+(.)/g, (_m, c: string) => c.toUpperCase())
          .replace(/^./, (c) => `get${c.toUpperCase()}`),
        summary: route.summary,
        ...(route.description ? { description: route.description } : {}),
        tags: [route.tag],
        parameters: [...parameters(route.params, "path"), ...parameters(route.query, "query")],
        responses: {
          "200": { description: "OK", content },
          ...Object.fromEntries(
            [...route.errors, 405, 414].map((status) => [
              String(status),
              {
                description: ERROR_TEXT[status],
                content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
              },
            ]),
          ),
          // Node's HTTP server itself refuses a request line or headers over 16 kB, before the app sees it.
          "431": {
            description:
              "The URL or the request headers are too large (answered by the HTTP server, no body)",
          },
        },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "THB ecosystem explorer API",
      version,
      description:
        "Read-only API over a sourced knowledge graph of anti-trafficking institutions. Every node and relationship cites its sources.",
      license: { name: "GPL-3.0-or-later", identifier: "GPL-3.0-or-later" },
    },
    servers: [{ url: "/" }],
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries(components.schemas).map(([k, v]) => [k, clean(v)])),
    },
  };
}
