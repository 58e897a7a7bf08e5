// The only module that imports Cytoscape: draws elements, runs layouts, shows selection, highlights and
// filters, and reports taps. Panels never touch it; main.ts drives it from the view state.
import cytoscape, { type Core, type NodeSingular } from "cytoscape";
import fcose from "cytoscape-fcose";
import type { EdgeElement, NodeElement } from "./elements.ts";
import { forceLayout } from "./forceLayout.ts";
import { GRAPH_STYLE } from "./graphStyle.ts";
import { type Rendering, type WebglSupport, webglSupportOf } from "./rendering.ts";
import type { FilterMode, Layout } from "./urlState.ts";

cytoscape.use(fcose);

// Extensions most visits never need load on first use, keeping them out of the first download.
let dagreReady: Promise<void> | undefined;
function ensureDagre(): Promise<void> {
  dagreReady ??= import("cytoscape-dagre").then(({ default: dagre }) => {
    cytoscape.use(dagre);
  });
  return dagreReady;
}
let svgReady: Promise<void> | undefined;
/** Registers the SVG exporter (cy.svg()) for graphImage.ts. */
export function ensureSvgExport(): Promise<void> {
  svgReady ??= import("cytoscape-svg").then(({ default: svg }) => {
    cytoscape.use(svg);
  });
  return svgReady;
}

/** Classes `decorate` manages; graphStyle.ts draws them. */
export const DECORATIONS = [
  "path-node",
  "path-edge",
  "path-best",
  "step-node",
  "step-edge",
  "appeared",
  "disappeared",
  "unavailable",
] as const;
const COMMUNITY_COLORS = [
  "#0072B2",
  "#E69F00",
  "#009E73",
  "#CC79A7",
  "#D55E00",
  "#56B4E9",
  "#F0E442",
  "#555555",
];

export type Direction = "left" | "right" | "up" | "down";
export type Positions = Map<string, { x: number; y: number }>;

export interface Renderer {
  /** The current Cytoscape instance (`configure` may replace it: read it each time, never keep it). */
  readonly cy: Core;
  /** Applies the size-based choice (renderer.ts draws with canvas until told otherwise); call before drawing. */
  configure(rendering: Rendering): void;
  /** Replaces the elements; nodes that stay keep their positions. */
  setElements(elements: Array<NodeElement | EdgeElement>): void;
  /** Fades or hides what the filters leave out. */
  setVisible(nodeIds: Set<string>, edgeIds: Set<string>, mode: FilterMode): void;
  /** Emphasises these nodes (and the links among them), fading the rest; null clears. */
  highlight(ids: Set<string> | null): void;
  select(id: string | null): void;
  /** Presentation mode: larger labels, every label shown. */
  setPresentation(on: boolean): void;
  /** Marks elements with decoration classes (path, step, appeared, unavailable, …); replaces earlier marks. */
  decorate(classes: Map<string, string[]>): void;
  /** Sizes nodes by a metric (0..1) and colours them by community; null restores the normal look. */
  setMetric(values: Map<string, { size: number; community: number }> | null): void;
  setKeyboardFocus(id: string | null): void;
  /** Brings a node to the middle of what is visible (`bottomCover`: pixels a bottom sheet hides). */
  center(id: string, bottomCover?: number): void;
  /** Zooms to show these nodes. */
  fit(ids: Set<string>, bottomCover?: number): void;
  /** Runs a layout; resolves when it has settled. `animate: false` places the nodes at once. */
  runLayout(
    layout: Layout,
    options?: { focus?: string | null; positions?: Positions; animate?: boolean },
  ): Promise<void>;
  /** The neighbour of `from` that lies most in `direction` on screen, among `candidates`. */
  neighbourTowards(from: string, direction: Direction, candidates: string[]): string | undefined;
  nodeCount(): number;
  destroy(): void;
}

