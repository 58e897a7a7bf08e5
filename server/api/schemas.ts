// The API contract, in one module that imports only zod: the server validates with it, the client parses
// responses with it, and tests check every response against it.
import { z } from "zod";

export const ErrorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBody>;

export const Health = z.object({
  status: z.literal("ok"),
  neo4j: z.object({ version: z.string(), edition: z.string() }),
  dataset: z.object({ version: z.string(), loadedAt: z.string() }).nullable(),
});
export type Health = z.infer<typeof Health>;

const Evidence = z.enum(["documented", "reported", "inferred"]);

export const GraphNode = z
  .object({
    id: z.string(),
    kind: z.enum(["Institution", "Workshop", "Session", "Person"]),
    name: z.string().optional(),
    title: z.string().optional(),
    nameEn: z.string().optional(),
    acronym: z.string().optional(),
    category: z.string().optional(),
    country: z.string().optional(),
    sources: z.array(z.string()),
    evidence: Evidence,
  })
  .loose();
export type GraphNode = z.infer<typeof GraphNode>;

export const GraphEdge = z
  .object({
    id: z.string(),
    source: z.string(),
    target: z.string(),
    type: z.string(),
    description: z.string().optional(),
    sources: z.array(z.string()).optional(),
    evidence: Evidence.optional(),
  })
  .loose();
export type GraphEdge = z.infer<typeof GraphEdge>;

export const Graph = z.object({
  nodes: z.array(GraphNode),
  edges: z.array(GraphEdge),
  truncated: z.boolean(),
});
export type Graph = z.infer<typeof Graph>;
