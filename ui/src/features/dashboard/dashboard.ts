// How the dashboard reads what the backend gathered: upcoming meetings by the viewer's day,
// times on the viewer's clock, due dates, and the phases laid out on one line of months.
// Which meetings are upcoming or running, and which actions overdue, is the backend's.
import type { PhaseOnTimeline, PhaseState, UpcomingMeeting } from '../../lib/api';
import { wallTime } from '../../lib/clock';
import { addDays } from '../../lib/dates';
import { formatDay } from '../../lib/format';

/** "Today · Mon 9 Mar 2026", "Tomorrow · Tue 10 Mar 2026", "Thu 12 Mar 2026". */
export function dayLabel(date: string, today: string): string {
  if (date === today) return `Today · ${formatDay(date)}`;
  if (date === addDays(today, 1)) return `Tomorrow · ${formatDay(date)}`;
  return formatDay(date);
}

/** "15:00–16:30" on `zone`'s clock; the end's day is named when it is another. */
export function timeRange(start: string, end: string, zone: string): string {
  const s = wallTime(start, zone);
  const e = wallTime(end, zone);
  if (!s || !e) return `${start} – ${end}`;
  if (s.date === e.date) return `${s.time}–${e.time}`;
  return `${s.time} – ${formatDay(e.date)}, ${e.time}`;
}

export interface UpcomingDay {
  /** `YYYY-MM-DD` on the viewer's calendar. */
  date: string;
  label: string;
  meetings: (UpcomingMeeting & { time: string })[];
}

/**
 * The upcoming meetings by the day they start on the viewer's clock (a 01:00 meeting in
 * Seoul is the evening before in Brussels), in the order the backend gave them. A meeting
 * already running started before today: it goes under today.
 */
export function upcomingByDay(upcoming: readonly UpcomingMeeting[], zone: string, today: string): UpcomingDay[] {
  const days: UpcomingDay[] = [];
  for (const m of upcoming) {
    const started = wallTime(m.start, zone)?.date ?? today;
    const date = started < today ? today : started;
    let day = days.find((d) => d.date === date);
    if (!day) {
      day = { date, label: dayLabel(date, today), meetings: [] };
      days.push(day);
    }
    day.meetings.push({ ...m, time: timeRange(m.start, m.end, zone) });
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/** "Due Thu 5 Mar 2026", "Overdue since Thu 5 Mar 2026", "No due date". */
export function dueText(due: string | null, overdue: boolean): string {
  if (due === null || due === '') return overdue ? 'Overdue' : 'No due date';
  return overdue ? `Overdue: was due ${formatDay(due)}` : `Due ${formatDay(due)}`;
}

export const PHASE_STATES: Record<PhaseState, string> = {
  done: 'Done',
  current: 'Under way now',
  ahead: 'Ahead',
};

/** Months since year 0 of a `YYYY-MM`; null when it does not read. */
function monthIndex(month: string): number | null {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return null;
  const mo = Number(m[2]);
  return mo >= 1 && mo <= 12 ? Number(m[1]) * 12 + mo - 1 : null;
}

export interface PhaseBar extends PhaseOnTimeline {
  /** Where its bar starts and how long it is, in % of the programme's months. */
  offset: number;
  width: number;
}

/**
 * Each phase as a bar on the programme's span of months, both ends inclusive. A phase whose
 * months do not read gets the whole line, so it is still there to read.
 */
export function phaseBars(phases: readonly PhaseOnTimeline[]): PhaseBar[] {
  const spans = phases.map((p) => {
    const a = monthIndex(p.start_month);
    const b = monthIndex(p.end_month);
    return a !== null && b !== null && b >= a ? { a, b } : null;
  });
  const known = spans.filter((s): s is { a: number; b: number } => s !== null);
  if (known.length === 0) return phases.map((p) => ({ ...p, offset: 0, width: 100 }));
  const first = Math.min(...known.map((s) => s.a));
  const total = Math.max(...known.map((s) => s.b)) - first + 1;
  const pct = (n: number) => Math.round((n / total) * 10_000) / 100;
  return phases.map((p, i) => {
    const s = spans[i];
    return s ? { ...p, offset: pct(s.a - first), width: pct(s.b - s.a + 1) } : { ...p, offset: 0, width: 100 };
  });
}
