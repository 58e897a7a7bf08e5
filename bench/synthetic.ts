// Synthetic anti-trafficking ecosystems for the scale benchmark: institutions with the real data's mix of
// categories and countries, names full-text search can find, sources they cite, the places they sit in and
// the laws that govern them. Links grow by preferential attachment, so a few national bodies become hubs
// with hundreds or thousands of links while most institutions keep a handful. Deterministic for a seed.

import { type Dataset, relationshipId } from "../seed/dataset.ts";
import { applySchema, type LoadReport, loadRows, toGraphRows } from "../seed/loader.ts";
import type {
  Evidence,
  Institution,
  InstitutionCategory,
  LegalInstrument,
  Place,
  Relationship,
  RelationshipType,
  Source,
} from "../seed/schema.ts";
import type { Database } from "../server/db/database.ts";

export interface EcosystemOptions {
  institutions: number;
  relationshipsPerInstitution?: number /* default 5 */;
  seed?: number /* default 1 */;
}

type Random = () => number;

/** mulberry32: small, fast and good enough to make the same ecosystem from the same seed. */
function random(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: Random, items: readonly T[]): T => items[Math.floor(rnd() * items.length)] as T;

/** One of `items`, each as likely as its weight. */
function choose<T>(rnd: Random, items: readonly T[], weightOf: (item: T) => number): T {
  let r = rnd() * items.reduce((sum, item) => sum + weightOf(item), 0);
  for (const item of items) {
    r -= weightOf(item);
    if (r < 0) return item;
  }
  return items[items.length - 1] as T;
}

const weighted = <T extends string>(rnd: Random, weights: Readonly<Record<T, number>>): T =>
  choose(rnd, Object.keys(weights) as T[], (key) => weights[key]);

/** Index in [0, n) with probability ∝ 1/(i+1)^s: a few items take most of the draws. */
function zipf(rnd: Random, n: number, s = 1.1): number {
  // Inverse of the continuous approximation of the Zipf CDF; cheap and skewed enough for a benchmark.
  const u = rnd();
  const max = n ** (1 - s);
  return Math.min(n - 1, Math.floor((1 + u * (max - 1)) ** (1 / (1 - s))) - 1);
}

const slug = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .replace(/ı/g, "i")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
const plain = (text: string) => text.normalize("NFKD").replace(/\p{M}/gu, "").replace(/ı/g, "i");

// --- places: where institutions sit (country, latitude, longitude), the busiest first ----------------------
const PLACES: ReadonlyArray<[string, string, number, number]> = [
  ["Lisboa", "PT", 38.72, -9.14],
  ["Porto", "PT", 41.15, -8.61],
  ["Braga", "PT", 41.55, -8.42],
  ["Setúbal", "PT", 38.52, -8.89],
  ["Faro", "PT", 37.02, -7.93],
  ["Coimbra", "PT", 40.21, -8.43],
  ["Aveiro", "PT", 40.64, -8.65],
  ["Leiria", "PT", 39.74, -8.81],
  ["Viseu", "PT", 40.66, -7.91],
  ["Santarém", "PT", 39.24, -8.69],
  ["Évora", "PT", 38.57, -7.91],
  ["Beja", "PT", 38.02, -7.86],
  ["Viana do Castelo", "PT", 41.69, -8.83],
  ["Vila Real", "PT", 41.3, -7.74],
  ["Castelo Branco", "PT", 39.82, -7.49],
  ["Guarda", "PT", 40.54, -7.27],
  ["Bragança", "PT", 41.81, -6.76],
  ["Portalegre", "PT", 39.29, -7.43],
  ["Funchal", "PT", 32.65, -16.91],
  ["Ponta Delgada", "PT", 37.74, -25.67],
  ["İstanbul", "TR", 41.01, 28.98],
  ["Ankara", "TR", 39.93, 32.86],
  ["İzmir", "TR", 38.42, 27.14],
  ["Gaziantep", "TR", 37.07, 37.38],
  ["Madrid", "ES", 40.42, -3.7],
  ["Sevilla", "ES", 37.39, -5.98],
  ["Vigo", "ES", 42.24, -8.72],
  ["Paris", "FR", 48.86, 2.35],
  ["București", "RO", 44.43, 26.1],
  ["São Paulo", "BR", -23.55, -46.63],
  ["Genève", "CH", 46.2, 6.14],
  ["Wien", "AT", 48.21, 16.37],
  ["Bruxelles", "BE", 50.85, 4.35],
  ["Strasbourg", "FR", 48.57, 7.75],
];
const placesOf = (country: string) => PLACES.filter((p) => p[1] === country).map((p) => p[0]);
const INT_SEATS = ["Genève", "Wien", "Bruxelles", "Strasbourg"];

