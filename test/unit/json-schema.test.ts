import { readFile } from "node:fs/promises";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { JSON_SCHEMA_DIR, jsonSchemaFor } from "../../seed/json-schema.ts";
import { DATASET_FILES, type DatasetFile } from "../../seed/schema.ts";

describe("the dataset's JSON Schemas", () => {
  it.each(Object.keys(DATASET_FILES) as DatasetFile[])(
    "%s.schema.json matches the zod schema (npm run schema)",
    async (kind) => {
      const committed = await readFile(path.join(JSON_SCHEMA_DIR, `${kind}.schema.json`), "utf8");
      expect(committed).toBe(jsonSchemaFor(kind));
    },
  );

  it("describes institutions with their required fields and enums", () => {
    const schema = JSON.parse(jsonSchemaFor("institutions")) as {
      items: { required: string[]; properties: Record<string, { enum?: string[] }> };
    };
    expect(schema.items.required).toEqual(
      expect.arrayContaining(["id", "name", "category", "country", "sources", "evidence"]),
    );
    expect(schema.items.properties.evidence?.enum).toEqual(["documented", "reported", "inferred"]);
  });
});
