import { XMLParser } from "fast-xml-parser";
import { unzipSync } from "fflate";
import request from "supertest";
import { afterAll, describe, expect, it } from "vitest";
import { Graph } from "../../server/api/schemas.ts";
import { testApp, testDatabase } from "../setup/db.ts";

const db = testDatabase();
const app = testApp(db);
afterAll(() => db.close());

const xml = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@" });
const asList = <T>(value: T | T[] | undefined): T[] =>
  value === undefined ? [] : Array.isArray(value) ? value : [value];

/** Supertest keeps binary bodies as Buffers only when asked to. */
const binary = (res: request.Response, done: (error: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  const stream = res as unknown as NodeJS.ReadableStream;
  stream.on("data", (chunk: Buffer) => chunks.push(chunk));
  stream.on("end", () => done(null, Buffer.concat(chunks)));
};

describe("GET /api/export", () => {
  it("writes GraphML that holds the filtered graph's nodes and edges with their attributes", async () => {
    const graph = Graph.parse((await request(app).get("/api/graph?country=PT&kinds=Institution")).body);
    const res = await request(app)
      .get("/api/export?format=graphml&country=PT&kinds=Institution")
      .buffer(true)
      .parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toMatch(/^application\/graphml\+xml/);
    expect(res.headers["content-disposition"]).toMatch(
      /^attachment; filename="thb-graph-\d{4}-\d{2}-\d{2}\.graphml"$/,
    );
    const doc = xml.parse((res.body as Buffer).toString("utf8"));
    const nodes = asList(doc.graphml.graph.node);
    expect(nodes).toHaveLength(graph.nodes.length);
    expect(asList(doc.graphml.graph.edge)).toHaveLength(graph.edges.length);
    const keys = asList(doc.graphml.key).map((k: Record<string, string>) => k["@attr.name"]);
    expect(keys).toEqual(expect.arrayContaining(["label", "name", "category", "sources", "evidence"]));
  });

  it("writes GEXF 1.3 with the same counts", async () => {
    const graph = Graph.parse((await request(app).get("/api/graph")).body);
    const res = await request(app).get("/api/export?format=gexf").buffer(true).parse(binary);
    expect(res.status).toBe(200);
    const doc = xml.parse((res.body as Buffer).toString("utf8"));
    expect(doc.gexf["@version"]).toBe("1.3");
    expect(asList(doc.gexf.graph.nodes.node)).toHaveLength(graph.nodes.length);
    expect(asList(doc.gexf.graph.edges.edge)).toHaveLength(graph.edges.length);
  });

  it("writes CSV as a zip of a nodes file and an edges file", async () => {
    const graph = Graph.parse((await request(app).get("/api/graph?at=2024-01-01")).body);
    const res = await request(app).get("/api/export?format=csv&at=2024-01-01").buffer(true).parse(binary);
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/zip");
    const files = unzipSync(new Uint8Array(res.body as Buffer));
    const lines = (name: string) => new TextDecoder().decode(files[name]).trim().split(/\r\n/);
    expect(lines("nodes.csv")).toHaveLength(graph.nodes.length + 1);
    expect(lines("edges.csv")[0]).toMatch(/^\uFEFF?id,source,target,type/);
    expect(lines("nodes.csv").join("\n")).toContain("aima");
    expect(lines("nodes.csv").join("\n")).not.toContain("Serviço de Estrangeiros");
  });

  it("writes JSON with the graph and what was exported", async () => {
    const res = await request(app).get("/api/export?format=json&types=SUCCEEDED_BY");
    expect(res.status).toBe(200);
    const body = JSON.parse(res.text) as Graph & { meta: { sourceNote: string } };
    expect(Graph.parse(body).edges.every((e) => e.type === "SUCCEEDED_BY")).toBe(true);
    expect(body.meta.sourceNote).toContain("types=SUCCEEDED_BY");
  });

  it("refuses an unknown format", async () => {
    const res = await request(app).get("/api/export?format=xlsx");
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].parameter).toBe("format");
  });
});
