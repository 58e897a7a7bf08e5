// The dataset's shape: one zod schema per kind of record. The loader validates every file with it,
// the JSON Schema in seed/dataset.schema.json is generated from it, and the API's enums come from it.
import { z } from "zod";

export const ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The API's id parameters take at most 120 characters (server/api/schemas.ts EntityId): so do the data's. */
export const Id = z
  .string()
  .max(120)
  .regex(
    ID_PATTERN,
    "must be a kebab-case id: lower-case letters, digits and single hyphens, e.g. 'iom-portugal'",
  );

/** A calendar date, or a year-month or a year when the source says no more: 2023-10-29, 2013-05, 2008. */
export const PartialDate = z
  .string()
  .regex(
    /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/,
    "must be a date as YYYY, YYYY-MM or YYYY-MM-DD",
  )
  .refine(
    (value) => value.length < 10 || !Number.isNaN(Date.parse(`${value}T00:00:00Z`)),
    "is not a real date",
  )
  .refine((value) => value.length < 10 || new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), {
    message: "is not a real date",
  });

export const Evidence = z.enum(["documented", "reported", "inferred"]);
export type Evidence = z.infer<typeof Evidence>;

/** ISO 3166-1 alpha-2 (PT, TR, ES, …), or INT for international bodies: any country's dataset fits. */
export const Country = z
  .string()
  .regex(/^(?:[A-Z]{2}|INT)$/, "must be an ISO 3166-1 alpha-2 country code such as PT or TR, or INT");

export const InstitutionCategory = z.enum([
  "law-enforcement",
  "prosecution",
  "judiciary",
  "inspection",
  "ministry",
  "government-body",
  "observatory",
  "ngo",
  "intergovernmental",
  "municipality",
  "network",
  "shelter",
  "helpline",
  "programme",
  "donor",
]);
export type InstitutionCategory = z.infer<typeof InstitutionCategory>;

export const Role = z.enum([
  "detection",
  "identification",
  "investigation",
  "prosecution",
  "protection",
  "shelter",
  "return",
  "data",
  "coordination",
  "funding",
  "prevention",
  "training",
]);

/** Relationship types between institutions (referral, cooperation, structure, succession). */
export const InstitutionRelationshipType = z.enum([
  "SIGNALS_TO",
  "REFERS_VICTIM_TO",
  "REPORTS_DATA_TO",
  "COOPERATES_WITH",
  "INVESTIGATES_WITH",
  "COORDINATES",
  "FUNDS",
  "OPERATES",
  "MEMBER_OF",
  "SUPERVISED_BY",
  "PROPOSES_PERMIT_TO",
  "SUCCEEDED_BY",
  "TRANSFERRED_COMPETENCE_TO",
  "COUNTERPART_OF",
]);
export const WorkshopRelationshipType = z.enum([
  "HOSTED",
  "CO_ORGANISED",
  "PRESENTED_AT",
  "PART_OF",
  "ATTENDED",
  "WORKS_FOR",
]);
export const OtherRelationshipType = z.enum(["LOCATED_IN", "ESTABLISHED_BY", "GOVERNED_BY"]);
export const RelationshipType = z.enum([
  ...InstitutionRelationshipType.options,
  ...WorkshopRelationshipType.options,
  ...OtherRelationshipType.options,
]);
export type RelationshipType = z.infer<typeof RelationshipType>;

/** What every fact carries: the sources behind it and how strongly they support it. */
const Sourced = {
  sources: z.array(Id).min(1, "must cite at least one source id"),
  evidence: Evidence,
  /** A caveat a reader must see, e.g. what a source leaves unconfirmed. */
  note: z.string().min(1).max(2000).optional(),
};
const Validity = {
  validFrom: PartialDate.optional(),
  validTo: PartialDate.optional(),
};
const Text = z.string().trim().min(1).max(2000);

export const Source = z
  .object({
    id: Id,
    title: Text,
    publisher: Text,
    date: PartialDate.optional(),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional(),
    kind: z.enum(["report", "law", "official-page", "ngo-page", "news", "database", "academic", "other"]),
    /** Extra addresses the source key lists for the same source. */
    alsoAt: z.array(z.url({ protocol: /^https?$/ }).max(2000)).optional(),
  })
  .strict();

export const Institution = z
  .object({
    id: Id,
    name: Text,
    nameEn: Text.optional(),
    acronym: z.string().trim().min(1).max(40).optional(),
    aliases: z.array(z.string().trim().min(1).max(200)).default([]),
    category: InstitutionCategory,
    country: Country,
    roles: z.array(Role).default([]),
    description: Text,
    ...Validity,
    ...Sourced,
  })
  .strict();

