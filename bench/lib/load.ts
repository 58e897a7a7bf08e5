// A closed-loop HTTP load generator: `connections` keep-alive connections, each sending its next request as
// soon as the last answer was read, for `seconds`. Every latency is kept, so percentiles are exact.
import http from "node:http";

export interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  latenciesMs: number[];
  errors: number;
  non2xx: number;
  bytes: number;
}

function get(agent: http.Agent, url: URL): Promise<{ status: number; bytes: number }> {
  return new Promise((resolve, reject) => {
    const req = http.get(url, { agent }, (res) => {
      let bytes = 0;
      res.on("data", (chunk: Buffer) => {
        bytes += chunk.length;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, bytes }));
      res.on("error", reject);
    });
    req.on("error", reject);
  });
}

/** `paths` are taken in turn by all connections (one shared cursor), so a mix is spread evenly. */
export async function load(options: {
  base: string;
  paths: string[];
  connections: number;
  seconds: number;
}): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections });
  const urls = options.paths.map((p) => new URL(p, options.base));
  const latenciesMs: number[] = [];
  let errors = 0;
  let non2xx = 0;
  let bytes = 0;
  let cursor = 0;
  const start = performance.now();
  const end = start + options.seconds * 1000;
  async function worker() {
    while (performance.now() < end) {
      const url = urls[cursor++ % urls.length] as URL;
      const t0 = performance.now();
      try {
        const res = await get(agent, url);
        latenciesMs.push(performance.now() - t0);
        bytes += res.bytes;
        if (res.status < 200 || res.status > 299) non2xx++;
      } catch {
        errors++;
      }
    }
  }
  await Promise.all(Array.from({ length: options.connections }, worker));
  const seconds = (performance.now() - start) / 1000;
  agent.destroy();
  return {
    requests: latenciesMs.length,
    seconds,
    perSecond: latenciesMs.length / seconds,
    latenciesMs,
    errors,
    non2xx,
    bytes,
  };
}

/** Runs `fn` with `concurrency` loops for `seconds`, timing each call (e.g. the driver straight). */
export async function loop(
  fn: (i: number) => Promise<unknown>,
  concurrency: number,
  seconds: number,
): Promise<Omit<LoadResult, "non2xx" | "bytes">> {
  const latenciesMs: number[] = [];
  let errors = 0;
  let i = 0;
  const start = performance.now();
  const end = start + seconds * 1000;
  async function worker() {
    while (performance.now() < end) {
      const t0 = performance.now();
      try {
        await fn(i++);
        latenciesMs.push(performance.now() - t0);
      } catch {
        errors++;
      }
    }
  }
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = (performance.now() - start) / 1000;
  return {
    requests: latenciesMs.length,
    seconds: elapsed,
    perSecond: latenciesMs.length / elapsed,
    latenciesMs,
    errors,
  };
}
