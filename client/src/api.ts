// Fetches from the API and checks every answer against the shared contract.
import type { z } from "zod";
import { ErrorBody, Graph } from "../../server/api/schemas.ts";

export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

async function getJson<T>(url: string, schema: z.ZodType<T>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept: "application/json" } });
  } catch {
    throw new ApiError("The server cannot be reached. Check that it is running, then retry.", 0);
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = ErrorBody.safeParse(body);
    throw new ApiError(
      error.success ? error.data.error.message : `The server answered ${response.status}.`,
      response.status,
    );
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError("The server sent data in an unexpected shape.", response.status);
  return parsed.data;
}

export const fetchGraph = () => getJson("/api/graph", Graph);
