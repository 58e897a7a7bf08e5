// Images of the graph as drawn, for exports: the current view as PNG (at a chosen scale) or SVG, each with a
// legend of what is visible and a footer saying when, with which filters, and where the facts come from.
// The legend and footer are laid out once as plain drawing items, then painted on a canvas or written as SVG.
import type { Core } from "cytoscape";
import type { ClientContext, GraphImage } from "./context.ts";
import { GROUP_STYLE } from "./graphStyle.ts";
import {
  categoryLabel,
  countryLabel,
  type Lang,
  localName,
  relationLabel,
  type Strings,
  translator,
} from "./i18n.ts";
import { groupOf } from "./model.ts";
import { ensureSvgExport } from "./renderer.ts";
import type { ViewState } from "./urlState.ts";

export interface ImageCaption {
  title: string;
  /** The active filters in words, e.g. "Filters: countries: Portugal". */
  filters: string;
  /** The dataset's version ("" when unknown). */
  dataset: string;
  lang: Lang;
  /** The legend groups present in the visible graph. */
  groups: string[];
}

type Key =
  | "legend"
  | "relationships"
  | "referral"
  | "cooperation"
  | "succession"
  | "workshop"
  | "inferred"
  | "other"
  | "borders"
  | "turkish"
  | "international"
  | "filters"
  | "noFilters"
  | "none"
  | "kinds"
  | "countries"
  | "types"
  | "at"
  | "compare"
  | "selected"
  | "session"
  | "faded"
  | "hidden"
  | "sources"
  | "dataset";
const STRINGS: Strings<Key> = {
  en: {
    legend: "Legend",
    relationships: "Relationships",
    referral: "Referral",
    cooperation: "Cooperation",
    succession: "Succession",
    workshop: "Workshop",
    inferred: "Inferred (dotted)",
    other: "Other",
    borders: "Borders",
    turkish: "Turkish body",
    international: "International body",
    filters: "Filters: {list}",
    noFilters: "Filters: none (everything is shown)",
    none: "none",
    kinds: "kinds of body: {list}",
    countries: "countries: {list}",
    types: "relationships: {list}",
    at: "as on {day}",
    compare: "comparing {from} and {to}",
    selected: "selected: {name}",
    session: "session: {name}",
    faded: "(the rest faded)",
    hidden: "(the rest hidden)",
    sources: "Sources: see each node's details",
    dataset: "; dataset {version}",
  },
  pt: {
    legend: "Legenda",
    relationships: "Relações",
    referral: "Encaminhamento",
    cooperation: "Cooperação",
    succession: "Sucessão",
    workshop: "Workshop",
    inferred: "Inferida (pontilhado)",
    other: "Outras",
    borders: "Contornos",
    turkish: "Entidade turca",
    international: "Entidade internacional",
    filters: "Filtros: {list}",
    noFilters: "Filtros: nenhum (tudo visível)",
    none: "nenhum",
    kinds: "tipos de entidade: {list}",
    countries: "países: {list}",
    types: "relações: {list}",
    at: "em {day}",
    compare: "comparação entre {from} e {to}",
    selected: "seleção: {name}",
    session: "sessão: {name}",
    faded: "(o resto esbatido)",
    hidden: "(o resto oculto)",
    sources: "Fontes: ver os detalhes de cada nó",
    dataset: "; conjunto de dados {version}",
  },
};

type FilterState = Pick<
  ViewState,
  "groups" | "countries" | "types" | "mode" | "node" | "session" | "at" | "compare"
>;

