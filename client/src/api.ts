// Fetches from the API and checks every answer against the shared contract.
import type { z } from "zod";
import {
  ErrorBody,
  Graph,
  Health,
  MetricsResult,
  NodeDetails,
  PathwayDetails,
  PathwayList,
  SearchResults,
  SessionList,
} from "../../server/api/schemas.ts";
import { answerFromSnapshot, loadSnapshot, snapshotUrl } from "./staticApi.ts";

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

// The offline build names its snapshot in a meta tag; then every answer comes from that snapshot.
const snapshotAt = snapshotUrl();

async function getJson<T>(url: string, schema: z.ZodType<T>, signal?: AbortSignal): Promise<T> {
  if (snapshotAt !== null) {
    let body: unknown;
    try {
      body = answerFromSnapshot(await loadSnapshot(snapshotAt), url);
    } catch {
      throw new ApiError(
        "The offline snapshot could not be read. Open this folder through a static web server (e.g. python3 -m http.server), then retry.",
        0,
      );
    }
    signal?.throwIfAborted();
    if (body === undefined) throw new ApiError("This offline snapshot does not include that answer.", 404);
    const parsed = schema.safeParse(body);
    if (!parsed.success) throw new ApiError("The offline snapshot holds data in an unexpected shape.", 200);
    return parsed.data;
  }
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: "application/json" }, ...(signal ? { signal } : {}) });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new ApiError("The server cannot be reached. Check that it is running, then retry.", 0);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = ErrorBody.safeParse(body);
    throw new ApiError(
      parsed.success ? parsed.data.error.message : `The server answered ${response.status}.`,
      response.status,
    );
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError("The server sent data in an unexpected shape.", response.status);
  return parsed.data;
}

export const api = {
  graph: (query = "") => getJson(`/api/graph${query}`, Graph),
  node: (id: string, signal?: AbortSignal) =>
    getJson(`/api/nodes/${encodeURIComponent(id)}`, NodeDetails, signal),
  sessions: () => getJson("/api/sessions", SessionList),
  search: (q: string, signal?: AbortSignal) =>
    getJson(`/api/search?q=${encodeURIComponent(q)}&limit=8`, SearchResults, signal),
  pathways: () => getJson("/api/pathways", PathwayList),
  pathway: (id: string) => getJson(`/api/pathways/${encodeURIComponent(id)}`, PathwayDetails),
  metrics: () => getJson("/api/metrics", MetricsResult),
  health: () => getJson("/api/health", Health),
};
export type Api = typeof api;
export const fetchGraph = () => api.graph();

/** True in the offline build, where answers come from a bundled snapshot instead of a server. */
export const offline: boolean = snapshotAt !== null;
