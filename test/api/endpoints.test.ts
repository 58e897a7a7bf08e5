// Each read endpoint's happy path on the real dataset, every body parsed by the shared contract.
import request from "supertest";
import { afterAll, describe, expect, it } from "vitest";
import {
  ChangesResult,
  Graph,
  MetricsResult,
  NodeDetails,
  PathsResult,
  PathwayDetails,
  PathwayList,
  SearchResults,
  SessionList,
  SessionSummary,
} from "../../server/api/schemas.ts";
import { testApp, testDatabase } from "../setup/db.ts";

const db = testDatabase();
const app = testApp(db);
afterAll(() => db.close());

async function get(url: string) {
  const res = await request(app).get(url);
  expect(res.status, `${url}: ${JSON.stringify(res.body).slice(0, 300)}`).toBe(200);
  return res.body as unknown;
}

describe("GET /api/graph filters", () => {
  it("keeps SEF before its dissolution and AIMA after", async () => {
    const before = Graph.parse(await get("/api/graph?at=2016-11-28"));
    const after = Graph.parse(await get("/api/graph?at=2024-01-01"));
    const ids = (g: Graph) => g.nodes.map((n) => n.id);
    expect(ids(before)).toContain("sef");
    expect(ids(before)).not.toContain("aima");
    expect(ids(after)).toContain("aima");
    expect(ids(after)).not.toContain("sef");
    for (const edge of after.edges) expect([edge.source, edge.target]).not.toContain("sef");
  });

  it("narrows by category, country, kind and relationship type", async () => {
    const ngos = Graph.parse(await get("/api/graph?kinds=Institution&categories=ngo,shelter"));
    expect(ngos.nodes.length).toBeGreaterThan(3);
    for (const node of ngos.nodes) expect(["ngo", "shelter"]).toContain(node.category);
    const turkey = Graph.parse(await get("/api/graph?kinds=Institution&country=TR"));
    expect(turkey.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(["dgmm", "hrdf"]));
    for (const node of turkey.nodes) expect(node.country).toBe("TR");
    const referrals = Graph.parse(await get("/api/graph?types=REFERS_VICTIM_TO"));
    expect(referrals.edges.length).toBeGreaterThan(0);
    for (const edge of referrals.edges) expect(edge.type).toBe("REFERS_VICTIM_TO");
  });

  it("returns the chosen nodes even when no relationship links them", async () => {
    const graph = Graph.parse(await get("/api/graph?kinds=LegalInstrument,Place&types=FUNDS"));
    expect(graph.nodes.length).toBeGreaterThan(40);
    expect(graph.edges).toEqual([]);
  });

  it("shows one session with its presenters and their relations", async () => {
    const graph = Graph.parse(await get("/api/graph?session=lisbon-2016-session-3"));
    expect(graph.nodes.map((n) => n.id).sort()).toEqual([
      "act",
      "gnr",
      "lisbon-2016-session-3",
      "pj",
      "psp",
      "sef",
    ]);
    expect(graph.edges.filter((e) => e.type === "PRESENTED_AT")).toHaveLength(5);
  });
});

describe("GET /api/nodes/:id", () => {
  it("gives SEF's properties, successors, sessions and resolved citations", async () => {
    const details = NodeDetails.parse(await get("/api/nodes/sef"));
    expect(details.node).toMatchObject({
      id: "sef",
      name: "Serviço de Estrangeiros e Fronteiras",
      validTo: "2023-10-29",
    });
    const successors = details.neighbours.find((g) => g.type === "SUCCEEDED_BY" && g.direction === "out");
    expect(successors?.neighbours.map((n) => n.node.id)).toContain("aima");
    expect(details.sessions.map((s) => s.id)).toContain("lisbon-2016-session-3");
    const cited = new Set(details.citations.map((c) => c.id));
    for (const source of details.node.sources ?? []) expect(cited).toContain(source);
    for (const group of details.neighbours)
      for (const n of group.neighbours) for (const s of n.link.sources) expect(cited).toContain(s);
    expect(JSON.stringify(details)).not.toMatch(/"_from"|"_to"|elementId/);
  });

  it("describes a source record too (it has no sources of its own)", async () => {
    const details = NodeDetails.parse(await get("/api/nodes/s01"));
    expect(details.node).toMatchObject({ id: "s01", kind: "Source" });
    expect(details.node.sources).toBeUndefined();
  });

  it("lists a presenter's sessions from the person side too", async () => {
    const details = NodeDetails.parse(await get("/api/nodes/rita-bessa"));
    expect(details.sessions.map((s) => s.id)).toEqual(["lisbon-2016-session-4"]);
  });
});

