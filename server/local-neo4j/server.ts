// Starts, finds and stops the project's own Neo4j Community server: Java runs CommunityEntryPoint from the
// jars Maven resolved, bound to 127.0.0.1, with its own data folder and explicit small memory settings.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, openSync, readFileSync } from "node:fs";
import { mkdir, rm, writeFile } from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import neo4j from "neo4j-driver";
import type { Config } from "../config.ts";
import { LocalNeo4jError } from "./errors.ts";
import { checkJava, ensureJars, NEO4J_HOME, type Progress } from "./jars.ts";

export interface LocalNeo4jOptions {
  /** The instance folder; defaults to .neo4j/instances/default. */
  dir?: string;
  port: number;
  heap: string;
  pagecache: string;
  /** Keep running after this process exits (db:start, dev): its own process group, stopped by db:stop. */
  lasting?: boolean;
  startTimeoutMs?: number;
  progress: Progress;
}

export interface LocalNeo4j {
  uri: string;
  pid: number;
  /** False when an instance that was already running was reused: then stop() leaves it running. */
  startedHere: boolean;
  stop(): Promise<void>;
}

interface PidFile {
  pid: number;
  port: number;
  startedAt: string;
}

/** The local Neo4j's options from the app's configuration. */
export function localNeo4jOptions(config: Config, progress: Progress, lasting = false): LocalNeo4jOptions {
  return {
    port: config.NEO4J_LOCAL_PORT,
    heap: config.NEO4J_LOCAL_HEAP,
    pagecache: config.NEO4J_LOCAL_PAGECACHE,
    lasting,
    progress,
    ...(config.NEO4J_LOCAL_DIR ? { dir: config.NEO4J_LOCAL_DIR } : {}),
  };
}

export const DEFAULT_INSTANCE_DIR = path.join(NEO4J_HOME, "instances", "default");
const EXIT_CODES: Record<number, string> = {
  1: "its web server failed to start",
  2: "the database failed to start (is another Neo4j using the same data folder?)",
  3: "the configuration is invalid (e.g. heap plus page cache larger than the memory available)",
};

const pidFilePath = (dir: string) => path.join(dir, "run", "launcher.pid");

function readPidFile(dir: string): PidFile | undefined {
  try {
    return JSON.parse(readFileSync(pidFilePath(dir), "utf8")) as PidFile;
  } catch {
    return undefined;
  }
}

function isOurNeo4j(pid: number, dir: string): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return cmdline.includes("CommunityEntryPoint") && cmdline.includes(dir);
  } catch {
    return true; // No /proc (macOS): trust the live pid.
  }
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: "127.0.0.1", port });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function boltAnswers(uri: string): Promise<boolean> {
  const driver = neo4j.driver(uri, neo4j.auth.basic("neo4j", ""), { connectionTimeout: 2000 });
  try {
    await driver.verifyConnectivity();
    return true;
  } catch {
    return false;
  } finally {
    await driver.close();
  }
}

function tailOf(file: string, lines = 25): string {
  if (!existsSync(file)) return "";
  return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}

function javaArgs(lib: string, dir: string, options: LocalNeo4jOptions): string[] {
  const settings = {
    "server.default_listen_address": "127.0.0.1",
    "server.bolt.listen_address": `127.0.0.1:${options.port}`,
    "server.http.enabled": "false",
    "server.https.enabled": "false",
    // Safe only because it listens on 127.0.0.1; a shared server must have auth (see README).
    "dbms.security.auth_enabled": "false",
    "server.directories.data": path.join(dir, "data"),
    "server.directories.logs": path.join(dir, "logs"),
    "server.directories.run": path.join(dir, "run"),
    "server.memory.pagecache.size": options.pagecache,
    "dbms.usage_report.enabled": "false",
    "db.tx_log.rotation.retention_policy": "100M size",
    // Bolt's graceful shutdown otherwise waits twice 5 s for idle connections: Ctrl-C should be quick.
    "internal.dbms.bolt.netty_server_shutdown_quiet_period": "0",
    "internal.dbms.bolt.netty_server_shutdown_timeout": "2",
    "internal.server.bolt.thread_pool_shutdown_wait_time": "1s",
    "internal.server.bolt.connection_shutdown_wait_time": "1s",
  };
  return [
    `-Xms${options.heap}`,
    `-Xmx${options.heap}`,
    "-XX:+UseG1GC",
    "-XX:+ExitOnOutOfMemoryError",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-cp",
    `${path.join(lib, "*")}`,
    "org.neo4j.server.CommunityEntryPoint",
    `--home-dir=${dir}`,
    `--config-dir=${path.join(dir, "conf")}`,
    "--console-mode",
    ...Object.entries(settings).map(([key, value]) => `-c${key}=${value}`),
  ];
}

function waitForExit(pid: number, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  return new Promise((resolve) => {
    const check = () => {
      try {
        process.kill(pid, 0);
      } catch {
        resolve(true);
        return;
      }
      if (Date.now() > deadline) resolve(false);
      else setTimeout(check, 100);
    };
    check();
  });
}

/** Stops the instance whose pid file is in `dir`: SIGTERM, then SIGKILL after 30 s. Returns its pid, if any. */
export async function stopLocalNeo4j(dir = DEFAULT_INSTANCE_DIR): Promise<number | undefined> {
  const pidFile = readPidFile(dir);
  if (!pidFile) return undefined;
  if (isOurNeo4j(pidFile.pid, dir)) {
    process.kill(pidFile.pid, "SIGTERM");
    if (!(await waitForExit(pidFile.pid, 30_000))) {
      process.kill(pidFile.pid, "SIGKILL");
      await waitForExit(pidFile.pid, 5000);
    }
  }
  await rm(pidFilePath(dir), { force: true });
  return pidFile.pid;
}

