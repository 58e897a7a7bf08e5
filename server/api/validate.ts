// Request input goes through zod; a failure becomes a 400 naming each parameter and what was wrong with it.
import type { z } from "zod";
import { ValidationError } from "../errors.ts";

export interface InputProblem {
  in: "query" | "path";
  parameter: string;
  message: string;
}

export function parseInput<T extends z.ZodType>(
  schema: T,
  value: unknown,
  where: "query" | "path",
): z.output<T> {
  const parsed = schema.safeParse(value ?? {});
  if (parsed.success) return parsed.data;
  const problems: InputProblem[] = parsed.error.issues.map((issue) => {
    const unknownKeys = issue.code === "unrecognized_keys" ? issue.keys.join(", ") : undefined;
    const parameter = unknownKeys ?? String(issue.path[0] ?? "");
    let message = issue.message;
    if (unknownKeys) message = `is not a parameter of this endpoint`;
    else if (
      issue.code === "invalid_type" &&
      Array.isArray((value as Record<string, unknown>)?.[parameter])
    ) {
      message = "was given more than once; give it once (lists are comma-separated)";
    }
    return { in: where, parameter, message };
  });
  const summary = problems.map(
    (p) => `${p.in === "path" ? "path" : "query"} parameter '${p.parameter}' ${p.message}`,
  );
  throw new ValidationError(`Invalid request: ${summary.join("; ")}.`, problems);
}
