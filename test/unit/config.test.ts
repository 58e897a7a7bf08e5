import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../server/config.ts";

describe("loadConfig", () => {
  it("applies the documented defaults", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      HOST: "127.0.0.1",
      NEO4J_USER: "neo4j",
      NEO4J_DATABASE: "neo4j",
      NEO4J_LOCAL_PORT: 7687,
      SEED_ON_START: true,
    });
    expect(config.NEO4J_URI).toBeUndefined();
  });

  it.each(["bolt://localhost:7687", "neo4j://10.0.0.5:7687", "neo4j+s://abcd1234.databases.neo4j.io"])(
    "accepts the Neo4j address %s",
    (uri) => {
      expect(loadConfig({ NEO4J_URI: uri }).NEO4J_URI).toBe(uri);
    },
  );

  it.each([
    ["PORT", "eighty"],
    ["PORT", "70000"],
    ["NEO4J_URI", "http://localhost:7474"],
    ["NEO4J_URI", "localhost:7687"],
    ["NEO4J_LOCAL_HEAP", "lots"],
    ["SEED_ON_START", "maybe"],
    ["NEO4J_DATABASE", "no spaces allowed"],
  ])("rejects %s=%s with a message naming the variable", (name, value) => {
    expect(() => loadConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [name]: value })).toThrow(new RegExp(`${name}=`));
  });

  it("names every wrong variable at once", () => {
    try {
      loadConfig({ PORT: "x", NEO4J_URI: "ftp://nope" });
      expect.unreachable("loadConfig should have thrown");
    } catch (error) {
      expect((error as Error).message).toMatch(/PORT=/);
      expect((error as Error).message).toMatch(/NEO4J_URI=/);
    }
  });
});
