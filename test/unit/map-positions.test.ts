import { describe, expect, it } from "vitest";
import { mapPositions, project } from "../../client/src/mapPositions.ts";
import type { GraphEdge, GraphNode } from "../../server/api/schemas.ts";

const node = (id: string, kind: GraphNode["kind"] = "Institution", extra: object = {}): GraphNode => ({
  id,
  kind,
  sources: ["s01"],
  evidence: "documented",
  ...extra,
});
const edge = (source: string, type: string, target: string): GraphEdge => ({
  id: `${source}-${target}`,
  source,
  target,
  type,
});

describe("mapPositions", () => {
  const lisbon = node("lisbon", "Place", { latitude: 38.72, longitude: -9.14 });
  const ankara = node("ankara", "Place", { latitude: 39.93, longitude: 32.86 });

  it("puts institutions at their seat, east of Lisbon for Ankara, and spreads a shared seat", () => {
    const positions = mapPositions(
      [node("sef"), node("pj"), node("dgmm")],
      [lisbon, ankara],
      [
        edge("sef", "LOCATED_IN", "lisbon"),
        edge("pj", "LOCATED_IN", "lisbon"),
        edge("dgmm", "LOCATED_IN", "ankara"),
      ],
      [],
    );
    const at = (id: string) => positions.get(id) ?? { x: Number.NaN, y: Number.NaN };
    expect(at("pj")).toEqual(project(38.72, -9.14));
    expect(at("sef")).not.toEqual(at("pj"));
    expect(Math.hypot(at("sef").x - at("pj").x, at("sef").y - at("pj").y)).toBeLessThan(40);
    expect(at("dgmm").x).toBeGreaterThan(at("pj").x + 1000);
    expect(at("dgmm").y).toBeLessThan(at("pj").y);
  });

  it("places seatless nodes near a linked node, else in a row below", () => {
    const positions = mapPositions(
      [node("sef"), node("session-1", "Session"), node("orphan", "Person")],
      [lisbon],
      [edge("sef", "LOCATED_IN", "lisbon")],
      [edge("sef", "PRESENTED_AT", "session-1")],
    );
    const sef = positions.get("sef");
    const session = positions.get("session-1");
    expect(session && sef && Math.hypot(session.x - sef.x, session.y - sef.y)).toBeLessThan(80);
    expect(positions.get("orphan")?.y).toBeGreaterThan(sef?.y ?? 0);
    expect(positions.size).toBe(3);
  });
});
