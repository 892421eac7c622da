import { describe, expect, it } from 'vitest';
import { formatDayOfYear, formatMonth, formatMonthRange, formatPopulation } from './format';
import { isSaveShortcut, isSearchShortcut } from './keys';

describe('format', () => {
  it('writes the candidature deadline as people read it', () => {
    expect(formatDayOfYear('11-15')).toBe('15 November');
    expect(formatDayOfYear('03-01')).toBe('1 March');
    expect(formatDayOfYear('13-01')).toBe('13-01');
  });

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
