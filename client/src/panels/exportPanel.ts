// The toolbar's Export menu: the current view as an image (PNG at 1×/2×/4×, SVG), and the data the filters
// let through as CSV, JSON, GraphML or GEXF from /api/export (offline: JSON built here from what is loaded).
import { Country, InstitutionCategory, RelationshipType } from "../../../server/api/schemas.ts";
import { type ClientContext, h } from "../context.ts";
import { type Strings, translator } from "../i18n.ts";
import type { ViewState } from "../urlState.ts";
import "./exportPanel.css";

type Key =
  | "export"
  | "image"
  | "scale"
  | "data"
  | "csv"
  | "preparing"
  | "done"
  | "failed"
  | "tableView"
  | "nothing"
  | "offline";
const STRINGS: Strings<Key> = {
  en: {
    export: "Export",
    image: "Image of the current view",
    scale: "Scale",
    data: "Data shown (current filters)",
    csv: "CSV (zip)",
    preparing: "Preparing {file}…",
    done: "Downloaded {file}.",
    failed: "The image could not be made: {message}",
    tableView: "Switch to the graph view to export an image.",
    nothing: "These filters show nothing the data export can select; show at least one kind of body.",
    offline: "Offline copy: the data is available as JSON only.",
  },
  pt: {
    export: "Exportar",
    image: "Imagem da vista atual",
    scale: "Escala",
    data: "Dados visíveis (filtros atuais)",
    csv: "CSV (zip)",
    preparing: "A preparar {file}…",
    done: "Transferido: {file}.",
    failed: "Não foi possível criar a imagem: {message}",
    tableView: "Mude para a vista de grafo para exportar uma imagem.",
    nothing:
      "Estes filtros não mostram nada que a exportação de dados possa selecionar; mostre pelo menos um tipo de entidade.",
    offline: "Cópia offline: os dados só estão disponíveis em JSON.",
  },
};

const SCALES = [1, 2, 4] as const;
const FORMATS = [
  ["csv", "csv"],
  ["json", "JSON"],
  ["graphml", "GraphML"],
  ["gexf", "GEXF"],
] as const;
const CATEGORIES = new Set<string>(InstitutionCategory.options);
const TYPES = new Set<string>(RelationshipType.options);
/** Legend groups that are node kinds rather than institution categories. */
const KIND_OF_GROUP: Record<string, string> = { workshop: "Workshop", session: "Session", person: "Person" };

type ExportFilters = Pick<ViewState, "groups" | "countries" | "types" | "at" | "compare">;

/**
 * The /api/export filters for the view's filters, or null when the API cannot select what the view shows
 * (e.g. every kind of body hidden). Compare mode shows two days at once, which no single `at` covers.
 */
export function exportQuery(filters: ExportFilters): URLSearchParams | null {
  const params = new URLSearchParams();
  if (filters.groups) {
    const categories = filters.groups.filter((group) => CATEGORIES.has(group));
    const kinds = [
      ...(categories.length > 0 ? ["Institution"] : []),
      ...filters.groups.flatMap((group) => KIND_OF_GROUP[group] ?? []),
    ];
    if (kinds.length === 0) return null;
    params.set("kinds", kinds.join(","));
    if (categories.length > 0) params.set("categories", categories.join(","));
  }
  if (filters.countries) {
    const countries = filters.countries.filter((country) => Country.safeParse(country).success);
    if (countries.length === 0) return null;
    params.set("country", countries.join(","));
  }
  if (filters.types) {
    const types = filters.types.filter((type) => TYPES.has(type));
    if (types.length === 0) return null;
    params.set("types", types.join(","));
  }
  if (filters.at && !filters.compare) params.set("at", filters.at);
  return params;
}