describe("GET /api/sessions", () => {
  it("lists the six sessions in order with theme, presenters and workshop", async () => {
    const { sessions } = SessionList.parse(await get("/api/sessions"));
    expect(sessions.map((s) => s.order)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(sessions[0]?.workshop).toMatchObject({
      id: "lisbon-2016",
      startDate: "2016-11-28",
      endDate: "2016-11-30",
    });
    expect(sessions.every((s) => s.day === null)).toBe(true);
    const third = sessions[2];
    expect(third?.presenters.map((p) => p.id)).toEqual(
      expect.arrayContaining(["sef", "psp", "gnr", "pj", "act"]),
    );
    expect(third?.presenters.find((p) => p.id === "sef")?.presentedBy).toMatch(/Anti-Trafficking Unit/);
  });

  it("gives one session by id, and 404 for an unknown one", async () => {
    const session = SessionSummary.parse(await get("/api/sessions/lisbon-2016-session-4"));
    expect(session.presenters.map((p) => p.id)).toContain("rita-bessa");
    const res = await request(app).get("/api/sessions/lisbon-2016-session-9");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("not_found");
  });
});

describe("GET /api/search", () => {
  it.each([
    ["policia judiciaria", "pj"],
    ["Polícia Judiciária", "pj"],
    ["sef", "sef"],
    ["SEF", "sef"],
    ["judic", "pj"],
    ["apav", "apav"],
    ["Göç", "dgmm"],
  ])("'%s' ranks %s first", async (q, id) => {
    const { results } = SearchResults.parse(await get(`/api/search?q=${encodeURIComponent(q)}`));
    expect(results[0]?.id).toBe(id);
  });

  it("returns at most `limit` results", async () => {
    const { results } = SearchResults.parse(await get("/api/search?q=trafficking&limit=3"));
    expect(results).toHaveLength(3);
  });

  it.each([
    "sef' OR 1=1 //",
    "}) MATCH (n) DETACH DELETE n //",
    "name:(sef) AND *:*",
    "\\",
    '"unclosed',
    "a~ b^ c?",
  ])("treats Lucene and Cypher syntax in '%s' as text", async (q) => {
    const body = SearchResults.parse(await get(`/api/search?q=${encodeURIComponent(q)}`));
    expect(body.query).toBe(q.trim());
  });
});

describe("GET /api/paths", () => {
  it("finds a referral path from the labour inspectorate to a shelter, with its hops", async () => {
    const result = PathsResult.parse(await get("/api/paths?from=act&to=cap-sul-apav"));
    expect(result.paths.length).toBeGreaterThan(0);
    const [first] = result.paths;
    expect(first?.nodes[0]?.id).toBe("act");
    expect(first?.nodes.at(-1)?.id).toBe("cap-sul-apav");
    expect(first?.hops).toHaveLength(first?.length ?? -1);
    for (const hop of first?.hops ?? []) {
      expect(result.types).toContain(hop.type);
      expect(hop.sources.length).toBeGreaterThan(0);
    }
    const lengths = result.paths.map((p) => p.length);
    expect([...lengths].sort((a, b) => a - b)).toEqual(lengths);
  });

  it("respects maxHops and k, and says plainly when there is no path", async () => {
    const limited = PathsResult.parse(await get("/api/paths?from=act&to=cap-sul-apav&k=1&maxHops=8"));
    expect(limited.paths).toHaveLength(1);
    const none = PathsResult.parse(await get("/api/paths?from=act&to=cap-sul-apav&types=HOSTED&maxHops=2"));
    expect(none.paths).toEqual([]);
  });

  it("answers 404 for an unknown end", async () => {
    const res = await request(app).get("/api/paths?from=act&to=no-such-body");
    expect(res.status).toBe(404);
    expect(res.body.error.message).toMatch(/no-such-body/);
  });
});

describe("GET /api/pathways", () => {
  it("lists at least six pathways, and gives each with ordered steps and citations", async () => {
    const { pathways } = PathwayList.parse(await get("/api/pathways"));
    expect(pathways.length).toBeGreaterThanOrEqual(6);
    for (const summary of pathways) {
      const pathway = PathwayDetails.parse(await get(`/api/pathways/${summary.id}`));
      expect(pathway.steps.map((s) => s.order)).toEqual(pathway.steps.map((_s, i) => i + 1));
      expect(pathway.steps.length).toBe(summary.steps);
      const cited = new Set(pathway.citations.map((c) => c.id));
      for (const step of pathway.steps) for (const s of step.sources) expect(cited).toContain(s);
    }
  });
});

describe("GET /api/metrics", () => {
  it("gives every institution degrees, betweenness and a community, with explanations", async () => {
    const metrics = MetricsResult.parse(await get("/api/metrics"));
    expect(metrics.metrics.length).toBe(metrics.subgraph.nodes);
    expect(metrics.metrics.length).toBeGreaterThanOrEqual(50);
    expect(metrics.communities).toBeGreaterThan(1);
    const max = Math.max(...metrics.metrics.map((m) => m.betweenness));
    expect(max).toBeGreaterThan(0);
    expect(max).toBeLessThanOrEqual(1);
    expect(Object.keys(metrics.explanations)).toEqual(expect.arrayContaining(["betweenness", "community"]));
    const again = MetricsResult.parse(await get("/api/metrics"));
    expect(again).toEqual(metrics);
  });
});

describe("GET /api/changes", () => {
  it("takes a window given backwards as the same window", async () => {
    const forwards = ChangesResult.parse(await get("/api/changes?from=2016-11-28&to=2024-01-01"));
    const backwards = ChangesResult.parse(await get("/api/changes?from=2024-01-01&to=2016-11-28"));
    expect(backwards).toEqual(forwards);
  });

  it("shows SEF ending and AIMA beginning between the workshop and 2024, with sources", async () => {
    const result = ChangesResult.parse(await get("/api/changes?from=2016-11-28&to=2024-01-01"));
    expect(result.changes).toContainEqual(
      expect.objectContaining({ element: "node", id: "sef", change: "ended", date: "2023-10-29" }),
    );
    expect(result.changes).toContainEqual(
      expect.objectContaining({ element: "node", id: "aima", change: "began", date: "2023-10-29" }),
    );
    expect(result.changes).toContainEqual(
      expect.objectContaining({
        element: "relationship",
        from: "sef",
        to: "aima",
        change: "began",
        kind: "SUCCEEDED_BY",
      }),
    );
    const cited = new Set(result.citations.map((c) => c.id));
    for (const change of result.changes) for (const s of change.sources) expect(cited).toContain(s);
  });
});
