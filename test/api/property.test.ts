// Property-based hostile input: for every endpoint, random parameters (full Unicode with control, RTL and
// emoji characters, lone surrogates percent-encoded as the bytes no UTF-8 decoder accepts, huge and negative
// numbers, repeated and unknown parameters, broken percent-encoding) never get a 5xx; every other answer is
// 2xx with a body matching the endpoint's response schema, or a documented status with the error body; and
// the graph is unchanged at the end. FC_SEED=<n> and FC_RUNS=<n> explore further.
import fc from "fast-check";
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { type Dataset, readDataset } from "../../seed/dataset.ts";
import { InstitutionCategory, RelationshipType } from "../../seed/schema.ts";
import { declaredRoutes } from "../../server/api/define.ts";
import {
  ChangesResult,
  ErrorBody,
  ExportFormat,
  Graph,
  GraphExport,
  GraphKind,
  MetricsResult,
  NodeDetails,
  PathsResult,
  PathwayDetails,
  SearchResults,
  SessionSummary,
} from "../../server/api/schemas.ts";
import type { Row } from "../../server/db/database.ts";
import { testApp, testDatabase } from "../setup/db.ts";

const SEED = Number(process.env.FC_SEED ?? 7_2016);
const RUNS = Number(process.env.FC_RUNS ?? 50);

const db = testDatabase();
const app = testApp(db);
let before: Row[];
let data: Dataset;
beforeAll(async () => {
  before = await db.runRead("database-snapshot");
  data = await readDataset();
});
afterAll(async () => {
  expect(await db.runRead("database-snapshot")).toEqual(before);
  await db.close();
});

// ---- what goes on the wire ---------------------------------------------------------------------------

const hex = (byte: number) => `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;

/** Percent-encodes text; a lone surrogate becomes its 3 generalised-UTF-8 bytes, which are not valid UTF-8. */
function encode(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    if (unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(text.slice(i, i + 2));
      i++;
    } else if (unit >= 0xd800 && unit <= 0xdfff) {
      out += hex(0xe0 | (unit >> 12)) + hex(0x80 | ((unit >> 6) & 0x3f)) + hex(0x80 | (unit & 0x3f));
    } else {
      out += encodeURIComponent(text.charAt(i));
    }
  }
  return out;
}

/** Raw pieces that test percent-decoding and query-string parsing as they are, unencoded. */
const RAW = [
  "%",
  "%2",
  "%zz",
  "%C3",
  "%C3%28",
  "%FF",
  "%00",
  "%0A",
  "%ED%A0%80",
  "%E2%80%AE",
  "%25",
  "%2525",
  "%2C",
  ",",
  ",,",
  "+",
  "%20",
  "%2F",
  "..",
  "%2E%2E",
  "=",
  "[]",
  "[0]",
  "%5B%5D",
];

const hostileChar = fc.oneof(
  fc.string({ unit: "binary", minLength: 1, maxLength: 1 }),
  fc.integer({ min: 0, max: 0x1f }).map((c) => String.fromCharCode(c)),
  fc.constantFrom("\u007f", "\u0085", "\u00a0", "\u2028", "\ufeff", "\ufffd", "\uffff"),
  fc.constantFrom("\u202e", "\u202b", "\u200f", "\u2067", "\u061c", "عربى", "עברית"),
  fc.constantFrom("🚨", "👩‍👩‍👧", "🇵🇹", "e\u0301", "Göç", "ı", "ß"),
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c)),
  fc.constantFrom("'", '"', "`", "\\", "<", ">", "{", "}", "$", ";", "/", "?", "#", "&", "="),
);
const hostileText = fc.array(hostileChar, { maxLength: 24 }).map((chars) => chars.join(""));

const numberText = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }).map(String),
  fc.double().map(String),
  fc.constantFrom("0", "-0", "1e9", "1e308", "1e309", "-1e309", "0x10", "1_0", " 5", "5 ", "NaN", "Infinity"),
);

/** An already-encoded parameter value: mostly plausible (to reach the 2xx answers), often hostile. */
function paramValue(valid: readonly string[]): fc.Arbitrary<string> {
  const good = fc.constantFrom(...valid);
  return fc.oneof(
    { arbitrary: good.map(encode), weight: 4 },
    {
      arbitrary: fc
        .array(fc.oneof(good, hostileText), { minLength: 1, maxLength: 4 })
        .map((parts) => encode(parts.join(","))),
      weight: 2,
    },
    { arbitrary: fc.tuple(good, hostileChar).map(([v, c]) => encode(v + c)), weight: 1 },
    { arbitrary: hostileText.map(encode), weight: 2 },
    { arbitrary: numberText.map(encode), weight: 2 },
    {
      arbitrary: fc.array(fc.constantFrom(...RAW), { minLength: 1, maxLength: 4 }).map((p) => p.join("")),
      weight: 2,
    },
    {
      arbitrary: fc.tuple(good, fc.constantFrom(...RAW)).map(([v, raw]) => `${encode(v)}${raw}`),
      weight: 1,
    },
    { arbitrary: fc.integer({ min: 100, max: 600 }).map((n) => "a".repeat(n)), weight: 1 },
    { arbitrary: fc.constantFrom("a".repeat(2001), "a".repeat(5000)), weight: 1 },
    { arbitrary: fc.constant(""), weight: 1 },
  );
}

