// Images of the graph as drawn, for exports. (A fuller version composes the legend and a footer.)
import type { Core } from "cytoscape";
import type { GraphImage } from "./context.ts";

export function createGraphImage(cy: Core): GraphImage {
  return {
    png: (scale) => Promise.resolve(cy.png({ output: "blob", scale, full: true, bg: "#ffffff" })),
    svg: () => Promise.resolve(""),
  };
}