// --- institutions: category mix (from seed/data, with more local bodies as an ecosystem grows) -----------
const CATEGORY_MIX: Record<InstitutionCategory, number> = {
  ngo: 22,
  "law-enforcement": 14,
  municipality: 13,
  shelter: 10,
  "government-body": 10,
  programme: 5,
  network: 4,
  judiciary: 4,
  prosecution: 4,
  helpline: 3,
  inspection: 3,
  intergovernmental: 3,
  ministry: 2,
  donor: 2,
  observatory: 1,
};
/** The first institutions (the likeliest hubs under preferential attachment) are national bodies. */
const CORE_MIX: Partial<Record<InstitutionCategory, number>> = {
  ministry: 3,
  "government-body": 4,
  "law-enforcement": 4,
  observatory: 1,
  network: 2,
  prosecution: 1,
  intergovernmental: 1,
  helpline: 1,
};
const COUNTRY_MIX = { PT: 82, TR: 8, ES: 4, FR: 2, RO: 2, BR: 2 } as const;

const WORDS = [
  "Esperança",
  "Aurora",
  "Horizonte",
  "Ponte",
  "Caminho",
  "Liberdade",
  "Dignidade",
  "Novo Rumo",
  "Farol",
  "Raízes",
  "Girassol",
  "Renascer",
  "Porta Aberta",
  "Vida Nova",
  "Âncora",
  "Mão Amiga",
];
const PATRONS = [
  "São João",
  "Santa Maria",
  "Santo António",
  "São Vicente",
  "Nossa Senhora da Luz",
  "São Tiago",
];
const MINISTRIES: ReadonlyArray<readonly [string, string]> = [
  ["Ministério da Administração Interna", "Ministry of Internal Administration"],
  ["Ministério da Justiça", "Ministry of Justice"],
  ["Ministério do Trabalho, Solidariedade e Segurança Social", "Ministry of Labour and Social Security"],
  ["Ministério da Saúde", "Ministry of Health"],
  ["Ministério da Educação", "Ministry of Education"],
];

