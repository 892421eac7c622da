// The pure logic of the study-visit builder: dates of a visit, sessions of a day, moving and
// duplicating sessions, and sorting the backend's issues onto fields.
// Nothing here decides what is valid — the backend does; these only arrange what was typed.
import type { Id, IpcError, Session, SessionKind, StudyVisit, VisitWarning } from '../../lib/api';
import { addDays, parseDate } from '../../lib/dates';
import { baseField, sortIssues, type Messages } from '../../lib/errors';

export const SESSION_KINDS: readonly { value: SessionKind; label: string }[] = [
  { value: 'plenary', label: 'Plenary' },
  { value: 'roundtable', label: 'Roundtable' },
  { value: 'site_visit', label: 'Site visit' },
  { value: 'workshop', label: 'Workshop' },
  { value: 'transfer', label: 'Transfer' },
  { value: 'meal', label: 'Meal' },
  { value: 'free_time', label: 'Free time' },
];

export function kindLabel(kind: SessionKind): string {
  return SESSION_KINDS.find((k) => k.value === kind)?.label ?? kind;
}

export const DEFAULT_DAYS = 6;

// ---------------------------------------------------------------------------------------------
// Dates

const DAY_NAMES = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Upper bound of columns drawn, whatever is typed into "Days". */
export const MAX_COLUMNS = 31;

/**
 * The dates of a visit, one a day from `startDate`: empty when the first day is not a date or
 * `days` is not a positive whole number.
 */
export function visitDates(startDate: string, days: number): string[] {
  if (!parseDate(startDate) || !Number.isInteger(days) || days < 1) return [];
  const out: string[] = [];
  for (let i = 0; i < Math.min(days, MAX_COLUMNS); i++) {
    const d = addDays(startDate, i);
    if (d) out.push(d);
  }
  return out;
}

