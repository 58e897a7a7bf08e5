import { describe, expect, it } from "vitest";
import { toElements } from "../../client/src/elements.ts";
import {
  displayName,
  emptyModel,
  filterCounts,
  groupOf,
  mergeGraph,
  neighbourIds,
  visibleElements,
} from "../../client/src/model.ts";
import type { GraphEdge, GraphNode } from "../../server/api/schemas.ts";

const sef: GraphNode = {
  id: "sef",
  kind: "Institution",
  name: "Serviço de Estrangeiros e Fronteiras",
  nameEn: "Immigration and Borders Service",
  acronym: "SEF",
  category: "law-enforcement",
  country: "PT",
  validTo: "2023-10-29",
  sources: ["s01"],
  evidence: "documented",
};
const dgmm: GraphNode = {
  ...sef,
  id: "dgmm",
  acronym: "DGMM",
  name: "Göç İdaresi",
  country: "TR",
  validTo: undefined,
};
const apav: GraphNode = { ...sef, id: "apav", acronym: "APAV", category: "ngo", validTo: undefined };
const workshop: GraphNode = {
  id: "lisbon-2016",
  kind: "Workshop",
  name: "Lisbon workshop",
  sources: ["s01"],
  evidence: "documented",
};
const hosted: GraphEdge = {
  id: "h",
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
const refers: GraphEdge = {
  id: "r",
  source: "sef",
  target: "apav",
  type: "REFERS_VICTIM_TO",
  evidence: "documented",
};
const model = mergeGraph(emptyModel(), {
  nodes: [sef, dgmm, apav, workshop],
  edges: [hosted, counterpart, refers],
});
const all = { groups: null, countries: null, types: null };

describe("mergeGraph", () => {
  it("de-duplicates nodes and edges by id, keeping the newest fields", () => {
    const first = mergeGraph(emptyModel(), { nodes: [sef, workshop], edges: [hosted] });
    const second = mergeGraph(first, { nodes: [{ ...sef, note: "x" }], edges: [hosted] });
    expect(second.nodes.size).toBe(2);
    expect(second.edges.size).toBe(1);
    expect(second.nodes.get("sef")?.note).toBe("x");
    expect(first.nodes.get("sef")?.note).toBeUndefined();
  });

  it("leaves out edges whose ends are not in the model", () => {
    expect(mergeGraph(emptyModel(), { nodes: [sef], edges: [hosted] }).edges.size).toBe(0);
  });
});

describe("filters", () => {
  it("groups institutions by category and other nodes by kind", () => {
    expect(groupOf(sef)).toBe("law-enforcement");
    expect(groupOf(workshop)).toBe("workshop");
  });

  it("lets through only the chosen groups, countries and types, with edges needing both ends", () => {
    const ngoOnly = visibleElements(model, { ...all, groups: ["ngo", "workshop"] });
    expect(ngoOnly.nodes.map((n) => n.id).sort()).toEqual(["apav", "lisbon-2016"]);
    expect(ngoOnly.edges).toEqual([]);
    const portugal = visibleElements(model, { ...all, countries: ["PT"] });
    expect(portugal.nodes.map((n) => n.id).sort()).toEqual(["apav", "lisbon-2016", "sef"]);
    const referrals = visibleElements(model, { ...all, types: ["REFERS_VICTIM_TO"] });
    expect(referrals.nodes).toHaveLength(4);
    expect(referrals.edges.map((e) => e.id)).toEqual(["r"]);
  });

  it("counts what each filter value would show given the other filters", () => {
    const counts = filterCounts(model, { ...all, countries: ["TR"] });
    expect(counts.groups.get("law-enforcement")).toBe(1);
    expect(counts.groups.get("ngo")).toBe(0);
    expect(counts.countries.get("PT")).toBe(2);
    expect(counts.types.get("HOSTED")).toBe(0);
  });

  it("lists neighbours in a stable order", () => {
    expect(neighbourIds(model.edges.values(), "sef")).toEqual(["apav", "dgmm", "lisbon-2016"]);
  });
});

describe("toElements", () => {
  it("turns nodes and edges into Cytoscape elements with classes for styling", () => {
    const elements = toElements(model.nodes.values(), model.edges.values(), "en");
    const node = elements.find((e) => e.data.id === "sef");
    expect(node).toMatchObject({
      group: "nodes",
      data: {
        id: "sef",
        label: "SEF",
        name: "Immigration and Borders Service",
        group: "law-enforcement",
        degree: 3,
      },
    });
    expect(node?.classes.split(" ")).toEqual(["institution", "group-law-enforcement", "country-pt", "ended"]);
    expect(elements.find((e) => e.data.id === "dgmm")?.classes).toContain("minor");
    expect(elements.find((e) => e.data.id === "c")?.classes.split(" ")).toEqual([
      "counterpart_of",
      "cooperation",
      "undirected",
      "inferred",
    ]);
    expect(elements.find((e) => e.data.id === "r")?.classes).toBe("refers_victim_to referral");
  });

  it("marks relationships that share both ends (either way round) or loop, so only they are drawn curved", () => {
    const edge = (id: string, source: string, target: string): GraphEdge => ({
      id,
      source,
      target,
      type: "COOPERATES_WITH",
    });
    const elements = toElements(
      [],
      [edge("ab", "a", "b"), edge("ba", "b", "a"), edge("ac", "a", "c"), edge("cc", "c", "c")],
    );
    const parallel = (id: string) =>
      elements
        .find((e) => e.data.id === id)
        ?.classes.split(" ")
        .includes("parallel");
    expect(["ab", "ba", "ac", "cc"].map(parallel)).toEqual([true, true, false, true]);
  });

  it("names nodes in the chosen language", () => {
    const pt = toElements([sef], [], "pt")[0];
    expect(pt?.data).toMatchObject({ name: "Serviço de Estrangeiros e Fronteiras", label: "SEF" });
    expect(toElements([workshop], [], "en")[0]?.data).toMatchObject({ label: "Lisbon workshop" });
  });

  it("labels a node by acronym, then name, then id", () => {
    expect(displayName(sef)).toBe("SEF");
    expect(displayName(workshop)).toBe("Lisbon workshop");
    expect(displayName({ id: "x", kind: "Person", sources: ["s01"], evidence: "documented" })).toBe("x");
  });
});
