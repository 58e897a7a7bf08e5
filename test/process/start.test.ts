// The app as users start it: the entry point in its own process, with the local Neo4j it manages.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ErrorBody, Health } from "../../server/api/schemas.ts";
import { freePort } from "../setup/ports.ts";

const TSX = path.resolve("node_modules/.bin/tsx");

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function startServer(env: Record<string, string>): Started {
  const { NEO4J_URI: _ignored, ...inherited } = process.env;
  const child = spawn(TSX, ["server/index.ts"], {
    env: { ...inherited, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForOutput(started: Started, pattern: RegExp, timeoutMs = 150_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!pattern.test(started.output())) {
    if (started.child.exitCode !== null) throw new Error(`The server exited early:\n${started.output()}`);
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${pattern}:\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("npm start (server/index.ts)", () => {
  const dirs: string[] = [];
  afterAll(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true });
  });

  it("starts its own Neo4j from the cached jars, seeds, serves, and leaves no Java process after Ctrl-C", async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), "thb-start-"));
    dirs.push(dir);
    // As if an earlier run had crashed: a pid file whose process is gone.
    const gone = spawn("true");
    await new Promise((resolve) => gone.once("exit", resolve));
    await mkdir(path.join(dir, "run"), { recursive: true });
    await writeFile(
      path.join(dir, "run", "launcher.pid"),
      JSON.stringify({ pid: gone.pid, port: 1, startedAt: "" }),
    );
    const port = await freePort();
    const started = startServer({
      PORT: String(port),
      NEO4J_LOCAL_PORT: String(await freePort()),
      NEO4J_LOCAL_DIR: dir,
    });
    try {
      await waitForOutput(started, /ready at http:\/\/127\.0\.0\.1:\d+\//);
      expect(started.output()).not.toMatch(/Fetching Neo4j/);
      expect(started.output()).toMatch(/stale pid file from an earlier run/);
      expect(started.output()).toMatch(/Dataset [0-9a-f]{16} loaded/);
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(health.status).toBe(200);
      expect(Health.parse(await health.json()).neo4j.version).toMatch(/^5\.26\./);
      const page = await fetch(`http://127.0.0.1:${port}/`);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('aria-label="Graph"');
      const javaPid = (
        JSON.parse(readFileSync(path.join(dir, "run", "launcher.pid"), "utf8")) as { pid: number }
      ).pid;
      expect(alive(javaPid)).toBe(true);

      started.child.kill("SIGINT");
      expect(await started.exited).toBe(0);
      expect(alive(javaPid)).toBe(false);
    } finally {
      started.child.kill("SIGKILL");
    }
  });

  it("keeps serving with a 503 health while the configured Neo4j is unreachable", async () => {
    const port = await freePort();
    const started = startServer({ PORT: String(port), NEO4J_URI: "bolt://127.0.0.1:1" });
    try {
      await waitForOutput(started, /ready at/, 30_000);
      expect(started.output()).toMatch(/not reachable yet/);
      const health = await fetch(`http://127.0.0.1:${port}/api/health`);
      expect(health.status).toBe(503);
      expect(ErrorBody.parse(await health.json()).error.code).toBe("database_unavailable");
      started.child.kill("SIGTERM");
      expect(await started.exited).toBe(0);
    } finally {
      started.child.kill("SIGKILL");
    }
  });

  it("refuses a wrong PORT with a message naming the variable", async () => {
    const started = startServer({ PORT: "eighty" });
    expect(await started.exited).toBe(1);
    expect(started.output()).toMatch(/PORT="eighty"/);
  });

  it("explains a Bolt port already taken by another program", async () => {
    const blocker = net.createServer().listen(0, "127.0.0.1");
    await new Promise((resolve) => blocker.once("listening", resolve));
    const blocked = (blocker.address() as net.AddressInfo).port;
    const dir = await mkdtemp(path.join(os.tmpdir(), "thb-start-"));
    dirs.push(dir);
    try {
      const started = startServer({
        NEO4J_LOCAL_PORT: String(blocked),
        NEO4J_LOCAL_DIR: dir,
        PORT: String(await freePort()),
      });
      expect(await started.exited).toBe(1);
      expect(started.output()).toMatch(
        new RegExp(`Port ${blocked} on 127.0.0.1 is already in use.*NEO4J_LOCAL_PORT`),
      );
    } finally {
      blocker.close();
    }
  });
});
