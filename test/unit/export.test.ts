import { XMLParser, XMLValidator } from "fast-xml-parser";
import { strFromU8, unzipSync } from "fflate";
import { describe, expect, it } from "vitest";
import type { Graph } from "../../server/api/schemas.ts";
import { collectAttributes, escapeXml } from "../../server/export/attributes.ts";
import { edgesCsv, nodesCsv, toCsv } from "../../server/export/csv.ts";
import { toGEXF } from "../../server/export/gexf.ts";
import { toGraphML } from "../../server/export/graphml.ts";
import { EXPORT_FORMATS, exportGraph } from "../../server/export/index.ts";
import { csvZip } from "../../server/export/zip.ts";

const XSS = "<img src=x onerror=alert(1)> & 'more'";
const FORMULA = '=HYPERLINK("http://evil.example","click")';
const TITLE = 'Opening, "welcome"\nsession';

const graph: Graph = {
  nodes: [
    {
      id: "sef",
      kind: "Institution",
      name: "Serviço de Estrangeiros e Fronteiras",
      nameEn: "Foreigners\u0007 and Borders Service",
      acronym: "SEF",
      aliases: ["Immigration & Borders Service", "SEF"],
      country: "PT",
      description: XSS,
      hasShelter: false,
      sources: ["https://example.org/a?x=1&y=2"],
      evidence: "documented",
    },
    { id: "apav", kind: "Institution", name: FORMULA, order: -2, sources: [], evidence: "reported" },
    {
      id: "s1",
      kind: "Session",
      title: TITLE,
      order: 1,
      weight: 2.5,
      sources: ["x"],
      evidence: "documented",
    },
  ],
  edges: [
    {
      id: "e1",
      source: "sef",
      target: "apav",
      type: "REFERS_TO",
      description: 'Victims referred, "fast"',
      count: 3,
      cities: ["Lisboa", "Porto"],
    },
    { id: "e2", source: "apav", target: "s1", type: "PRESENTED_AT" },
  ],
  truncated: false,
};
const meta = {
  title: "THB graph",
  generatedAt: "2026-11-28T10:00:00.000Z",
  sourceNote: "Sources: see each element.",
};

type XmlElement = Record<string, unknown> & { "#text"?: string };
const LISTS = new Set(["key", "node", "edge", "data", "attribute", "attributes", "attvalue"]);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: "@_",
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
  isArray: (name) => LISTS.has(name),
});
const parse = (xml: string) => parser.parse(xml) as Record<string, XmlElement>;
const list = (value: unknown) => (value ?? []) as XmlElement[];

// A tiny RFC 4180 reader, so the tests count records rather than physical lines.
function readCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, "");
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const char = body[i];
    if (quoted && char === '"' && body[i + 1] === '"') {
      field += '"';
      i++;
    } else if (char === '"') {
      quoted = !quoted;
    } else if (!quoted && char === ",") {
      row.push(field);
      field = "";
    } else if (!quoted && char === "\r" && body[i + 1] === "\n") {
      rows.push([...row, field]);
      row = [];
      field = "";
      i++;
    } else {
      field += char;
    }
  }
  return rows;
}

describe("collectAttributes", () => {
  it("orders leading keys first, then alphabetically, and widens mixed types", () => {
    const columns = collectAttributes(
      [
        { id: "a", z: 1, b: 1, c: "x" },
        { id: "b", z: 1.5, b: "two", d: ["x"] },
      ],
      ["id"],
    );
    expect(columns).toEqual([
      { name: "id", type: "string" },
      { name: "b", type: "string" },
      { name: "c", type: "string" },
      { name: "d", type: "string-list" },
      { name: "z", type: "double" },
    ]);
  });
});

describe("escapeXml", () => {
  it("strips characters XML 1.0 forbids and escapes the five specials", () => {
    expect(escapeXml("a\u0000b\u001Fc\uD800d\uFFFE😀 <&>\"'")).toBe("abcd😀 &lt;&amp;&gt;&quot;&apos;");
  });
});

