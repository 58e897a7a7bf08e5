// Page start-up and wiring: load the graph, keep the renderer in step with the view state (URL), mount the
// panels, and handle the graph's keyboard. Loading, empty and error states are shown, never a blank page.
import "./zodConfig.ts";
import "./staticBanner.ts";
import { type GraphEdge, type GraphNode, REFERRAL_TYPES } from "../../server/api/schemas.ts";
import { ApiError, api, offline } from "./api.ts";
import type { ClientContext } from "./context.ts";
import { toElements } from "./elements.ts";
import { captionFor, createGraphImage } from "./graphImage.ts";
import { type Lang, localName, type Strings, translator } from "./i18n.ts";
import { mapPositions } from "./mapPositions.ts";
import { emptyModel, type GraphModel, mergeGraph, neighbourIds, visibleElements } from "./model.ts";
import { focusDetails, mountDetails } from "./panels/details.ts";
import { mountExport } from "./panels/exportPanel.ts";
import { mountFilters } from "./panels/filters.ts";
import { mountSearch } from "./panels/search.ts";
import { mountSessions } from "./panels/sessions.ts";
import { mountTable } from "./panels/table.ts";
import { mountToolbar } from "./panels/toolbar.ts";
import { mountTools } from "./panels/tools.ts";
import { pathsForView } from "./pathfinding.ts";
import { getPathway } from "./pathwayCache.ts";
import { createRenderer, type Direction, type Positions, type Renderer, webglSupport } from "./renderer.ts";
import { chooseRendering, type Rendering, rendererParam } from "./rendering.ts";
import { createStore } from "./store.ts";
import { compareDays } from "./timeline.ts";
import type { ViewState } from "./urlState.ts";

type Key =
  | "loading"
  | "empty"
  | "summary"
  | "truncated"
  | "failed"
  | "focus"
  | "title"
  | "subtitle"
  | "graph"
  | "details"
  | "help"
  | "skip"
  | "retry";
const STRINGS: Strings<Key> = {
  en: {
    graph: "Graph",
    details: "Details",
    help: "Arrow keys move between neighbours, Enter opens details, Escape clears the selection.",
    skip: "Skip to the graph",
    retry: "Retry",
    loading: "Loading the graph…",
    empty: "The database holds no data yet: run `npm run seed`, then retry.",
    summary: "{nodes} nodes and {edges} relationships shown.",
    truncated: " The answer was truncated.",
    failed: "The graph could not be loaded.",
    focus: "{name}, {count} connections. Enter opens its details.",
    title: "THB ecosystem explorer",
    subtitle: "Portugal · Lisbon workshop, 28–30 Nov 2016",
  },
  pt: {
    graph: "Grafo",
    details: "Detalhes",
    help: "As setas movem entre vizinhos, Enter abre os detalhes, Escape limpa a seleção.",
    skip: "Saltar para o grafo",
    retry: "Tentar de novo",
    loading: "A carregar o grafo…",
    empty: "A base de dados ainda não tem dados: execute `npm run seed` e tente de novo.",
    summary: "{nodes} nós e {edges} relações visíveis.",
    truncated: " A resposta foi truncada.",
    failed: "Não foi possível carregar o grafo.",
    focus: "{name}, {count} ligações. Enter abre os detalhes.",
    title: "Explorador do ecossistema TSH",
    subtitle: "Portugal · Workshop de Lisboa, 28–30 nov. 2016",
  },
};

const $ = (id: string) => document.getElementById(id) as HTMLElement;
const graphEl = $("graph");
const statusEl = $("graph-status");

const store = createStore(window, navigator.language.toLowerCase().startsWith("pt") ? "pt" : "en");
const t = translator(STRINGS, () => store.get().lang);
let model: GraphModel = emptyModel();
let truncated = false;
let keyboardFocus: string | null = null;
let mapCache: Positions | undefined;
let datasetVersion = "";
const modelListeners: Array<() => void> = [];
// `?renderer=canvas|webgl` overrides the size-based choice; read once, as the renderer is chosen once.
const forcedRenderer = rendererParam(window.location.search);
let rendering: Rendering | undefined;