/** [name template, English template, acronym stem]; {T} is the town, {W} a word, {P} a patron, {M} a ministry. */
type Template = readonly [string, string, string];
const PT: Record<InstitutionCategory, readonly Template[]> = {
  "law-enforcement": [
    ["Comando Distrital da PSP de {T}", "PSP District Command of {T}", "CDPSP"],
    ["Destacamento Territorial da GNR de {T}", "GNR Territorial Detachment of {T}", "DTGNR"],
    ["Diretoria da Polícia Judiciária de {T}", "Criminal Police Directorate of {T}", "PJ"],
    ["Unidade Local de Investigação Criminal de {T}", "Local Criminal Investigation Unit of {T}", "ULIC"],
  ],
  prosecution: [
    [
      "Departamento de Investigação e Ação Penal de {T}",
      "Criminal Investigation and Prosecution Department of {T}",
      "DIAP",
    ],
    ["Procuradoria da República da Comarca de {T}", "Public Prosecutor's Office of the {T} District", "PRC"],
  ],
  judiciary: [
    ["Tribunal Judicial da Comarca de {T}", "{T} District Court", "TJC"],
    ["Juízo Central Criminal de {T}", "{T} Central Criminal Court", "JCC"],
  ],
  inspection: [
    [
      "Unidade Local da Autoridade para as Condições do Trabalho de {T}",
      "Labour Inspectorate, {T} unit",
      "ACT",
    ],
  ],
  ministry: [["Gabinete do {M} em {T}", "Office of the {M} in {T}", "GM"]],
  "government-body": [
    ["Centro Distrital de Segurança Social de {T}", "{T} District Social Security Centre", "CDSS"],
    ["Comissão de Proteção de Crianças e Jovens de {T}", "{T} Child Protection Commission", "CPCJ"],
    ["Agência para a Integração, Migrações e Asilo, Delegação de {T}", "AIMA office in {T}", "AIMA"],
    ["Núcleo de Atendimento a Vítimas de {T}", "{T} Victim Support Unit", "NAV"],
  ],
  observatory: [
    ["Observatório Regional do Tráfico de Seres Humanos de {T}", "{T} Regional THB Observatory", "ORTSH"],
  ],
  ngo: [
    ["Associação de Apoio à Vítima de {T}", "{T} Victim Support Association", "AAV"],
    ["Associação {W} para a Inclusão de Migrantes", "{W} Association for Migrant Inclusion", "AIM"],
    ["Cooperativa Social {W} de {T}", "{W} Social Cooperative of {T}", "CS"],
    ["Centro Comunitário {P} de {T}", "{P} Community Centre, {T}", "CC"],
    ["Movimento {W} contra o Tráfico", "{W} Movement against Trafficking", "MCT"],
  ],
  intergovernmental: [
    ["International Organization for Migration, Office in {T}", "IOM office in {T}", "IOM"],
    ["UNODC Liaison Office in {T}", "UNODC Liaison Office in {T}", "UNODC"],
  ],
  municipality: [
    ["Câmara Municipal de {T}", "{T} City Council", "CM"],
    ["Junta de Freguesia de {P} de {T}", "{P} Parish Council, {T}", "JF"],
  ],
  network: [
    [
      "Rede Regional de Apoio e Proteção a Vítimas de Tráfico de {T}",
      "{T} Regional Network for Victims of Trafficking",
      "RAPVT",
    ],
    ["Rede Social de {T}", "{T} Social Network", "RS"],
  ],
  shelter: [
    ["Centro de Acolhimento e Proteção {W}", "{W} Shelter and Protection Centre", "CAP"],
    ["Casa de Abrigo {P}", "{P} Shelter House", "CA"],
    ["Casa de Acolhimento de Emergência de {T}", "{T} Emergency Shelter", "CAE"],
  ],
  helpline: [["Linha de Apoio a Vítimas {W}", "{W} Victim Helpline", "LAV"]],
  programme: [
    ["Programa {W} de Prevenção do Tráfico", "{W} Trafficking Prevention Programme", "PPT"],
    ["Projeto {W}, {T}", "{W} Project, {T}", "PRJ"],
  ],
  donor: [
    ["Fundação {W}", "{W} Foundation", "FND"],
    ["Fundo {W} para a Inclusão", "{W} Inclusion Fund", "FI"],
  ],
};
const LOCAL: Record<string, Partial<Record<InstitutionCategory, readonly Template[]>>> = {
  TR: {
    "law-enforcement": [["{T} İl Emniyet Müdürlüğü", "{T} Provincial Police Directorate", "EM"]],
    "government-body": [["{T} İl Göç İdaresi Müdürlüğü", "{T} Provincial Migration Directorate", "GIM"]],
    municipality: [["{T} Büyükşehir Belediyesi", "{T} Metropolitan Municipality", "BB"]],
    shelter: [["{T} Kadın Konukevi", "{T} Women's Guesthouse", "KK"]],
    prosecution: [["{T} Cumhuriyet Başsavcılığı", "{T} Chief Public Prosecutor's Office", "CB"]],
  },
  ES: {
    "law-enforcement": [["Comandancia de la Guardia Civil de {T}", "Civil Guard Command of {T}", "GC"]],
    ngo: [["Asociación {W} de Apoyo a Víctimas de {T}", "{W} Victim Support Association of {T}", "AAV"]],
    municipality: [["Ayuntamiento de {T}", "{T} City Council", "AYTO"]],
  },
};

const ROLES: Record<InstitutionCategory, Institution["roles"]> = {
  "law-enforcement": ["detection", "identification", "investigation"],
  prosecution: ["prosecution"],
  judiciary: ["prosecution"],
  inspection: ["detection"],
  ministry: ["coordination", "funding"],
  "government-body": ["protection", "coordination"],
  observatory: ["data"],
  ngo: ["protection", "prevention"],
  intergovernmental: ["return", "training"],
  municipality: ["prevention", "protection"],
  network: ["coordination"],
  shelter: ["shelter", "protection"],
  helpline: ["detection"],
  programme: ["prevention", "training"],
  donor: ["funding"],
};

