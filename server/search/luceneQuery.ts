// Turns what a person typed into a safe Lucene query for the full-text index. Text is folded the way the
// index's 'standard-folding' analyzer folds it (accents and case), split into words, and every character
// with meaning in Lucene's syntax is dropped, so input is always treated as text.

// Common English words the standard analyzer leaves out of the index: a query word it never indexed
// would make the whole AND query match nothing.
const STOP_WORDS = new Set(
  "a an and are as at be but by for if in into is it no not of on or such that the their then there these they this to was will with".split(
    " ",
  ),
);

/** Lower-cases and strips accents: "Polícia Judiciária" → "policia judiciaria", "İçişleri" → "icisleri". */
export function fold(text: string): string {
  return text
    .replace(/[ıİ]/g, "i")
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/ß/g, "ss")
    .replace(/[øœæ]/g, (c) => ({ ø: "o", œ: "oe", æ: "ae" })[c] ?? c);
}

export function searchTerms(text: string): string[] {
  const words = fold(text)
    .split(/[^a-z0-9]+/)
    .filter((word) => word.length > 0);
  const meaningful = words.filter((word) => !STOP_WORDS.has(word));
  return [...new Set(meaningful.length > 0 ? meaningful : [])].slice(0, 12);
}

/**
 * Every word must match, as a whole word (ranked higher) or as the start of one, so partial words match as
 * you type. Returns undefined when nothing searchable is left.
 */
export function luceneQuery(text: string): string | undefined {
  const terms = searchTerms(text);
  if (terms.length === 0) return undefined;
  return terms.map((term) => `(${term}^3 OR ${term}*)`).join(" AND ");
}
