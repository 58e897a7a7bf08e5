// Configuration comes from the environment once, at start-up, and is validated here: a wrong value stops
// start-up with a message naming the variable.
import { z } from "zod";

const Port = z.coerce.number().int().min(1).max(65535);
const MemorySize = z.string().regex(/^\d+[kmg]$/i, "must be a size such as 512m or 1g");
const Flag = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");

/** Requests per minute per client address; 0 turns the limit off. */
const PerMinute = z.coerce.number().int().min(0).max(1_000_000);

/** A browser origin exactly as browsers send it in `Origin`: scheme, host and port, nothing else. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "http:" || url.protocol === "https:") && url.origin === value;
  } catch {
    return false;
  }
}

const OriginList = z
  .string()
  .transform((value) =>
    value
      .split(",")
      .map((origin) => origin.trim())
      .filter((origin) => origin !== ""),
  )
  .superRefine((origins, ctx) => {
    const wrong = origins.filter((origin) => !isOrigin(origin));
    if (wrong.length > 0)
      ctx.addIssue({
        code: "custom",
        message: `${wrong.map((o) => JSON.stringify(o)).join(", ")} ${wrong.length === 1 ? "is not an origin" : "are not origins"}: list exact origins such as https://example.org,http://localhost:5173 (no path, no trailing slash, no *)`,
      });
  });

export const NEO4J_URI_SCHEMES = ["bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc"] as const;

const Neo4jUri = z
  .string()
  .trim()
  .refine(
    (value) => {
      try {
        const url = new URL(value);
        return (
          (NEO4J_URI_SCHEMES as readonly string[]).includes(url.protocol.slice(0, -1)) && url.hostname !== ""
        );
      } catch {
        return false;
      }
    },
    `must be a Neo4j address such as bolt://localhost:7687, neo4j://host:7687 or neo4j+s://xxxx.databases.neo4j.io (schemes: ${NEO4J_URI_SCHEMES.join(", ")})`,
  );

export const EnvSchema = z.object({
  PORT: Port.default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  NEO4J_URI: Neo4jUri.optional(),
  NEO4J_USER: z.string().min(1).default("neo4j"),
  NEO4J_PASSWORD: z.string().default(""),
  NEO4J_DATABASE: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9.-]{0,62}$/, "must be a Neo4j database name, e.g. neo4j")
    .default("neo4j"),
  NEO4J_LOCAL_PORT: Port.default(7687),
  /** The local Neo4j's instance folder (data, logs, pid file); defaults to .neo4j/instances/default. */
  NEO4J_LOCAL_DIR: z.string().min(1).optional(),
  NEO4J_LOCAL_HEAP: MemorySize.default("512m"),
  NEO4J_LOCAL_PAGECACHE: MemorySize.default("128m"),
  // Also the client-side deadline of each query: an unresponsive database is answered with 503 within 5 s.
  NEO4J_QUERY_TIMEOUT_MS: z.coerce.number().int().min(100).max(120_000).default(4000),
  NEO4J_MAX_RESULTS: z.coerce.number().int().min(1).max(1_000_000).default(20_000),
  SEED_ON_START: Flag.default(true),
  DATA_DIR: z.string().min(1).optional(),
  /** Per-address limit on /api/search and /api/paths (each its own window). */
  RATE_LIMIT_PER_MINUTE: PerMinute.default(120),
  /** Per-address limit on /api/export, which builds whole files. */
  RATE_LIMIT_EXPORT_PER_MINUTE: PerMinute.default(20),
  /** Memory for cached answers (per dataset version), in MiB; 0 turns the cache off. */
  RESPONSE_CACHE_MB: z.coerce.number().int().min(0).max(4096).default(32),
  /** Other sites allowed to call the API from their pages; unset, no cross-origin reads. */
  CORS_ORIGINS: OriginList.default([]),
});

export type Config = z.infer<typeof EnvSchema>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Parses the environment; throws a ConfigError naming every wrong variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const relevant = Object.fromEntries(
    Object.keys(EnvSchema.shape).map((key) => [
      key,
      env[key] === "" && key !== "NEO4J_PASSWORD" ? undefined : env[key],
    ]),
  );
  const parsed = EnvSchema.safeParse(relevant);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const name = String(issue.path[0]);
    return `  ${name}=${JSON.stringify(env[name] ?? "")}: ${issue.message}`;
  });
  throw new ConfigError(`Invalid configuration; fix these environment variables:\n${lines.join("\n")}`);
}