/** Today as YYYY-MM-DD, in local time (the day the user sees). */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** Saves a blob as a file; the link is clicked inside `parent` so the click does not close the menu. */
function download(blob: Blob, filename: string, parent: HTMLElement): void {
  const url = URL.createObjectURL(blob);
  const link = h("a", { href: url, download: filename, hidden: true });
  parent.append(link);
  link.click();
  link.remove();
  // Revoking at once can cancel the download in some browsers.
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export function mountExport(container: HTMLElement, ctx: ClientContext): void {
  const t = translator(STRINGS, ctx.lang);
  const summary = h("summary", {});
  const scale = h("select", { id: "export-scale" });
  for (const value of SCALES) scale.append(h("option", { value: String(value) }, `${value}×`));
  scale.value = "2";
  const scaleLabel = h("label", { for: "export-scale" });
  const pngButton = h("button", { type: "button", "data-export": "png" }, "PNG");
  const svgButton = h("button", { type: "button", "data-export": "svg" }, "SVG");
  const imageHeading = h("h3", { id: "export-image-heading" });
  const dataHeading = h("h3", { id: "export-data-heading" });
  const imageNote = h("p", { class: "export-note" });
  const dataLinks = h("div", { class: "export-row" });
  const dataNote = h("p", { class: "export-note" });
  const status = h("p", { class: "export-status", role: "status" });
  const menu = h(
    "details",
    { class: "export-menu" },
    summary,
    h(
      "div",
      { class: "export-body" },
      h(
        "section",
        { "aria-labelledby": "export-image-heading" },
        imageHeading,
        h("div", { class: "export-row" }, scaleLabel, scale, pngButton, svgButton),
        imageNote,
      ),
      h("section", { "aria-labelledby": "export-data-heading" }, dataHeading, dataLinks, dataNote),
      status,
    ),
  );

  const say = (message: string) => {
    status.textContent = message;
  };
  // One image at a time; the buttons stay enabled (and focused) while it is made.
  let busy = false;

  async function saveImage(kind: "png" | "svg") {
    if (busy) return;
    busy = true;
    const file = `thb-graph-${today()}.${kind}`;
    say(t("preparing", { file }));
    try {
      const blob =
        kind === "png"
          ? await ctx.graphImage.png(Number(scale.value))
          : new Blob([await ctx.graphImage.svg()], { type: "image/svg+xml" });
      download(blob, file, menu);
      say(t("done", { file }));
    } catch (error) {
      say(t("failed", { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      busy = false;
    }
  }

  function offlineJson() {
    const { nodes, edges } = ctx.visible();
    const file = `thb-graph-${today()}.json`;
    const meta = {
      title: "THB ecosystem explorer: graph export",
      generatedAt: new Date().toISOString(),
      sourceNote:
        "Exported from an offline copy. Every node and edge lists its source ids in 'sources'; the full citations are in the app's details panel.",
    };
    const body = `${JSON.stringify({ meta, nodes, edges, truncated: false }, null, 2)}\n`;
    download(new Blob([body], { type: "application/json" }), file, menu);
    say(t("done", { file }));
  }

  function renderData() {
    if (ctx.offline) {
      const json = h("button", { type: "button", "data-export": "json" }, "JSON");
      json.addEventListener("click", offlineJson);
      dataLinks.replaceChildren(json);
      dataNote.textContent = t("offline");
      return;
    }
    const query = exportQuery(ctx.store.get());
    dataNote.textContent = query ? "" : t("nothing");
    dataLinks.replaceChildren(
      ...(query
        ? FORMATS.map(([format, label]) => {
            const params = new URLSearchParams([["format", format], ...query]);
            const href = `/api/export?${params.toString().replaceAll("%2C", ",")}`;
            return h(
              "a",
              { class: "export-link", href, download: true },
              format === "csv" ? t("csv") : label,
            );
          })
        : []),
    );
  }

  function render() {
    const state = ctx.store.get();
    summary.textContent = t("export");
    imageHeading.textContent = t("image");
    dataHeading.textContent = t("data");
    scaleLabel.textContent = t("scale");
    // An image can be made only of the graph on screen.
    pngButton.disabled = state.view !== "graph";
    svgButton.disabled = state.view !== "graph";
    imageNote.textContent = state.view === "graph" ? "" : t("tableView");
    renderData();
  }

  pngButton.addEventListener("click", () => void saveImage("png"));
  svgButton.addEventListener("click", () => void saveImage("svg"));
  menu.addEventListener("keydown", (event) => {
    if (event.key !== "Escape" || !menu.open) return;
    event.preventDefault();
    event.stopPropagation();
    menu.open = false;
    summary.focus();
  });
  document.addEventListener("click", (event) => {
    if (menu.open && !menu.contains(event.target as Node)) menu.open = false;
  });
  const watched = ["lang", "view", "groups", "countries", "types", "at", "compare"] as const;
  ctx.store.subscribe((state, previous) => {
    if (watched.some((key) => state[key] !== previous[key])) render();
  });
  render();
  container.append(menu);
  // The toolbar re-renders its own controls (replacing the container's children): keep the menu in place.
  new MutationObserver(() => {
    if (menu.parentElement !== container) container.append(menu);
  }).observe(container, { childList: true });
}
