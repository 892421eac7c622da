import { describe, expect, it } from 'vitest';
import { countText, formatDay, formatDayOfYear, formatMonth, formatMonthRange, formatPopulation, plural } from './format';
import { isSaveShortcut, isSearchShortcut } from './keys';

describe('format', () => {
  it('writes the candidature deadline as people read it', () => {
    expect(formatDayOfYear('11-15')).toBe('15 November');
    expect(formatDayOfYear('03-01')).toBe('1 March');
    expect(formatDayOfYear('13-01')).toBe('13-01');
  });

  it('writes a calendar date with its weekday', () => {
    expect(formatDay('2026-03-10')).toBe('Tue 10 Mar 2026');
    expect(formatDay('2024-02-29')).toBe('Thu 29 Feb 2024');
    expect(formatDay('2023-02-29')).toBe('2023-02-29');
    expect(formatDay('')).toBe('');
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

describe('counting words', () => {
  it('puts a count with its noun, one or many', () => {
    expect(plural(1, 'candidature')).toBe('1 candidature');
    expect(plural(28, 'candidature')).toBe('28 candidatures');
    expect(plural(0, 'pair')).toBe('0 pairs');
    expect(plural(2, 'city', 'cities')).toBe('2 cities');
    expect(plural(1, 'city', 'cities')).toBe('1 city');
  });

  it('says how many, and how many of how many while filtering', () => {
    expect(countText(3, 3, 'person', 'people')).toBe('3 people');
    expect(countText(1, 1, 'person', 'people')).toBe('1 person');
    expect(countText(1, 3, 'person', 'people')).toBe('1 of 3 people');
    expect(countText(0, 0, 'organisation')).toBe('0 organisations');
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
