import { describe, expect, it } from 'vitest';
import { formatMonth, formatMonthRange, formatPopulation } from './format';
import { isSaveShortcut, isSearchShortcut } from './keys';

describe('format', () => {
  it('formats populations, unknown as a dash', () => {
    expect(formatPopulation(1352000)).toBe('1,352,000');
    expect(formatPopulation(null)).toBe('—');
  });

  it('formats months and ranges', () => {
    expect(formatMonth('2022-05')).toBe('May 2022');
    expect(formatMonth('2022-13')).toBe('2022-13');
    expect(formatMonth('soon')).toBe('soon');
    expect(formatMonthRange('2022-05', '2022-12')).toBe('May 2022 – Dec 2022');
    expect(formatMonthRange('2022-10', '2022-10')).toBe('Oct 2022');
  });
});

describe('keys', () => {
  const k = (key: string, mods: Partial<{ ctrlKey: boolean; metaKey: boolean; altKey: boolean }> = {}) => ({
    key,
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    ...mods,
  });
  it('knows Ctrl+S and Ctrl+K', () => {
    expect(isSaveShortcut(k('s', { ctrlKey: true }))).toBe(true);
    expect(isSaveShortcut(k('S', { metaKey: true }))).toBe(true);
    expect(isSaveShortcut(k('s'))).toBe(false);
    expect(isSaveShortcut(k('s', { ctrlKey: true, altKey: true }))).toBe(false);
    expect(isSearchShortcut(k('k', { ctrlKey: true }))).toBe(true);
    expect(isSearchShortcut(k('s', { ctrlKey: true }))).toBe(false);
  });
});