describe("toGraphML", () => {
  const xml = toGraphML(graph, meta);
  const root = parse(xml).graphml as XmlElement;
  const keys = list(root.key);
  const g = list(root.graph)[0] ?? (root.graph as XmlElement);
  const dataOf = (element: XmlElement) =>
    Object.fromEntries(
      list(element.data).map((d) => [
        keys.find((k) => k["@_id"] === d["@_key"])?.["@_attr.name"],
        d["#text"] ?? "",
      ]),
    );

  it("is well-formed GraphML with directed edges and every element", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(root["@_xmlns"]).toBe("http://graphml.graphdrawing.org/xmlns");
    expect(g["@_edgedefault"]).toBe("directed");
    expect(list(g.node).map((n) => n["@_id"])).toEqual(["sef", "apav", "s1"]);
    expect(list(g.edge).map((e) => [e["@_id"], e["@_source"], e["@_target"]])).toEqual([
      ["e1", "sef", "apav"],
      ["e2", "apav", "s1"],
    ]);
  });

  it("declares a typed key for every attribute, plus labels", () => {
    const declared = (forClass: string) =>
      Object.fromEntries(
        keys.filter((k) => k["@_for"] === forClass).map((k) => [k["@_attr.name"], k["@_attr.type"]]),
      );
    expect(declared("node")).toMatchObject({
      label: "string",
      kind: "string",
      name: "string",
      aliases: "string",
    });
    expect(declared("node")).toMatchObject({
      order: "long",
      weight: "double",
      hasShelter: "boolean",
      country: "string",
    });
    expect(declared("edge")).toEqual({
      label: "string",
      type: "string",
      cities: "string",
      count: "long",
      description: "string",
    });
    expect(new Set(keys.map((k) => k["@_id"])).size).toBe(keys.length);
  });

  it("round-trips values, escaped, with labels and without missing attributes", () => {
    const [sef, apav, s1] = list(g.node).map(dataOf);
    expect(sef).toMatchObject({
      label: "SEF",
      name: "Serviço de Estrangeiros e Fronteiras",
      description: XSS,
    });
    expect(sef).toMatchObject({
      aliases: "Immigration & Borders Service; SEF",
      nameEn: "Foreigners and Borders Service",
    });
    expect(apav).toMatchObject({ label: FORMULA, order: "-2" });
    expect(apav).not.toHaveProperty("country");
    expect(s1).toMatchObject({ label: TITLE, weight: "2.5" });
    expect(list(g.edge).map(dataOf)[0]).toMatchObject({
      label: "REFERS_TO",
      count: "3",
      cities: "Lisboa; Porto",
    });
    expect(xml).not.toContain("<img");
    expect(xml).toContain("&lt;img src=x onerror=alert(1)&gt; &amp; &apos;more&apos;");
  });
});

describe("toGEXF", () => {
  const xml = toGEXF(graph, meta);
  const root = parse(xml).gexf as XmlElement;
  const g = root.graph as XmlElement;
  const blocks = list(g.attributes);
  const attrs = (cls: string) => list(blocks.find((b) => b["@_class"] === cls)?.attribute);
  const valuesOf = (element: XmlElement, cls: string) =>
    Object.fromEntries(
      list((element.attvalues as XmlElement | undefined)?.attvalue).map((v) => [
        attrs(cls).find((a) => a["@_id"] === v["@_for"])?.["@_title"],
        v["@_value"],
      ]),
    );
  const nodes = list((g.nodes as XmlElement).node);
  const edges = list((g.edges as XmlElement).edge);

  it("is well-formed GEXF 1.3 with meta and directed edges", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
    expect(root).toMatchObject({ "@_xmlns": "http://gexf.net/1.3", "@_version": "1.3" });
    const m = root.meta as XmlElement;
    expect(m["@_lastmodifieddate"]).toBe("2026-11-28");
    expect(m.creator).toBe("THB ecosystem explorer");
    expect(m.description).toContain(meta.sourceNote);
    expect(g["@_defaultedgetype"]).toBe("directed");
    expect(nodes).toHaveLength(3);
    expect(edges).toHaveLength(2);
  });

  it("declares node and edge attributes with ids and types", () => {
    const typed = (cls: string) => Object.fromEntries(attrs(cls).map((a) => [a["@_title"], a["@_type"]]));
    expect(typed("node")).toMatchObject({
      kind: "string",
      aliases: "string",
      order: "long",
      weight: "double",
    });
    expect(typed("edge")).toEqual({ type: "string", cities: "string", count: "long", description: "string" });
  });

  it("labels nodes and edges and round-trips values", () => {
    expect(nodes.map((n) => n["@_label"])).toEqual(["SEF", FORMULA, 'Opening, "welcome" session']);
    expect(valuesOf(nodes[0] ?? {}, "node")).toMatchObject({
      description: XSS,
      name: "Serviço de Estrangeiros e Fronteiras",
    });
    expect(edges[0]).toMatchObject({ "@_label": "REFERS_TO", "@_kind": "REFERS_TO" });
    expect(edges[0]).not.toHaveProperty("@_type");
    expect(valuesOf(edges[0] ?? {}, "edge")).toEqual({
      type: "REFERS_TO",
      cities: "Lisboa; Porto",
      count: "3",
      description: 'Victims referred, "fast"',
    });
    expect(valuesOf(edges[1] ?? {}, "edge")).toEqual({ type: "PRESENTED_AT" });
  });

  it("escapes markup and keeps line breaks inside attribute values", () => {
    expect(xml).not.toContain("<img");
    expect(xml).toContain("&lt;img src=x onerror=alert(1)&gt; &amp; &apos;more&apos;");
    expect(valuesOf(nodes[2] ?? {}, "node")).toMatchObject({ title: TITLE, order: "1", weight: "2.5" });
    expect(valuesOf(nodes[1] ?? {}, "node")).not.toHaveProperty("country");
  });
});

