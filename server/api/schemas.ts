// The API contract, in one module that imports only zod (and the data model's enums, also zod only): the
// server validates requests with it, the OpenAPI document is generated from it, the client parses responses
// with it, and tests check every response against it.
import { z } from "zod";
import {
  Country,
  Evidence,
  ID_PATTERN,
  InstitutionCategory,
  InstitutionRelationshipType,
  RelationshipType,
} from "../../seed/schema.ts";

export { Country, Evidence, InstitutionCategory, RelationshipType };

// ---- shared pieces -------------------------------------------------------------------------------------

export const EntityId = z
  .string()
  .max(120, "must be at most 120 characters")
  .regex(ID_PATTERN, "must be a kebab-case id such as 'sef' or 'iom-portugal'")
  .meta({ description: "A stable kebab-case id", example: "sef" });

// A real calendar day (2024-02-30 is refused); the pattern in the OpenAPI says exactly that.
export const IsoDate = z.iso
  .date({ message: "must be a real date as YYYY-MM-DD" })
  .meta({ example: "2024-01-01" });

/** A comma-separated list of enum values in one query parameter, e.g. `categories=ngo,shelter`. */
function csvOf<const V extends readonly [string, ...string[]]>(
  values: z.ZodEnum<{ [K in V[number]]: K }>,
  example: string,
) {
  const one = `(?:${values.options.join("|")})`;
  return (
    z
      .string()
      .max(2000)
      // The pattern documents in the OpenAPI exactly what the server accepts.
      .regex(
        new RegExp(`^${one}(?:,${one})*$`),
        `must be a comma-separated list of: ${values.options.join(", ")}`,
      )
      .transform((raw) => [
        ...new Set(
          raw
            .split(",")
            .map((part) => part.trim())
            .filter(Boolean),
        ),
      ])
      .pipe(z.array(values).min(1, "must name at least one value"))
      .meta({ description: `Comma-separated: ${values.options.join(", ")}`, example })
  );
}

export const GraphKind = z.enum(["Institution", "Workshop", "Session", "Person", "LegalInstrument", "Place"]);
export type GraphKind = z.infer<typeof GraphKind>;
export const DEFAULT_GRAPH_KINDS: GraphKind[] = ["Institution", "Workshop", "Session", "Person"];

export const REFERRAL_TYPES = InstitutionRelationshipType.options.filter(
  (t) => !["SUPERVISED_BY", "SUCCEEDED_BY", "TRANSFERRED_COMPETENCE_TO", "COUNTERPART_OF"].includes(t),
);

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string().meta({ example: "bad_request" }),
      message: z.string(),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: "Error" });
export type ErrorBody = z.infer<typeof ErrorBody>;

const SourceIds = z
  .array(z.string())
  .meta({ description: "Ids of the sources behind this fact (see /api/nodes/{id})" });

export const Citation = z
  .object({
    id: z.string(),
    title: z.string(),
    publisher: z.string(),
    date: z.string().optional(),
    url: z.string().optional(),
    kind: z.string(),
  })
  .loose()
  .meta({ id: "Citation" });
export type Citation = z.infer<typeof Citation>;

// ---- health --------------------------------------------------------------------------------------------

export const Health = z
  .object({
    status: z.literal("ok"),
    neo4j: z.object({ version: z.string(), edition: z.string() }),
    dataset: z.object({ version: z.string(), loadedAt: z.string() }).nullable(),
  })
  .meta({ id: "Health" });
export type Health = z.infer<typeof Health>;

// ---- graph ---------------------------------------------------------------------------------------------

export const GraphNode = z
  .object({
    id: z.string(),
    kind: GraphKind,
    name: z.string().optional(),
    title: z.string().optional(),
    nameEn: z.string().optional(),
    acronym: z.string().optional(),
    category: z.string().optional(),
    country: z.string().optional(),
    validFrom: z.string().optional(),
    validTo: z.string().optional(),
    sources: SourceIds,
    evidence: Evidence,
  })
  .loose()
  .meta({ id: "GraphNode" });
export type GraphNode = z.infer<typeof GraphNode>;

export const GraphEdge = z
  .object({
    id: z.string(),
    source: z.string(),
    target: z.string(),
    type: z.string(),
    description: z.string().optional(),
    validFrom: z.string().optional(),
    validTo: z.string().optional(),
    sources: SourceIds.optional(),
    evidence: Evidence.optional(),
  })
  .loose()
  .meta({ id: "GraphEdge" });
export type GraphEdge = z.infer<typeof GraphEdge>;

export const Graph = z
  .object({
    nodes: z.array(GraphNode),
    edges: z.array(GraphEdge),
    truncated: z.boolean().meta({ description: "True when the result cap cut the answer short" }),
  })
  .meta({ id: "Graph" });
export type Graph = z.infer<typeof Graph>;

