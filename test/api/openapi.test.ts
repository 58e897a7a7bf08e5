import { Validator } from "@seriousme/openapi-schema-validator";
import request from "supertest";
import { afterAll, describe, expect, it } from "vitest";
import { testApp, testDatabase } from "../setup/db.ts";

const db = testDatabase();
const app = testApp(db);
afterAll(() => db.close());

interface Document {
  openapi: string;
  paths: Record<
    string,
    { get: { parameters: Array<{ name: string; in: string; example?: unknown; required: boolean }> } }
  >;
}

const EXAMPLE_IDS: Record<string, string> = {
  "/api/nodes/{id}": "sef",
  "/api/sessions/{id}": "lisbon-2016-session-1",
  "/api/pathways/{id}": "child-victim",
};

describe("GET /api/openapi.json", () => {
  it("is a valid OpenAPI 3.1 document", async () => {
    const res = await request(app).get("/api/openapi.json");
    expect(res.status).toBe(200);
    const result = await new Validator().validate(res.body);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect((res.body as Document).openapi).toBe("3.1.0");
  });

  it("lists every route the app serves, and each listed route answers", async () => {
    const doc = (await request(app).get("/api/openapi.json")).body as Document;
    expect(Object.keys(doc.paths).sort()).toEqual(
      [
        "/api/changes",
        "/api/export",
        "/api/graph",
        "/api/health",
        "/api/metrics",
        "/api/nodes/{id}",
        "/api/openapi.json",
        "/api/paths",
        "/api/pathways",
        "/api/pathways/{id}",
        "/api/search",
        "/api/sessions",
        "/api/sessions/{id}",
      ].sort(),
    );
    for (const [path, item] of Object.entries(doc.paths)) {
      const required = item.get.parameters.filter((p) => p.in === "query" && p.required);
      const query = required.map((p) => `${p.name}=${encodeURIComponent(String(p.example ?? ""))}`).join("&");
      const url = path.replace("{id}", EXAMPLE_IDS[path] ?? "") + (query ? `?${query}` : "");
      const res = await request(app).get(url);
      expect(res.status, `${url}: ${JSON.stringify(res.body).slice(0, 200)}`).toBe(200);
    }
  });
});
