import { describe, expect, it } from 'vitest';
import { addDays, dateText, parseDate } from './dates';

describe('calendar dates', () => {
  it('reads only real dates', () => {
    expect(parseDate('2024-02-29')?.toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(parseDate('2023-02-29')).toBeNull();
    expect(parseDate('2023-2-1')).toBeNull();
  });
  it('writes them back', () => {
    expect(dateText(new Date(Date.UTC(2022, 0, 5)))).toBe('2022-01-05');
  });
  it('counts days across months, years and leap days', () => {
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2022-12-31', 1)).toBe('2023-01-01');
    expect(addDays('2022-01-01', -1)).toBe('2021-12-31');
    expect(addDays('soon', 1)).toBeNull();
  });
});
