// Calendar dates as the backend writes them (`YYYY-MM-DD`), counted without any time zone.

/** "2022-06-13" as a UTC midnight, or null when it is not a real calendar date. */
export function parseDate(date: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3])
    ? d
    : null;
}

/** A UTC midnight (as parseDate gives) back as `YYYY-MM-DD`. */
export function dateText(d: Date): string {
  const y = String(d.getUTCFullYear()).padStart(4, '0');
  const m = String(d.getUTCMonth() + 1).padStart(2, '0');
  const day = String(d.getUTCDate()).padStart(2, '0');
  return `${y}-${m}-${day}`;
}

/** The date `n` days after `date` (calendar days; no time zones involved). */
export function addDays(date: string, n: number): string | null {
  const d = parseDate(date);
  if (!d) return null;
  d.setUTCDate(d.getUTCDate() + n);
  return dateText(d);
}
