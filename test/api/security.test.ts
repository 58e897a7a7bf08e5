// Browser security and abuse limits: the Content-Security-Policy and other headers, request size caps, rate
// limits, CORS closed by default, no internals in error bodies, and read paths that cannot write.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import request from "supertest";
import { afterAll, describe, expect, it } from "vitest";
import { ErrorBody, Health } from "../../server/api/schemas.ts";
import { createApp } from "../../server/app.ts";
import { ConfigError, loadConfig } from "../../server/config.ts";
import { testApp, testDatabase } from "../setup/db.ts";

const db = testDatabase();
afterAll(() => db.close());

/** The policy's directives, by name. */
function directives(header: string | undefined): Map<string, string[]> {
  expect(header, "a Content-Security-Policy header").toBeTypeOf("string");
  return new Map(
    (header ?? "")
      .split(";")
      .map((part) => part.trim().split(/\s+/))
      .filter((words) => words[0])
      .map(([name, ...values]) => [name as string, values]),
  );
}

/** Stack frames, driver class names and Neo4j status codes: none may reach a client. */
const INTERNALS = /\n\s+at |\bat \S+ \(|\.ts:\d+|node_modules|Neo4jError|Neo\.\w+Error|ServiceUnavailable/;

function expectErrorBody(res: request.Response, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.type).toBe("application/json");
  expect(ErrorBody.parse(res.body).error.code).toBe(code);
  expect(res.text).not.toMatch(INTERNALS);
}

describe("security headers", () => {
  const app = testApp(db);

  it.each(["/", "/api/health", "/api/nope"])("sends a strict Content-Security-Policy on %s", async (url) => {
    const res = await request(app).get(url);
    expect(res.status).toBeLessThan(500);
    const header = res.headers["content-security-policy"];
    expect(header).not.toMatch(/unsafe-inline|unsafe-eval|unsafe-hashes|\*/);
    const csp = directives(header);
    expect(csp.get("default-src")).toEqual(["'self'"]);
    expect(csp.get("script-src")).toEqual(["'self'"]);
    expect(csp.get("style-src")).toEqual(["'self'"]);
    expect(csp.get("img-src")).toEqual(["'self'", "data:", "blob:"]);
    expect(csp.get("connect-src")).toEqual(["'self'"]);
    expect(csp.get("object-src")).toEqual(["'none'"]);
    expect(csp.get("base-uri")).toEqual(["'none'"]);
    expect(csp.get("frame-ancestors")).toEqual(["'none'"]);
    expect(csp.get("form-action")).toEqual(["'self'"]);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["referrer-policy"]).toBe("no-referrer");
    expect(res.headers["cross-origin-opener-policy"]).toBe("same-origin");
    expect(res.headers["x-powered-by"]).toBeUndefined();
  });

  it("loosens only styles and the HMR websocket when Vite's dev server serves the client", async () => {
    const dev = createApp({ db, maxResults: 20_000, clientMiddleware: (_req, _res, next) => next() });
    const res = await request(dev).get("/api/health");
    expect(res.status).toBe(200);
    const csp = directives(res.headers["content-security-policy"]);
    expect(csp.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(csp.get("connect-src")).toEqual(["'self'", "ws:"]);
    expect(csp.get("script-src")).toEqual(["'self'"]);
    expect(res.headers["content-security-policy"]).not.toMatch(/unsafe-eval/);
  });
});

