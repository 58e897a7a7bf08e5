import { describe, expect, it } from "vitest";
import {
  connectionCounts,
  edgeRows,
  nodeRows,
  sortEdgeRows,
  sortNodeRows,
  toggleSort,
  validRange,
} from "../../client/src/panels/tableRows.ts";
import type { GraphEdge, GraphNode } from "../../server/api/schemas.ts";

const node = (id: string, extra: Partial<GraphNode> = {}): GraphNode => ({
  id,
  kind: "Institution",
  sources: ["s01"],
  evidence: "documented",
  ...extra,
});
const edge = (id: string, source: string, target: string, extra: Partial<GraphEdge> = {}): GraphEdge => ({
  id,
  source,
  target,
  type: "SIGNALS_TO",
  ...extra,
});

const sef = node("sef", {
  name: "Serviço de Estrangeiros e Fronteiras",
  nameEn: "Immigration and Borders Service",
  acronym: "SEF",
  category: "law-enforcement",
  country: "PT",
});
const apav = node("apav", {
  name: "Associação Portuguesa de Apoio à Vítima",
  nameEn: "Portuguese Association for Victim Support",
  acronym: "APAV",
  category: "ngo",
  country: "PT",
});
const omi = node("omi", { name: "Ömür İnisiyatifi", category: "ngo", country: "TR" });
const person = node("ana", { kind: "Person", name: "Ana" });
const edges = [
  edge("e1", "sef", "apav", { type: "REFERS_VICTIM_TO", evidence: "documented", validFrom: "2008-01-01" }),
  edge("e2", "apav", "omi", { type: "COOPERATES_WITH", evidence: "inferred" }),
  edge("e3", "ana", "sef", { type: "WORKS_FOR", validFrom: "2010-05-01", validTo: "2015-12-31" }),
  edge("loop", "omi", "omi", { type: "COORDINATES" }),
];
const visible = { nodes: [sef, apav, omi, person], edges };

describe("nodeRows", () => {
  it("names nodes in the chosen language, with group, country and visible connections", () => {
    const rows = nodeRows(visible, "en");
    expect(rows.find((r) => r.id === "sef")).toEqual({
      id: "sef",
      name: "Immigration and Borders Service",
      acronym: "SEF",
      group: "Law enforcement",
      country: "Portugal",
      connections: 2,
    });
    expect(rows.find((r) => r.id === "ana")).toMatchObject({ group: "Person", country: "", acronym: "" });
    const pt = nodeRows(visible, "pt");
    expect(pt.find((r) => r.id === "sef")).toMatchObject({
      name: "Serviço de Estrangeiros e Fronteiras",
      group: "Forças e serviços de segurança",
    });
    expect(pt.find((r) => r.id === "omi")?.country).toBe("Turquia");
  });

  it("counts a loop once, and only the edges it is given", () => {
    expect(connectionCounts(edges).get("omi")).toBe(2);
    expect(nodeRows({ nodes: [sef], edges: [] }, "en")[0]?.connections).toBe(0);
  });

  it("keeps data as plain text, markup included", () => {
    const hostile = node("x", { name: "<img src=x onerror=alert(1)>" });
    expect(nodeRows({ nodes: [hostile], edges: [] }, "pt")[0]?.name).toBe("<img src=x onerror=alert(1)>");
  });
});

describe("edgeRows", () => {
  it("names ends by acronym, else local name, with relation, evidence and validity", () => {
    const rows = edgeRows(visible, "en");
    expect(rows.find((r) => r.id === "e1")).toEqual({
      id: "e1",
      source: "sef",
      target: "apav",
      from: "SEF",
      relation: "refers victim to",
      to: "APAV",
      evidence: "documented",
      valid: "2008-01-01 –",
      validFrom: "2008-01-01",
      validTo: "",
    });
    expect(rows.find((r) => r.id === "e3")).toMatchObject({ from: "Ana", valid: "2010-05-01 – 2015-12-31" });
    expect(edgeRows(visible, "pt").find((r) => r.id === "e2")).toMatchObject({
      relation: "coopera com",
      evidence: "inferido",
      to: "Ömür İnisiyatifi",
    });
  });

  it("with a focus node, keeps only the relationships that touch it", () => {
    expect(
      edgeRows(visible, "en", "sef")
        .map((r) => r.id)
        .sort(),
    ).toEqual(["e1", "e3"]);
    expect(edgeRows(visible, "en", "nobody")).toEqual([]);
  });

  it("falls back to the id for an end it does not know", () => {
    expect(edgeRows({ nodes: [], edges: [edge("e", "a", "b")] }, "en")[0]).toMatchObject({
      from: "a",
      to: "b",
    });
  });
});

