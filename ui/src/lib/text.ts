// Text as people type it: matching a filter, and lists typed on one line.

/**
 * Text folded for matching: case and accents do not matter ("Málaga" is found by "malaga",
 * "malmo" finds Malmö). Compatibility forms fold too, so full-width Latin typed with an East
 * Asian keyboard ("ＤＵＴ") matches the plain letters.
 */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The words of a filter, folded; an empty filter has none and matches everything. */
export function queryWords(query: string): string[] {
  return fold(query)
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

/** True when every word appears in one of the texts (words may match different texts). */
export function matchesAll(texts: readonly string[], words: readonly string[]): boolean {
  if (words.length === 0) return true;
  const folded = texts.map(fold);
  return words.every((w) => folded.some((t) => t.includes(w)));
}

/**
 * A list typed on one line ("isiZulu, English") as its items. Splitting is presentation only:
 * commas (also the full-width "，" and ideographic "、" CJK keyboards give) separate, blanks
 * around items go, empty items are dropped. Tidying and checking the items is the backend's.
 */
export function splitList(text: string): string[] {
  return text
    .split(/[,，、]/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

/** A list as the one-line text box shows it; splitList reads it back. */
export function joinList(items: readonly string[]): string {
  return items.join(', ');
}

/** A field's name as stored, as a person reads it: "local_name" → "Local name". */
export function fieldLabel(field: string): string {
  const words = field.replace(/_/g, ' ').trim();
  return words === '' ? field : words.charAt(0).toUpperCase() + words.slice(1);
}