export const GraphQuery = z
  .object({
    kinds: csvOf(GraphKind, "Institution,Session").optional(),
    categories: csvOf(InstitutionCategory, "ngo,shelter").optional(),
    types: csvOf(RelationshipType, "REFERS_VICTIM_TO,SIGNALS_TO").optional(),
    country: z
      .string()
      .max(200)
      .regex(
        /^(?:[A-Z]{2}|INT)(?:,(?:[A-Z]{2}|INT))*$/,
        "must be comma-separated ISO 3166-1 alpha-2 codes (PT,TR) or INT",
      )
      .transform((raw) => [...new Set(raw.split(","))])
      .pipe(z.array(Country).min(1, "must name at least one country"))
      .meta({ description: "Comma-separated ISO 3166-1 alpha-2 codes, or INT", example: "PT,TR" })
      .optional(),
    at: IsoDate.optional().meta({ description: "Only what was valid on this day" }),
    session: EntityId.optional().meta({
      description: "Only this session, its presenters and their relations",
    }),
  })
  .strict();
export type GraphQuery = z.infer<typeof GraphQuery>;

// ---- node details --------------------------------------------------------------------------------------

export const NodeRef = z
  .object({
    id: z.string(),
    kind: z.string(),
    name: z.string().optional(),
    nameEn: z.string().optional(),
    acronym: z.string().optional(),
    title: z.string().optional(),
    category: z.string().optional(),
    country: z.string().optional(),
  })
  .meta({ id: "NodeRef" });
export type NodeRef = z.infer<typeof NodeRef>;

export const Link = z
  .object({
    id: z.string(),
    type: z.string(),
    description: z.string().optional(),
    validFrom: z.string().optional(),
    validTo: z.string().optional(),
    sources: SourceIds,
    evidence: Evidence,
  })
  .loose()
  .meta({ id: "Link", description: "A relationship's own facts (its extra properties too)" });
export type Link = z.infer<typeof Link>;

export const NeighbourGroup = z
  .object({
    type: z.string(),
    direction: z.enum(["out", "in"]),
    neighbours: z.array(z.object({ node: NodeRef, link: Link })),
  })
  .meta({ id: "NeighbourGroup" });
export type NeighbourGroup = z.infer<typeof NeighbourGroup>;

export const SessionRef = z.object({
  id: z.string(),
  order: z.number(),
  title: z.string(),
  workshop: z.string(),
});

export const NodeDetails = z
  .object({
    node: z
      .object({
        id: z.string(),
        kind: z.string(),
        sources: SourceIds.optional(),
        evidence: Evidence.optional(),
      })
      .loose()
      .meta({
        description: "All its properties; a Source record (a citation) has no sources or evidence of its own",
      }),
    neighbours: z.array(NeighbourGroup),
    sessions: z.array(SessionRef).meta({ description: "Sessions this node presented at" }),
    citations: z
      .array(Citation)
      .meta({ description: "Every source cited by the node and its relationships" }),
  })
  .meta({ id: "NodeDetails" });
export type NodeDetails = z.infer<typeof NodeDetails>;

export const IdParams = z.object({ id: EntityId }).strict();

// ---- sessions ------------------------------------------------------------------------------------------

export const Presenter = NodeRef.extend({
  presentedBy: z.string().optional(),
  role: z.string().optional(),
  delegations: z.array(z.string()).optional(),
}).meta({ id: "Presenter" });

export const SessionSummary = z
  .object({
    id: z.string(),
    order: z.number(),
    title: z.string(),
    themes: z.array(z.string()),
    description: z.string(),
    day: z.string().nullable().meta({ description: "Null: the report does not say which day" }),
    workshop: z.object({ id: z.string(), name: z.string(), startDate: z.string(), endDate: z.string() }),
    presenters: z.array(Presenter),
    sources: SourceIds,
    evidence: Evidence,
  })
  .meta({ id: "Session" });
export type SessionSummary = z.infer<typeof SessionSummary>;
export const SessionList = z.object({ sessions: z.array(SessionSummary) }).meta({ id: "SessionList" });

// ---- search --------------------------------------------------------------------------------------------

export const SearchQuery = z
  .object({
    q: z
      .string()
      .max(200, "must be at most 200 characters")
      .min(1, "must not be empty")
      // biome-ignore lint/suspicious/noControlCharactersInRegex: rejecting control characters is the point
      .regex(/^[^\u0000-\u001f\u007f]*$/, "must not contain control characters")
      .regex(/\S/, "must not be empty")
      .transform((v) => v.trim())
      .pipe(z.string().min(1, "must not be empty"))
      .meta({ example: "policia judiciaria" }),
    limit: z.coerce.number().int().min(1).max(50).default(10),
  })
  .strict();
export const SearchHit = NodeRef.extend({ score: z.number() }).meta({ id: "SearchHit" });
export const SearchResults = z
  .object({ query: z.string(), results: z.array(SearchHit) })
  .meta({ id: "SearchResults" });
export type SearchResults = z.infer<typeof SearchResults>;

