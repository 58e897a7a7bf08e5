// How to draw a graph of a given size: which Cytoscape renderer, which overview layout, whether to animate.
// Pure (no DOM, no Cytoscape), so the thresholds are unit-tested; renderer.ts applies the choice.

export const RENDERERS = ["canvas", "webgl"] as const;
export type RendererName = (typeof RENDERERS)[number];

/** What WebGL 2 the browser has: on a GPU, in software (SwiftShader, llvmpipe: slower than canvas), or none. */
export type WebglSupport = "gpu" | "software" | "none";

/**
 * The overview layout: fcose (spectral placement refined by forces) below LARGE; above, ForceAtlas2 with a
 * Barnes–Hut tree (forceLayout.ts), as fcose's refinement grows with the square of the node count.
 */
export type OverviewLayout = "fcose" | "forceatlas2";

export interface Rendering {
  renderer: RendererName;
  /** Whether the renderer came from the size ("auto") or the `?renderer=` parameter. */
  source: "auto" | "forced";
  overview: OverviewLayout;
  /** Layouts and view moves animate (small graphs only: tweening thousands of nodes costs frames). */
  animate: boolean;
  /** Device pixels per CSS pixel; 1 caps the cost of large graphs on high-density screens. */
  pixelRatio: number | "auto";
  /** How far out the view may zoom: a large graph must fit on screen as a whole. */
  minZoom: number;
}

export interface GraphSize {
  nodes: number;
  edges: number;
}

/**
 * Sizes in elements (nodes + edges) where each cheaper way of drawing starts; see BENCHMARKS.md, "Client".
 * - Below LARGE, today's look: canvas, fcose, animated.
 * - From LARGE: ForceAtlas2, no animation, one device pixel per CSS pixel. (Hiding edges while the view
 *   moves measured slower: Cytoscape then redraws instead of moving its cached layers.)
 * - From WEBGL: the WebGL renderer, on a GPU only. In software (a headless browser, a machine without
 *   graphics drivers) it measured several times slower than canvas, so canvas stays.
 */
export const THRESHOLDS = { large: 1500, webgl: 3000 } as const;

export function elementCount(size: GraphSize): number {
  return size.nodes + size.edges;
}

export function chooseRendering(
  size: GraphSize,
  options: {
    /** A function is asked only when WebGL is in question (probing creates a WebGL context). */
    webgl: WebglSupport | (() => WebglSupport);
    forced?: RendererName | null;
    reducedMotion?: boolean;
  },
): Rendering {
  const elements = elementCount(size);
  const large = elements >= THRESHOLDS.large;
  const webgl = () => (typeof options.webgl === "function" ? options.webgl() : options.webgl);
  let renderer: RendererName = "canvas";
  // Forced WebGL runs in software too (to compare); without WebGL 2 at all it would leave a blank graph.
  if (options.forced === "webgl") renderer = webgl() === "none" ? "canvas" : "webgl";
  else if (!options.forced && elements >= THRESHOLDS.webgl && webgl() === "gpu") renderer = "webgl";
  return {
    renderer,
    source: options.forced ? "forced" : "auto",
    overview: large ? "forceatlas2" : "fcose",
    animate: !large && !options.reducedMotion,
    pixelRatio: large ? 1 : "auto",
    minZoom: large ? 0.03 : 0.15,
  };
}

/** The `?renderer=canvas|webgl` override (benchmarks, comparisons, a browser whose WebGL misbehaves). */
export function rendererParam(search: string): RendererName | null {
  const value = new URLSearchParams(search).get("renderer");
  return (RENDERERS as readonly string[]).includes(value ?? "") ? (value as RendererName) : null;
}

/** Software WebGL by its renderer string (Chromium's SwiftShader, Mesa's llvmpipe/softpipe, Windows' WARP). */
export function webglSupportOf(rendererString: string | null): WebglSupport {
  if (rendererString === null) return "none";
  return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(rendererString) ? "software" : "gpu";
}