/** The view's filters (and selection) in words, for the footer. */
export function describeFilters(
  state: FilterState,
  nameOf: (id: string) => string | undefined,
  lang: Lang,
): string {
  const t = translator(STRINGS, () => lang);
  const list = (values: string[], label: (v: string) => string) =>
    values.length ? values.map(label).join(", ") : t("none");
  const parts: string[] = [];
  if (state.groups) parts.push(t("kinds", { list: list(state.groups, (v) => categoryLabel(v, lang)) }));
  if (state.countries)
    parts.push(t("countries", { list: list(state.countries, (v) => countryLabel(v, lang)) }));
  if (state.types) parts.push(t("types", { list: list(state.types, (v) => relationLabel(v, lang)) }));
  if (state.compare) parts.push(t("compare", { from: state.compare[0], to: state.compare[1] }));
  else if (state.at) parts.push(t("at", { day: state.at }));
  if (parts.length > 0) parts[parts.length - 1] += ` ${t(state.mode === "hide" ? "hidden" : "faded")}`;
  const selected = state.node && nameOf(state.node);
  const session = state.session && nameOf(state.session);
  const focus = [
    ...(selected ? [t("selected", { name: selected })] : []),
    ...(session ? [t("session", { name: session })] : []),
  ];
  if (parts.length === 0 && focus.length === 0) return t("noFilters");
  return t("filters", { list: [...(parts.length ? parts : [t("none")]), ...focus].join("; ") });
}

/** The caption for the current view: what main.ts passes to `createGraphImage`. */
export function captionFor(
  ctx: Pick<ClientContext, "store" | "model" | "visible" | "lang">,
  title: string,
  dataset: string,
): ImageCaption {
  const lang = ctx.lang();
  const nodes = ctx.model().nodes;
  const nameOf = (id: string) => {
    const node = nodes.get(id);
    return node && (node.acronym ?? localName(node, lang));
  };
  const groups = [...new Set(ctx.visible().nodes.map(groupOf))].sort((a, b) =>
    categoryLabel(a, lang).localeCompare(categoryLabel(b, lang), lang),
  );
  return { title, filters: describeFilters(ctx.store.get(), nameOf, lang), dataset, lang, groups };
}

// ---- layout: plain drawing items in CSS pixels ------------------------------------------------------

type Item =
  | { kind: "text"; x: number; y: number; text: string; size: number; bold?: boolean; color?: string }
  | { kind: "shape"; x: number; y: number; size: number; d: string; fill: string }
  | {
      kind: "line";
      x1: number;
      y1: number;
      x2: number;
      y2: number;
      color: string;
      width: number;
      dash?: number[];
    }
  | { kind: "ring"; cx: number; cy: number; r: number; color: string; width: number; dash?: number[] };
type Measure = (text: string, size: number, bold: boolean) => number;
interface Layout {
  width: number;
  height: number;
  items: Item[];
}

/** The swatch shapes of the legend (16×16 box), one per Cytoscape node shape used in GROUP_STYLE. */
export const SHAPE_PATHS: Record<string, string> = {
  ellipse: "M8 1a7 7 0 1 0 0.01 0Z",
  "round-rectangle": "M3 2h10a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H3a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2Z",
  diamond: "M8 1l7 7-7 7-7-7Z",
  hexagon: "M4 1.5h8L15.5 8 12 14.5H4L.5 8Z",
  octagon: "M5 1h6l4 4v6l-4 4H5l-4-4V5Z",
  star: "M8 .8l2.2 4.6 5 .6-3.7 3.4 1 5L8 12l-4.5 2.4 1-5L.8 6l5-.6Z",
  "round-triangle": "M8 1.5 15 14H1Z",
  barrel: "M3 1h10q2 7 0 14H3q-2-7 0-14Z",
  rhomboid: "M4 2h11l-3 12H1Z",
  tag: "M1 3h9l5 5-5 5H1Z",
  vee: "M1 2l7 5 7-5-7 13Z",
  "concave-hexagon": "M1 2h14l-3 6 3 6H1l3-6Z",
};
const FONT_FAMILY = "Helvetica, Arial, sans-serif";
const INK = "#1b1b1b";
const MUTED = "#4f5a63";
const RULE = "#d8dde2";
const PAD = 14;
const LEGEND_WIDTH = 250;
const LINE = 15;