// Keyboard users reach the graph with Tab (its role makes it interactive, which static HTML linters miss).
graphEl.tabIndex = 0;

const renderer: Renderer = createRenderer(graphEl, (id) => {
  if (id) ctx.selectNode(id);
  else store.update({ node: null, session: null });
});

const filtersOf = (state: ViewState) => ({
  groups: state.groups,
  countries: state.countries,
  types: state.types,
  at: state.compare ? null : state.at,
  compare: state.compare,
});

const ctx: ClientContext = {
  store,
  api,
  model: () => model,
  visible: () => visibleElements(model, filtersOf(store.get())),
  lang: () => store.get().lang,
  announce(message) {
    const announcer = $("announcer");
    announcer.textContent = "";
    // A fresh text node after clearing makes screen readers announce repeated messages too.
    window.setTimeout(() => {
      announcer.textContent = message;
    }, 30);
  },
  selectNode(id) {
    if (id) keyboardFocus = id;
    store.update({ node: id });
  },
  selectSession(id) {
    store.update({ session: id, node: null });
  },
  onModelChange(listener) {
    modelListeners.push(listener);
  },
  graphImage: createGraphImage(
    () => renderer.cy,
    () => captionFor(ctx, t("title"), datasetVersion),
  ),
  offline,
};

function drawElements(lang: Lang): void {
  renderer.setElements(toElements(model.nodes.values(), model.edges.values(), lang));
}

/** Which nodes to emphasise: the selected node and its neighbours, or a session and its presenters. */
function emphasis(state: ViewState, edges: GraphEdge[]): Set<string> | null {
  if (state.node && model.nodes.has(state.node))
    return new Set([state.node, ...neighbourIds(edges, state.node)]);
  if (state.session && model.nodes.has(state.session)) {
    const presenters = edges
      .filter((e) => e.type === "PRESENTED_AT" && e.target === state.session)
      .map((e) => e.source);
    return new Set([state.session, ...presenters]);
  }
  return null;
}

async function mapLayoutPositions(): Promise<Positions> {
  if (mapCache) return mapCache;
  const places = await api.graph("?kinds=Institution,Workshop,Place&types=LOCATED_IN");
  const located = places.edges.filter((e) => e.type === "LOCATED_IN");
  mapCache = mapPositions(
    [...model.nodes.values()],
    places.nodes.filter((n) => n.kind === "Place"),
    located,
    [...model.edges.values()],
  );
  return mapCache;
}

interface Decorations {
  classes: Map<string, string[]>;
  /** What the tools point at (a pathway step, found paths): emphasised over the plain selection. */
  focus: Set<string> | null;
}

/** The marks the trainer and researcher tools put on the graph, derived from the state alone. */
async function decorations(
  state: ViewState,
  visible: { nodes: GraphNode[]; edges: GraphEdge[] },
): Promise<Decorations> {
  const classes = new Map<string, string[]>();
  const mark = (id: string, name: string) => classes.set(id, [...(classes.get(id) ?? []), name]);
  const unavailable = new Set(state.unavailable ?? []);
  for (const id of unavailable) mark(id, "unavailable");
  if (state.compare) {
    const changes = compareDays([...model.nodes.values()], [...model.edges.values()], ...state.compare);
    for (const id of changes.appeared) mark(id, "appeared");
    for (const id of changes.disappeared) mark(id, "disappeared");
  }
  let focus: Set<string> | null = null;
  if (state.pathway && state.step) {
    const pathway = await getPathway(state.pathway).catch(() => undefined);
    const step = pathway?.steps[Math.min(state.step, pathway.steps.length) - 1];
    if (step) {
      focus = new Set([step.actor.id, ...(step.recipient ? [step.recipient.id] : [])]);
      for (const id of focus) mark(id, "step-node");
      if (step.link) mark(step.link.id, "step-edge");
    }
  } else if (state.from && state.to) {
    const paths = pathsForView(visible.edges, state, REFERRAL_TYPES);
    focus = new Set([state.from, state.to]);
    paths.forEach((path, index) => {
      for (const id of path.nodes) {
        focus?.add(id);
        mark(id, "path-node");
      }
      for (const edge of path.edges) {
        mark(edge.id, "path-edge");
        if (index === 0) mark(edge.id, "path-best");
      }
    });
  }
  return { classes, focus };
}

