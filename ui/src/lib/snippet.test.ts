import { describe, expect, it } from 'vitest';
import type { Snippet } from './api';
import { markedRanges, snippetParts, snippetText } from './snippet';

const snip = (text: string, ranges: [number, number][], before = false, after = false): Snippet => ({
  text,
  ranges: ranges.map(([start, end]) => ({ start, end })),
  before,
  after,
});

const marked = (s: Snippet) =>
  snippetParts(s)
    .filter((p) => p.mark)
    .map((p) => p.text);

describe('a snippet as parts', () => {
  it('marks the ranges and keeps the text between them as it is', () => {
    const s = snip('Repair cafés in every district', [
      [0, 6],
      [22, 30],
    ]);
    expect(snippetParts(s)).toEqual([
      { text: 'Repair', mark: true },
      { text: ' cafés in every ', mark: false },
      { text: 'district', mark: true },
    ]);
  });

  it('says where the passage was cut', () => {
    const s = snip('heat pumps in old housing', [[0, 4]], true, true);
    expect(snippetText(s)).toBe('…heat pumps in old housing…');
    const parts = snippetParts(s);
    expect(parts[0]).toEqual({ text: '…', mark: false });
    expect(parts[1]).toEqual({ text: 'heat', mark: true });
    expect(parts[parts.length - 1]).toEqual({ text: '…', mark: false });
  });

  it('counts in UTF-16 units, as the backend does: Korean and letters outside the BMP', () => {
    // 광주 is two units; 𠮷 (U+20BB7) is two units for one character.
    const text = '광주 𠮷野家 repair';
    expect(marked(snip(text, [[0, 2]]))).toEqual(['광주']);
    expect(marked(snip(text, [[3, 6]]))).toEqual(['𠮷野']);
    expect(marked(snip(text, [[8, 14]]))).toEqual(['repair']);
  });

  it('never cuts a two-unit character in half', () => {
    const text = 'a😀b';
    // A range starting on the low half or ending after the high half takes the whole character.
    expect(marked(snip(text, [[2, 4]]))).toEqual(['😀b']);
    expect(marked(snip(text, [[2, 3]]))).toEqual(['😀']);
    expect(marked(snip(text, [[0, 2]]))).toEqual(['a😀']);
  });

  it('sorts and merges overlapping ranges, drops empty and out-of-range ones', () => {
    expect(markedRanges('abcdefgh', [
      { start: 5, end: 7 },
      { start: 0, end: 2 },
      { start: 1, end: 3 },
      { start: 4, end: 4 },
      { start: 6, end: 99 },
      { start: 50, end: 60 },
    ])).toEqual([
      [0, 3],
      [5, 8],
    ]);
    expect(snippetParts(snip('', [[0, 3]]))).toEqual([]);
  });

  it('keeps markup in the text as text', () => {
    const s = snip('<img src=x onerror=alert(1)> tips', [[29, 33]]);
    expect(snippetText(s)).toBe('<img src=x onerror=alert(1)> tips');
    expect(marked(s)).toEqual(['tips']);
  });
});
