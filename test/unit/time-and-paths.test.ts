import { describe, expect, it } from "vitest";
import { findPaths } from "../../client/src/pathfinding.ts";
import { compareDays, monthSteps, validAt } from "../../client/src/timeline.ts";
import type { GraphEdge, GraphNode } from "../../server/api/schemas.ts";

const node = (id: string, validFrom?: string, validTo?: string): GraphNode => ({
  id,
  kind: "Institution",
  sources: ["s01"],
  evidence: "documented",
  ...(validFrom ? { validFrom } : {}),
  ...(validTo ? { validTo } : {}),
});
const edge = (source: string, type: string, target: string, extra: Partial<GraphEdge> = {}): GraphEdge => ({
  id: `${source}-${type}-${target}`,
  source,
  target,
  type,
  ...extra,
});

describe("time travel", () => {
  const sef = node("sef", undefined, "2023-10-29");
  const aima = node("aima", "2023-10-29");
  it("holds SEF on the workshop's day and AIMA after the 2023 reform", () => {
    expect(validAt(sef, "2016-11-28")).toBe(true);
    expect(validAt(sef, "2023-10-29")).toBe(false);
    expect(validAt(aima, "2023-10-28")).toBe(false);
    expect(validAt(aima, "2024-01-01")).toBe(true);
    expect(validAt(node("x", "2013"), "2013-01-01")).toBe(true);
    expect(validAt(node("y", undefined, "2016"), "2016-12-31")).toBe(true);
  });

  it("lists what appeared and disappeared between two days", () => {
    const succeeded = edge("sef", "SUCCEEDED_BY", "aima", { validFrom: "2023-10-29" });
    const result = compareDays([sef, aima, node("pj")], [succeeded], "2016-11-28", "2024-01-01");
    expect([...result.appeared].sort()).toEqual(["aima", "sef-SUCCEEDED_BY-aima"]);
    expect([...result.disappeared]).toEqual(["sef"]);
  });

  it("steps month by month from January 2007", () => {
    const steps = monthSteps("2008-02-14");
    expect(steps[0]).toBe("2007-01-01");
    expect(steps.at(-1)).toBe("2008-02-01");
    expect(steps).toHaveLength(14);
  });
});

describe("findPaths", () => {
  const edges = [
    edge("act", "SIGNALS_TO", "sef"),
    edge("sef", "REFERS_VICTIM_TO", "cap"),
    edge("act", "SIGNALS_TO", "gnr"),
    edge("gnr", "REFERS_VICTIM_TO", "cap"),
    edge("gnr", "COOPERATES_WITH", "sef"),
    edge("act", "SUPERVISED_BY", "mtsss"),
    edge("mtsss", "FUNDS", "cap"),
  ];
  const referral = {
    types: ["SIGNALS_TO", "REFERS_VICTIM_TO", "COOPERATES_WITH"],
    directed: true,
    maxHops: 4,
    k: 5,
  };

  it("finds the shortest routes first, over the chosen types only", () => {
    const paths = findPaths(edges, "act", "cap", referral);
    expect(paths.map((p) => p.nodes.join(">"))).toEqual(["act>gnr>cap", "act>sef>cap", "act>gnr>sef>cap"]);
    expect(paths[0]?.edges.map((e) => e.type)).toEqual(["SIGNALS_TO", "REFERS_VICTIM_TO"]);
  });

  it("respects direction, hop limits, k and unavailable nodes", () => {
    expect(findPaths(edges, "cap", "act", referral)).toEqual([]);
    expect(findPaths(edges, "cap", "act", { ...referral, directed: false })[0]?.nodes).toEqual([
      "cap",
      "gnr",
      "act",
    ]);
    expect(findPaths(edges, "act", "cap", { ...referral, maxHops: 1 })).toEqual([]);
    expect(findPaths(edges, "act", "cap", { ...referral, k: 1 })).toHaveLength(1);
    const withoutGnr = findPaths(edges, "act", "cap", { ...referral, exclude: new Set(["gnr"]) });
    expect(withoutGnr.map((p) => p.nodes.join(">"))).toEqual(["act>sef>cap"]);
    expect(findPaths(edges, "act", "cap", { ...referral, exclude: new Set(["gnr", "sef"]) })).toEqual([]);
  });
});
