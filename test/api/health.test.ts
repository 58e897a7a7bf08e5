import request from "supertest";
import { afterAll, describe, expect, it } from "vitest";
import { ErrorBody, Health } from "../../server/api/schemas.ts";
import { testApp, testDatabase } from "../setup/db.ts";

describe("GET /api/health", () => {
  const db = testDatabase();
  afterAll(() => db.close());

  it("reports the Neo4j 5.26 server and the loaded dataset", async () => {
    const res = await request(testApp(db)).get("/api/health");
    expect(res.status).toBe(200);
    const body = Health.parse(res.body);
    expect(body.neo4j.version).toMatch(/^5\.26\./);
    expect(body.neo4j.edition).toBe("community");
    expect(body.dataset?.version).toMatch(/^[0-9a-f]{16}$/);
  });

  it("answers 503 with the error body, fast, when the database is unreachable", async () => {
    const down = testDatabase({ uri: "bolt://127.0.0.1:1" });
    try {
      const started = Date.now();
      const res = await request(testApp(down)).get("/api/health");
      expect(res.status).toBe(503);
      expect(ErrorBody.parse(res.body).error.code).toBe("database_unavailable");
      expect(res.headers["retry-after"]).toBe("5");
      expect(JSON.stringify(res.body)).not.toMatch(/ServiceUnavailable|ECONNREFUSED|at .*\.ts/);
      expect(Date.now() - started).toBeLessThan(5000);
    } finally {
      await down.close();
    }
  });
});

describe("unknown routes", () => {
  const db = testDatabase();
  afterAll(() => db.close());

  it("answer a JSON 404 under /api", async () => {
    const res = await request(testApp(db)).get("/api/nope");
    expect(res.status).toBe(404);
    expect(ErrorBody.parse(res.body).error).toEqual({
      code: "not_found",
      message: "No route for GET /api/nope",
    });
  });
});
