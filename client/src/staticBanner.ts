// In the offline build only: a banner saying the page shows a snapshot, and of which day. It follows the page's
// language (main.ts sets <html lang> on every view change). Online, this module does nothing.
import "./staticBanner.css";
import type { Lang } from "./i18n.ts";
import { loadSnapshot, showSnapshotBanner, snapshotUrl } from "./staticApi.ts";

function pageLang(): Lang {
  const asked = new URLSearchParams(window.location.search).get("lang");
  if (asked === "en" || asked === "pt") return asked;
  return navigator.language.toLowerCase().startsWith("pt") ? "pt" : "en";
}

const url = snapshotUrl();
if (url) {
  // A snapshot that fails to load is reported by the graph's own error message; the banner just stays away.
  loadSnapshot(url).then(
    ({ createdAt }) => {
      showSnapshotBanner(createdAt, pageLang());
      const html = document.documentElement;
      new MutationObserver(() => {
        if (html.lang === "en" || html.lang === "pt") showSnapshotBanner(createdAt, html.lang);
      }).observe(html, { attributes: true, attributeFilter: ["lang"] });
    },
    () => undefined,
  );
}
