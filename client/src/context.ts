// What every panel gets: the view state, the API, the model and a few page-level actions. Panels read the
// model and the URL state; they never touch the renderer.
import type { GraphEdge, GraphNode } from "../../server/api/schemas.ts";
import type { Api } from "./api.ts";
import type { Lang } from "./i18n.ts";
import type { GraphModel } from "./model.ts";
import type { Store } from "./store.ts";

export interface ClientContext {
  store: Store;
  api: Api;
  /** Every node and edge the page loaded. */
  model(): GraphModel;
  /** What the filters let through right now. */
  visible(): { nodes: GraphNode[]; edges: GraphEdge[] };
  lang(): Lang;
  /** Says something to screen readers (an aria-live region). */
  announce(message: string): void;
  /** Selects a node (or clears with null): the URL, the graph and the Details panel follow. */
  selectNode(id: string | null): void;
  /** Shows a session and highlights its presenters (or clears with null). */
  selectSession(id: string | null): void;
  /** Called after the graph data (re)loads. */
  onModelChange(listener: () => void): void;
  /** The graph as drawn now, as images with the legend and a footer (for exports). */
  graphImage: GraphImage;
  /** True in the offline build (`npm run build:static`): no server, the data is a snapshot. */
  offline: boolean;
}

export interface GraphImage {
  png(scale: number): Promise<Blob>;
  svg(): Promise<string>;
}

/** Creates an element with attributes and children; text is always set as text, never parsed as HTML. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | boolean | undefined> = {},
  ...children: Array<Node | string | null | undefined | false>
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (name === "class") element.className = String(value);
    else element.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === "string" ? document.createTextNode(child) : child);
  }
  return element;
}
