// The Sessions panel's interface text and theme labels.
import { type Lang, pick, type Strings } from "../i18n.ts";

export type SessionsKey =
  | "heading"
  | "loading"
  | "error"
  | "retry"
  | "empty"
  | "session"
  | "themes"
  | "presenters"
  | "noPresenters"
  | "dayUnknown"
  | "delegations"
  | "role";

export const SESSIONS_STRINGS: Strings<SessionsKey> = {
  en: {
    heading: "Workshop sessions",
    loading: "Loading the sessions…",
    error: "The sessions could not be loaded.",
    retry: "Retry",
    empty: "No sessions recorded.",
    session: "Session {n}",
    themes: "Themes",
    presenters: "Presenters",
    noPresenters: "No presenters recorded.",
    dayUnknown: "The report does not say which day each session ran.",
    delegations: "delegations: {list}",
    role: "role: {role}",
  },
  pt: {
    heading: "Sessões do workshop",
    loading: "A carregar as sessões…",
    error: "Não foi possível carregar as sessões.",
    retry: "Tentar novamente",
    empty: "Sem sessões registadas.",
    session: "Sessão {n}",
    themes: "Temas",
    presenters: "Apresentadores",
    noPresenters: "Sem apresentadores registados.",
    dayUnknown: "O relatório não indica em que dia decorreu cada sessão.",
    delegations: "delegações: {list}",
    role: "papel: {role}",
  },
};

const THEME: Record<string, [string, string]> = {
  prevention: ["prevention", "prevenção"],
  protection: ["protection", "proteção"],
  prosecution: ["prosecution", "ação penal"],
  partnership: ["partnership", "parceria"],
};
const PRESENTER_ROLE: Record<string, [string, string]> = {
  example: ["example", "exemplo"],
  lead: ["lead", "coordenação"],
  partner: ["partner", "parceiro"],
};

export const themeLabel = (key: string, lang: Lang) => pick(THEME, key, lang);
export const presenterRoleLabel = (key: string, lang: Lang) => pick(PRESENTER_ROLE, key, lang);
