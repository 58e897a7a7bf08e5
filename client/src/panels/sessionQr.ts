// A QR code per workshop session: scanned (say, from a slide), it opens that session's view of the explorer.
// The code is drawn locally from a URL built here; its SVG is parsed as XML, never inserted as HTML.
import { type ClientContext, h } from "../context.ts";
import { type Lang, type Strings, translator } from "../i18n.ts";
import "./exportPanel.css";

type Key = "button" | "title" | "hint" | "alt" | "download" | "close" | "making" | "failed";
const STRINGS: Strings<Key> = {
  en: {
    button: "QR code",
    title: "QR code for this session",
    hint: "Scan it to open this session's view of the explorer.",
    alt: "QR code that opens {url}",
    download: "Download SVG",
    close: "Close",
    making: "Making the QR code…",
    failed: "The QR code could not be made.",
  },
  pt: {
    button: "Código QR",
    title: "Código QR desta sessão",
    hint: "Leia-o para abrir a vista desta sessão no explorador.",
    alt: "Código QR que abre {url}",
    download: "Transferir SVG",
    close: "Fechar",
    making: "A criar o código QR…",
    failed: "Não foi possível criar o código QR.",
  },
};

/** The QR code for a URL, as SVG text. */
export async function sessionQrSvg(url: string): Promise<string> {
  // Loaded on first use: most visitors never open a QR code, so it stays out of the first download.
  const { default: QRCode } = await import("qrcode");
  return QRCode.toString(url, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
}

/** The address of a session's view (in Portuguese when the interface is). */
export function sessionUrl(
  sessionId: string,
  lang: Lang,
  where: Pick<Location, "origin" | "pathname"> = location,
): string {
  const params = new URLSearchParams({ session: sessionId });
  if (lang === "pt") params.set("lang", "pt");
  return `${where.origin}${where.pathname}?${params}`;
}

function parseSvg(text: string): SVGSVGElement | null {
  const doc = new DOMParser().parseFromString(text, "image/svg+xml");
  const root = doc.documentElement;
  if (doc.getElementsByTagName("parsererror").length > 0 || !(root instanceof SVGSVGElement)) return null;
  return document.importNode(root, true);
}

async function openQrDialog(sessionId: string, ctx: ClientContext, opener: HTMLElement): Promise<void> {
  const t = translator(STRINGS, ctx.lang);
  const url = sessionUrl(sessionId, ctx.lang());
  const headingId = `qr-heading-${sessionId}`;
  const figure = h("div", { class: "qr-code" }, h("p", { role: "status" }, t("making")));
  const save = h(
    "a",
    { class: "export-link", download: `thb-session-${sessionId}-qr.svg`, hidden: true },
    t("download"),
  );
  const close = h("button", { type: "button", class: "qr-close" }, t("close"));
  const dialog = h(
    "dialog",
    { class: "qr-dialog", "aria-labelledby": headingId },
    h("h2", { id: headingId }, t("title")),
    figure,
    h("p", {}, t("hint")),
    h("p", { class: "qr-url" }, h("a", { href: url }, url)),
    h("div", { class: "qr-actions" }, save, close),
  );
  let objectUrl: string | null = null;
  close.addEventListener("click", () => dialog.close());
  // Escape closes a modal dialog natively (its "cancel" event, then "close").
  dialog.addEventListener("close", () => {
    if (objectUrl) URL.revokeObjectURL(objectUrl);
    dialog.remove();
    opener.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  const svg = await sessionQrSvg(url).catch(() => null);
  const image = svg ? parseSvg(svg) : null;
  if (!dialog.open) return;
  if (!svg || !image) {
    figure.replaceChildren(h("p", { role: "alert" }, t("failed")));
    return;
  }
  image.setAttribute("role", "img");
  image.setAttribute("aria-label", t("alt", { url }));
  figure.replaceChildren(image);
  objectUrl = URL.createObjectURL(new Blob([svg], { type: "image/svg+xml" }));
  save.href = objectUrl;
  save.hidden = false;
}

/** A "QR code" button that opens a dialog with the code for this session's view. */
export function qrButton(sessionId: string, ctx: ClientContext): HTMLElement {
  const t = translator(STRINGS, ctx.lang);
  const button = h("button", { type: "button", class: "qr-button", "aria-haspopup": "dialog" }, t("button"));
  button.addEventListener("click", () => void openQrDialog(sessionId, ctx, button));
  return button;
}