describe("request size limits", () => {
  const app = testApp(db);
  const big = { padding: "x".repeat(20 * 1024) };

  it("refuses a 20 kB JSON body with 413 and the error body", async () => {
    expectErrorBody(await request(app).get("/api/search?q=sef").send(big), 413, "payload_too_large");
    expectErrorBody(await request(app).post("/api/search").send(big), 413, "payload_too_large");
  });

  it("refuses large bodies of any media type, and ignores small ones", async () => {
    const text = await request(app)
      .post("/api/health")
      .type("text/plain")
      .send("y".repeat(20 * 1024));
    expectErrorBody(text, 413, "payload_too_large");
    const small = await request(app).get("/api/health").send({ hello: "world" });
    expect(small.status).toBe(200);
    Health.parse(small.body);
  });

  it("refuses a 5 kB URL with 414 and the error body, and accepts one under 4 kB", async () => {
    expectErrorBody(await request(app).get(`/api/search?q=${"a".repeat(5000)}`), 414, "uri_too_long");
    expectErrorBody(await request(app).get(`/${"b".repeat(5000)}`), 414, "uri_too_long");
    const fine = await request(app).get(`/api/health?pad=${"c".repeat(3900)}`);
    expect(fine.status).toBe(200);
  });

  it("answers bodies it cannot decode with a 4xx error body in its own words", async () => {
    const garbled = await request(app)
      .post("/api/health")
      .set("Content-Type", "application/json")
      .set("Content-Encoding", "gzip")
      .send("not gzip at all");
    expectErrorBody(garbled, 400, "bad_request");
    expect(garbled.body.error.message).toBe("The request body could not be read.");
    const unknown = await request(app).post("/api/health").set("Content-Encoding", "foo").send("x");
    expectErrorBody(unknown, 415, "unsupported_media_type");
  });
});

describe("rate limits", () => {
  it("answers the 6th search in a minute with 429, the error body and Retry-After; health is not limited", async () => {
    const app = createApp({ db, maxResults: 20_000, rateLimits: { perMinute: 5, exportPerMinute: 2 } });
    for (let i = 1; i <= 5; i++) {
      const res = await request(app).get("/api/search?q=sef");
      expect(res.status, `search ${i}`).toBe(200);
      expect(res.headers["ratelimit-policy"]).toMatch(/q=5; w=60/);
      expect(res.headers.ratelimit).toMatch(new RegExp(`r=${5 - i}`));
    }
    const limited = await request(app).get("/api/search?q=sef");
    expectErrorBody(limited, 429, "rate_limited");
    expect(limited.body.error.message).toMatch(/at most 5 a minute/);
    const retryAfter = Number(limited.headers["retry-after"]);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(limited.headers["content-security-policy"]).toBeDefined();

    const health = await request(app).get("/api/health");
    expect(health.status).toBe(200);
    expect(health.headers.ratelimit).toBeUndefined();
    // Paths keeps its own window.
    expect((await request(app).get("/api/paths?from=act&to=apav")).status).toBe(200);
  });

  it("limits exports by their own, lower, number", async () => {
    const app = createApp({ db, maxResults: 20_000, rateLimits: { perMinute: 100, exportPerMinute: 2 } });
    for (let i = 0; i < 2; i++) expect((await request(app).get("/api/export?format=json")).status).toBe(200);
    expectErrorBody(await request(app).get("/api/export?format=gexf"), 429, "rate_limited");
    expect((await request(app).get("/api/search?q=sef")).status).toBe(200);
  });

  it("limits nothing when the limits are 0 or not given (the test app)", async () => {
    const off = createApp({ db, maxResults: 20_000, rateLimits: { perMinute: 0, exportPerMinute: 0 } });
    for (const app of [off, testApp(db)]) {
      for (let i = 0; i < 8; i++) {
        const res = await request(app).get("/api/search?q=psp");
        expect(res.status).toBe(200);
        expect(res.headers.ratelimit).toBeUndefined();
      }
    }
  });
});