type Params = Record<string, readonly string[]>;

/** A query string of plausible values only, the required parameters always there: the 2xx answers. */
function plausibleQuery(params: Params, required: readonly string[]): fc.Arbitrary<string> {
  const pairs = Object.entries(params).map(([name, valid]) => {
    const given = fc.constantFrom(...valid).map((v) => [`${name}=${encode(v)}`]);
    return required.includes(name) ? given : fc.oneof(fc.constant([] as string[]), given);
  });
  return fc.tuple(...pairs).map((all) => all.flat().join("&"));
}

/** A hostile query string: each known parameter absent, given once, or repeated; sometimes unknown ones. */
function hostileQuery(params: Params): fc.Arbitrary<string> {
  const known = Object.entries(params).map(([name, valid]) =>
    fc
      .oneof(
        { arbitrary: fc.constant([] as string[]), weight: 2 },
        { arbitrary: paramValue(valid).map((v) => [v]), weight: 5 },
        { arbitrary: fc.array(paramValue(valid), { minLength: 2, maxLength: 3 }), weight: 1 },
      )
      .map((values) => values.map((v) => `${name}=${v}`)),
  );
  const unknownName = fc.oneof(
    fc.constantFrom(
      "__proto__",
      "constructor",
      "toString",
      "hasOwnProperty",
      "limit",
      "id",
      "q[]",
      "kinds[0]",
    ),
    hostileText.map(encode),
  );
  const unknown = fc.oneof(
    { arbitrary: fc.constant([] as string[]), weight: 5 },
    {
      arbitrary: fc.array(
        fc.tuple(unknownName, paramValue(["x"])).map(([k, v]) => `${k}=${v}`),
        { minLength: 1, maxLength: 2 },
      ),
      weight: 1,
    },
    { arbitrary: fc.constantFrom(["&"], ["&&"], ["="], ["=x"], ["flag"]), weight: 1 },
  );
  return fc.tuple(fc.tuple(...known), unknown, fc.boolean()).map(([pairs, extra, shuffle]) => {
    const all = [...pairs.flat(), ...extra];
    return (shuffle ? all.reverse() : all).join("&");
  });
}

// ---- the endpoints -----------------------------------------------------------------------------------

interface Endpoint {
  /** The route spec's path, for its documented error statuses. */
  spec: string;
  url: fc.Arbitrary<string>;
  schema: z.ZodType;
  /** Top-level properties the answer has and its schema does not declare yet (a known contract gap). */
  undeclared?: string[];
}

const DATES = [
  "2016-11-28",
  "2024-01-01",
  "2024-02-29",
  "2007-01-01",
  "1900-01-01",
  "9999-12-31",
  "2023-10-29",
];

function graphParams(): Params {
  return {
    kinds: GraphKind.options,
    categories: InstitutionCategory.options,
    types: RelationshipType.options,
    country: ["PT", "TR", "INT", "pt", "ES", "PT,TR"],
    at: DATES,
    session: [...data.sessions.map((s) => s.id), "no-such-session"],
  };
}

