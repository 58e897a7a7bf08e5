// The table view: what the filters let through as two sortable tables, nodes and relationships. Choosing a
// name selects its node; with a node selected, only its relationships are listed. Rows come from tableRows.ts.
import "./search-table.css";
import { type ClientContext, h } from "../context.ts";
import { localName, translator } from "../i18n.ts";
import type { ViewState } from "../urlState.ts";
import { TABLE_STRINGS } from "./table.strings.ts";
import {
  EDGE_COLUMNS,
  type EdgeColumn,
  edgeRows,
  NODE_COLUMNS,
  type NodeColumn,
  nodeRows,
  type Sort,
  sortEdgeRows,
  sortNodeRows,
  toggleSort,
} from "./tableRows.ts";

/** State that changes what the table shows (layout does not). */
const WATCHED = ["node", "session", "groups", "countries", "types", "mode", "lang", "view"] as const;
const changed = (a: ViewState, b: ViewState) =>
  WATCHED.some((key) => JSON.stringify(a[key]) !== JSON.stringify(b[key]));

export function mountTable(container: HTMLElement, ctx: ClientContext): void {
  const t = translator(TABLE_STRINGS, ctx.lang);
  let nodeSort: Sort<NodeColumn> = { key: "name", direction: "ascending" };
  let edgeSort: Sort<EdgeColumn> = { key: "from", direction: "ascending" };

  /** A button that selects a node; `focusKey` lets the focus survive a re-render. */
  const selectButton = (id: string, label: string, focusKey: string) => {
    const button = h("button", { type: "button", class: "table-link", "data-focus": focusKey }, label);
    button.addEventListener("click", () => ctx.selectNode(id));
    return button;
  };

  function headerRow<K extends NodeColumn | EdgeColumn>(
    table: "nodes" | "edges",
    columns: readonly K[],
    sort: Sort<K>,
    onSort: (key: K) => void,
  ): HTMLTableSectionElement {
    const cells = columns.map((key) => {
      const sorted = sort.key === key;
      const button = h(
        "button",
        { type: "button", class: "table-sort", "data-focus": `sort-${table}-${key}` },
        t(key),
        h(
          "span",
          { class: "table-sort-icon", "aria-hidden": "true" },
          sorted ? (sort.direction === "ascending" ? "▲" : "▼") : "↕",
        ),
      );
      button.addEventListener("click", () => onSort(key));
      return h(
        "th",
        { scope: "col", class: `col-${key}`, "aria-sort": sorted ? sort.direction : undefined },
        button,
      );
    });
    return h("thead", {}, h("tr", {}, ...cells));
  }

  const emptyRow = (columns: number) =>
    h("tr", { class: "table-empty" }, h("td", { colspan: String(columns) }, t("empty")));

  function nodesTable(selected: string | null): HTMLElement {
    const lang = ctx.lang();
    const rows = sortNodeRows(nodeRows(ctx.visible(), lang), nodeSort, lang);
    const body = rows.map((row) =>
      h(
        "tr",
        {
          class: row.id === selected ? "selected" : undefined,
          "aria-selected": row.id === selected ? "true" : undefined,
          "data-id": row.id,
        },
        h("th", { scope: "row", class: "col-name" }, selectButton(row.id, row.name, `node-${row.id}`)),
        h("td", { class: "col-acronym" }, row.acronym),
        h("td", { class: "col-group" }, row.group),
        h("td", { class: "col-country" }, row.country),
        h("td", { class: "col-connections" }, String(row.connections)),
      ),
    );
    const onSort = (key: NodeColumn) => {
      nodeSort = toggleSort(nodeSort, key, ["connections"]);
      render(false);
    };
    return h(
      "table",
      { class: "data-table", id: "table-nodes" },
      h("caption", {}, t("nodes", { count: rows.length })),
      headerRow("nodes", NODE_COLUMNS, nodeSort, onSort),
      h("tbody", {}, ...(body.length > 0 ? body : [emptyRow(NODE_COLUMNS.length)])),
    );
  }

  function edgesTable(selected: string | null): HTMLElement[] {
    const lang = ctx.lang();
    const rows = sortEdgeRows(edgeRows(ctx.visible(), lang, selected), edgeSort, lang);
    const body = rows.map((row) =>
      h(
        "tr",
        { "data-id": row.id },
        h("td", { class: "col-from" }, selectButton(row.source, row.from, `edge-${row.id}-from`)),
        h("td", { class: "col-relation" }, row.relation),
        h("td", { class: "col-to" }, selectButton(row.target, row.to, `edge-${row.id}-to`)),
        h("td", { class: "col-evidence" }, row.evidence),
        h("td", { class: "col-valid" }, row.valid),
      ),
    );
    const onSort = (key: EdgeColumn) => {
      edgeSort = toggleSort(edgeSort, key);
      render(false);
    };
    const focus = selected === null ? undefined : ctx.model().nodes.get(selected);
    const caption =
      selected === null
        ? t("relationships", { count: rows.length })
        : t("relationshipsOf", { name: focus ? localName(focus, lang) : selected, count: rows.length });
    const showAll =
      selected === null
        ? null
        : h("button", { type: "button", class: "table-show-all", "data-focus": "show-all" }, t("showAll"));
    showAll?.addEventListener("click", () => ctx.selectNode(null));
    const table = h(
      "table",
      { class: "data-table", id: "table-edges" },
      h("caption", {}, caption),
      headerRow("edges", EDGE_COLUMNS, edgeSort, onSort),
      h("tbody", {}, ...(body.length > 0 ? body : [emptyRow(EDGE_COLUMNS.length)])),
    );
    return showAll ? [h("div", { class: "table-tools" }, showAll), table] : [table];
  }

  // The selection the table last scrolled to: a selection made before the data arrived is scrolled to once
  // its row exists, without yanking the view back on every later re-render.
  let scrolledTo: string | null = null;

  function render(scrollToSelection: boolean): void {
    const focusKey = container.contains(document.activeElement)
      ? (document.activeElement as HTMLElement).dataset.focus
      : undefined;
    const selected = ctx.store.get().node;
    container.setAttribute("role", "region");
    container.setAttribute("aria-label", t("region"));
    container.replaceChildren(
      h("section", { class: "table-section" }, nodesTable(selected)),
      h("section", { class: "table-section" }, ...edgesTable(selected)),
    );
    if (focusKey !== undefined) restoreFocus(focusKey);
    const row = container.querySelector<HTMLElement>("#table-nodes tr.selected");
    if (row && (scrollToSelection || scrolledTo !== selected)) {
      scrolledTo = selected;
      // After the frame: main.ts may unhide the view only after this listener ran.
      requestAnimationFrame(() => {
        if (row.isConnected) scrollRowIntoView(row);
      });
    }
  }

  /**
   * Centres a row that is out of sight: vertically only (scrollIntoView would also scroll sideways), and
   * counting the sticky header row at the top and the page's status line over the bottom as out of sight.
   */
  function scrollRowIntoView(row: HTMLElement): void {
    const view = container.getBoundingClientRect();
    const box = row.getBoundingClientRect();
    const header = container.querySelector("#table-nodes thead")?.getBoundingClientRect().height ?? 0;
    const bottomMargin = 40;
    if (box.top >= view.top + header && box.bottom <= view.bottom - bottomMargin) return;
    container.scrollTop += box.top + box.height / 2 - (view.top + header + (view.height - header) / 2);
  }

  /** Re-rendering replaces the buttons: give the focus back to the same one, or to the region if it is gone. */
  function restoreFocus(key: string): void {
    const same = [...container.querySelectorAll<HTMLElement>("[data-focus]")].find(
      (el) => el.dataset.focus === key,
    );
    if (!same) container.tabIndex = -1;
    (same ?? container).focus({ preventScroll: true });
  }

  const showing = () => ctx.store.get().view === "table";

  // Cheap while the graph is showing: switching to the table renders it afresh.
  ctx.store.subscribe((next, previous) => {
    if (next.view !== "table" || !changed(next, previous)) return;
    render(next.node !== previous.node || previous.view !== "table");
  });
  ctx.onModelChange(() => {
    if (showing()) render(false);
  });
  if (showing()) render(true);
}