describe("CORS", () => {
  const evil = "https://evil.example";

  it("is closed by default: no Access-Control-Allow-Origin on GET or on a preflight", async () => {
    const app = testApp(db);
    const get = await request(app).get("/api/health").set("Origin", evil);
    expect(get.status).toBe(200);
    expect(get.headers["access-control-allow-origin"]).toBeUndefined();
    for (const url of ["/api/search?q=sef", "/api/health", "/"]) {
      const preflight = await request(app)
        .options(url)
        .set("Origin", evil)
        .set("Access-Control-Request-Method", "GET");
      expect(preflight.status, url).toBeLessThan(500);
      expect(preflight.headers["access-control-allow-origin"], url).toBeUndefined();
      expect(preflight.headers["access-control-allow-methods"], url).toBeUndefined();
    }
  });

  it("opens to exactly the listed origins when asked", async () => {
    const friend = "https://friend.example";
    const app = createApp({ db, maxResults: 20_000, corsOrigins: [friend] });
    const allowed = await request(app).get("/api/health").set("Origin", friend);
    expect(allowed.status).toBe(200);
    expect(allowed.headers["access-control-allow-origin"]).toBe(friend);
    expect(allowed.headers.vary).toMatch(/Origin/);
    const preflight = await request(app)
      .options("/api/search")
      .set("Origin", friend)
      .set("Access-Control-Request-Method", "GET");
    expect(preflight.status).toBe(204);
    expect(preflight.headers["access-control-allow-methods"]).toBe("GET, HEAD");
    for (const origin of [evil, "https://friend.example.evil.example", "http://friend.example"]) {
      const other = await request(app).get("/api/health").set("Origin", origin);
      expect(other.headers["access-control-allow-origin"], origin).toBeUndefined();
    }
  });
});

describe("the security settings", () => {
  it("default to 120 and 20 requests a minute, a 32 MiB answer cache and closed CORS", () => {
    expect(loadConfig({})).toMatchObject({
      RATE_LIMIT_PER_MINUTE: 120,
      RATE_LIMIT_EXPORT_PER_MINUTE: 20,
      RESPONSE_CACHE_MB: 32,
      CORS_ORIGINS: [],
    });
    expect(
      loadConfig({ RATE_LIMIT_PER_MINUTE: "0", CORS_ORIGINS: "https://a.example, http://localhost:5173" }),
    ).toMatchObject({
      RATE_LIMIT_PER_MINUTE: 0,
      CORS_ORIGINS: ["https://a.example", "http://localhost:5173"],
    });
  });

  it.each([
    ["RATE_LIMIT_PER_MINUTE", "-1"],
    ["RATE_LIMIT_PER_MINUTE", "lots"],
    ["RATE_LIMIT_EXPORT_PER_MINUTE", "2.5"],
    ["RESPONSE_CACHE_MB", "-1"],
    ["CORS_ORIGINS", "*"],
    ["CORS_ORIGINS", "https://a.example/"],
    ["CORS_ORIGINS", "https://a.example/path"],
    ["CORS_ORIGINS", "a.example"],
    ["CORS_ORIGINS", "ftp://a.example"],
  ])("rejects %s=%s with a message naming the variable", (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}=`));
  });
});

describe("error bodies", () => {
  it("carry no stack traces or driver messages, whatever went wrong", async () => {
    const app = testApp(db);
    expectErrorBody(await request(app).get("/api/nope"), 404, "not_found");
    expectErrorBody(await request(app).get("/api/nodes/no-such-node"), 404, "not_found");
    expectErrorBody(await request(app).get("/api/search"), 400, "bad_request");
    expectErrorBody(await request(app).get("/api/paths?from=act&to=apav&maxHops=99"), 400, "bad_request");
    const down = testDatabase({ uri: "bolt://127.0.0.1:1" });
    try {
      expectErrorBody(await request(testApp(down)).get("/api/search?q=sef"), 503, "database_unavailable");
    } finally {
      await down.close();
    }
  });
});

describe("read paths", () => {
  it("cannot write: a write query run through runRead is refused by the database", async () => {
    const app = testApp(db);
    const before = Health.parse((await request(app).get("/api/health")).body).dataset;
    expect(before?.version).toBeTypeOf("string");
    await expect(
      db.runRead("set-dataset-version", { version: "x", loadedAt: "x", source: "x" }),
    ).rejects.toMatchObject({ code: "Neo.ClientError.Statement.AccessMode" });
    const after = Health.parse((await request(app).get("/api/health")).body).dataset;
    expect(after).toEqual(before);
  });

  it("are all the API has: no route handler opens a write transaction", () => {
    const dir = path.resolve(import.meta.dirname, "../../server/api");
    const files = readdirSync(dir).filter((file) => file.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(5);
    for (const file of files)
      expect(readFileSync(path.join(dir, file), "utf8"), file).not.toMatch(
        /runWrite|writeTransaction|runSchema/,
      );
  });
});
