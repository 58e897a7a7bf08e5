// Page start-up: load the graph, draw it, and show loading, empty and error states (never a blank page).
import { ApiError, fetchGraph } from "./api.ts";
import { toElements } from "./elements.ts";
import { displayName, emptyModel, type GraphModel, mergeGraph } from "./model.ts";
import { type Renderer, renderGraph } from "./renderer.ts";

const graphEl = document.getElementById("graph") as HTMLElement;
const statusEl = document.getElementById("graph-status") as HTMLElement;
const errorEl = document.getElementById("graph-error") as HTMLElement;
const errorMessageEl = document.getElementById("graph-error-message") as HTMLElement;
const detailsEl = document.getElementById("details") as HTMLElement;

// Keyboard users reach the graph with Tab (its role makes it interactive, which static HTML linters miss).
graphEl.tabIndex = 0;

let model: GraphModel = emptyModel();
let renderer: Renderer | undefined;

function showDetails(id: string | undefined): void {
  const node = id ? model.nodes.get(id) : undefined;
  detailsEl.replaceChildren();
  if (!node) {
    const hint = document.createElement("p");
    hint.className = "hint";
    hint.textContent = "Select a node to see its details.";
    detailsEl.append(hint);
    return;
  }
  const heading = document.createElement("h2");
  heading.textContent = node.name ?? node.title ?? displayName(node);
  const meta = document.createElement("p");
  meta.className = "meta";
  meta.textContent = [node.kind, node.category, node.country].filter(Boolean).join(" · ");
  detailsEl.append(heading, meta);
  if (node.nameEn && node.nameEn !== node.name) {
    const en = document.createElement("p");
    en.textContent = node.nameEn;
    detailsEl.append(en);
  }
}

async function load(): Promise<void> {
  errorEl.hidden = true;
  statusEl.textContent = "Loading the graph…";
  graphEl.dataset.state = "loading";
  try {
    const graph = await fetchGraph();
    model = mergeGraph(emptyModel(), graph);
    renderer?.destroy();
    renderer = renderGraph(graphEl, toElements(model), showDetails);
    const count = renderer.nodeCount();
    graphEl.dataset.nodeCount = String(count);
    graphEl.dataset.state = "ready";
    statusEl.textContent =
      count === 0
        ? "The database holds no data yet: run `npm run seed`, then retry."
        : `${count} nodes and ${model.edges.size} relationships${graph.truncated ? " (truncated)" : ""}.`;
  } catch (error) {
    graphEl.dataset.state = "error";
    statusEl.textContent = "";
    errorMessageEl.textContent = error instanceof ApiError ? error.message : "The graph could not be loaded.";
    errorEl.hidden = false;
  }
}

document.getElementById("retry")?.addEventListener("click", () => void load());
void load();
