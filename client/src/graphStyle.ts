// How the graph looks. Colour is never the only channel: groups also differ by shape, countries by border,
// relationship families by line style (referral solid, cooperation dashed, inferred dotted).
import type { StylesheetJson } from "cytoscape";

type Shape =
  | "ellipse"
  | "round-rectangle"
  | "diamond"
  | "hexagon"
  | "triangle"
  | "star"
  | "octagon"
  | "barrel"
  | "tag"
  | "vee"
  | "rhomboid"
  | "round-triangle"
  | "concave-hexagon";

/** Okabe–Ito palette (colour-blind safe) and a distinct shape per legend group. */
export const GROUP_STYLE: Record<string, { color: string; shape: Shape }> = {
  "law-enforcement": { color: "#0072B2", shape: "round-rectangle" },
  prosecution: { color: "#56B4E9", shape: "hexagon" },
  judiciary: { color: "#56B4E9", shape: "octagon" },
  inspection: { color: "#009E73", shape: "diamond" },
  ministry: { color: "#555555", shape: "barrel" },
  "government-body": { color: "#999999", shape: "round-rectangle" },
  observatory: { color: "#CC79A7", shape: "hexagon" },
  ngo: { color: "#E69F00", shape: "ellipse" },
  intergovernmental: { color: "#F0E442", shape: "rhomboid" },
  municipality: { color: "#009E73", shape: "tag" },
  network: { color: "#E69F00", shape: "concave-hexagon" },
  shelter: { color: "#D55E00", shape: "round-triangle" },
  helpline: { color: "#CC79A7", shape: "vee" },
  programme: { color: "#F0E442", shape: "octagon" },
  donor: { color: "#555555", shape: "diamond" },
  workshop: { color: "#D55E00", shape: "star" },
  session: { color: "#E69F00", shape: "diamond" },
  person: { color: "#009E73", shape: "ellipse" },
};

export const GRAPH_STYLE: StylesheetJson = [
  {
    selector: "node",
    style: {
      label: "data(label)",
      "font-size": 11,
      "min-zoomed-font-size": 8,
      "text-valign": "bottom",
      "text-margin-y": 4,
      color: "#1b1b1b",
      "text-outline-color": "#ffffff",
      "text-outline-width": 2,
      width: "mapData(degree, 0, 30, 22, 54)",
      height: "mapData(degree, 0, 30, 22, 54)",
      "border-width": 2,
      "border-color": "#ffffff",
      "background-color": "#999999",
    },
  },
  ...Object.entries(GROUP_STYLE).map(([group, { color, shape }]) => ({
    selector: `node.group-${group}`,
    style: { "background-color": color, shape },
  })),
  // Only the better-connected nodes keep their labels when zoomed far out.
  { selector: "node.minor", style: { "min-zoomed-font-size": 14 } },
  {
    selector: "node.country-tr",
    style: { "border-color": "#7a1f5c", "border-width": 4, "border-style": "double" },
  },
  {
    selector: "node.country-int",
    style: { "border-color": "#444444", "border-width": 3, "border-style": "dashed" },
  },
  { selector: "node.ended", style: { "background-opacity": 0.55 } },
  {
    selector: "edge",
    style: {
      width: 1.4,
      "line-color": "#9aa4ad",
      "target-arrow-color": "#9aa4ad",
      "target-arrow-shape": "triangle",
      "arrow-scale": 0.8,
      // A lone edge is drawn straight either way; "straight" spares Cytoscape looking for parallel edges,
      // which costs time in proportion to the ends' degree (most of the first frame, for large graphs).
      "curve-style": "straight",
    },
  },
  // Relationships that share their two ends (or loop) curve apart so each stays visible.
  { selector: "edge.parallel", style: { "curve-style": "bezier" } },
  {
    selector: "edge.referral",
    style: { width: 2.2, "line-color": "#0072B2", "target-arrow-color": "#0072B2" },
  },
  {
    selector: "edge.cooperation",
    style: { "line-style": "dashed", "line-color": "#6b7a86", "target-arrow-color": "#6b7a86" },
  },
  {
    selector: "edge.change",
    style: { width: 2.5, "line-color": "#D55E00", "target-arrow-color": "#D55E00" },
  },
  {
    selector: "edge.workshop",
    style: { "line-color": "#E69F00", "target-arrow-color": "#E69F00", width: 1.2 },
  },
  { selector: "edge.inferred", style: { "line-style": "dotted" } },
  { selector: "edge.undirected", style: { "target-arrow-shape": "none" } },
  { selector: ".filtered", style: { opacity: 0.12 } },
  { selector: ".filtered-hidden", style: { display: "none" } },
  { selector: ".faded", style: { opacity: 0.15 } },
  { selector: "node.highlighted", style: { "z-index": 10 } },
  { selector: "edge.highlighted", style: { width: 3, "z-index": 9 } },
  {
    selector: "node.metric",
    style: {
      width: "data(metricSize)",
      height: "data(metricSize)",
      "background-color": "data(communityColor)",
    },
  },
  { selector: "node.path-node", style: { "border-color": "#000000", "border-width": 3, opacity: 1 } },
  {
    selector: "edge.path-edge",
    style: { width: 4, "line-color": "#000000", "target-arrow-color": "#000000", opacity: 1, "z-index": 15 },
  },
  { selector: "edge.path-best", style: { width: 6 } },
  {
    selector: "node.step-node",
    style: {
      "border-color": "#D55E00",
      "border-width": 6,
      opacity: 1,
      "font-size": 16,
      "font-weight": "bold",
      "z-index": 25,
    },
  },
  {
    selector: "edge.step-edge",
    style: {
      width: 7,
      "line-color": "#D55E00",
      "target-arrow-color": "#D55E00",
      opacity: 1,
      "z-index": 24,
      label: "data(type)",
      "font-size": 11,
      "text-rotation": "autorotate",
      "text-background-color": "#ffffff",
      "text-background-opacity": 1,
    },
  },
  {
    selector: ".appeared",
    style: {
      "line-color": "#009E73",
      "target-arrow-color": "#009E73",
      "border-color": "#009E73",
      "border-width": 5,
      "border-style": "solid",
      opacity: 1,
    },
  },
  {
    selector: ".disappeared",
    style: {
      "line-color": "#D55E00",
      "target-arrow-color": "#D55E00",
      "border-color": "#D55E00",
      "border-width": 5,
      "border-style": "dashed",
      opacity: 1,
    },
  },
  {
    selector: "node.unavailable",
    style: {
      "background-color": "#ffffff",
      "border-color": "#B00020",
      "border-width": 4,
      "border-style": "dashed",
      opacity: 0.8,
      label: "data(label)",
    },
  },
  { selector: "node.selected", style: { "border-color": "#000000", "border-width": 5, "z-index": 20 } },
  {
    selector: "node.kb-focus",
    style: { "overlay-color": "#0072B2", "overlay-opacity": 0.25, "overlay-padding": 8, "z-index": 30 },
  },
];
