import { parseDate } from './dates';

const integer = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });

export function formatPopulation(n: number | null): string {
  return n === null ? '—' : integer.format(n);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2022-05" → "May 2022"; anything else is shown as it came. */
export function formatMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m) return month;
  const name = MONTHS[Number(m[2]) - 1];
  return name ? `${name} ${m[1]}` : month;
}

/** "May 2022 – Dec 2022", or one month when start and end are the same. */
export function formatMonthRange(start: string, end: string): string {
  return start === end ? formatMonth(start) : `${formatMonth(start)} – ${formatMonth(end)}`;
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** A calendar date, "2026-03-10" → "Tue 10 Mar 2026"; anything else is shown as it came. */
export function formatDay(date: string): string {
  const d = parseDate(date);
  if (!d) return date;
  return `${WEEKDAYS[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

const FULL_MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** A yearly day as the programme stores it, "11-15" → "15 November". */
export function formatDayOfYear(monthDay: string): string {
  const m = /^(\d{2})-(\d{2})$/.exec(monthDay);
  const month = m ? FULL_MONTHS[Number(m[1]) - 1] : undefined;
  return m && month ? `${Number(m[2])} ${month}` : monthDay;
}

/** A count with its noun: "1 candidature", "28 candidatures", "2 cities" (with `many`). */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "3 people", or "1 of 3 people" while a filter hides some. */
export function countText(shown: number, total: number, one: string, many = `${one}s`): string {
  const all = plural(total, one, many);
  return shown === total ? all : `${shown} of ${all}`;
}