/** Splits text into lines no wider than `width`. */
function wrap(text: string, width: number, size: number, bold: boolean, measure: Measure): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = line ? `${line} ${word}` : word;
    if (line && measure(candidate, size, bold) > width) {
      lines.push(line);
      line = word;
    } else line = candidate;
  }
  if (line) lines.push(line);
  return lines;
}

function legend(caption: ImageCaption, x0: number, measure: Measure): { items: Item[]; height: number } {
  const t = translator(STRINGS, () => caption.lang);
  const items: Item[] = [];
  const x = x0 + PAD;
  let y = PAD;
  const heading = (text: string) => {
    y += 14;
    items.push({ kind: "text", x, y, text, size: 13, bold: true });
    y += 6;
  };
  const row = (label: string, sample: (cy: number) => Item) => {
    const lines = wrap(label, LEGEND_WIDTH - 2 * PAD - 26, 12, false, measure);
    const cy = y + 10;
    items.push(sample(cy));
    lines.forEach((text, i) => {
      items.push({ kind: "text", x: x + 26, y: cy + 4 + i * LINE, text, size: 12 });
    });
    y += Math.max(20, lines.length * LINE + 5);
  };
  heading(t("legend"));
  for (const group of caption.groups) {
    const style = GROUP_STYLE[group] ?? { color: "#999999", shape: "ellipse" };
    const d = SHAPE_PATHS[style.shape] ?? SHAPE_PATHS.ellipse ?? "";
    row(categoryLabel(group, caption.lang), (cy) => ({
      kind: "shape",
      x,
      y: cy - 8,
      size: 16,
      d,
      fill: style.color,
    }));
  }
  y += 6;
  heading(t("relationships"));
  const lines: Array<[Key, string, number, number[]?]> = [
    ["referral", "#0072B2", 2.2],
    ["cooperation", "#6b7a86", 1.4, [6, 3]],
    ["succession", "#D55E00", 2.5],
    ["workshop", "#E69F00", 1.2],
    ["inferred", "#9aa4ad", 1.4, [1.5, 2.5]],
    ["other", "#9aa4ad", 1.4],
  ];
  for (const [key, color, width, dash] of lines) {
    row(t(key), (cy) => ({
      kind: "line",
      x1: x,
      y1: cy,
      x2: x + 18,
      y2: cy,
      color,
      width,
      ...(dash ? { dash } : {}),
    }));
  }
  y += 6;
  heading(t("borders"));
  row(t("turkish"), (cy) => ({ kind: "ring", cx: x + 8, cy, r: 6.5, color: "#7a1f5c", width: 3.5 }));
  row(t("international"), (cy) => ({
    kind: "ring",
    cx: x + 8,
    cy,
    r: 6.5,
    color: "#444444",
    width: 2,
    dash: [3, 2],
  }));
  return { items, height: y + PAD };
}

function layOut(caption: ImageCaption, graphWidth: number, graphHeight: number, measure: Measure): Layout {
  const t = translator(STRINGS, () => caption.lang);
  const width = graphWidth + LEGEND_WIDTH;
  const side = legend(caption, graphWidth, measure);
  const top = Math.max(graphHeight, side.height);
  const items: Item[] = [
    { kind: "line", x1: graphWidth, y1: 0, x2: graphWidth, y2: top, color: RULE, width: 1 },
    { kind: "line", x1: 0, y1: top, x2: width, y2: top, color: RULE, width: 1 },
    ...side.items,
  ];
  const date = new Intl.DateTimeFormat(caption.lang === "pt" ? "pt-PT" : "en-GB", {
    dateStyle: "long",
  }).format(new Date());
  const sources = t("sources") + (caption.dataset ? t("dataset", { version: caption.dataset }) : "");
  const footer: Array<{ text: string; size: number; bold: boolean; color: string }> = [
    { text: `${caption.title} — ${date}`, size: 13, bold: true, color: INK },
    ...[caption.filters, sources].filter(Boolean).map((text, i) => ({
      text,
      size: 12,
      bold: false,
      color: i === 0 ? INK : MUTED,
    })),
  ];
  let y = top + PAD;
  for (const line of footer) {
    for (const text of wrap(line.text, width - 2 * PAD, line.size, line.bold, measure)) {
      y += LINE + 1;
      items.push({ kind: "text", x: PAD, y, text, size: line.size, bold: line.bold, color: line.color });
    }
  }
  return { width, height: y + PAD, items };
}

