// The per-dataset-version cache: the same answer until the data changes, then fresh ones; never when the
// database is away.
import request from "supertest";
import { afterAll, describe, expect, it } from "vitest";
import { seedDatabase } from "../../seed/loader.ts";
import { Graph } from "../../server/api/schemas.ts";
import { createApp } from "../../server/app.ts";
import { testDatabase } from "../setup/db.ts";

const db = testDatabase();
afterAll(async () => {
  await seedDatabase(db);
  await db.close();
});

describe("the response cache", () => {
  it("serves a repeated read from the cache, identical to the first answer", async () => {
    const app = createApp({ db, maxResults: 20_000, cache: { versionTtlMs: 60_000, maxBytes: 2 ** 20 } });
    const first = await request(app).get("/api/graph?country=TR");
    const second = await request(app).get("/api/graph?country=TR");
    expect(first.status).toBe(200);
    expect(first.headers["x-cache"]).toBe("miss");
    expect(second.status).toBe(200);
    expect(second.headers["x-cache"]).toBe("hit");
    expect(Graph.parse(second.body)).toEqual(Graph.parse(first.body));
    const health = await request(app).get("/api/health");
    expect(health.headers["x-cache"]).toBeUndefined();
  });

  it("answers from the database again once the dataset version changes", async () => {
    const app = createApp({ db, maxResults: 20_000, cache: { versionTtlMs: 0, maxBytes: 2 ** 20 } });
    await request(app).get("/api/sessions");
    expect((await request(app).get("/api/sessions")).headers["x-cache"]).toBe("hit");
    await seedDatabase(db, "seed/template");
    const after = await request(app).get("/api/sessions");
    expect(after.headers["x-cache"]).toBe("miss");
    expect(after.body.sessions).toEqual([]);
  });

  it("does not cache errors, and stays within its size", async () => {
    const app = createApp({ db, maxResults: 20_000, cache: { versionTtlMs: 60_000, maxBytes: 10 } });
    expect((await request(app).get("/api/nodes/no-such-node")).status).toBe(404);
    expect((await request(app).get("/api/nodes/no-such-node")).headers["x-cache"]).toBeUndefined();
    await request(app).get("/api/sessions");
    expect((await request(app).get("/api/sessions")).headers["x-cache"]).toBe("miss");
  });
});
