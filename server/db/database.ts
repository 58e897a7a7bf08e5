// The one module that touches the driver: a read/write pair of managed transactions with a timeout, a result
// cap and errors mapped to the app's typed errors by the driver's error code (never its message text).
import neo4j, {
  type Driver,
  type ManagedTransaction,
  Neo4jError,
  type QueryResult,
  type Session,
} from "neo4j-driver";
import type { Config } from "../config.ts";
import { type QueryName, query } from "../cypher.ts";
import { DatabaseTimeoutError, DatabaseUnavailableError } from "../errors.ts";
import { type Plain, toPlain } from "./plain.ts";

export interface DatabaseOptions {
  uri: string;
  user: string;
  password: string;
  database: string;
  queryTimeoutMs: number;
  /**
   * How long runRead, runWrite and verifyConnectivity wait in all, connection included, before answering
   * DatabaseTimeoutError: the server's own transaction timeout cannot fire when its process is frozen with
   * its sockets open. Defaults to queryTimeoutMs.
   */
  deadlineMs?: number;
  maxResults: number;
}

/** The database options from the app's configuration, for the server at `uri`. */
export function databaseOptions(config: Config, uri: string): DatabaseOptions {
  return {
    uri,
    user: config.NEO4J_USER,
    password: config.NEO4J_PASSWORD,
    database: config.NEO4J_DATABASE,
    queryTimeoutMs: config.NEO4J_QUERY_TIMEOUT_MS,
    maxResults: config.NEO4J_MAX_RESULTS,
  };
}

export type Row = Record<string, Plain>;

export interface WriteCounters {
  nodesCreated: number;
  nodesDeleted: number;
  relationshipsCreated: number;
  relationshipsDeleted: number;
  propertiesSet: number;
  labelsAdded: number;
  labelsRemoved: number;
}

export interface WriteTx {
  run(name: QueryName, params?: Record<string, unknown>): Promise<Row[]>;
}

export interface Database {
  readonly uri: string;
  readonly database: string;
  runRead(name: QueryName, params?: Record<string, unknown>): Promise<Row[]>;
  runWrite(name: QueryName, params?: Record<string, unknown>): Promise<Row[]>;
  /** Runs `work` in one write transaction: all of it commits, or none of it. */
  writeTransaction<T>(work: (tx: WriteTx) => Promise<T>): Promise<{ result: T; counters: WriteCounters }>;
  /** Runs schema statements (constraints, indexes), each in its own auto-commit transaction. */
  runSchema(statements: string[]): Promise<void>;
  verifyConnectivity(): Promise<void>;
  close(): Promise<void>;
}

const UNAVAILABLE_CODES = new Set([
  "ServiceUnavailable",
  "SessionExpired",
  "Neo.TransientError.General.DatabaseUnavailable",
  "Neo.ClientError.Database.DatabaseNotFound",
  "Neo.ClientError.Security.Unauthorized",
  "Neo.ClientError.Security.AuthenticationRateLimit",
]);
const TIMEOUT_CODES = new Set([
  "Neo.ClientError.Transaction.TransactionTimedOut",
  "Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration",
  "Neo.TransientError.Transaction.LockClientStopped",
]);

/** Maps a driver error to the app's typed error; anything unexpected is rethrown as it is. */
export function mapDriverError(error: unknown): unknown {
  if (error instanceof Neo4jError) {
    if (UNAVAILABLE_CODES.has(error.code)) return new DatabaseUnavailableError();
    if (TIMEOUT_CODES.has(error.code)) return new DatabaseTimeoutError();
    if (error.code.startsWith("Neo.TransientError.")) return new DatabaseUnavailableError();
  }
  return error;
}

function zeroCounters(): WriteCounters {
  return {
    nodesCreated: 0,
    nodesDeleted: 0,
    relationshipsCreated: 0,
    relationshipsDeleted: 0,
    propertiesSet: 0,
    labelsAdded: 0,
    labelsRemoved: 0,
  };
}

function addCounters(total: WriteCounters, result: QueryResult): void {
  const updates = result.summary.counters.updates();
  for (const key of Object.keys(total) as Array<keyof WriteCounters>) total[key] += updates[key] ?? 0;
}

function rows(result: QueryResult): Row[] {
  return result.records.map((record) => toPlain(record.toObject()) as Row);
}

