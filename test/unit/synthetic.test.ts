// The scale benchmark's synthetic ecosystems: deterministic, valid by the seed's own checks, with the real
// data's mix of categories and countries and a skewed (hub-and-spoke) degree distribution.
import { describe, expect, it } from "vitest";
import { asDatasetFiles, generateEcosystem } from "../../bench/synthetic.ts";
import { DatasetError, validateDataset } from "../../seed/dataset.ts";
import { InstitutionCategory, InstitutionRelationshipType } from "../../seed/schema.ts";

const small = generateEcosystem({ institutions: 2000 });

function degrees(dataset: typeof small): number[] {
  const degree = new Map(dataset.institutions.map((i) => [i.id, 0]));
  for (const rel of dataset.relationships) {
    for (const end of [rel.from, rel.to]) if (degree.has(end)) degree.set(end, (degree.get(end) ?? 0) + 1);
  }
  return [...degree.values()].sort((a, b) => a - b);
}

describe("synthetic ecosystems", () => {
  it("are the same for the same seed and differ for another", () => {
    expect(generateEcosystem({ institutions: 300, seed: 5 })).toEqual(
      generateEcosystem({ institutions: 300, seed: 5 }),
    );
    expect(generateEcosystem({ institutions: 300, seed: 6 })).not.toEqual(
      generateEcosystem({ institutions: 300, seed: 5 }),
    );
  });

  it.each([1, 50, 2000])("pass the seed's schema and integrity checks unchanged (%i institutions)", (n) => {
    const dataset = n === 2000 ? small : generateEcosystem({ institutions: n });
    expect(validateDataset(asDatasetFiles(dataset))).toEqual(dataset);
  });

  it("would be refused by the same checks when broken", () => {
    const broken = asDatasetFiles(generateEcosystem({ institutions: 20 }));
    const [first, ...rest] = broken.relationships as Array<Record<string, unknown>>;
    expect(() =>
      validateDataset({ ...broken, relationships: [{ ...first, to: "nowhere" }, ...rest] }),
    ).toThrow(DatasetError);
  });

  it("have the institutions asked for, about 5 relationships each, and a modest number of sources", () => {
    expect(small.institutions).toHaveLength(2000);
    expect(small.relationships.length / 2000).toBeGreaterThan(4.8);
    expect(small.relationships.length / 2000).toBeLessThanOrEqual(5);
    expect(small.sources).toHaveLength(20);
    expect(small.people).toEqual([]);
    const two = generateEcosystem({ institutions: 1000, relationshipsPerInstitution: 2 });
    expect(two.relationships.length / 1000).toBeCloseTo(2, 0);
  });

  it("mix categories, countries and relationship types like the real data", () => {
    const count = (values: string[]) =>
      values.reduce((m, v) => m.set(v, (m.get(v) ?? 0) + 1), new Map<string, number>());
    const categories = count(small.institutions.map((i) => i.category));
    expect([...categories.keys()].sort()).toEqual([...InstitutionCategory.options].sort());
    expect(Math.max(...categories.values())).toBe(categories.get("ngo"));
    const countries = count(small.institutions.map((i) => i.country));
    expect((countries.get("PT") ?? 0) / 2000).toBeGreaterThan(0.7);
    expect(countries.size).toBeGreaterThanOrEqual(5);
    const types = count(small.relationships.map((r) => r.type));
    expect(types.get("LOCATED_IN")).toBe(2000);
    const between = InstitutionRelationshipType.options.filter((t) => types.has(t));
    expect(between.length).toBeGreaterThanOrEqual(10);
    expect(types.get("REFERS_VICTIM_TO")).toBeGreaterThan(100);
  });

  it("give institutions names, acronyms and accent-free aliases that search can find", () => {
    const names = small.institutions.map((i) => i.name).join("\n");
    for (const word of ["Associação", "Centro", "Comando", "Câmara Municipal", "Lisboa", "Porto"])
      expect(names).toContain(word);
    expect(small.institutions.every((i) => i.acronym && i.acronym.length <= 40)).toBe(true);
    const accented = small.institutions.find((i) => i.name.includes("ção"));
    expect(accented?.aliases[0]).toBe(accented?.name.normalize("NFKD").replace(/\p{M}/gu, ""));
  });

  it("have a few hubs with many links while most institutions keep a handful", () => {
    const sorted = degrees(small);
    const median = sorted[Math.floor(sorted.length / 2)] ?? 0;
    const max = sorted[sorted.length - 1] ?? 0;
    expect(median).toBeGreaterThanOrEqual(3);
    expect(median).toBeLessThanOrEqual(8);
    expect(max).toBeGreaterThan(15 * median);
    const top = sorted.slice(-20).reduce((a, b) => a + b, 0);
    const all = sorted.reduce((a, b) => a + b, 0);
    expect(top / all).toBeGreaterThan(0.06); // the top 1% hold over 6 times their share of the links
  });
});