// --- links: which types join which categories, and how often (from → to) ---------------------------------
type Categories = readonly InstitutionCategory[];
const FRONTLINE: Categories = [
  "law-enforcement",
  "ngo",
  "inspection",
  "helpline",
  "municipality",
  "government-body",
];
const LINK_RULES: ReadonlyArray<readonly [RelationshipType, Categories, Categories, number]> = [
  ["REFERS_VICTIM_TO", FRONTLINE, ["shelter", "ngo"], 6],
  [
    "SIGNALS_TO",
    ["ngo", "inspection", "helpline", "municipality", "shelter"],
    ["law-enforcement", "prosecution"],
    5,
  ],
  ["SIGNALS_TO", ["law-enforcement"], ["prosecution"], 3],
  [
    "REPORTS_DATA_TO",
    ["law-enforcement", "ngo", "shelter", "government-body", "inspection"],
    ["observatory"],
    4,
  ],
  [
    "COORDINATES",
    ["government-body", "network", "programme", "ministry"],
    [...FRONTLINE, "shelter", "network"],
    4,
  ],
  [
    "SUPERVISED_BY",
    ["government-body", "law-enforcement", "inspection", "observatory", "prosecution"],
    ["ministry", "government-body"],
    4,
  ],
  [
    "FUNDS",
    ["donor", "ministry", "government-body", "municipality", "programme"],
    ["ngo", "shelter", "programme", "helpline"],
    3,
  ],
  [
    "OPERATES",
    ["ngo", "government-body", "intergovernmental", "ministry"],
    ["shelter", "helpline", "programme"],
    3,
  ],
  ["MEMBER_OF", ["ngo", "shelter", "municipality", "law-enforcement", "government-body"], ["network"], 5],
  ["INVESTIGATES_WITH", ["law-enforcement", "inspection"], ["law-enforcement", "prosecution"], 3],
  ["PROPOSES_PERMIT_TO", ["law-enforcement"], ["ministry", "government-body"], 1],
];

const DESCRIBE: Partial<Record<RelationshipType, string>> = {
  REFERS_VICTIM_TO: "Refers presumed victims for protection, shelter and support.",
  SIGNALS_TO: "Signals suspected trafficking cases for investigation.",
  REPORTS_DATA_TO: "Reports registration data on presumed victims.",
  COORDINATES: "Coordinates the partner's anti-trafficking work in its area.",
  SUPERVISED_BY: "Works under the supervision of the partner.",
  FUNDS: "Funds the partner's assistance and prevention activities.",
  OPERATES: "Runs the partner service day to day.",
  MEMBER_OF: "Is a member of the network.",
  INVESTIGATES_WITH: "Carries out joint inspections and investigations.",
  PROPOSES_PERMIT_TO: "Proposes residence permits for identified victims.",
  COOPERATES_WITH: "Cooperates under a protocol on victim support and case referral.",
  COUNTERPART_OF: "Counterpart body in another country; exchanges information on cases.",
  LOCATED_IN: "Has its seat here.",
  GOVERNED_BY: "Its mandate and powers are set by this instrument.",
  ESTABLISHED_BY: "Was created by this instrument.",
};

interface Node {
  id: string;
  category: InstitutionCategory;
  country: string;
  town: string;
}

function chooseLink(rnd: Random, from: Node, to: Node): { type: RelationshipType; reverse: boolean } {
  const options: Array<{ type: RelationshipType; reverse: boolean; weight: number }> = [
    { type: "COOPERATES_WITH", reverse: false, weight: 2 },
  ];
  if (from.category === to.category && from.country !== to.country)
    options.push({ type: "COUNTERPART_OF", reverse: false, weight: 6 });
  for (const [type, sources, targets, weight] of LINK_RULES) {
    if (sources.includes(from.category) && targets.includes(to.category))
      options.push({ type, reverse: false, weight });
    // A newer node is never supervised-by-reversed: SUPERVISED_BY points from newer to older, so no cycles.
    if (type !== "SUPERVISED_BY" && sources.includes(to.category) && targets.includes(from.category))
      options.push({ type, reverse: true, weight });
  }
  return choose(rnd, options, (option) => option.weight);
}

