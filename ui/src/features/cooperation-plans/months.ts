// Month arithmetic for the timeline. Months are `YYYY-MM`, as <input type="month"> and the
// backend write them; inside, a month is a count of months since year 0, so that moving and
// measuring are subtraction.
import type { Phase } from '../../lib/api';

/** "2023-04" → its month number; null for anything else (an empty field, a typo). */
export function monthIndex(month: string): number | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return null;
  const mo = Number(m[2]);
  if (mo < 1 || mo > 12) return null;
  return Number(m[1]) * 12 + (mo - 1);
}

export function monthString(index: number): string {
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

export function addMonths(month: string, delta: number): string | null {
  const i = monthIndex(month);
  return i === null ? null : monthString(i + delta);
}

/** The programme's period: from its first phase's start to its last phase's end. */
export function programmePeriod(phases: readonly Pick<Phase, 'start_month' | 'end_month'>[]): { start: string; end: string } | null {
  const starts = phases.map((p) => monthIndex(p.start_month)).filter((i): i is number => i !== null);
  const ends = phases.map((p) => monthIndex(p.end_month)).filter((i): i is number => i !== null);
  if (starts.length === 0 || ends.length === 0) return null;
  const start = Math.min(...starts);
  const end = Math.max(...ends);
  return end < start ? null : { start: monthString(start), end: monthString(end) };
}

/** Every month from `start` to `end`, both included. */
export function monthsOf(period: { start: string; end: string }): string[] {
  const a = monthIndex(period.start);
  const b = monthIndex(period.end);
  if (a === null || b === null || b < a) return [];
  return Array.from({ length: b - a + 1 }, (_, k) => monthString(a + k));
}

export interface Span {
  start: string;
  end: string;
}

/** The action moved by `delta` months, keeping its length; null without readable dates. */
export function moveSpan(span: Span, delta: number): Span | null {
  const s = monthIndex(span.start);
  const e = monthIndex(span.end);
  if (s === null || e === null) return null;
  return { start: monthString(s + delta), end: monthString(e + delta) };
}

/** The action's end moved by `delta` months, never before its start. */
export function resizeEnd(span: Span, delta: number): Span | null {
  const s = monthIndex(span.start);
  const e = monthIndex(span.end);
  if (s === null || e === null) return null;
  return { start: span.start, end: monthString(Math.max(s, e + delta)) };
}

export interface BarPlace {
  /** 1-based column of the first month shown, as CSS grid counts. */
  column: number;
  /** Months shown (at least 1). */
  span: number;
  /** The action starts before, or ends after, the period. */
  startsBefore: boolean;
  endsAfter: boolean;
}

/**
 * Where an action's bar sits in a grid of the period's months; null when it has no readable
 * dates, ends before it starts, or lies wholly outside the period.
 */
export function barPlace(span: Span, period: Span): BarPlace | null {
  const s = monthIndex(span.start);
  const e = monthIndex(span.end);
  const ps = monthIndex(period.start);
  const pe = monthIndex(period.end);
  if (s === null || e === null || ps === null || pe === null || e < s) return null;
  if (e < ps || s > pe) return null;
  const from = Math.max(s, ps);
  const to = Math.min(e, pe);
  return { column: from - ps + 1, span: to - from + 1, startsBefore: s < ps, endsAfter: e > pe };
}

/** Whole months a pointer moved over a track `width` pixels wide holding `months` months. */
export function monthsDragged(dx: number, width: number, months: number): number {
  if (width <= 0 || months <= 0) return 0;
  const m = Math.round((dx / width) * months);
  return m === 0 ? 0 : m; // never -0
}