// ---- painting ----------------------------------------------------------------------------------------

const font = (size: number, bold: boolean) => `${bold ? "bold " : ""}${size}px ${FONT_FAMILY}`;

function measureWith(g: CanvasRenderingContext2D): Measure {
  return (text, size, bold) => {
    g.font = font(size, bold);
    return g.measureText(text).width;
  };
}

function context2d(canvas: HTMLCanvasElement): CanvasRenderingContext2D {
  const g = canvas.getContext("2d");
  if (!g) throw new Error("This browser cannot draw images (no 2D canvas).");
  return g;
}

function paint(g: CanvasRenderingContext2D, items: Item[]): void {
  for (const item of items) {
    g.save();
    if (item.kind === "text") {
      g.font = font(item.size, item.bold ?? false);
      g.fillStyle = item.color ?? INK;
      g.fillText(item.text, item.x, item.y);
    } else if (item.kind === "shape") {
      const path = new Path2D(item.d);
      g.translate(item.x, item.y);
      g.scale(item.size / 16, item.size / 16);
      g.fillStyle = item.fill;
      g.fill(path);
      g.strokeStyle = "#333333";
      g.lineWidth = 0.8;
      g.stroke(path);
    } else {
      g.strokeStyle = item.color;
      g.lineWidth = item.width;
      g.setLineDash(item.dash ?? []);
      g.beginPath();
      if (item.kind === "line") {
        g.moveTo(item.x1, item.y1);
        g.lineTo(item.x2, item.y2);
      } else {
        g.fillStyle = "#cfd6dc";
        g.arc(item.cx, item.cy, item.r, 0, 2 * Math.PI);
        g.fill();
      }
      g.stroke();
    }
    g.restore();
  }
}

const SVG_NS = "http://www.w3.org/2000/svg";
const num = (value: number) => String(Math.round(value * 100) / 100);

/** An SVG element; text goes in as a text node, so the serializer escapes it. */
function svgElement(name: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const element = document.createElementNS(SVG_NS, name);
  for (const [key, value] of Object.entries(attributes))
    element.setAttribute(key, typeof value === "number" ? num(value) : value);
  if (text !== undefined) element.textContent = text;
  return element;
}

function svgItem(item: Item): SVGElement {
  const dash = (d?: number[]): Record<string, string> =>
    d ? { "stroke-dasharray": d.map(num).join(" ") } : {};
  switch (item.kind) {
    case "text":
      return svgElement(
        "text",
        {
          x: item.x,
          y: item.y,
          "font-size": item.size,
          "font-weight": item.bold ? "bold" : "normal",
          fill: item.color ?? INK,
        },
        item.text,
      );
    case "shape":
      return svgElement("path", {
        d: item.d,
        transform: `translate(${num(item.x)} ${num(item.y)}) scale(${num(item.size / 16)})`,
        fill: item.fill,
        stroke: "#333333",
        "stroke-width": 0.8,
      });
    case "line":
      return svgElement("line", {
        x1: item.x1,
        y1: item.y1,
        x2: item.x2,
        y2: item.y2,
        stroke: item.color,
        "stroke-width": item.width,
        ...dash(item.dash),
      });
    default:
      return svgElement("circle", {
        cx: item.cx,
        cy: item.cy,
        r: item.r,
        fill: "#cfd6dc",
        stroke: item.color,
        "stroke-width": item.width,
        ...dash(item.dash),
      });
  }
}

