import { describe, expect, it } from "vitest";
import { toElements } from "../../client/src/elements.ts";
import { displayName, emptyModel, mergeGraph } from "../../client/src/model.ts";
import type { GraphEdge, GraphNode } from "../../server/api/schemas.ts";

const sef: GraphNode = {
  id: "sef",
  kind: "Institution",
  name: "Serviço de Estrangeiros e Fronteiras",
  acronym: "SEF",
  category: "law-enforcement",
  country: "PT",
  sources: ["s01"],
  evidence: "documented",
};
const dgmm: GraphNode = { ...sef, id: "dgmm", acronym: "DGMM", name: "Göç İdaresi", country: "TR" };
const workshop: GraphNode = {
  id: "lisbon-2016",
  kind: "Workshop",
  name: "Lisbon workshop",
  sources: ["s01"],
  evidence: "documented",
};
const hosted: GraphEdge = {
  id: "sef--hosted--lisbon-2016",
  source: "sef",
  target: "lisbon-2016",
  type: "HOSTED",
  evidence: "documented",
};
const counterpart: GraphEdge = {
  id: "c",
  source: "sef",
  target: "dgmm",
  type: "COUNTERPART_OF",
  evidence: "inferred",
};

describe("mergeGraph", () => {
  it("de-duplicates nodes and edges by id, keeping the newest fields", () => {
    const first = mergeGraph(emptyModel(), { nodes: [sef, workshop], edges: [hosted] });
    const second = mergeGraph(first, {
      nodes: [{ ...sef, nameEn: "Immigration and Borders Service" }],
      edges: [hosted],
    });
    expect(second.nodes.size).toBe(2);
    expect(second.edges.size).toBe(1);
    expect(second.nodes.get("sef")?.nameEn).toBe("Immigration and Borders Service");
    expect(first.nodes.get("sef")?.nameEn).toBeUndefined();
  });

  it("leaves out edges whose ends are not in the model", () => {
    const model = mergeGraph(emptyModel(), { nodes: [sef], edges: [hosted] });
    expect(model.edges.size).toBe(0);
  });
});

describe("toElements", () => {
  it("turns nodes and edges into Cytoscape elements with classes for styling", () => {
    const model = mergeGraph(emptyModel(), { nodes: [sef, dgmm, workshop], edges: [hosted, counterpart] });
    const elements = toElements(model);
    const node = elements.find((e) => e.data.id === "dgmm");
    expect(node).toEqual({
      group: "nodes",
      data: { id: "dgmm", label: "DGMM", kind: "Institution", category: "law-enforcement", country: "TR" },
      classes: "institution law-enforcement country-tr",
    });
    const edge = elements.find((e) => e.data.id === "c");
    expect(edge?.classes).toBe("counterpart_of inferred");
    expect(elements.filter((e) => e.group === "nodes")).toHaveLength(3);
    expect(elements.filter((e) => e.group === "edges")).toHaveLength(2);
  });

  it("labels a node by acronym, then name, then id", () => {
    expect(displayName(sef)).toBe("SEF");
    expect(displayName(workshop)).toBe("Lisbon workshop");
    expect(displayName({ id: "x", kind: "Person", sources: ["s01"], evidence: "documented" })).toBe("x");
  });
});
