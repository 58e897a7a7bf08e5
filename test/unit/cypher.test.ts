import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CYPHER_DIR, QUERY_NAMES, query, schemaStatements } from "../../server/cypher.ts";

describe("cypher files", () => {
  it.each(QUERY_NAMES)("has a file for the query '%s'", (name) => {
    expect(existsSync(path.join(CYPHER_DIR, `${name}.cypher`))).toBe(true);
    expect(query(name).trim().length).toBeGreaterThan(10);
  });

  it("keeps schema statements idempotent", () => {
    const statements = schemaStatements();
    expect(statements.length).toBeGreaterThanOrEqual(3);
    for (const statement of statements) expect(statement).toMatch(/IF NOT EXISTS/);
    expect(statements.join("\n")).toMatch(/REQUIRE n\.id IS UNIQUE/);
  });
});
