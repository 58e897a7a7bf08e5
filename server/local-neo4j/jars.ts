// Resolves the Neo4j Community jars from Maven Central once, into .neo4j/lib-<version>/; later runs find the
// completed folder and never touch the network.
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { LocalNeo4jError } from "./errors.ts";

export const PROJECT_ROOT = path.resolve(import.meta.dirname, "..", "..");
export const POM = path.join(PROJECT_ROOT, "neo4j", "pom.xml");
export const NEO4J_HOME = path.join(PROJECT_ROOT, ".neo4j");
const COMPLETE_MARKER = ".complete";

export function neo4jVersion(): string {
  const match = /<neo4j\.version>([^<]+)<\/neo4j\.version>/.exec(readFileSync(POM, "utf8"));
  if (!match?.[1]) throw new Error(`${POM} has no <neo4j.version> property`);
  return match[1];
}

export function libDir(version = neo4jVersion()): string {
  return path.join(NEO4J_HOME, `lib-${version}`);
}

export function jarsReady(version = neo4jVersion()): boolean {
  return existsSync(path.join(libDir(version), COMPLETE_MARKER));
}

/** Fails with a one-line explanation when Java 17+ is missing. */
export function checkJava(): void {
  const result = spawnSync("java", ["-version"], { encoding: "utf8" });
  if (result.error) {
    throw new LocalNeo4jError(
      "Java 17 or newer is needed to run the local Neo4j, and `java` was not found: install a JDK 17+ (e.g. `apt-get install openjdk-17-jre-headless`) or set NEO4J_URI to use your own Neo4j.",
    );
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(`${result.stderr}${result.stdout}`);
  const major = match ? Number(match[1] === "1" ? match[2] : match[1]) : 0;
  if (major < 17) {
    throw new LocalNeo4jError(
      `Java 17 or newer is needed to run the local Neo4j, but \`java\` is version ${major || "unknown"}: install JDK 17 or 21 and put it first on PATH (or set JAVA_HOME's bin), or set NEO4J_URI.`,
    );
  }
}

function checkMaven(): void {
  const result = spawnSync("mvn", ["--version"], { encoding: "utf8" });
  if (result.error) {
    throw new LocalNeo4jError(
      "Maven is needed once, to fetch Neo4j's jars from Maven Central, and `mvn` was not found: install Maven 3 (e.g. `apt-get install maven`) or set NEO4J_URI to use your own Neo4j.",
    );
  }
}

export type Progress = (message: string, options?: { transient?: boolean }) => void;

/** Makes sure the jars are present, fetching them with Maven (with visible progress) on first use. */
export async function ensureJars(progress: Progress): Promise<string> {
  const version = neo4jVersion();
  const target = libDir(version);
  if (jarsReady(version)) return target;
  checkMaven();
  const staging = `${target}.partial`;
  await rm(staging, { recursive: true, force: true });
  await mkdir(staging, { recursive: true });
  progress(`Fetching Neo4j Community ${version} from Maven Central (once; about 130 MB)…`);
  const tail: string[] = [];
  let downloaded = 0;
  const code = await new Promise<number | null>((resolve, reject) => {
    const mvn = spawn(
      "mvn",
      [
        "-B",
        "-f",
        POM,
        "dependency:copy-dependencies",
        `-DoutputDirectory=${staging}`,
        "-DincludeScope=runtime",
      ],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    const onLine = (line: string) => {
      tail.push(line);
      if (tail.length > 30) tail.shift();
      const done = /^\[INFO\] Downloaded from [^:]+: (\S+)/.exec(line);
      if (done?.[1]) {
        downloaded += 1;
        progress(`  ${downloaded} files downloaded (latest: ${path.basename(done[1])})`, { transient: true });
      } else if (/^\[INFO\] Copying /.test(line)) {
        progress(`  copying jars into ${path.relative(PROJECT_ROOT, target)}`, { transient: true });
      }
    };
    let buffer = "";
    const onData = (chunk: Buffer) => {
      buffer += chunk.toString("utf8");
      const lines = buffer.split("\n");
      buffer = lines.pop() ?? "";
      for (const line of lines) onLine(line.trimEnd());
    };
    mvn.stdout.on("data", onData);
    mvn.stderr.on("data", onData);
    mvn.on("error", reject);
    mvn.on("close", resolve);
  });
  if (code !== 0) {
    await rm(staging, { recursive: true, force: true });
    throw new LocalNeo4jError(
      `Maven could not fetch Neo4j ${version} (exit ${code}). Its last lines:\n${tail.join("\n")}\n` +
        "Check that Maven Central (or your ~/.m2/settings.xml mirror) is reachable and retry, or set NEO4J_URI to use your own Neo4j.",
    );
  }
  await writeFile(path.join(staging, COMPLETE_MARKER), `${new Date().toISOString()}\n`);
  await rm(target, { recursive: true, force: true });
  await rename(staging, target);
  progress(
    `Neo4j ${version} is ready in ${path.relative(PROJECT_ROOT, target)} (${downloaded} files fetched).`,
  );
  return target;
}