// ---- paths ---------------------------------------------------------------------------------------------

export const PathsQuery = z
  .object({
    from: EntityId,
    to: EntityId,
    types: csvOf(RelationshipType, "SIGNALS_TO,REFERS_VICTIM_TO")
      .optional()
      .meta({ description: "Relationship types to walk (default: referral and cooperation types)" }),
    maxHops: z.coerce.number().int().min(1).max(8).default(6),
    k: z.coerce.number().int().min(1).max(10).default(3).meta({ description: "Up to k shortest paths" }),
    directed: z
      .enum(["true", "false"])
      .default("false")
      .transform((v) => v === "true"),
    at: IsoDate.optional(),
  })
  .strict();
export type PathsQuery = z.infer<typeof PathsQuery>;

export const Hop = Link.extend({ from: z.string(), to: z.string() }).meta({ id: "Hop" });
export const Path = z
  .object({ length: z.number(), nodes: z.array(NodeRef), hops: z.array(Hop) })
  .meta({ id: "Path" });
export const PathsResult = z
  .object({ from: z.string(), to: z.string(), types: z.array(z.string()), paths: z.array(Path) })
  .meta({ id: "PathsResult" });
export type PathsResult = z.infer<typeof PathsResult>;

// ---- pathways ------------------------------------------------------------------------------------------

export const PathwaySummary = z
  .object({
    id: z.string(),
    title: z.string(),
    scenario: z.string(),
    asOf: z.string(),
    steps: z.number(),
    sources: SourceIds,
    evidence: Evidence,
  })
  .meta({ id: "PathwaySummary" });
export const PathwayList = z.object({ pathways: z.array(PathwaySummary) }).meta({ id: "PathwayList" });

export const PathwayStepView = z
  .object({
    order: z.number(),
    actor: NodeRef,
    action: z.string(),
    recipient: NodeRef.nullable(),
    relationship: z.string().nullable(),
    link: Link.nullable().meta({ description: "The relationship this step walks, when the graph has it" }),
    legalBasis: z.array(z.object({ id: z.string(), name: z.string(), nameEn: z.string().optional() })),
    sources: SourceIds,
    evidence: Evidence,
    note: z.string().optional(),
  })
  .meta({ id: "PathwayStep" });
export const PathwayDetails = PathwaySummary.extend({
  steps: z.array(PathwayStepView),
  citations: z.array(Citation),
}).meta({ id: "Pathway" });
export type PathwayDetails = z.infer<typeof PathwayDetails>;

// ---- metrics -------------------------------------------------------------------------------------------

export const MetricsQuery = z
  .object({ at: IsoDate.optional().meta({ description: "The network as it stood on this day" }) })
  .strict();

export const MetricsResult = z
  .object({
    datasetVersion: z.string(),
    at: z.string().nullable(),
    subgraph: z.object({ types: z.array(z.string()), nodes: z.number(), edges: z.number() }),
    communities: z.number(),
    explanations: z.record(z.string(), z.string()),
    metrics: z.array(
      z.object({
        id: z.string(),
        inDegree: z.number(),
        outDegree: z.number(),
        degree: z.number(),
        betweenness: z.number(),
        community: z.number(),
      }),
    ),
  })
  .meta({ id: "Metrics" });
export type MetricsResult = z.infer<typeof MetricsResult>;

// ---- changes -------------------------------------------------------------------------------------------

export const ChangesQuery = z
  .object({
    from: IsoDate.meta({ description: "One end of the window (the earlier day, or the two are swapped)" }),
    to: IsoDate.meta({ description: "The other end of the window" }),
  })
  .strict()
  // A window given backwards is the same window: no reason to refuse it.
  .transform((q) => (q.from <= q.to ? q : { from: q.to, to: q.from }));

export const Change = z
  .object({
    element: z.enum(["node", "relationship"]),
    change: z.enum(["began", "ended"]),
    date: z.string(),
    id: z.string(),
    kind: z.string(),
    label: z.string(),
    from: z.string().optional(),
    to: z.string().optional(),
    description: z.string().optional(),
    sources: SourceIds,
    evidence: Evidence,
  })
  .meta({ id: "Change" });
export const ChangesResult = z
  .object({ from: z.string(), to: z.string(), changes: z.array(Change), citations: z.array(Citation) })
  .meta({ id: "Changes" });
export type ChangesResult = z.infer<typeof ChangesResult>;

// ---- export --------------------------------------------------------------------------------------------

export const ExportFormat = z.enum(["json", "csv", "graphml", "gexf"]);
export type ExportFormat = z.infer<typeof ExportFormat>;
export const ExportQuery = GraphQuery.extend({ format: ExportFormat.default("json") }).strict();

/** The JSON export: the graph and what was exported, when, with which filters. */
export const GraphExport = Graph.extend({
  meta: z.object({ title: z.string(), generatedAt: z.string(), sourceNote: z.string() }),
}).meta({ id: "GraphExport" });