export function localNeo4jStatus(dir = DEFAULT_INSTANCE_DIR): PidFile | undefined {
  const pidFile = readPidFile(dir);
  return pidFile && isOurNeo4j(pidFile.pid, dir) ? pidFile : undefined;
}

/** Starts the local Neo4j (fetching its jars on first use), or reuses the one already running. */
export async function startLocalNeo4j(options: LocalNeo4jOptions): Promise<LocalNeo4j> {
  const dir = path.resolve(options.dir ?? DEFAULT_INSTANCE_DIR);
  const uri = `bolt://127.0.0.1:${options.port}`;
  const { progress } = options;

  const previous = readPidFile(dir);
  if (previous && isOurNeo4j(previous.pid, dir)) {
    if (previous.port !== options.port) {
      throw new LocalNeo4jError(
        `The local Neo4j is already running on port ${previous.port} (pid ${previous.pid}), not ${options.port}: run \`npm run db:stop\` first, or set NEO4J_LOCAL_PORT=${previous.port}.`,
      );
    }
    if (!(await boltAnswers(uri))) {
      throw new LocalNeo4jError(
        `A local Neo4j from an earlier run (pid ${previous.pid}) is running but not answering on ${uri}: run \`npm run db:stop\`, then start again.`,
      );
    }
    progress(
      `Using the local Neo4j already running (pid ${previous.pid}, ${uri}); \`npm run db:stop\` stops it.`,
    );
    return { uri, pid: previous.pid, startedHere: false, stop: async () => {} };
  }
  if (previous) {
    progress(
      `Found a stale pid file from an earlier run that did not stop cleanly (pid ${previous.pid} is gone); removing it.`,
    );
    await rm(pidFilePath(dir), { force: true });
  }

  checkJava();
  const lib = await ensureJars(progress);
  if (await portInUse(options.port)) {
    throw new LocalNeo4jError(
      `Port ${options.port} on 127.0.0.1 is already in use by another program: set NEO4J_LOCAL_PORT to a free port, or set NEO4J_URI=bolt://127.0.0.1:${options.port} to use the server listening there.`,
    );
  }
  for (const sub of ["conf", "data", "logs", "run"]) await mkdir(path.join(dir, sub), { recursive: true });
  await writeFile(
    path.join(dir, "conf", "neo4j.conf"),
    "# Settings are passed on the command line by server/local-neo4j/server.ts.\n",
  );
  const consoleLog = path.join(dir, "logs", "console.log");
  const out = openSync(consoleLog, "w");
  const child: ChildProcess = spawn("java", javaArgs(lib, dir, options), {
    stdio: ["ignore", out, out],
    // Its own process group: a terminal's Ctrl-C reaches only us, and we stop Neo4j last, in order.
    detached: true,
  });
  if (child.pid === undefined) throw new LocalNeo4jError("Could not start `java`; is Java 17+ installed?");
  const pid = child.pid;
  if (options.lasting) child.unref();
  let exitCode: number | null | undefined;
  child.once("exit", (code, signal) => {
    exitCode = code ?? (signal ? 128 : null);
  });
  await writeFile(
    pidFilePath(dir),
    JSON.stringify({ pid, port: options.port, startedAt: new Date().toISOString() } satisfies PidFile),
  );

  const timeoutMs = options.startTimeoutMs ?? 120_000;
  progress(`Starting Neo4j on ${uri} (data in ${path.relative(process.cwd(), dir) || dir})…`);
  const started = Date.now();
  for (;;) {
    if (exitCode !== undefined) {
      await rm(pidFilePath(dir), { force: true });
      const reason = (exitCode !== null && EXIT_CODES[exitCode]) || `it exited with code ${exitCode}`;
      throw new LocalNeo4jError(
        `Neo4j did not start: ${reason}. The end of its log (${consoleLog}):\n${tailOf(consoleLog)}\n` +
          "Fix what the log says, or run `npm run db:stop` if an earlier instance is still running, then try again.",
      );
    }
    if (await boltAnswers(uri)) break;
    if (Date.now() - started > timeoutMs) {
      process.kill(pid, "SIGKILL");
      await rm(pidFilePath(dir), { force: true });
      throw new LocalNeo4jError(
        `Neo4j did not answer on ${uri} within ${timeoutMs / 1000} s. The end of its log (${consoleLog}):\n${tailOf(consoleLog)}\n` +
          "The machine may be short of memory or CPU: lower NEO4J_LOCAL_HEAP / NEO4J_LOCAL_PAGECACHE, or use your own Neo4j with NEO4J_URI.",
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  progress(`Neo4j is up on ${uri} (${((Date.now() - started) / 1000).toFixed(1)} s).`);

  let stopping: Promise<void> | undefined;
  return {
    uri,
    pid,
    startedHere: true,
    stop() {
      stopping ??= (async () => {
        if (exitCode === undefined) {
          process.kill(pid, "SIGTERM");
          if (!(await waitForExit(pid, 30_000))) process.kill(pid, "SIGKILL");
          await waitForExit(pid, 5000);
        }
        await rm(pidFilePath(dir), { force: true });
      })();
      return stopping;
    },
  };
}