describe("CSV", () => {
  it("writes a BOM, a header, CRLF rows and RFC 4180 quoting", () => {
    const csv = toCsv([{ a: 'say "hi", ok', b: "line\nbreak" }, { a: "plain" }], ["a", "b"]);
    expect(csv).toBe('\uFEFFa,b\r\n"say ""hi"", ok","line\nbreak"\r\nplain,\r\n');
  });

  it("neutralises spreadsheet formulas but keeps real negative numbers", () => {
    const csv = toCsv(
      [{ a: "=1+1", b: "+1", c: "-x", d: "@SUM(A1)", e: "\tx", f: -3 }],
      ["a", "b", "c", "d", "e", "f"],
    );
    expect(readCsv(csv)[1]).toEqual(["'=1+1", "'+1", "'-x", "'@SUM(A1)", "'\tx", "-3"]);
  });

  it("exports nodes and edges with their attribute columns", () => {
    const nodes = readCsv(nodesCsv(graph));
    expect(nodes[0]).toEqual([
      ...["id", "kind", "name", "acronym", "aliases", "country", "description", "evidence", "hasShelter"],
      ...["nameEn", "order", "sources", "title", "weight"],
    ]);
    expect(nodes).toHaveLength(4);
    expect(nodes[1]?.slice(0, 5)).toEqual([
      "sef",
      "Institution",
      "Serviço de Estrangeiros e Fronteiras",
      "SEF",
      "Immigration & Borders Service; SEF",
    ]);
    expect(nodes[2]?.[2]).toBe(`'${FORMULA}`);
    expect(nodes[3]?.[12]).toBe(TITLE);
    const edges = readCsv(edgesCsv(graph));
    expect(edges[0]).toEqual(["id", "source", "target", "type", "cities", "count", "description"]);
    expect(edges[2]).toEqual(["e2", "apav", "s1", "PRESENTED_AT", "", "", ""]);
  });
});

describe("csvZip and exportGraph", () => {
  it("zips nodes.csv, edges.csv and a README", () => {
    const files = unzipSync(csvZip(graph, meta));
    expect(Object.keys(files).sort()).toEqual(["README.txt", "edges.csv", "nodes.csv"]);
    expect([...(files["nodes.csv"] ?? []).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(readCsv(strFromU8(files["nodes.csv"] ?? new Uint8Array()))).toHaveLength(1 + graph.nodes.length);
    expect(readCsv(strFromU8(files["edges.csv"] ?? new Uint8Array()))).toHaveLength(1 + graph.edges.length);
    const readme = strFromU8(files["README.txt"] ?? new Uint8Array());
    expect(readme).toContain(meta.generatedAt);
    expect(readme).toContain(meta.sourceNote);
  });

  it.each([
    ["json", "application/json; charset=utf-8", "thb-graph-2026-11-28.json"],
    ["csv", "application/zip", "thb-graph-2026-11-28-csv.zip"],
    ["graphml", "application/graphml+xml; charset=utf-8", "thb-graph-2026-11-28.graphml"],
    ["gexf", "application/gexf+xml; charset=utf-8", "thb-graph-2026-11-28.gexf"],
  ] as const)("exports %s as %s named %s", (format, contentType, filename) => {
    const file = exportGraph(graph, format, meta);
    expect(file).toMatchObject({ contentType, filename });
    expect(file.body.length).toBeGreaterThan(0);
  });

  it("covers every format, and JSON carries the graph and its meta", () => {
    expect(EXPORT_FORMATS).toEqual(["json", "csv", "graphml", "gexf"]);
    const body = exportGraph(graph, "json", meta).body;
    expect(JSON.parse(typeof body === "string" ? body : "")).toEqual({ meta, ...graph });
  });
});