function endpoints(): Record<string, Endpoint> {
  const institutions = data.institutions.map((i) => i.id).slice(0, 20);
  const anyIds = [...institutions, ...data.sessions.map((s) => s.id), "no-such-node"];
  // An empty id would be another route (/api/sessions/ lists the sessions).
  const path = (prefix: string, valid: readonly string[]) =>
    paramValue(valid)
      .filter((v) => v !== "")
      .map((v) => `${prefix}/${v}`);
  const withQuery = (base: string, params: Params, required: string[] = []) =>
    fc
      .oneof(
        { arbitrary: plausibleQuery(params, required), weight: 1 },
        { arbitrary: hostileQuery(params), weight: 3 },
      )
      .map((q) => `${base}?${q}`);
  return {
    graph: { spec: "/graph", url: withQuery("/api/graph", graphParams()), schema: Graph },
    nodes: { spec: "/nodes/:id", url: path("/api/nodes", anyIds), schema: NodeDetails },
    sessions: {
      spec: "/sessions/:id",
      url: path("/api/sessions", [...data.sessions.map((s) => s.id), "sef", "no-such-session"]),
      schema: SessionSummary,
    },
    search: {
      spec: "/search",
      url: withQuery(
        "/api/search",
        {
          q: ["sef", "policia judiciaria", "Göç", "APAV", "ministério", "*", "~", "AND", '"', "a OR b"],
          limit: ["1", "10", "50"],
        },
        ["q"],
      ),
      schema: SearchResults,
    },
    paths: {
      spec: "/paths",
      url: withQuery(
        "/api/paths",
        {
          from: [...institutions, "no-such-node"],
          to: [...institutions, "no-such-node"],
          types: RelationshipType.options,
          maxHops: ["1", "3", "6", "8"],
          k: ["1", "3", "10"],
          directed: ["true", "false"],
          at: DATES,
        },
        ["from", "to"],
      ),
      schema: PathsResult,
    },
    pathways: {
      spec: "/pathways/:id",
      url: path("/api/pathways", [...data.pathways.map((p) => p.id), "no-such-pathway"]),
      schema: PathwayDetails,
    },
    metrics: { spec: "/metrics", url: withQuery("/api/metrics", { at: DATES }), schema: MetricsResult },
    changes: {
      spec: "/changes",
      url: withQuery("/api/changes", { from: DATES, to: DATES }, ["from", "to"]),
      schema: ChangesResult,
    },
    export: {
      spec: "/export",
      url: withQuery("/api/export", { format: ExportFormat.options, ...graphParams() }),
      schema: GraphExport,
    },
  };
}

const EXPORT_TYPES: Record<string, RegExp> = {
  json: /^application\/json/,
  csv: /^application\/zip/,
  graphml: /^application\/graphml\+xml/,
  gexf: /^application\/gexf\+xml/,
};

/** Reads the whole body as bytes, whatever its type (supertest leaves unknown types unparsed). */
function binary(res: request.Response, done: (error: Error | null, body: Buffer) => void) {
  const stream = res as unknown as NodeJS.ReadableStream;
  const chunks: Buffer[] = [];
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  stream.on("end", () => done(null, Buffer.concat(chunks)));
}

/** Every route documents these (server/api/openapi.ts): another method, an over-long URL. */
const APP_WIDE_ERRORS = [405, 414];

async function check(endpoint: Endpoint, url: string): Promise<number> {
  const res = await request(app).get(url).buffer(true).parse(binary);
  const body = res.body as Buffer;
  const type = String(res.headers["content-type"] ?? "");
  const what = `GET ${url} → ${res.status} ${type}: ${body.subarray(0, 300).toString()}`;
  expect(res.status, what).toBeLessThan(500);
  if (res.status >= 200 && res.status < 300) {
    if (endpoint.spec === "/export" && !EXPORT_TYPES.json?.test(type)) {
      expect(
        Object.values(EXPORT_TYPES).some((pattern) => pattern.test(type)),
        what,
      ).toBe(true);
      expect(body.length, what).toBeGreaterThan(0);
      return res.status;
    }
    expect(type, what).toMatch(/^application\/json/);
    const json: unknown = JSON.parse(body.toString("utf8"));
    const parsed = endpoint.schema.safeParse(json);
    expect(parsed.error?.issues, what).toBeUndefined();
    // The OpenAPI document forbids properties a schema does not name: parsing must drop nothing.
    const named = { ...(json as Record<string, unknown>) };
    for (const key of endpoint.undeclared ?? []) delete named[key];
    expect(parsed.data, `${what}: properties the schema does not name`).toEqual(named);
    return res.status;
  }
  const documented = [...(declaredRoutes.get(endpoint.spec)?.errors ?? []), ...APP_WIDE_ERRORS];
  expect(documented, what).toContain(res.status);
  expect(type, what).toMatch(/^application\/json/);
  const error = ErrorBody.safeParse(JSON.parse(body.toString("utf8")));
  expect(error.error?.issues, what).toBeUndefined();
  expect(body.toString("utf8"), what).not.toMatch(/Neo4jError|Neo\.ClientError|at \S+\.ts:\d+|elementId/);
  return res.status;
}

describe("hostile parameters, property-based", () => {
  it.each(["graph", "nodes", "sessions", "search", "paths", "pathways", "metrics", "changes", "export"])(
    "GET /api/%s: never a 5xx; a 2xx matches its schema, anything else is documented with the error body",
    async (name) => {
      const endpoint = endpoints()[name] as Endpoint;
      const statuses = new Map<number, number>();
      await fc.assert(
        fc.asyncProperty(endpoint.url, async (url) => {
          const status = await check(endpoint, url);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }),
        { numRuns: RUNS, seed: SEED },
      );
      // The runs must reach both kinds of answer, or the property proves little.
      expect(
        [...statuses.keys()].some((s) => s < 300),
        `statuses ${[...statuses]}`,
      ).toBe(true);
      expect(
        [...statuses.keys()].some((s) => s >= 400),
        `statuses ${[...statuses]}`,
      ).toBe(true);
    },
  );
});