// Cytoscape adds an inline <style> (refused by the page's Content-Security-Policy) unless an element with this
// id exists. Its one rule, a positioned container, is style.css's `#graph { position: absolute }`.
const CYTOSCAPE_STYLESHEET_ID = "__________cytoscape_stylesheet";

function preemptCytoscapeStylesheet(doc: Document): void {
  if (doc.getElementById(CYTOSCAPE_STYLESHEET_ID)) return;
  const marker = doc.createElement("template");
  marker.id = CYTOSCAPE_STYLESHEET_ID;
  doc.head.append(marker);
}

function seedPosition(id: string): { x: number; y: number } {
  let hash = 2166136261;
  for (const char of id) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619);
  return { x: (hash & 0xffff) / 64, y: ((hash >>> 16) & 0xffff) / 64 };
}

/** What Cytoscape's WebGL renderer would run on here: it draws into a WebGL 2 context. */
export function webglSupport(doc: Document = document): WebglSupport {
  try {
    const gl = doc.createElement("canvas").getContext("webgl2");
    if (!gl) return "none";
    const info = gl.getExtension("WEBGL_debug_renderer_info");
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? "");
    // Browsers cap live contexts: free the probe's at once.
    gl.getExtension("WEBGL_lose_context")?.loseContext();
    return webglSupportOf(name);
  } catch {
    return "none";
  }
}

/** Cytoscape's WebGL options: its defaults suit phones; larger atlases and batches mean fewer draw calls. */
const WEBGL_OPTIONS = { name: "canvas", webgl: true, webglTexSize: 4096, webglBatchSize: 4096 };

