// cytoscape-svg ships no types: it registers `cy.svg(options)`, which returns the current view as SVG text.
declare module "cytoscape-svg" {
  import type { Ext } from "cytoscape";

  const cytoscapeSvg: Ext;
  export default cytoscapeSvg;
}
