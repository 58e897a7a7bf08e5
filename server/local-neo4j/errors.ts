/** A problem starting or stopping the local Neo4j; its message says what to do next. */
export class LocalNeo4jError extends Error {
  override name = "LocalNeo4jError";
}