let decorationRun = 0;
let lastDecorations: Decorations = { classes: new Map(), focus: null };

async function refreshDecorations(state: ViewState, previous: ViewState | null): Promise<void> {
  const run = ++decorationRun;
  const visible = visibleElements(model, filtersOf(state));
  const result = await decorations(state, visible);
  if (run !== decorationRun) return; // a newer state has taken over
  lastDecorations = result;
  renderer.decorate(result.classes);
  renderer.highlight(result.focus ?? emphasis(state, visible.edges));
  const toolMoved =
    !previous ||
    state.pathway !== previous.pathway ||
    state.step !== previous.step ||
    state.from !== previous.from ||
    state.to !== previous.to;
  if (result.focus && toolMoved) renderer.fit(result.focus, sheetCover());
  graphEl.dataset.decorated = String(run);
}

async function refreshMetric(state: ViewState): Promise<void> {
  if (!state.metric) {
    renderer.setMetric(null);
    return;
  }
  const metrics = await api.metrics().catch(() => undefined);
  if (!metrics || store.get().metric !== state.metric) return;
  const key = state.metric;
  const max = Math.max(...metrics.metrics.map((m) => m[key]), 1e-9);
  renderer.setMetric(
    new Map(metrics.metrics.map((m) => [m.id, { size: m[key] / max, community: m.community }])),
  );
}

/** Brings what the state points at into view: the selected node, or a session's presenters. */
function showFocus(state: ViewState, edges: GraphEdge[]): void {
  if (lastDecorations.focus) return;
  if (state.node) renderer.center(state.node, sheetCover());
  else if (state.session) {
    const ids = emphasis(state, edges);
    if (ids) renderer.fit(ids, sheetCover());
  }
}

let layoutRuns = 0;

async function runLayout(state: ViewState, options: { animate?: boolean } = {}): Promise<void> {
  const run = ++layoutRuns;
  graphEl.dataset.layout = "running";
  const positions = state.layout === "map" ? await mapLayoutPositions() : undefined;
  await renderer.runLayout(state.layout, {
    focus: state.node,
    ...(positions ? { positions } : {}),
    ...options,
  });
  if (run === layoutRuns) graphEl.dataset.layout = "settled";
  // The layout fits the whole graph; then return to what the view is about.
  if (store.get().node === state.node && store.get().session === state.session)
    showFocus(state, ctx.visible().edges);
}