export const Place = z
  .object({
    id: Id,
    name: Text,
    /** ISO 3166-1 alpha-2: places lie in real countries (FR for Strasbourg), unlike institutions' PT/TR/INT. */
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, "must be an ISO 3166-1 alpha-2 country code such as PT, TR or FR"),
    /** A city, or a whole country for bodies with no single seat (and shelters, whose seats stay unsaid). */
    scope: z.enum(["city", "country"]).default("city"),
    latitude: z.number().min(-90).max(90),
    longitude: z.number().min(-180).max(180),
    ...Sourced,
  })
  .strict();

export const Workshop = z
  .object({
    id: Id,
    name: Text,
    startDate: PartialDate,
    endDate: PartialDate,
    description: Text,
    ...Sourced,
  })
  .strict();

export const Session = z
  .object({
    id: Id,
    workshop: Id,
    order: z.number().int().min(1),
    title: Text,
    themes: z.array(z.enum(["prevention", "protection", "prosecution", "partnership"])).default([]),
    description: Text,
    /** The report does not say which day each session ran: leave unset unless a source does. */
    day: PartialDate.optional(),
    ...Sourced,
  })
  .strict();

export const Person = z
  .object({
    id: Id,
    name: Text,
    publicRole: Text,
    ...Sourced,
  })
  .strict();

export const LegalInstrument = z
  .object({
    id: Id,
    name: Text,
    nameEn: Text.optional(),
    kind: z.enum([
      "law",
      "decree-law",
      "regulation",
      "resolution",
      "action-plan",
      "protocol",
      "convention",
      "code",
    ]),
    country: Country,
    date: PartialDate.optional(),
    description: Text,
    ...Validity,
    ...Sourced,
  })
  .strict();

export const PathwayStep = z
  .object({
    actor: Id,
    action: Text,
    recipient: Id.optional(),
    /** The relationship type of the hop this step walks, when it walks one. */
    relationship: InstitutionRelationshipType.optional(),
    legalBasis: z.array(Id).default([]),
    ...Sourced,
  })
  .strict();

export const Pathway = z
  .object({
    id: Id,
    title: Text,
    scenario: Text,
    /** The date the pathway describes the network at, e.g. 2016-11-28 or 2024-01-01. */
    asOf: PartialDate,
    steps: z.array(PathwayStep).min(1),
    ...Sourced,
  })
  .strict();

const RESERVED_RELATIONSHIP_KEYS = new Set([
  "id",
  "from",
  "to",
  "type",
  "description",
  "sources",
  "evidence",
  "note",
  "validFrom",
  "validTo",
  "source",
  "target",
]);
const ScalarProperty = z.union([
  z.string().max(2000),
  z.number(),
  z.boolean(),
  z.array(z.string().max(200)).max(100),
]);

export const Relationship = z
  .object({
    /** Stable id; when left out it is `<from>--<type>--<to>` in lower case. */
    id: Id.optional(),
    from: Id,
    to: Id,
    type: RelationshipType,
    description: Text,
    /** Extra facts on the link, e.g. an ATTENDED delegation's `count` and `cities`. */
    properties: z
      .record(
        z
          .string()
          .max(64)
          .regex(/^[a-z][A-Za-z0-9]*$/, "must be a camelCase name")
          .refine(
            (key) => !RESERVED_RELATIONSHIP_KEYS.has(key),
            "is a reserved field name: use the field itself",
          ),
        ScalarProperty,
      )
      .optional(),
    ...Validity,
    ...Sourced,
  })
  .strict();

/** The files of a dataset folder, each a YAML list of one kind of record. */
export const DATASET_FILES = {
  sources: Source,
  institutions: Institution,
  places: Place,
  workshops: Workshop,
  sessions: Session,
  people: Person,
  "legal-instruments": LegalInstrument,
  pathways: Pathway,
  relationships: Relationship,
} as const;
export type DatasetFile = keyof typeof DATASET_FILES;

/** The Neo4j label each node file's records get (besides the common `Entity`). */
export const NODE_LABELS = {
  sources: "Source",
  institutions: "Institution",
  places: "Place",
  workshops: "Workshop",
  sessions: "Session",
  people: "Person",
  "legal-instruments": "LegalInstrument",
  pathways: "Pathway",
} as const satisfies Record<Exclude<DatasetFile, "relationships">, string>;
export type NodeLabel = (typeof NODE_LABELS)[keyof typeof NODE_LABELS];

export type Source = z.infer<typeof Source>;
export type Institution = z.infer<typeof Institution>;
export type Place = z.infer<typeof Place>;
export type Workshop = z.infer<typeof Workshop>;
export type Session = z.infer<typeof Session>;
export type Person = z.infer<typeof Person>;
export type LegalInstrument = z.infer<typeof LegalInstrument>;
export type Pathway = z.infer<typeof Pathway>;
export type PathwayStep = z.infer<typeof PathwayStep>;
export type Relationship = z.infer<typeof Relationship>;
