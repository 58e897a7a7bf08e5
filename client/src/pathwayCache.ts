// Trainer pathways are fetched once each and shared by the player panel and the graph decorations.
import type { PathwayDetails } from "../../server/api/schemas.ts";
import { api } from "./api.ts";

const cache = new Map<string, Promise<PathwayDetails>>();

export function getPathway(id: string): Promise<PathwayDetails> {
  let entry = cache.get(id);
  if (!entry) {
    entry = api.pathway(id);
    cache.set(id, entry);
    entry.catch(() => cache.delete(id));
  }
  return entry;
}

let list: ReturnType<typeof api.pathways> | undefined;
export function listPathways(): ReturnType<typeof api.pathways> {
  list ??= api.pathways();
  list.catch(() => {
    list = undefined;
  });
  return list;
}