function applyState(state: ViewState, previous: ViewState | null): void {
  document.documentElement.lang = state.lang;
  document.title = `${t("title")} — ${t("subtitle")}`;
  $("app-title").textContent = t("title");
  $("app-subtitle").textContent = t("subtitle");
  graphEl.setAttribute("aria-label", t("graph"));
  $("details").setAttribute("aria-label", t("details"));
  $("graph-help").textContent = t("help");
  $("retry").textContent = t("retry");
  (document.querySelector(".skip-link") as HTMLElement).textContent = t("skip");
  if (previous && state.lang !== previous.lang) drawElements(state.lang);
  const visible = visibleElements(model, filtersOf(state));
  renderer.setVisible(
    new Set(visible.nodes.map((n) => n.id)),
    new Set(visible.edges.map((e) => e.id)),
    state.mode,
  );
  renderer.highlight(lastDecorations.focus ?? emphasis(state, visible.edges));
  void refreshDecorations(state, previous);
  if (!previous || state.metric !== previous.metric) void refreshMetric(state);
  document.body.classList.toggle("presenting", state.present);
  if (previous && state.present !== previous.present) renderer.setPresentation(state.present);
  renderer.select(state.node);
  renderer.setKeyboardFocus(keyboardFocus);
  $("details").classList.toggle("open", Boolean(state.node || state.session));
  if (previous && (state.node !== previous.node || state.session !== previous.session))
    showFocus(state, visible.edges);
  const layoutChanged = !previous || state.layout !== previous.layout;
  const focusChanged = state.layout === "concentric" && state.node !== previous?.node;
  const hideChanged =
    state.mode === "hide" &&
    previous &&
    JSON.stringify(filtersOf(state)) !== JSON.stringify(filtersOf(previous));
  if (previous && (layoutChanged || focusChanged || hideChanged)) void runLayout(state);
  graphEl.hidden = state.view !== "graph";
  statusEl.hidden = state.view !== "graph";
  $("table").hidden = state.view !== "table";
  graphEl.dataset.visibleCount = String(visible.nodes.length);
  if (graphEl.dataset.state === "ready") {
    statusEl.textContent =
      model.nodes.size === 0
        ? t("empty")
        : t("summary", { nodes: visible.nodes.length, edges: visible.edges.length }) +
          (truncated ? t("truncated") : "");
  }
}

async function load(): Promise<void> {
  $("graph-error").hidden = true;
  statusEl.textContent = t("loading");
  graphEl.dataset.state = "loading";
  try {
    const graph = await api.graph();
    void api
      .health()
      .then((health) => {
        datasetVersion = health.dataset?.version ?? "";
      })
      .catch(() => undefined);
    truncated = graph.truncated;
    model = mergeGraph(emptyModel(), graph);
    mapCache = undefined;
    if (!rendering) {
      rendering = chooseRendering(
        { nodes: graph.nodes.length, edges: graph.edges.length },
        {
          webgl: () => webglSupport(),
          forced: forcedRenderer,
          reducedMotion: window.matchMedia("(prefers-reduced-motion: reduce)").matches,
        },
      );
      renderer.configure(rendering);
      graphEl.dataset.overview = rendering.overview;
    }
    drawElements(store.get().lang);
    graphEl.dataset.nodeCount = String(renderer.nodeCount());
    graphEl.dataset.state = "ready";
    for (const listener of modelListeners) listener();
    applyState(store.get(), null);
    // The first layout is not animated: nodes flying in from nowhere show nothing, and only delay the picture.
    // It runs before the first frame, so the graph is drawn once, where it stays.
    markOnce("layout-start");
    let placed = false;
    const layout = runLayout(store.get(), { animate: false }).then(() => {
      placed = true;
    });
    await nextFrame();
    markOnce("graph-drawn");
    const placedWhenDrawn = placed; // layouts that wait for nothing (all but flow and map) ran before the frame
    await layout;
    if (!placedWhenDrawn) await nextFrame();
    markOnce("layout-settled");
  } catch (error) {
    graphEl.dataset.state = "error";
    statusEl.textContent = "";
    $("graph-error-message").textContent = error instanceof ApiError ? error.message : t("failed");
    $("graph-error").hidden = false;
  }
}

/**
 * Resolves after the next frame is drawn: Cytoscape draws in its own frame callback, which runs first. A hidden
 * page gets no frames, so there it goes on at once.
 */
function nextFrame(): Promise<void> {
  return new Promise((resolve) => {
    if (document.hidden) resolve();
    else requestAnimationFrame(() => resolve());
  });
}

/** Timing marks for the benchmarks (`performance.getEntriesByName`), made at the first load only. */
function markOnce(name: "layout-start" | "graph-drawn" | "layout-settled"): void {
  if (performance.getEntriesByName(name, "mark").length === 0) performance.mark(name);
}

