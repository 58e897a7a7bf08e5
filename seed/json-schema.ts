// JSON Schemas generated from the zod schemas, one per dataset file, so editors autocomplete and validate
// the YAML (each data file starts with a `# yaml-language-server: $schema=…` line pointing at its schema).
// `npm run schema` rewrites seed/json-schema/; a unit test fails when they are out of date.
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { DATASET_FILES, type DatasetFile } from "./schema.ts";

export const JSON_SCHEMA_DIR = path.resolve(import.meta.dirname, "json-schema");

export function jsonSchemaFor(kind: DatasetFile): string {
  const schema = z.toJSONSchema(z.array(DATASET_FILES[kind]), { io: "input", target: "draft-2020-12" });
  return `${JSON.stringify({ ...schema, title: `${kind}.yaml: a list of ${kind} records` }, null, 2)}\n`;
}

export async function writeJsonSchemas(): Promise<string[]> {
  await mkdir(JSON_SCHEMA_DIR, { recursive: true });
  const written: string[] = [];
  for (const kind of Object.keys(DATASET_FILES) as DatasetFile[]) {
    const file = path.join(JSON_SCHEMA_DIR, `${kind}.schema.json`);
    await writeFile(file, jsonSchemaFor(kind));
    written.push(file);
  }
  return written;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  const files = await writeJsonSchemas();
  console.log(`Wrote ${files.length} JSON Schemas to ${path.relative(process.cwd(), JSON_SCHEMA_DIR)}/`);
}
