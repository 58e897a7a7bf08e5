// The Details panel's interface text, plus the labels and date format it needs that the shared i18n lacks.
import { type Lang, pick, type Strings } from "../i18n.ts";

export type DetailsKey =
  | "hint"
  | "hintSession"
  | "loading"
  | "error"
  | "retry"
  | "close"
  | "acronym"
  | "aliases"
  | "kind"
  | "country"
  | "roles"
  | "publicRole"
  | "supervisedBy"
  | "dates"
  | "established"
  | "dissolved"
  | "began"
  | "ended"
  | "from"
  | "until"
  | "linkUntil"
  | "held"
  | "adopted"
  | "succeededBy"
  | "competenceTo"
  | "description"
  | "caveat"
  | "evidence"
  | "sessions"
  | "session"
  | "connections"
  | "noConnections"
  | "inferred"
  | "sources"
  | "noSources"
  | "opensNewTab"
  | "announce"
  | "announceOne";

export const DETAILS_STRINGS: Strings<DetailsKey> = {
  en: {
    hint: "Select a node — or search, or pick a session — to see its details.",
    hintSession: "The session's presenters are highlighted. Select one to see its details.",
    loading: "Loading…",
    error: "The details could not be loaded.",
    retry: "Retry",
    close: "Close details",
    acronym: "Acronym",
    aliases: "Also known as",
    kind: "Type",
    country: "Country",
    roles: "Roles",
    publicRole: "Public role",
    supervisedBy: "Supervised by",
    dates: "Dates",
    established: "Established {date}",
    dissolved: "Dissolved {date}",
    began: "Began {date}",
    ended: "Ended {date}",
    from: "From {date}",
    until: "Until {date}",
    linkUntil: "until {date}",
    held: "Held {date}",
    adopted: "Adopted {date}",
    succeededBy: "Succeeded by",
    competenceTo: "Its powers went to",
    description: "Description",
    caveat: "Caveat",
    evidence: "Evidence",
    sessions: "Sessions presented at",
    session: "Session {n}",
    connections: "Connections",
    noConnections: "No connections recorded.",
    inferred: "(inferred)",
    sources: "Sources",
    noSources: "No sources recorded.",
    opensNewTab: "(opens in a new tab)",
    announce: "{name}: {count} connections.",
    announceOne: "{name}: 1 connection.",
  },
  pt: {
    hint: "Selecione um nó — ou pesquise, ou escolha uma sessão — para ver os seus detalhes.",
    hintSession: "Os apresentadores da sessão estão destacados. Selecione um para ver os seus detalhes.",
    loading: "A carregar…",
    error: "Não foi possível carregar os detalhes.",
    retry: "Tentar novamente",
    close: "Fechar detalhes",
    acronym: "Sigla",
    aliases: "Outras designações",
    kind: "Tipo",
    country: "País",
    roles: "Funções",
    publicRole: "Cargo público",
    supervisedBy: "Tutela",
    dates: "Datas",
    established: "Criação: {date}",
    dissolved: "Extinção: {date}",
    began: "Início: {date}",
    ended: "Fim: {date}",
    from: "Desde: {date}",
    until: "Até: {date}",
    linkUntil: "até {date}",
    held: "Realização: {date}",
    adopted: "Aprovação: {date}",
    succeededBy: "Sucessores",
    competenceTo: "As suas competências passaram para",
    description: "Descrição",
    caveat: "Ressalva",
    evidence: "Evidência",
    sessions: "Sessões em que apresentou",
    session: "Sessão {n}",
    connections: "Ligações",
    noConnections: "Sem ligações registadas.",
    inferred: "(inferido)",
    sources: "Fontes",
    noSources: "Sem fontes registadas.",
    opensNewTab: "(abre num novo separador)",
    announce: "{name}: {count} ligações.",
    announceOne: "{name}: 1 ligação.",
  },
};

const ROLE: Record<string, [string, string]> = {
  detection: ["detection", "deteção"],
  identification: ["identification", "identificação"],
  investigation: ["investigation", "investigação"],
  prosecution: ["prosecution", "ação penal"],
  protection: ["protection", "proteção"],
  shelter: ["shelter", "acolhimento"],
  return: ["return", "retorno"],
  data: ["data", "dados"],
  coordination: ["coordination", "coordenação"],
  funding: ["funding", "financiamento"],
  prevention: ["prevention", "prevenção"],
  training: ["training", "formação"],
};
const KIND: Record<string, [string, string]> = {
  Institution: ["Institution", "Instituição"],
  Workshop: ["Workshop", "Workshop"],
  Session: ["Session", "Sessão"],
  Person: ["Person", "Pessoa"],
  LegalInstrument: ["Legal instrument", "Instrumento jurídico"],
  Place: ["Place", "Local"],
};

export const roleLabel = (key: string, lang: Lang) => pick(ROLE, key, lang);
export const kindLabel = (key: string, lang: Lang) => pick(KIND, key, lang);

const MONTHS: Record<Lang, string[]> = {
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  pt: ["jan.", "fev.", "mar.", "abr.", "mai.", "jun.", "jul.", "ago.", "set.", "out.", "nov.", "dez."],
};

/** 2023-10-29 → "29 Oct 2023" / "29 out. 2023"; 2017-09 → "Sep 2017"; 2008 → "2008"; else as is. */
export function formatDate(value: string, lang: Lang): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!match) return value;
  const [, year, month, day] = match;
  const monthName = month ? MONTHS[lang][Number(month) - 1] : undefined;
  return [day ? String(Number(day)) : undefined, monthName, year].filter(Boolean).join(" ");
}

/** 2016-11-28 and 2016-11-30 → "28–30 Nov 2016"; other spans → "29 Nov 2016 – 2 Dec 2016". */
export function formatDateRange(start: string, end: string, lang: Lang): string {
  if (start === end) return formatDate(start, lang);
  if (start.length === 10 && end.length === 10 && start.slice(0, 7) === end.slice(0, 7)) {
    return `${Number(start.slice(8))}–${formatDate(end, lang)}`;
  }
  return `${formatDate(start, lang)} – ${formatDate(end, lang)}`;
}