/** Rejects with DatabaseTimeoutError after `ms` unless `work` settles first; then calls `onExpire`. */
function withDeadline<T>(work: Promise<T>, ms: number, onExpire: () => void = () => {}): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => {
      reject(new DatabaseTimeoutError());
      onExpire();
    }, ms);
    // An abandoned work's late result or error is dropped here: no one is left to answer.
    work.then(resolve, reject).finally(() => clearTimeout(timer));
  });
}

/**
 * Runs `use` on `session` and closes it. Past `deadlineMs` it rejects at once and leaves the session to close
 * in the background: on a frozen server even the close would not return.
 */
function inSession<T>(
  session: Session,
  use: (session: Session) => Promise<T>,
  deadlineMs?: number,
): Promise<T> {
  const work = (async () => {
    try {
      return await use(session);
    } finally {
      await session.close();
    }
  })();
  if (deadlineMs === undefined) return work;
  // Closing stops the driver's retries; the connection goes back to the pool once the server answers or drops it.
  return withDeadline(work, deadlineMs, () => void session.close().catch(() => {}));
}

export function createDatabase(options: DatabaseOptions): Database {
  const deadlineMs = options.deadlineMs ?? options.queryTimeoutMs;
  const driver: Driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), {
    // An interactive API must fail fast when the database is away, not hang for the 30-60 s defaults.
    connectionTimeout: 3000,
    // Longer than the deadline, so a request waiting for a connection gets the deadline's typed 503 rather
    // than the driver's code-less acquisition error; the pool still gives up on its own soon after.
    connectionAcquisitionTimeout: deadlineMs + 1000,
    maxTransactionRetryTime: 1500,
    maxConnectionPoolSize: 50,
    disableLosslessIntegers: false,
    userAgent: "thb-graph-explorer",
  });
  const txConfig = { timeout: options.queryTimeoutMs };
  const readSession = () =>
    driver.session({ database: options.database, defaultAccessMode: neo4j.session.READ });
  const writeSession = () =>
    driver.session({ database: options.database, defaultAccessMode: neo4j.session.WRITE });

  let closed = false;
  async function guarded<T>(work: () => Promise<T>): Promise<T> {
    // Requests still in flight while the server shuts down get a clean 503, not the driver's pool error.
    if (closed) throw new DatabaseUnavailableError("The server is shutting down; try again in a moment.");
    try {
      return await work();
    } catch (error) {
      if (closed) throw new DatabaseUnavailableError("The server is shutting down; try again in a moment.");
      throw mapDriverError(error);
    }
  }

  return {
    uri: options.uri,
    database: options.database,
    runRead(name, params = {}) {
      return guarded(() =>
        inSession(
          readSession(),
          (session) =>
            session.executeRead(async (tx: ManagedTransaction) => {
              // A query's own `limit` (e.g. search's) wins over the global cap, but never exceeds it.
              const limit = Math.min(Number(params.limit ?? options.maxResults), options.maxResults);
              const result = await tx.run(query(name), { ...params, limit: neo4j.int(limit) });
              return rows(result);
            }, txConfig),
          deadlineMs,
        ),
      );
    },
    runWrite(name, params = {}) {
      return guarded(() =>
        inSession(
          writeSession(),
          (session) => session.executeWrite(async (tx) => rows(await tx.run(query(name), params)), txConfig),
          deadlineMs,
        ),
      );
    },
    writeTransaction(work) {
      // No deadline: loading the dataset may take long, and runs at start-up or from the CLI, not per request.
      return guarded(() =>
        inSession(writeSession(), (session) =>
          session.executeWrite(async (tx) => {
            const counters = zeroCounters();
            const result = await work({
              async run(name, params = {}) {
                const res = await tx.run(query(name), params);
                addCounters(counters, res);
                return rows(res);
              },
            });
            return { result, counters };
          }),
        ),
      );
    },
    runSchema(statements) {
      return guarded(() =>
        inSession(writeSession(), async (session) => {
          for (const statement of statements) await session.run(statement);
          await session.run("CALL db.awaitIndexes(60)");
        }),
      );
    },
    verifyConnectivity() {
      return guarded(async () => {
        await withDeadline(driver.verifyConnectivity({ database: options.database }), deadlineMs);
      });
    },
    close() {
      closed = true;
      return driver.close();
    },
  };
}
