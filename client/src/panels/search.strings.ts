import type { Strings } from "../i18n.ts";

export type SearchKey =
  | "label"
  | "placeholder"
  | "suggestions"
  | "noMatches"
  | "failed"
  | "selected"
  | "oneResult"
  | "results"
  | "kindInstitution"
  | "kindLegalInstrument"
  | "kindPlace";

export const SEARCH_STRINGS: Strings<SearchKey> = {
  en: {
    label: "Search",
    placeholder: "Search institutions, people, laws…",
    suggestions: "Suggestions",
    noMatches: "No matches",
    failed: "Search failed: {message}",
    selected: "{name} selected",
    oneResult: "1 suggestion; the arrow keys review it",
    results: "{count} suggestions; the arrow keys move through them",
    kindInstitution: "Institution",
    kindLegalInstrument: "Legal instrument",
    kindPlace: "Place",
  },
  pt: {
    label: "Pesquisar",
    placeholder: "Pesquisar instituições, pessoas, leis…",
    suggestions: "Sugestões",
    noMatches: "Sem resultados",
    // The API's messages are in English: Portuguese says what to do without quoting them.
    failed: "A pesquisa falhou. Verifique se o servidor está a funcionar e tente novamente.",
    selected: "Selecionado: {name}",
    oneResult: "1 sugestão; as setas permitem revê-la",
    results: "{count} sugestões; as setas permitem percorrê-las",
    kindInstitution: "Instituição",
    kindLegalInstrument: "Instrumento jurídico",
    kindPlace: "Local",
  },
};
