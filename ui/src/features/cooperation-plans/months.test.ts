import { describe, expect, it } from 'vitest';
import { addMonths, barPlace, monthIndex, monthsDragged, monthsOf, monthString, moveSpan, programmePeriod, resizeEnd } from './months';

describe('months', () => {
  it('reads and writes months', () => {
    expect(monthString(monthIndex('2023-04')!)).toBe('2023-04');
    expect(monthIndex('2023-13')).toBeNull();
    expect(monthIndex('')).toBeNull();
    expect(addMonths('2023-11', 3)).toBe('2024-02');
    expect(addMonths('2024-01', -1)).toBe('2023-12');
    expect(addMonths('nope', 1)).toBeNull();
  });

  it('finds the programme period across its phases', () => {
    expect(
      programmePeriod([
        { start_month: '2022-04', end_month: '2022-12' },
        { start_month: '2021-09', end_month: '2022-03' },
        { start_month: '2023-01', end_month: '2024-06' },
      ]),
    ).toEqual({ start: '2021-09', end: '2024-06' });
    expect(programmePeriod([])).toBeNull();
  });

  it('lists the months of a period', () => {
    expect(monthsOf({ start: '2022-11', end: '2023-02' })).toEqual(['2022-11', '2022-12', '2023-01', '2023-02']);
    expect(monthsOf({ start: '2023-02', end: '2022-11' })).toEqual([]);
  });

  it('moves an action keeping its length, and stretches its end', () => {
    expect(moveSpan({ start: '2023-11', end: '2024-02' }, 2)).toEqual({ start: '2024-01', end: '2024-04' });
    expect(moveSpan({ start: '', end: '2024-02' }, 2)).toBeNull();
    expect(resizeEnd({ start: '2023-11', end: '2024-02' }, -1)).toEqual({ start: '2023-11', end: '2024-01' });
    expect(resizeEnd({ start: '2023-11', end: '2023-11' }, -1)).toEqual({ start: '2023-11', end: '2023-11' });
  });

  it('places bars in the grid of the period', () => {
    const period = { start: '2023-01', end: '2023-12' };
    expect(barPlace({ start: '2023-03', end: '2023-05' }, period)).toEqual({ column: 3, span: 3, startsBefore: false, endsAfter: false });
    expect(barPlace({ start: '2022-11', end: '2023-02' }, period)).toEqual({ column: 1, span: 2, startsBefore: true, endsAfter: false });
    expect(barPlace({ start: '2023-12', end: '2024-03' }, period)).toEqual({ column: 12, span: 1, startsBefore: false, endsAfter: true });
    expect(barPlace({ start: '2024-01', end: '2024-03' }, period)).toBeNull();
    expect(barPlace({ start: '2023-05', end: '2023-03' }, period)).toBeNull();
    expect(barPlace({ start: '', end: '' }, period)).toBeNull();
  });

  it('turns a drag into whole months', () => {
    expect(monthsDragged(50, 1200, 12)).toBe(1);
    expect(monthsDragged(-149, 1200, 12)).toBe(-1);
    expect(monthsDragged(-20, 1200, 12)).toBe(0);
    expect(Object.is(monthsDragged(-20, 1200, 12), -0)).toBe(false);
    expect(monthsDragged(10, 0, 12)).toBe(0);
  });
});