/** "2022-06-13" → "Mon 13 Jun". */
export function formatDayHeading(date: string): string {
  const d = parseDate(date);
  if (!d) return date;
  return `${DAY_NAMES[d.getUTCDay()]} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
}

/** "13–18 Jun 2022", "29 Jun – 4 Jul 2022", "29 Dec 2022 – 3 Jan 2023". */
export function formatVisitDates(startDate: string, days: number): string {
  const dates = visitDates(startDate, days);
  const first = parseDate(dates[0] ?? '');
  const last = parseDate(dates[dates.length - 1] ?? '');
  if (!first || !last) return startDate || '—';
  const dm = (d: Date) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
  if (dates.length === 1) return `${dm(first)} ${first.getUTCFullYear()}`;
  if (first.getUTCFullYear() !== last.getUTCFullYear()) {
    return `${dm(first)} ${first.getUTCFullYear()} – ${dm(last)} ${last.getUTCFullYear()}`;
  }
  if (first.getUTCMonth() !== last.getUTCMonth()) return `${dm(first)} – ${dm(last)} ${last.getUTCFullYear()}`;
  return `${first.getUTCDate()}–${dm(last)} ${last.getUTCFullYear()}`;
}

// ---------------------------------------------------------------------------------------------
// Sessions of a day

/** "09:30" → 570; anything unreadable sorts last. */
function minutes(time: string): number {
  const m = /^(\d{1,2}):(\d{2})$/.exec(time.trim());
  return m ? Number(m[1]) * 60 + Number(m[2]) : Number.MAX_SAFE_INTEGER;
}

function formatMinutes(total: number): string {
  const t = Math.max(0, Math.min(total, 23 * 60 + 59));
  return `${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t % 60).padStart(2, '0')}`;
}

/**
 * The sessions of `date` in the order the day shows them: by start, then end; sessions with the
 * same times keep their order in the visit's list (which Alt+↑/↓ changes).
 */
export function sessionsOfDay(sessions: readonly Session[], date: string): Session[] {
  return sessions
    .map((s, i) => ({ s, i }))
    .filter(({ s }) => s.date === date)
    .sort((a, b) => minutes(a.s.start) - minutes(b.s.start) || minutes(a.s.end) - minutes(b.s.end) || a.i - b.i)
    .map(({ s }) => s);
}

/** Sessions dated outside the visit's days (e.g. after "Days" was shortened). */
export function sessionsOutside(sessions: readonly Session[], dates: readonly string[]): Session[] {
  return sessions.filter((s) => !dates.includes(s.date));
}

/** A new session key, unique among `sessions`. */
export function newSessionKey(sessions: readonly { key: string }[], random: () => number = Math.random): string {
  const taken = new Set(sessions.map((s) => s.key));
  for (;;) {
    const key = `s-${Math.floor(random() * 36 ** 8).toString(36).padStart(8, '0')}`;
    if (!taken.has(key)) return key;
  }
}

/**
 * A session to add on `date`: it starts when the day's last session ends (09:00 on an empty day)
 * and lasts an hour. Its title is a placeholder the editor selects, so typing replaces it.
 */
export function newSession(sessions: readonly Session[], date: string, key: string): Session {
  const day = sessionsOfDay(sessions, date);
  const lastEnd = day.reduce((max, s) => Math.max(max, minutes(s.end) === Number.MAX_SAFE_INTEGER ? 0 : minutes(s.end)), 0);
  const start = day.length === 0 || lastEnd === 0 ? 9 * 60 : lastEnd;
  return {
    key,
    date,
    start: formatMinutes(start),
    end: formatMinutes(start + 60),
    kind: 'plenary',
    title: 'New session',
    description: '',
    venue: '',
    address: '',
    speakers: [],
    notes: '',
  };
}

/** The sessions with the one keyed `key` moved to `date` (its key and place in the list kept). */
export function moveSessionToDate(sessions: readonly Session[], key: string, date: string): Session[] {
  return sessions.map((s) => (s.key === key ? { ...s, date } : s));
}

/**
 * Moves a session `delta` days (−1 previous, +1 next) within the visit's `dates`.
 * Returns null when there is no such day (or no such session).
 */
export function moveSessionByDays(
  sessions: readonly Session[],
  key: string,
  dates: readonly string[],
  delta: number,
): Session[] | null {
  const session = sessions.find((s) => s.key === key);
  if (!session) return null;
  const i = dates.indexOf(session.date);
  if (i === -1) return null;
  const target = dates[i + delta];
  return target === undefined ? null : moveSessionToDate(sessions, key, target);
}

/**
 * Alt+↑ / Alt+↓: the session changes places with its neighbour before (−1) or after (+1) it in
 * the day's order. The two exchange their time slots (start and end) and their places in the
 * list, so sessions with the same times reorder too. Null when there is no neighbour.
 */
export function swapWithNeighbour(sessions: readonly Session[], key: string, delta: -1 | 1): Session[] | null {
  const session = sessions.find((s) => s.key === key);
  if (!session) return null;
  const day = sessionsOfDay(sessions, session.date);
  const other = day[day.findIndex((s) => s.key === key) + delta];
  if (!other) return null;
  const a = sessions.indexOf(session);
  const b = sessions.indexOf(other);
  const out = sessions.slice();
  out[a] = { ...other, start: session.start, end: session.end };
  out[b] = { ...session, start: other.start, end: other.end };
  return out;
}

/** The first day after `fromDate` (within `dates`) that has no session; null when none. */
export function nextEmptyDay(sessions: readonly Session[], dates: readonly string[], fromDate: string): string | null {
  const i = dates.indexOf(fromDate);
  if (i === -1) return null;
  return dates.slice(i + 1).find((d) => !sessions.some((s) => s.date === d)) ?? null;
}

/**
 * Copies the sessions of `fromDate` onto `toDate`: same times and contents, new keys (from
 * `makeKey`), appended after the existing sessions.
 */
export function duplicateDay(
  sessions: readonly Session[],
  fromDate: string,
  toDate: string,
  makeKey: (taken: readonly { key: string }[]) => string,
): Session[] {
  const out = sessions.slice();
  for (const s of sessionsOfDay(sessions, fromDate)) {
    out.push({ ...s, speakers: s.speakers.slice(), key: makeKey(out), date: toDate });
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Errors from save_study_visit

/** The visit-level fields the builder shows, by the backend's issue field names. */
export const VISIT_FIELDS = ['title', 'host_city', 'delegation', 'start_date', 'days', 'hotel', 'transport', 'notes'] as const;
export type VisitField = (typeof VISIT_FIELDS)[number];

export const SESSION_FIELDS = [
  'date',
  'start',
  'end',
  'kind',
  'title',
  'description',
  'venue',
  'address',
  'speakers',
  'notes',
] as const;
export type SessionField = (typeof SESSION_FIELDS)[number];

export const PARTICIPANT_FIELDS = ['name', 'role', 'organisation', 'home_city'] as const;
export type ParticipantField = (typeof PARTICIPANT_FIELDS)[number];

export interface VisitErrors {
  visit: Messages;
  /** By session KEY (not index), so the errors stay with their session when the list changes. */
  sessions: Record<string, Messages>;
  /** By participant index. */
  participants: Record<number, Messages>;
  /** Messages with no field shown on screen. */
  general: string[];
}

export const NO_VISIT_ERRORS: VisitErrors = Object.freeze({
  visit: {},
  sessions: {},
  participants: {},
  general: [],
}) as VisitErrors;

export function hasErrors(e: VisitErrors): boolean {
  return (
    e.general.length > 0 ||
    Object.keys(e.visit).length > 0 ||
    Object.keys(e.sessions).length > 0 ||
    Object.keys(e.participants).length > 0
  );
}

/**
 * Sorts a rejected save's issues: `sessions.3.end` goes to the session that was at index 3 in
 * `sent` (the visit as it was sent), under `end`; `participants.1.name` to participant 1;
 * `title`, `hotel`, … to the visit. Anything else is general, so no message is lost.
 */
export function visitErrors(err: IpcError, sent: Pick<StudyVisit, 'sessions'>): VisitErrors {
  const visit: Messages = {};
  const sessions: Record<string, Messages> = {};
  const participants: Record<number, Messages> = {};
  const general = sortIssues(err, (field) => {
    const list = /^(sessions|participants)[.[](\d+)\]?\.(\w+)/.exec(field);
    if (list) {
      const index = Number(list[2]);
      const sub = list[3] as string;
      if (list[1] === 'sessions') {
        const key = sent.sessions[index]?.key;
        if (key === undefined || !(SESSION_FIELDS as readonly string[]).includes(sub)) return null;
        return ((sessions[key] ??= {})[sub] ??= []);
      }
      if (!(PARTICIPANT_FIELDS as readonly string[]).includes(sub)) return null;
      return ((participants[index] ??= {})[sub] ??= []);
    }
    const base = baseField(field.replace(/^logistics\./, ''));
    return (VISIT_FIELDS as readonly string[]).includes(base) ? (visit[base] ??= []) : null;
  });
  return { visit, sessions, participants, general };
}

/** Warnings by the key of each session they concern. */
export function warningsBySession(warnings: readonly VisitWarning[]): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const w of warnings) {
    for (const key of w.sessions) {
      const list = out.get(key) ?? [];
      if (!list.includes(w.message)) list.push(w.message);
      out.set(key, list);
    }
  }
  return out;
}

/** JSON with every object's keys in one order: a session added here need not list them as the backend does. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v,
  );
}

/**
 * The visit to edit after one changed elsewhere (a colleague's edit merged by a sync pass), or
 * null when there is nothing new to take: the visit is as this builder last saved it (`saved`,
 * the backend's answer: it tidies text, and a space being typed must stay), or as it is open.
 * Sessions carry their own keys, so an open session and the cards stay where they are.
 */
export function mergedVisit(fresh: StudyVisit, open: StudyVisit, saved: StudyVisit): StudyVisit | null {
  if (canonical(fresh) === canonical(saved) || canonical(fresh) === canonical(open)) return null;
  return structuredClone(fresh);
}
