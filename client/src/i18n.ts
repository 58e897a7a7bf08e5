// The interface speaks English and Portuguese. Each module keeps its own strings (`Strings`), so panels can
// grow without one shared file; `translator` picks the current language's text.
export const LANGS = ["en", "pt"] as const;
export type Lang = (typeof LANGS)[number];

export type Strings<K extends string> = Record<Lang, Record<K, string>>;

/** Returns `t(key, vars)` for the given strings; `{name}` placeholders are filled from `vars`. */
export function translator<K extends string>(strings: Strings<K>, lang: () => Lang) {
  return (key: K, vars: Record<string, string | number> = {}): string =>
    strings[lang()][key].replace(/\{(\w+)\}/g, (_m, name: string) => String(vars[name] ?? `{${name}}`));
}

/** A node's name in the chosen language: Portuguese shows the official name, English the English one. */
export function localName(
  node: { name?: string; nameEn?: string; title?: string; id: string },
  lang: Lang,
): string {
  if (lang === "en") return node.nameEn ?? node.name ?? node.title ?? node.id;
  return node.name ?? node.nameEn ?? node.title ?? node.id;
}

/** Labels for data enums (categories, relationship types, roles, kinds, evidence), by language. */
const CATEGORY: Record<string, [string, string]> = {
  "law-enforcement": ["Law enforcement", "Forças e serviços de segurança"],
  prosecution: ["Prosecution", "Ministério Público"],
  judiciary: ["Judiciary", "Magistratura judicial"],
  inspection: ["Inspection", "Inspeção"],
  ministry: ["Ministry", "Ministério"],
  "government-body": ["Government body", "Organismo público"],
  observatory: ["Observatory", "Observatório"],
  ngo: ["NGO", "ONG"],
  intergovernmental: ["Intergovernmental", "Intergovernamental"],
  municipality: ["Municipality", "Município"],
  network: ["Network", "Rede"],
  shelter: ["Shelter", "Casa de abrigo"],
  helpline: ["Helpline", "Linha de apoio"],
  programme: ["Programme", "Programa"],
  donor: ["Donor", "Financiador"],
  workshop: ["Workshop", "Workshop"],
  session: ["Session", "Sessão"],
  person: ["Person", "Pessoa"],
};
const COUNTRY: Record<string, [string, string]> = {
  PT: ["Portugal", "Portugal"],
  TR: ["Turkey", "Turquia"],
  INT: ["International", "Internacional"],
};
const EVIDENCE: Record<string, [string, string]> = {
  documented: ["documented", "documentado"],
  reported: ["reported", "noticiado"],
  inferred: ["inferred", "inferido"],
};

/** A label from a table of [English, Portuguese] pairs; an unknown key reads as itself. */
export function pick(table: Record<string, [string, string]>, key: string, lang: Lang): string {
  const entry = table[key];
  return entry ? entry[lang === "en" ? 0 : 1] : key;
}

export const categoryLabel = (key: string, lang: Lang) => pick(CATEGORY, key, lang);
export const countryLabel = (key: string, lang: Lang) => pick(COUNTRY, key, lang);
export const evidenceLabel = (key: string, lang: Lang) => pick(EVIDENCE, key, lang);
/** SIGNALS_TO → "signals to" (relationship types read as verbs in both languages' UI). */
export function relationLabel(type: string, lang: Lang): string {
  const pt: Record<string, string> = {
    SIGNALS_TO: "sinaliza a",
    REFERS_VICTIM_TO: "encaminha vítimas para",
    REPORTS_DATA_TO: "reporta dados a",
    COOPERATES_WITH: "coopera com",
    INVESTIGATES_WITH: "investiga com",
    COORDINATES: "coordena",
    FUNDS: "financia",
    OPERATES: "gere",
    MEMBER_OF: "membro de",
    SUPERVISED_BY: "tutelado por",
    PROPOSES_PERMIT_TO: "propõe autorização a",
    SUCCEEDED_BY: "sucedido por",
    TRANSFERRED_COMPETENCE_TO: "transferiu competências para",
    COUNTERPART_OF: "homólogo de",
    HOSTED: "acolheu",
    CO_ORGANISED: "coorganizou",
    PRESENTED_AT: "apresentou em",
    PART_OF: "parte de",
    ATTENDED: "participou em",
    WORKS_FOR: "trabalha para",
    LOCATED_IN: "sediado em",
    ESTABLISHED_BY: "criado por",
    GOVERNED_BY: "regido por",
  };
  return lang === "pt" ? (pt[type] ?? type) : type.toLowerCase().replaceAll("_", " ");
}
