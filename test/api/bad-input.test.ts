// Hostile and malformed input: every endpoint answers 4xx with the error body, and the graph is unchanged.
import request from "supertest";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ErrorBody } from "../../server/api/schemas.ts";
import type { Row } from "../../server/db/database.ts";
import { testApp, testDatabase } from "../setup/db.ts";

const db = testDatabase();
const app = testApp(db);
let before: Row[];
beforeAll(async () => {
  before = await db.runRead("database-snapshot");
});
afterAll(async () => {
  expect(await db.runRead("database-snapshot")).toEqual(before);
  await db.close();
});

const CYPHER = encodeURIComponent("}) MATCH (n) DETACH DELETE n //");
const QUOTE = encodeURIComponent("sef' OR 1=1 //");

const CASES: Array<[url: string, status: number, parameter?: string]> = [
  ["/api/graph?categories=police", 400, "categories"],
  ["/api/graph?types=DELETE", 400, "types"],
  [`/api/graph?types=${CYPHER}`, 400, "types"],
  ["/api/graph?country=Spain", 400, "country"],
  ["/api/graph?country=P1", 400, "country"],
  ["/api/graph?kinds=Source", 400, "kinds"],
  ["/api/graph?at=2024-13-01", 400, "at"],
  ["/api/graph?at=yesterday", 400, "at"],
  ["/api/graph?at=2024-02-30", 400, "at"],
  ["/api/graph?session=Session%201", 400, "session"],
  ["/api/graph?categories=", 400, "categories"],
  ["/api/graph?types=SIGNALS_TO&types=FUNDS", 400, "types"],
  ["/api/graph?limit=5", 400, "limit"],
  [`/api/graph?session=${QUOTE}`, 400, "session"],
  [`/api/nodes/${QUOTE}`, 400, "id"],
  [`/api/nodes/${CYPHER}`, 400, "id"],
  [`/api/nodes/${"a".repeat(200)}`, 400, "id"],
  ["/api/nodes/SEF", 400, "id"],
  ["/api/nodes/no-such-node", 404],
  ["/api/sessions/Lisbon", 400, "id"],
  ["/api/sessions/no-such-session", 404],
  ["/api/search", 400, "q"],
  ["/api/search?q=", 400, "q"],
  ["/api/search?q=%20%20", 400, "q"],
  [`/api/search?q=${"x".repeat(201)}`, 400, "q"],
  ["/api/search?q=sef%00", 400, "q"],
  ["/api/search?q=sef%0A", 400, "q"],
  ["/api/search?q=a&q=b", 400, "q"],
  ["/api/search?q=sef&limit=0", 400, "limit"],
  ["/api/search?q=sef&limit=1e9", 400, "limit"],
  ["/api/search?q=sef&limit=abc", 400, "limit"],
  ["/api/paths?from=act", 400, "to"],
  ["/api/paths?from=act&to=pj&maxHops=9", 400, "maxHops"],
  ["/api/paths?from=act&to=pj&maxHops=-1", 400, "maxHops"],
  ["/api/paths?from=act&to=pj&maxHops=99999999999999999999", 400, "maxHops"],
  ["/api/paths?from=act&to=pj&k=0", 400, "k"],
  ["/api/paths?from=act&to=pj&k=1000", 400, "k"],
  ["/api/paths?from=act&to=pj&directed=yes", 400, "directed"],
  ["/api/paths?from=act&to=pj&types=SIGNALS_TO,NOPE", 400, "types"],
  [`/api/paths?from=${QUOTE}&to=pj`, 400, "from"],
  ["/api/paths?from=act&to=no-such-node", 404],
  ["/api/pathways/Not_An_Id", 400, "id"],
  ["/api/pathways/no-such-pathway", 404],
  ["/api/metrics?at=soon", 400, "at"],
  ["/api/changes?from=2016-11-28", 400, "to"],
  ["/api/changes?from=2016-11-28&to=tomorrow", 400, "to"],
  ["/api/nope", 404],
  ["/api/nodes", 404],
];

describe("bad input", () => {
  it.each(CASES)("GET %s → %i with the error body", async (url, status, parameter) => {
    const res = await request(app).get(url);
    expect(res.status).toBe(status);
    expect(res.headers["content-type"]).toMatch(/application\/json/);
    const body = ErrorBody.parse(res.body);
    expect(body.error.code).toBe(status === 400 ? "bad_request" : "not_found");
    if (parameter) {
      expect(body.error.details).toContainEqual(expect.objectContaining({ parameter }));
      expect(body.error.message).toContain(`'${parameter}'`);
    }
    expect(JSON.stringify(body)).not.toMatch(/Neo4jError|neo4j\.|at \S+\.ts:\d+|elementId|Neo\.ClientError/);
  });
});

describe("methods other than GET", () => {
  it.each(["post", "put", "delete", "patch"] as const)(
    "%s on a known route answers 405 with Allow and the error body",
    async (method) => {
      const res = await request(app)[method]("/api/nodes/sef");
      expect(res.status).toBe(405);
      expect(res.headers.allow).toBe("GET, HEAD");
      expect(ErrorBody.parse(res.body).error.code).toBe("method_not_allowed");
    },
  );
});