describe("validRange", () => {
  it.each([
    ["2001-01-01", "2002-02-02", "2001-01-01 – 2002-02-02"],
    ["2001-01-01", undefined, "2001-01-01 –"],
    [undefined, "2002-02-02", "– 2002-02-02"],
    [undefined, undefined, ""],
  ])("%s to %s", (from, to, expected) => {
    expect(validRange(from, to)).toBe(expected);
  });
});

describe("sorting", () => {
  const ids = (rows: Array<{ id: string }>) => rows.map((r) => r.id);

  it("sorts names ignoring case and accents, both ways", () => {
    const rows = nodeRows(visible, "pt");
    expect(ids(sortNodeRows(rows, { key: "name", direction: "ascending" }, "pt"))).toEqual([
      "ana",
      "apav",
      "omi",
      "sef",
    ]);
    expect(ids(sortNodeRows(rows, { key: "name", direction: "descending" }, "pt"))).toEqual([
      "sef",
      "omi",
      "apav",
      "ana",
    ]);
  });

  it("sorts counts as numbers, ties broken by name ascending", () => {
    const rows = nodeRows(visible, "en");
    // Ties ascending by English name: Immigration…, Ömür…, Portuguese…
    expect(ids(sortNodeRows(rows, { key: "connections", direction: "descending" }, "en"))).toEqual([
      "sef",
      "omi",
      "apav",
      "ana",
    ]);
    expect(ids(sortNodeRows(rows, { key: "connections", direction: "ascending" }, "en"))).toEqual([
      "ana",
      "sef",
      "omi",
      "apav",
    ]);
  });

  it("puts empty values last in either direction", () => {
    const rows = nodeRows(visible, "en");
    for (const direction of ["ascending", "descending"] as const) {
      const sorted = ids(sortNodeRows(rows, { key: "acronym", direction }, "en"));
      expect(sorted.slice(2).sort()).toEqual(["ana", "omi"]);
    }
    expect(ids(sortNodeRows(rows, { key: "acronym", direction: "ascending" }, "en")).slice(0, 2)).toEqual([
      "apav",
      "sef",
    ]);
  });

  it("sorts relationships by from, then relation, and validity by start date", () => {
    const rows = edgeRows(visible, "en");
    expect(ids(sortEdgeRows(rows, { key: "from", direction: "ascending" }, "en"))).toEqual([
      "e3",
      "e2",
      "loop",
      "e1",
    ]);
    expect(ids(sortEdgeRows(rows, { key: "valid", direction: "ascending" }, "en")).slice(0, 2)).toEqual([
      "e1",
      "e3",
    ]);
  });

  it("does not change the rows it is given", () => {
    const rows = nodeRows(visible, "en");
    const before = ids(rows);
    sortNodeRows(rows, { key: "name", direction: "descending" }, "en");
    expect(ids(rows)).toEqual(before);
  });
});

describe("toggleSort", () => {
  it("flips the sorted column and starts another ascending, or descending for counts", () => {
    expect(toggleSort({ key: "name", direction: "ascending" }, "name")).toEqual({
      key: "name",
      direction: "descending",
    });
    expect(toggleSort({ key: "name", direction: "descending" }, "name").direction).toBe("ascending");
    expect(toggleSort({ key: "name", direction: "descending" }, "country").direction).toBe("ascending");
    expect(
      toggleSort<"name" | "connections">({ key: "name", direction: "ascending" }, "connections", [
        "connections",
      ]),
    ).toEqual({ key: "connections", direction: "descending" });
  });
});
