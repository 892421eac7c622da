// A passage the search found, with its matches marked, as the pieces a view renders one by one
// (text nodes and <mark>s: the passage is people's text and is never parsed as HTML).
import type { Snippet } from './api';

export const ELLIPSIS = '…';

export interface SnippetPart {
  text: string;
  /** A stretch the query's words matched. */
  mark: boolean;
}

function isHigh(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function isLow(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/**
 * The ranges as stretches of `text` to mark: in order, within the text, merged where they touch
 * or overlap, and never cutting a character written with two UTF-16 units (an emoji, a rare Han
 * character) in half — a half would show as a broken glyph.
 */
export function markedRanges(text: string, ranges: Snippet['ranges']): [number, number][] {
  const spans: [number, number][] = [];
  for (const r of ranges) {
    let start = Math.max(0, Math.min(text.length, Math.floor(r.start)));
    let end = Math.max(0, Math.min(text.length, Math.floor(r.end)));
    if (!(end > start)) continue;
    if (start > 0 && isLow(text.charCodeAt(start)) && isHigh(text.charCodeAt(start - 1))) start -= 1;
    if (end < text.length && isLow(text.charCodeAt(end)) && isHigh(text.charCodeAt(end - 1))) end += 1;
    spans.push([start, end]);
  }
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

/** The snippet as parts to render in order, with "…" where the passage was cut. */
export function snippetParts(snippet: Snippet): SnippetPart[] {
  const { text } = snippet;
  const parts: SnippetPart[] = [];
  const plain = (t: string) => {
    if (t !== '') parts.push({ text: t, mark: false });
  };
  if (snippet.before) plain(ELLIPSIS);
  let at = 0;
  for (const [start, end] of markedRanges(text, snippet.ranges)) {
    plain(text.slice(at, start));
    parts.push({ text: text.slice(start, end), mark: true });
    at = end;
  }
  plain(text.slice(at));
  if (snippet.after) plain(ELLIPSIS);
  return parts;
}

/** The snippet as plain text (for a label or a test), "…" included. */
export function snippetText(snippet: Snippet): string {
  return snippetParts(snippet)
    .map((p) => p.text)
    .join('');
}