function fill(template: string, rnd: Random, town: string, ministry: string): string {
  return template
    .replace("{T}", town)
    .replace("{W}", pick(rnd, WORDS))
    .replace("{P}", pick(rnd, PATRONS))
    .replace("{M}", ministry);
}

const listed = (items: readonly string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}` : (items[0] ?? "");

const EVIDENCE: Record<Evidence, number> = { documented: 6, reported: 3, inferred: 1 };

/** A synthetic ecosystem that passes the same zod schema and integrity checks as seed/data. Deterministic for a seed. */
export function generateEcosystem(options: EcosystemOptions): Dataset {
  const n = Math.max(1, Math.floor(options.institutions));
  const perInstitution = options.relationshipsPerInstitution ?? 5;
  const rnd = random(options.seed ?? 1);
  const sourceCount = Math.max(5, Math.round(n / 100));
  const lawCount = Math.max(3, Math.round(n / 500));
  const year = (from: number, to: number) => String(from + Math.floor(rnd() * (to - from + 1)));
  const cite = () => {
    const cited = new Set<string>();
    const count = 1 + Math.floor(rnd() * 3);
    for (let i = 0; i < count; i++) cited.add(`syn-s${zipf(rnd, sourceCount) + 1}`);
    return [...cited];
  };
  const facts = () => ({ sources: cite(), evidence: weighted(rnd, EVIDENCE) });

  const sources: Source[] = Array.from({ length: sourceCount }, (_, i) => ({
    id: `syn-s${i + 1}`,
    title: `${pick(rnd, ["Relatório anual", "Directory of anti-trafficking actors", "Protocolo de cooperação", "Monitoring report"])} ${i + 1}`,
    publisher: pick(rnd, ["Observatório do Tráfico de Seres Humanos", "GRETA", "Synthetic Registry"]),
    date: year(2008, 2024),
    url: `https://example.org/sources/${i + 1}`,
    kind: pick(rnd, ["report", "official-page", "database", "ngo-page", "news"] as const),
  }));
  const places: Place[] = PLACES.map(([name, country, latitude, longitude]) => ({
    id: `syn-place-${slug(name)}`,
    name,
    country,
    scope: "city",
    latitude,
    longitude,
    ...facts(),
  }));
  const laws: LegalInstrument[] = Array.from({ length: lawCount }, (_, i) => {
    const kind = pick(rnd, ["law", "decree-law", "regulation", "resolution", "protocol"] as const);
    const date = year(1995, 2024);
    return {
      id: `syn-law-${i + 1}`,
      name: `${{ law: "Lei", "decree-law": "Decreto-Lei", regulation: "Portaria", resolution: "Resolução do Conselho de Ministros", protocol: "Protocolo" }[kind]} n.º ${i + 1}/${date}`,
      kind,
      country: "PT",
      date,
      description: `Synthetic ${kind} on the protection and assistance of victims of trafficking.`,
      ...facts(),
    };
  });

  const core = Math.max(15, Math.round(n / 200));
  const nodes: Node[] = [];
  const institutions: Institution[] = [];
  for (let i = 0; i < n; i++) {
    const category = weighted(
      rnd,
      i < core ? (CORE_MIX as Record<InstitutionCategory, number>) : CATEGORY_MIX,
    );
    const country = category === "intergovernmental" ? "INT" : i < core ? "PT" : weighted(rnd, COUNTRY_MIX);
    const towns = country === "INT" ? INT_SEATS : placesOf(country);
    const town = towns[zipf(rnd, towns.length, 1.2)] as string;
    const [name, nameEn, stem] = pick(rnd, LOCAL[country]?.[category] ?? PT[category]);
    const ministry = pick(rnd, MINISTRIES);
    const words = rnd();
    // The same draws fill both names, so the English name translates the original one.
    const filled = fill(name, random(Math.floor(words * 2 ** 32)), town, ministry[0]);
    const english = fill(nameEn, random(Math.floor(words * 2 ** 32)), town, ministry[1]);
    const acronym = `${stem}-${plain(town).slice(0, 3).toUpperCase()}`;
    const id = `${slug(stem)}-${slug(town)}-${i + 1}`;
    const from = rnd() < 0.5 ? year(1990, 2023) : undefined;
    const institution: Institution = {
      id,
      name: filled,
      ...(rnd() < 0.4 ? { nameEn: english } : {}),
      acronym,
      aliases: plain(filled) === filled ? [] : [plain(filled)],
      category,
      country,
      roles: ROLES[category],
      description:
        `Synthetic ${category.replace("-", " ")} in ${town} working against trafficking in human beings: ` +
        `${listed(ROLES[category])} for presumed victims in its area, in cooperation with local partners.`,
      ...(from ? { validFrom: from } : {}),
      ...(from && rnd() < 0.05 ? { validTo: String(Number(from) + 1 + Math.floor(rnd() * 5)) } : {}),
      ...facts(),
    };
    institutions.push(institution);
    nodes.push({ id, category, country, town });
  }

  const relationships: Dataset["relationships"] = [];
  const seen = new Set<string>();
  const link = (from: string, type: RelationshipType, to: string, validity = rnd() < 0.3) => {
    const key = `${from}|${type}|${to}`;
    if (from === to || seen.has(key)) return false;
    seen.add(key);
    const rel: Relationship = {
      from,
      to,
      type,
      description: DESCRIBE[type] ?? "Works with the partner.",
      ...(validity ? { validFrom: year(2000, 2024) } : {}),
      ...facts(),
    };
    relationships.push({ ...rel, id: relationshipId(rel) });
    return true;
  };
  // Seats and laws first (about 1 and 0.5 per institution at 5 links each), then links between institutions.
  const seated = Math.min(1, perInstitution);
  const governed = perInstitution * 0.1;
  for (const node of nodes) {
    if (rnd() < seated) link(node.id, "LOCATED_IN", `syn-place-${slug(node.town)}`, false);
    if (rnd() < governed) {
      const type = rnd() < 0.65 ? "GOVERNED_BY" : "ESTABLISHED_BY";
      link(node.id, type, `syn-law-${zipf(rnd, lawCount) + 1}`, false);
    }
  }
  const between = Math.max(0, perInstitution - seated - governed);
  // Preferential attachment: each endpoint of every link is listed once, so drawing from the list picks a
  // node in proportion to its degree; a tenth of the draws are uniform, so newcomers get links too.
  const ends: number[] = [];
  for (let i = 1; i < n; i++) {
    const wanted = Math.min(i, Math.floor(between) + (rnd() < between % 1 ? 1 : 0));
    let made = 0;
    for (let attempt = 0; made < wanted && attempt < wanted * 4; attempt++) {
      const j =
        ends.length > 0 && rnd() < 0.9
          ? (ends[Math.floor(rnd() * ends.length)] as number)
          : Math.floor(rnd() * i);
      const a = nodes[i] as Node;
      const b = nodes[j] as Node;
      const { type, reverse } = chooseLink(rnd, a, b);
      if (reverse ? link(b.id, type, a.id) : link(a.id, type, b.id)) {
        ends.push(i, j);
        made++;
      }
    }
  }
  return {
    sources,
    institutions,
    places,
    workshops: [],
    sessions: [],
    people: [],
    "legal-instruments": laws,
    pathways: [],
    relationships,
  };
}

/**
 * The records as a dataset folder's files would hold them, for validateDataset: relationships leave out the
 * `<from>--<type>--<to>` ids validation derives (files give only explicit ids, which must be kebab-case).
 */
export function asDatasetFiles(dataset: Dataset): Record<keyof Dataset, readonly unknown[]> {
  return { ...dataset, relationships: dataset.relationships.map(({ id: _id, ...rel }) => rel) };
}

/** Loads it the way `npm run seed` does (applySchema + loadRows in one transaction); returns the LoadReport and the seconds it took. */
export async function loadEcosystem(
  db: Database,
  dataset: Dataset,
  progress: (m: string) => void = () => {},
): Promise<{ report: LoadReport; seconds: number }> {
  const started = performance.now();
  const rows = toGraphRows(dataset);
  await applySchema(db);
  const source = `synthetic ecosystem of ${dataset.institutions.length} institutions`;
  const report = await loadRows(db, rows, source, progress);
  return { report, seconds: (performance.now() - started) / 1000 };
}