/** The graph's size on screen; an error when it is not shown (e.g. the table view is open). */
function viewSize(cy: Core): { width: number; height: number } {
  const box = cy.container()?.getBoundingClientRect();
  if (!box || box.width < 1 || box.height < 1) throw new Error("The graph is not on screen.");
  return { width: Math.round(box.width), height: Math.round(box.height) };
}

type SvgCore = Core & {
  svg(options: { full?: boolean; bg?: string; maxWidth?: number; maxHeight?: number }): string;
};

/** `core` is read at each export: the renderer may replace its Cytoscape instance once the graph's size is known. */
export function createGraphImage(core: () => Core, describe?: () => ImageCaption): GraphImage {
  const caption =
    describe ??
    ((): ImageCaption => ({
      title: "THB ecosystem explorer",
      filters: "",
      dataset: "",
      lang: "en",
      groups: [
        ...new Set(
          core()
            .nodes(":visible")
            .map((n) => String(n.data("group"))),
        ),
      ].sort(),
    }));
  return {
    async png(scale) {
      const cy = core();
      const { width, height } = viewSize(cy);
      // maxWidth/maxHeight (rather than `scale`) make the image exactly `scale` × the view, whatever the
      // screen's pixel ratio: Cytoscape multiplies `scale` by devicePixelRatio.
      const blob = await cy.png({
        output: "blob-promise",
        full: false,
        bg: "#ffffff",
        maxWidth: width * scale,
        maxHeight: height * scale,
      });
      const bitmap = await createImageBitmap(blob);
      const canvas = document.createElement("canvas");
      const g = context2d(canvas);
      const layout = layOut(caption(), bitmap.width / scale, bitmap.height / scale, measureWith(g));
      canvas.width = Math.ceil(layout.width * scale);
      canvas.height = Math.ceil(layout.height * scale);
      g.fillStyle = "#ffffff";
      g.fillRect(0, 0, canvas.width, canvas.height);
      g.drawImage(bitmap, 0, 0);
      bitmap.close();
      g.scale(scale, scale);
      paint(g, layout.items);
      return new Promise<Blob>((resolve, reject) =>
        canvas.toBlob(
          (png) => (png ? resolve(png) : reject(new Error("The image is too large to make."))),
          "image/png",
        ),
      );
    },
    async svg() {
      await ensureSvgExport();
      const cy = core();
      const { width, height } = viewSize(cy);
      const text = (cy as SvgCore).svg({ full: false, bg: "#ffffff", maxWidth: width, maxHeight: height });
      const parsed = new DOMParser().parseFromString(text, "image/svg+xml");
      const graph = parsed.documentElement;
      if (graph.localName !== "svg" || parsed.getElementsByTagName("parsererror").length > 0)
        throw new Error("The graph could not be drawn as SVG.");
      graph.setAttribute("viewBox", `0 0 ${graph.getAttribute("width")} ${graph.getAttribute("height")}`);
      graph.setAttribute("x", "0");
      graph.setAttribute("y", "0");
      graph.setAttribute("width", num(width));
      graph.setAttribute("height", num(height));
      const layout = layOut(
        caption(),
        width,
        height,
        measureWith(context2d(document.createElement("canvas"))),
      );
      const root = svgElement("svg", {
        width: layout.width,
        height: layout.height,
        viewBox: `0 0 ${num(layout.width)} ${num(layout.height)}`,
        "font-family": FONT_FAMILY,
      });
      root.append(
        svgElement("rect", { x: 0, y: 0, width: layout.width, height: layout.height, fill: "#ffffff" }),
        document.importNode(graph, true),
        ...layout.items.map(svgItem),
      );
      return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}\n`;
    },
  };
}
