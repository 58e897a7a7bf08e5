import neo4j from "neo4j-driver";
import { describe, expect, it } from "vitest";
import { toPlain } from "../../server/db/plain.ts";

describe("toPlain", () => {
  it("turns driver integers and temporal values into JSON values", () => {
    expect(toPlain(neo4j.int(42))).toBe(42);
    expect(toPlain(neo4j.int("9007199254740993"))).toBe("9007199254740993");
    expect(toPlain(new neo4j.types.Date(2023, 10, 29))).toBe("2023-10-29");
    expect(toPlain({ list: [neo4j.int(1), "a", null, undefined] })).toEqual({ list: [1, "a", null, null] });
    expect(toPlain({ id: "x", acronym: null })).toEqual({ id: "x" });
  });

  it("keeps the database's own underscore keys inside", () => {
    expect(toPlain({ id: "sef", _from: "2000-10-16", nested: { _to: "x", y: 1 } })).toEqual({
      id: "sef",
      nested: { y: 1 },
    });
  });
});
