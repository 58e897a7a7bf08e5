import type { Strings } from "../i18n.ts";

export type TableKey =
  | "region"
  | "nodes"
  | "relationships"
  | "relationshipsOf"
  | "showAll"
  | "empty"
  | "name"
  | "acronym"
  | "group"
  | "country"
  | "connections"
  | "from"
  | "relation"
  | "to"
  | "evidence"
  | "valid";

export const TABLE_STRINGS: Strings<TableKey> = {
  en: {
    region: "Table of the graph",
    nodes: "Nodes ({count})",
    relationships: "Relationships ({count})",
    relationshipsOf: "Relationships of {name} ({count})",
    showAll: "Show all",
    empty: "Nothing to show with the current filters.",
    name: "Name",
    acronym: "Acronym",
    group: "Kind / category",
    country: "Country",
    connections: "Connections",
    from: "From",
    relation: "Relationship",
    to: "To",
    evidence: "Evidence",
    valid: "Valid from–to",
  },
  pt: {
    region: "Tabela do grafo",
    nodes: "Nós ({count})",
    relationships: "Relações ({count})",
    relationshipsOf: "Relações de {name} ({count})",
    showAll: "Mostrar todas",
    empty: "Nada a mostrar com os filtros atuais.",
    name: "Nome",
    acronym: "Sigla",
    group: "Tipo / categoria",
    country: "País",
    connections: "Ligações",
    from: "De",
    relation: "Relação",
    to: "Para",
    evidence: "Evidência",
    valid: "Válida de–até",
  },
};
