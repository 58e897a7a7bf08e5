// The only module that imports Cytoscape: draws elements and reports selection back to the page.
import cytoscape, { type Core } from "cytoscape";
import type { EdgeElement, NodeElement } from "./elements.ts";

// Okabe–Ito colours (colour-blind safe), with shape as the second channel.
const KIND_STYLE: Record<string, { color: string; shape: cytoscape.Css.NodeShape }> = {
  institution: { color: "#0072B2", shape: "round-rectangle" },
  workshop: { color: "#D55E00", shape: "star" },
  session: { color: "#E69F00", shape: "diamond" },
  person: { color: "#009E73", shape: "ellipse" },
};

export interface Renderer {
  cy: Core;
  nodeCount(): number;
  destroy(): void;
}

export function renderGraph(
  container: HTMLElement,
  elements: Array<NodeElement | EdgeElement>,
  onSelect: (id: string | undefined) => void,
): Renderer {
  const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  const cy = cytoscape({
    container,
    elements,
    minZoom: 0.2,
    maxZoom: 3,
    style: [
      {
        selector: "node",
        style: {
          label: "data(label)",
          "font-size": 11,
          "min-zoomed-font-size": 7,
          "text-valign": "bottom",
          "text-margin-y": 4,
          color: "#1b1b1b",
          "text-outline-color": "#fff",
          "text-outline-width": 2,
          width: 26,
          height: 26,
          "border-width": 2,
          "border-color": "#fff",
        },
      },
      ...Object.entries(KIND_STYLE).map(([kind, { color, shape }]) => ({
        selector: `node.${kind}`,
        style: { "background-color": color, shape },
      })),
      { selector: "node.country-tr", style: { "border-color": "#CC79A7", "border-width": 4 } },
      {
        selector: "edge",
        style: {
          width: 1.5,
          "line-color": "#9aa4ad",
          "target-arrow-color": "#9aa4ad",
          "target-arrow-shape": "triangle",
          "curve-style": "bezier",
          "arrow-scale": 0.8,
        },
      },
      { selector: "edge.inferred", style: { "line-style": "dotted" } },
      { selector: "node:selected", style: { "border-color": "#000", "border-width": 4 } },
    ],
    layout: {
      name: "cose",
      animate: !reducedMotion,
      randomize: false,
      nodeRepulsion: () => 8000,
      idealEdgeLength: () => 80,
    },
  });
  cy.on("tap", "node", (event) => onSelect(event.target.id()));
  cy.on("tap", (event) => {
    if (event.target === cy) onSelect(undefined);
  });
  return { cy, nodeCount: () => cy.nodes().length, destroy: () => cy.destroy() };
}
