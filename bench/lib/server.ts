// The explorer's server as users run it (its own process, `server/index.ts`), pointed at a benchmark
// Neo4j. Load generators must not share its event loop, so it always runs as a child process.
import { type ChildProcess, spawn } from "node:child_process";
import { freePort } from "../../test/setup/ports.ts";
import { ROOT } from "./results.ts";

export interface ChildServer {
  url: string;
  pid: number;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

/** Waits until the child prints `ready` (a line matching `readyPattern`) or fails with its output. */
export async function spawnServer(
  args: string[],
  env: Record<string, string>,
  readyPattern: RegExp,
  timeoutMs = 180_000,
): Promise<ChildServer> {
  const port = await freePort();
  const { NEO4J_URI: _unset, ...base } = process.env;
  const child = spawn(process.execPath, ["--import", "tsx", ...args], {
    cwd: ROOT,
    env: { ...base, PORT: String(port), ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  const deadline = Date.now() + timeoutMs;
  while (!readyPattern.test(output)) {
    if (child.exitCode !== null) throw new Error(`${args.join(" ")} exited early:\n${output}`);
    if (Date.now() > deadline) {
      child.kill("SIGKILL");
      throw new Error(`${args.join(" ")} did not become ready:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    child,
    output: () => output,
    async stop() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGINT");
      await exited;
    },
  };
}

/**
 * `server/index.ts` on an already running Neo4j (no seeding: the section loads what it measures).
 * Rate limits are off: the benchmarks measure the server, not its limiter.
 */
export function startAppServer(neo4jUri: string, env: Record<string, string> = {}): Promise<ChildServer> {
  return spawnServer(
    ["server/index.ts"],
    {
      NEO4J_URI: neo4jUri,
      NEO4J_PASSWORD: "",
      SEED_ON_START: "false",
      RATE_LIMIT_PER_MINUTE: "0",
      RATE_LIMIT_EXPORT_PER_MINUTE: "0",
      ...env,
    },
    /ready at http/,
  );
}
