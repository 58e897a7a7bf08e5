import request from "supertest";
import { afterAll, describe, expect, inject, it } from "vitest";
import { readDataset } from "../../seed/dataset.ts";
import { Graph } from "../../server/api/schemas.ts";
import { createApp } from "../../server/app.ts";
import { createDatabase } from "../../server/db/database.ts";
import { testApp, testDatabase } from "../setup/db.ts";

describe("GET /api/graph", () => {
  const db = testDatabase();
  afterAll(() => db.close());

  it("returns every institution, workshop, session and person with the links between them", async () => {
    const res = await request(testApp(db)).get("/api/graph");
    expect(res.status).toBe(200);
    const graph = Graph.parse(res.body);
    const dataset = await readDataset();
    const expected =
      dataset.institutions.length +
      dataset.workshops.length +
      dataset.sessions.length +
      dataset.people.length;
    expect(graph.nodes).toHaveLength(expected);
    expect(graph.truncated).toBe(false);
    const ids = new Set(graph.nodes.map((n) => n.id));
    for (const edge of graph.edges) {
      expect(ids.has(edge.source)).toBe(true);
      expect(ids.has(edge.target)).toBe(true);
    }
    expect(new Set(graph.edges.map((e) => e.id)).size).toBe(graph.edges.length);
  });

  it("holds the Lisbon workshop, hosted by SEF, with its six sessions and their presenters", async () => {
    const graph = Graph.parse((await request(testApp(db)).get("/api/graph")).body);
    const workshop = graph.nodes.find((n) => n.id === "lisbon-2016");
    expect(workshop).toMatchObject({ kind: "Workshop", evidence: "documented" });
    expect(workshop?.sources).toContain("s01");
    expect(graph.edges).toContainEqual(
      expect.objectContaining({ source: "sef", target: "lisbon-2016", type: "HOSTED" }),
    );
    const sessions = graph.edges.filter((e) => e.type === "PART_OF" && e.target === "lisbon-2016");
    expect(sessions).toHaveLength(6);
    const presenters = new Set(graph.edges.filter((e) => e.type === "PRESENTED_AT").map((e) => e.source));
    for (const id of [
      "national-rapporteur",
      "otsh",
      "csm",
      "pgr",
      "sef",
      "psp",
      "gnr",
      "pj",
      "act",
      "iac",
      "iss",
      "apav",
      "saude-em-portugues",
      "iom-portugal",
      "apf",
      "mai",
    ]) {
      expect(presenters, id).toContain(id);
    }
  });

  it("when capped, keeps the first nodes by id and exactly the links among them", async () => {
    const full = Graph.parse((await request(testApp(db)).get("/api/graph")).body);
    const cap = 40;
    const capped = createDatabase({
      uri: inject("neo4jUri"),
      user: "neo4j",
      password: "",
      database: "neo4j",
      queryTimeoutMs: 10_000,
      maxResults: cap,
    });
    try {
      const res = await request(createApp({ db: capped, maxResults: cap })).get("/api/graph");
      expect(res.status).toBe(200);
      const graph = Graph.parse(res.body);
      expect(graph.truncated).toBe(true);
      const firstIds = full.nodes
        .map((n) => n.id)
        .sort()
        .slice(0, cap);
      expect(graph.nodes.map((n) => n.id).sort()).toEqual(firstIds);
      const chosen = new Set(firstIds);
      const among = full.edges
        .filter((e) => chosen.has(e.source) && chosen.has(e.target))
        .map((e) => e.id)
        .sort()
        .slice(0, cap);
      expect(graph.edges.map((e) => e.id).sort()).toEqual(among);
      expect(among.length).toBeGreaterThan(0);
    } finally {
      await capped.close();
    }
  });
});