export function createRenderer(container: HTMLElement, onTap: (id: string | null) => void): Renderer {
  const reducedMotion = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  preemptCytoscapeStylesheet(container.ownerDocument);

  function createCore(rendering: Rendering | null): Core {
    const core = cytoscape({
      container,
      style: GRAPH_STYLE,
      minZoom: rendering?.minZoom ?? 0.15,
      maxZoom: 4,
      wheelSensitivity: 0.3,
      boxSelectionEnabled: false,
      pixelRatio: rendering?.pixelRatio ?? "auto",
      ...(rendering?.renderer === "webgl" ? { renderer: WEBGL_OPTIONS } : {}),
    } as cytoscape.CytoscapeOptions);
    core.on("tap", "node", (event) => onTap((event.target as NodeSingular).id()));
    core.on("tap", (event) => {
      if (event.target === core) onTap(null);
    });
    // A node dragged by hand stays where it was put: later layouts leave it alone.
    core.on("dragfree", "node", (event) => (event.target as NodeSingular).addClass("pinned"));
    container.dataset.renderer = rendering?.renderer ?? "canvas";
    return core;
  }

  let cy = createCore(null);
  let rendering: Rendering | null = null;
  const animate = () => !reducedMotion && (rendering?.animate ?? true);
  let layoutRun: cytoscape.Layouts | undefined;

  function layoutOptions(
    layout: Layout,
    focus: string | null | undefined,
    positions: Positions | undefined,
    animated: boolean,
  ) {
    const base = { animate: animated, animationDuration: 500, fit: true, padding: 40 };
    switch (layout) {
      case "concentric": {
        const root = focus ? cy.getElementById(focus) : cy.collection();
        const distance = new Map<string, number>();
        if (root.nonempty()) {
          cy.elements(":visible").bfs({
            roots: root,
            visit: (node, _edge, _prev, _i, depth) => {
              distance.set(node.id(), depth);
            },
          });
        }
        return {
          ...base,
          name: "concentric",
          minNodeSpacing: 18,
          concentric: (node: NodeSingular) =>
            root.nonempty() ? 100 - (distance.get(node.id()) ?? 99) : (node.data("degree") as number),
          levelWidth: () => (root.nonempty() ? 1 : 3),
        };
      }
      case "flow":
        return { ...base, name: "dagre", rankDir: "LR", nodeSep: 14, rankSep: 90, edgeSep: 6 };
      case "map":
        return {
          ...base,
          name: "preset",
          positions: (node: NodeSingular) => positions?.get(node.id()) ?? node.position(),
        };
      default: {
        if (rendering?.overview === "forceatlas2") {
          const positions = overviewPositions();
          return { ...base, name: "preset", positions: (node: NodeSingular) => positions.get(node.id()) };
        }
        return {
          ...base,
          name: "fcose",
          quality: "default",
          randomize: cy
            .nodes()
            .toArray()
            .every((n) => (n as NodeSingular).position("x") === 0),
          nodeRepulsion: 9000,
          idealEdgeLength: 90,
          nodeSeparation: 60,
        };
      }
    }
  }

  /** ForceAtlas2 over the visible, unpinned nodes, from where they are (a re-layout keeps the picture). */
  function overviewPositions(): Positions {
    const movable = cy.nodes(":visible").not(".pinned").nodes();
    const ids = new Set(movable.map((n) => n.id()));
    return forceLayout(
      movable.map((n) => ({ id: n.id(), x: n.position("x"), y: n.position("y"), size: n.outerWidth() })),
      cy
        .edges(":visible")
        .map((e) => ({ source: e.source().id(), target: e.target().id() }))
        .filter((e) => ids.has(e.source) && ids.has(e.target)),
    );
  }

  return {
    get cy() {
      return cy;
    },
    configure(next) {
      const current = rendering ?? { renderer: "canvas", pixelRatio: "auto" };
      rendering = next;
      const same = current.renderer === next.renderer && current.pixelRatio === next.pixelRatio;
      cy.minZoom(next.minZoom);
      if (same) return;
      // Renderer options are fixed when Cytoscape starts: start a new one, keeping elements and view.
      const elements = cy.elements().jsons();
      const viewport = { zoom: cy.zoom(), pan: cy.pan() };
      layoutRun?.stop();
      cy.destroy();
      cy = createCore(next);
      if (elements.length) cy.add(elements as unknown as cytoscape.ElementDefinition[]);
      cy.viewport(viewport);
    },
    setElements(elements) {
      const positions = new Map(cy.nodes().map((n) => [n.id(), { ...n.position() }] as const));
      const pinned = new Set(cy.nodes(".pinned").map((n) => n.id()));
      cy.batch(() => {
        cy.elements().remove();
        cy.add(
          elements.map((element) => {
            // New nodes start spread out (by a hash of their id), so no two share a point before the layout.
            const position = positions.get(element.data.id) ?? seedPosition(element.data.id);
            return element.group === "nodes" ? { ...element, position } : element;
          }),
        );
        for (const id of pinned) cy.getElementById(id).addClass("pinned");
      });
    },
    setVisible(nodeIds, edgeIds, mode) {
      cy.batch(() => {
        cy.elements().removeClass("filtered filtered-hidden");
        const out = cy.nodes().filter((n) => !nodeIds.has(n.id()));
        const outEdges = cy.edges().filter((e) => !edgeIds.has(e.id()));
        out.union(outEdges).addClass(mode === "hide" ? "filtered-hidden" : "filtered");
      });
    },
    highlight(ids) {
      cy.batch(() => {
        cy.elements().removeClass("faded highlighted");
        if (!ids) return;
        const nodes = cy.nodes().filter((n) => ids.has(n.id()));
        const links = nodes.edgesWith(nodes);
        nodes.union(links).addClass("highlighted");
        cy.elements().not(nodes).not(links).addClass("faded");
      });
    },
    decorate(classes) {
      cy.batch(() => {
        cy.elements().removeClass(DECORATIONS.join(" "));
        for (const [id, names] of classes) cy.getElementById(id).addClass(names.join(" "));
      });
    },
    setMetric(values) {
      cy.batch(() => {
        cy.nodes().removeClass("metric");
        if (!values) return;
        for (const [id, value] of values) {
          const node = cy.getElementById(id);
          if (node.empty()) continue;
          node.data("metricSize", 18 + Math.round(value.size * 62));
          node.data("communityColor", COMMUNITY_COLORS[value.community % COMMUNITY_COLORS.length]);
          node.addClass("metric");
        }
      });
    },
    setPresentation(on) {
      cy.style()
        .selector("node")
        .style({
          "font-size": on ? 20 : 11,
          "min-zoomed-font-size": on ? 0 : 8,
          "text-outline-width": on ? 3 : 2,
        })
        .selector("node.minor")
        .style({ "min-zoomed-font-size": on ? 0 : 14 })
        .update();
    },
    select(id) {
      cy.batch(() => {
        cy.nodes().removeClass("selected");
        if (id) cy.getElementById(id).addClass("selected");
      });
    },
    setKeyboardFocus(id) {
      cy.nodes().removeClass("kb-focus");
      if (id) cy.getElementById(id).addClass("kb-focus");
    },
    center(id, bottomCover = 0) {
      const node = cy.getElementById(id);
      if (node.empty()) return;
      const zoom = Math.max(cy.zoom(), 1);
      const position = node.position();
      const pan = {
        x: cy.width() / 2 - position.x * zoom,
        y: (cy.height() - bottomCover) / 2 - position.y * zoom,
      };
      if (animate()) cy.animate({ pan, zoom }, { duration: 350 });
      else cy.viewport({ pan, zoom });
    },
    fit(ids, bottomCover = 0) {
      const nodes = cy.nodes().filter((n) => ids.has(n.id()));
      if (nodes.empty()) return;
      const padding = 60;
      const box = nodes.boundingBox({});
      const zoom = Math.min(
        cy.maxZoom(),
        1.6,
        (cy.width() - 2 * padding) / Math.max(box.w, 1),
        (cy.height() - bottomCover - 2 * padding) / Math.max(box.h, 1),
      );
      const pan = {
        x: cy.width() / 2 - (box.x1 + box.w / 2) * zoom,
        y: (cy.height() - bottomCover) / 2 - (box.y1 + box.h / 2) * zoom,
      };
      if (animate()) cy.animate({ pan, zoom }, { duration: 350 });
      else cy.viewport({ pan, zoom });
    },
    async runLayout(layout, options = {}) {
      if (layout === "flow") await ensureDagre();
      layoutRun?.stop();
      const movable = cy.elements(":visible").not(".pinned");
      if (movable.nodes().empty()) return;
      const animated = animate() && options.animate !== false;
      const run = movable.layout(
        layoutOptions(layout, options.focus, options.positions, animated) as cytoscape.LayoutOptions,
      );
      layoutRun = run;
      const settled = run.promiseOn("layoutstop").then(() => undefined);
      run.run();
      return settled;
    },
    neighbourTowards(from, direction, candidates) {
      const origin = cy.getElementById(from);
      if (origin.empty()) return candidates[0];
      const o = origin.renderedPosition();
      const want = { left: [-1, 0], right: [1, 0], up: [0, -1], down: [0, 1] }[direction];
      let best: { id: string; score: number } | undefined;
      for (const id of candidates) {
        const node = cy.getElementById(id);
        if (node.empty() || !node.visible()) continue;
        const p = node.renderedPosition();
        const dx = p.x - o.x;
        const dy = p.y - o.y;
        const length = Math.hypot(dx, dy) || 1;
        const alignment = (dx * (want?.[0] ?? 0) + dy * (want?.[1] ?? 0)) / length;
        if (alignment <= 0.2) continue;
        const score = alignment * 1000 - length;
        if (!best || score > best.score) best = { id, score };
      }
      return best?.id;
    },
    nodeCount: () => cy.nodes().length,
    destroy: () => cy.destroy(),
  };
}
