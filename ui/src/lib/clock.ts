// The viewer's clock: the zone this computer is in, its date, and instants (UTC, as the
// backend sends them) read on a clock. No view works out a zone's offset itself.

/** The zone this computer's clock is in. */
export function systemZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** `YYYY-MM-DD` of a date on this computer's calendar (not UTC's: 01:00 in Seoul is still today). */
export function localDate(d: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}

/** A formatter on `zone`'s clock; UTC for a zone the web view does not know. */
function formatter(opts: Intl.DateTimeFormatOptions, zone: string | undefined): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat('en-GB', { ...opts, timeZone: zone });
  } catch {
    return new Intl.DateTimeFormat('en-GB', { ...opts, timeZone: 'UTC' });
  }
}

/**
 * An instant on a zone's clock, "Mon 21 Mar 2022, 15:00 CET"; on this computer's clock without
 * a zone. A zone the web view does not know shows the instant in UTC, named as such.
 */
export function formatInstant(utc: string, zone?: string): string {
  const ms = Date.parse(utc);
  if (Number.isNaN(ms)) return utc;
  return formatter(
    {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    },
    zone,
  ).format(ms);
}

/** An instant's date and time on a zone's clock, in pieces. */
export interface WallTime {
  /** `YYYY-MM-DD` there. */
  date: string;
  /** `HH:MM` there. */
  time: string;
}

/** Where an instant falls on a zone's clock (this computer's without one); null when unreadable. */
export function wallTime(utc: string, zone?: string): WallTime | null {
  const ms = Date.parse(utc);
  if (Number.isNaN(ms)) return null;
  const parts = formatter(
    { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' },
    zone,
  ).formatToParts(ms);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${part('year')}-${part('month')}-${part('day')}`, time: `${part('hour')}:${part('minute')}` };
}
