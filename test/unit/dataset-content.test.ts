// The curated dataset itself: integrity, and the facts the product promises (from the workshop report and
// the fact base). Runs on seed/data as committed.
import { beforeAll, describe, expect, it } from "vitest";
import { type Dataset, readDataset } from "../../seed/dataset.ts";

let data: Dataset;
beforeAll(async () => {
  data = await readDataset();
});

const STABLE_IDS = [
  "otsh",
  "national-rapporteur",
  "cig",
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
  "serpa",
  "aima",
  "rapvt",
  "dgmm",
  "hrdf",
];

/** The presenters of each session, in the report's order (sources/lisbon-workshop-2016.txt). */
const REPORT_PRESENTERS: string[][] = [
  ["national-rapporteur", "otsh"],
  ["csm", "pgr"],
  ["sef", "psp", "gnr", "pj", "act"],
  ["iac", "iss", "apav", "rita-bessa", "saude-em-portugues", "iom-portugal"],
  ["apf"],
  ["mai", "serpa"],
];

const rels = (type: string) => data.relationships.filter((r) => r.type === type);

describe("the dataset's integrity", () => {
  it("holds the stable ids that URLs and tests rely on, and the workshop", () => {
    const ids = new Set(data.institutions.map((i) => i.id));
    for (const id of STABLE_IDS) expect(ids, id).toContain(id);
    expect(data.workshops.map((w) => w.id)).toContain("lisbon-2016");
  });

  it("has at least 50 institutions and 80 relationships, each citing a known source", () => {
    expect(data.institutions.length).toBeGreaterThanOrEqual(50);
    expect(data.relationships.length).toBeGreaterThanOrEqual(80);
    const sources = new Set(data.sources.map((s) => s.id));
    for (const rel of data.relationships) {
      expect(rel.sources.length, rel.id).toBeGreaterThan(0);
      for (const source of rel.sources) expect(sources, `${rel.id} cites ${source}`).toContain(source);
    }
  });

  it("cites every source it lists, and lists only sources it cites", () => {
    const cited = new Set<string>();
    const records = [
      ...data.institutions,
      ...data.places,
      ...data.workshops,
      ...data.sessions,
      ...data.people,
      ...data["legal-instruments"],
      ...data.pathways,
      ...data.pathways.flatMap((p) => p.steps),
      ...data.relationships,
    ];
    for (const record of records) for (const source of record.sources) cited.add(source);
    expect(data.sources.map((s) => s.id).filter((id) => !cited.has(id))).toEqual([]);
  });

  it("gives every institution a seat with coordinates", () => {
    const places = new Map(data.places.map((p) => [p.id, p]));
    for (const institution of data.institutions) {
      const seat = data.relationships.find((r) => r.type === "LOCATED_IN" && r.from === institution.id);
      expect(seat, `${institution.id} has no LOCATED_IN`).toBeDefined();
      expect(places.has(seat?.to ?? ""), `${institution.id} is located in a place`).toBe(true);
    }
  });
});

describe("the Lisbon workshop, as the report tells it", () => {
  it("ran 28–30 Nov 2016, hosted by SEF, co-organised with OTSH", () => {
    const workshop = data.workshops.find((w) => w.id === "lisbon-2016");
    expect(workshop).toMatchObject({ startDate: "2016-11-28", endDate: "2016-11-30" });
    expect(rels("HOSTED")).toContainEqual(expect.objectContaining({ from: "sef", to: "lisbon-2016" }));
    expect(rels("CO_ORGANISED")).toContainEqual(expect.objectContaining({ from: "otsh", to: "lisbon-2016" }));
  });

  it("has six sessions in the report's order, with no day the report does not give", () => {
    const sessions = data.sessions
      .filter((s) => s.workshop === "lisbon-2016")
      .sort((a, b) => a.order - b.order);
    expect(sessions.map((s) => s.order)).toEqual([1, 2, 3, 4, 5, 6]);
    for (const session of sessions) expect(session.day).toBeUndefined();
    expect(sessions[2]?.title).toMatch(/Law Enforcement Agencies and Inspective authorities/);
    expect(sessions[5]?.title).toMatch(/Serpa/);
  });

  it.each(REPORT_PRESENTERS.map((presenters, i) => [i + 1, presenters] as const))(
    "session %i has exactly the report's presenters",
    (order, presenters) => {
      const session = data.sessions.find((s) => s.workshop === "lisbon-2016" && s.order === order);
      const found = rels("PRESENTED_AT")
        .filter((r) => r.to === session?.id)
        .map((r) => r.from);
      expect(found.sort()).toEqual([...presenters].sort());
    },
  );

  it("records the Turkish delegation by counts and cities, with no names", () => {
    const attended = new Map(rels("ATTENDED").map((r) => [r.from, r.properties]));
    expect(attended.get("dgmm")).toMatchObject({ count: 4, cities: ["Antalya", "Van", "Ankara"] });
    expect(attended.get("hrdf")).toMatchObject({ count: 1, cities: ["Istanbul"] });
    expect(attended.get("tr-labour-inspection")).toMatchObject({ count: 1, cities: ["Ankara"] });
    const people = new Set(data.people.map((p) => p.id));
    for (const rel of rels("ATTENDED")) expect(people.has(rel.from)).toBe(false);
  });
});

describe("structural change", () => {
  it("dissolves SEF on 29 Oct 2023 and starts AIMA that day", () => {
    const byId = new Map(data.institutions.map((i) => [i.id, i]));
    expect(byId.get("sef")?.validTo).toBe("2023-10-29");
    expect(byId.get("aima")?.validFrom).toBe("2023-10-29");
    expect(rels("SUCCEEDED_BY")).toContainEqual(expect.objectContaining({ from: "sef", to: "aima" }));
    const heirs = rels("TRANSFERRED_COMPETENCE_TO")
      .filter((r) => r.from === "sef")
      .map((r) => r.to);
    expect(heirs).toEqual(expect.arrayContaining(["pj", "psp", "gnr"]));
  });

  it("marks every Portuguese–Turkish counterpart link as an inference with its reason", () => {
    const counterparts = rels("COUNTERPART_OF");
    expect(counterparts.length).toBeGreaterThan(0);
    for (const rel of counterparts) {
      expect(rel.evidence, rel.id).toBe("inferred");
      expect(rel.description.length, rel.id).toBeGreaterThan(20);
    }
  });
});

describe("trainer pathways", () => {
  it("has at least six, each with ordered steps between institutions", () => {
    expect(data.pathways.length).toBeGreaterThanOrEqual(6);
    for (const pathway of data.pathways) expect(pathway.steps.length, pathway.id).toBeGreaterThan(1);
  });
});
