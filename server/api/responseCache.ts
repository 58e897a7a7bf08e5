// A cache of read-mostly answers per dataset version: the data only changes when the loader runs, so the
// same URL gets the same answer until the stored dataset version changes. The version is re-read at most
// every `versionTtlMs`, so several app instances on one cluster notice a reload within that time. When the
// database cannot be asked, nothing is served from the cache: the route answers (503) as it would.
import type { RequestHandler } from "express";
import type { Database } from "../db/database.ts";

export interface ResponseCacheOptions {
  versionTtlMs: number;
  /** Total size of the cached bodies, in bytes; the oldest entries go first. */
  maxBytes: number;
}

export function responseCache(db: Database, options: ResponseCacheOptions): RequestHandler {
  let version: { value: string; at: number } | undefined;
  let pending: Promise<string> | undefined;
  const entries = new Map<string, { version: string; body: string }>();
  let bytes = 0;

  async function currentVersion(): Promise<string> {
    if (version && Date.now() - version.at < options.versionTtlMs) return version.value;
    pending ??= db
      .runRead("dataset-version")
      .then(([row]) => {
        version = { value: String(row?.version ?? "none"), at: Date.now() };
        return version.value;
      })
      .finally(() => {
        pending = undefined;
      });
    return pending;
  }

  function remember(key: string, entry: { version: string; body: string }) {
    const old = entries.get(key);
    if (old) bytes -= old.body.length;
    entries.delete(key);
    entries.set(key, entry);
    bytes += entry.body.length;
    for (const [oldest, value] of entries) {
      if (bytes <= options.maxBytes) break;
      entries.delete(oldest);
      bytes -= value.body.length;
    }
  }

  return async (req, res, next) => {
    if (req.method !== "GET") return next();
    let current: string;
    try {
      current = await currentVersion();
    } catch {
      return next(); // the database is away: let the route answer for itself
    }
    const key = req.originalUrl;
    const hit = entries.get(key);
    if (hit && hit.version === current) {
      res.set("X-Cache", "hit").type("application/json").send(hit.body);
      return;
    }
    const json = res.json.bind(res);
    res.json = (body: unknown) => {
      if (res.statusCode === 200) {
        const text = JSON.stringify(body);
        remember(key, { version: current, body: text });
        res.set("X-Cache", "miss").type("application/json");
        return res.send(text);
      }
      return json(body);
    };
    next();
  };
}