/** On phones the Details sheet covers the bottom of the graph: keep the focus of attention above it. */
function sheetCover(): number {
  const sheet = $("details");
  if (window.getComputedStyle(sheet).position !== "fixed" || !sheet.classList.contains("open")) return 0;
  return Math.min(sheet.offsetHeight, window.innerHeight * 0.5);
}

const ARROWS: Record<string, Direction> = {
  ArrowLeft: "left",
  ArrowRight: "right",
  ArrowUp: "up",
  ArrowDown: "down",
};

function moveKeyboardFocus(direction: Direction): void {
  const { nodes, edges } = ctx.visible();
  if (nodes.length === 0) return;
  const current = keyboardFocus ?? store.get().node;
  let next: string | undefined;
  if (!current || !model.nodes.has(current)) {
    // Start at the best-connected node: the natural entry point into the network.
    const degree = (id: string) => edges.filter((e) => e.source === id || e.target === id).length;
    next = [...nodes].sort((a, b) => degree(b.id) - degree(a.id) || a.id.localeCompare(b.id))[0]?.id;
  } else {
    const neighbours = neighbourIds(edges, current);
    next = renderer.neighbourTowards(current, direction, neighbours);
    if (!next && neighbours.length > 0) {
      const step = direction === "left" || direction === "up" ? -1 : 1;
      next = neighbours[(neighbours.indexOf(current) + step + neighbours.length) % neighbours.length];
    }
  }
  if (!next) return;
  keyboardFocus = next;
  renderer.setKeyboardFocus(next);
  renderer.center(next, sheetCover());
  const node = model.nodes.get(next) as GraphNode;
  const count = neighbourIds(edges, next).length;
  ctx.announce(
    t("focus", {
      name: node.acronym ? `${node.acronym}, ${localName(node, ctx.lang())}` : localName(node, ctx.lang()),
      count,
    }),
  );
}

/** Steps the trainer pathway: arrow keys and PageUp/PageDown (what presenter clickers send). */
function stepPathway(delta: number): void {
  const state = store.get();
  if (!state.pathway) return;
  void getPathway(state.pathway).then((pathway) => {
    const step = Math.min(Math.max((state.step ?? 1) + delta, 1), pathway.steps.length);
    if (step !== state.step) store.update({ step });
  });
}

document.addEventListener("keydown", (event) => {
  const state = store.get();
  const target = event.target as HTMLElement;
  const typing = target.closest("input, select, textarea, [role=combobox]") !== null;
  if (state.present && event.key === "Escape") {
    store.update({ present: false });
    if (document.fullscreenElement) void document.exitFullscreen();
    return;
  }
  if (!state.pathway || typing) return;
  const inGraph = target === graphEl && !state.present;
  const forward =
    event.key === "PageDown" || (!inGraph && (event.key === "ArrowRight" || event.key === "ArrowDown"));
  const back = event.key === "PageUp" || (!inGraph && (event.key === "ArrowLeft" || event.key === "ArrowUp"));
  if (forward || back) {
    event.preventDefault();
    stepPathway(forward ? 1 : -1);
  }
});

graphEl.addEventListener("keydown", (event) => {
  const direction = ARROWS[event.key];
  if (direction) {
    event.preventDefault();
    moveKeyboardFocus(direction);
  } else if (event.key === "Enter" && keyboardFocus) {
    event.preventDefault();
    ctx.selectNode(keyboardFocus);
    focusDetails();
  } else if (event.key === "Escape") {
    event.preventDefault();
    store.update({ node: null, session: null });
  }
});

mountToolbar($("toolbar"), ctx);
mountExport($("toolbar"), ctx);
mountTools($("tools"), $("present-caption"), ctx);
mountSearch($("search"), ctx);
mountSessions($("sessions"), ctx);
mountFilters($("filters"), ctx);
mountDetails($("details"), ctx);
mountTable($("table"), ctx);
store.subscribe((state, previous) => applyState(state, previous));
$("retry").addEventListener("click", () => void load());
void load();
