// Positions for the map layout: each institution at its seat's coordinates (an equirectangular projection,
// good enough at country scale), nodes sharing a seat spread on a golden-angle spiral, and nodes with no
// seat (sessions, people) placed around what they link to.
import type { GraphEdge, GraphNode } from "../../server/api/schemas.ts";

export type Point = { x: number; y: number };

const SCALE = 60;
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

export function project(latitude: number, longitude: number): Point {
  // Shrink longitudes by the cosine of a mid latitude (40°N), so shapes look right around Iberia and Anatolia.
  return { x: longitude * SCALE * Math.cos((40 * Math.PI) / 180), y: -latitude * SCALE };
}

function spiral(center: Point, index: number, spacing = 16): Point {
  if (index === 0) return center;
  const radius = spacing * Math.sqrt(index);
  const angle = index * GOLDEN_ANGLE;
  return { x: center.x + radius * Math.cos(angle), y: center.y + radius * Math.sin(angle) };
}

/**
 * `places` are Place nodes (with latitude/longitude); `locatedIn` are LOCATED_IN edges; `nodes` are the
 * nodes to place; `links` are the graph's other edges, used to place seatless nodes near their neighbours.
 */
export function mapPositions(
  nodes: GraphNode[],
  places: GraphNode[],
  locatedIn: GraphEdge[],
  links: GraphEdge[],
): Map<string, Point> {
  const placeAt = new Map<string, Point>();
  for (const place of places) {
    const { latitude, longitude } = place as { latitude?: unknown; longitude?: unknown };
    if (typeof latitude === "number" && typeof longitude === "number")
      placeAt.set(place.id, project(latitude, longitude));
  }
  const seatOf = new Map(locatedIn.map((edge) => [edge.source, edge.target]));
  const crowd = new Map<string, number>();
  const positions = new Map<string, Point>();
  const sorted = [...nodes].sort((a, b) => a.id.localeCompare(b.id));
  for (const node of sorted) {
    const seat = seatOf.get(node.id);
    const center = seat ? placeAt.get(seat) : undefined;
    if (!center || !seat) continue;
    const index = crowd.get(seat) ?? 0;
    crowd.set(seat, index + 1);
    positions.set(node.id, spiral(center, index));
  }
  // Seatless nodes: around their first placed neighbour, or in a row below everything else.
  let row = 0;
  const bottom = Math.max(0, ...[...positions.values()].map((p) => p.y)) + 80;
  for (const node of sorted) {
    if (positions.has(node.id)) continue;
    const neighbour = links
      .filter((edge) => edge.source === node.id || edge.target === node.id)
      .map((edge) => (edge.source === node.id ? edge.target : edge.source))
      .sort()
      .find((id) => positions.has(id));
    const anchor = neighbour ? positions.get(neighbour) : undefined;
    if (anchor && neighbour) {
      const index = (crowd.get(neighbour) ?? 1) + 1;
      crowd.set(neighbour, index);
      positions.set(node.id, spiral(anchor, index, 22));
    } else {
      positions.set(node.id, { x: row * 40, y: bottom });
      row += 1;
    }
  }
  return positions;
}
