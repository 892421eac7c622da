// A series of meetings as its editor types it, the MeetingSeries it stands for, and how a
// series reads in words. Which dates the rule gives, and whether the series is valid, is the
// backend's (previewSeries): the editor only carries what was typed and shows what came back.
import { NEW_RECORD_ID } from '../../../lib/api';
import type {
  Id,
  IpcError,
  MeetingKind,
  MeetingSeries,
  MeetingWarning,
  MovedOccurrence,
  Occurrence,
  SeriesRule,
  Weekday,
  WeekOfMonth,
} from '../../../lib/api';
import { sortIssues, type Messages } from '../../../lib/errors';
import { takeUntouched } from '../../../lib/util/merged';
import { belongsToFrom, belongsToValue, PROGRAMME } from '../meeting';
import { WEEKDAYS } from '../slots';

export type RuleKind = SeriesRule['kind'];

export const RULE_KINDS: readonly { value: RuleKind; label: string }[] = [
  { value: 'weekly', label: 'Weekly' },
  { value: 'monthly', label: 'Monthly, on a weekday' },
  { value: 'monthly_on_day', label: 'Monthly, on a date' },
];

export const WEEKS_OF_MONTH: readonly { value: WeekOfMonth; label: string }[] = [
  { value: 'first', label: '1st' },
  { value: 'second', label: '2nd' },
  { value: 'third', label: '3rd' },
  { value: 'fourth', label: '4th' },
  { value: 'last', label: 'Last' },
];

// ---- The form ------------------------------------------------------------------------------

/**
 * Every part of every rule is kept, whichever rule is chosen, so switching from weekly to
 * monthly and back gives back what was typed.
 */
export interface SeriesForm {
  id: Id;
  title: string;
  kind: MeetingKind;
  belongsTo: string;
  ruleKind: RuleKind;
  /** Number boxes are null while empty; the backend says what they need. */
  every: number | null;
  weekday: Weekday;
  week: WeekOfMonth;
  day: number | null;
  time: string;
  zone: string;
  duration: number | null;
  from: string;
  until: string;
  count: number | null;
  skipped: string[];
  moved: MovedOccurrence[];
  link: string;
  venue: string;
  sample: boolean;
}

/** A first series: monthly on the 2nd Tuesday from today, twelve meetings of an hour. */
export function emptySeriesForm(zone: string, today: string): SeriesForm {
  return {
    id: NEW_RECORD_ID,
    title: '',
    kind: 'working_meeting',
    belongsTo: PROGRAMME,
    ruleKind: 'monthly',
    every: 1,
    weekday: 'tuesday',
    week: 'second',
    day: 1,
    time: '',
    zone,
    duration: 60,
    from: today,
    until: '',
    count: 12,
    skipped: [],
    moved: [],
    link: '',
    venue: '',
    sample: false,
  };
}

export function formFromSeries(s: MeetingSeries): SeriesForm {
  const r = s.rule;
  return {
    id: s.id,
    title: s.title,
    kind: s.kind,
    belongsTo: belongsToValue(s.belongs_to),
    ruleKind: r.kind,
    every: r.every,
    weekday: r.kind === 'monthly_on_day' ? 'tuesday' : r.weekday,
    week: r.kind === 'monthly' ? r.week : 'second',
    day: r.kind === 'monthly_on_day' ? r.day : 1,
    time: s.time,
    zone: s.planned_zone,
    duration: s.duration_minutes,
    from: s.from,
    until: s.until,
    count: s.count,
    skipped: [...s.skipped],
    moved: s.moved.map((m) => ({ ...m })),
    link: s.online_link,
    venue: s.venue,
    sample: s.sample,
  };
}

/**
 * What a number box sends where the backend takes a whole number: anything that is not one
 * (empty, 1.5, −2) is sent as 0 for the backend to refuse with its own message.
 */
function wholeOrZero(n: number | null): number {
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= 0xffff_ffff ? n : 0;
}

export function ruleFromForm(form: Pick<SeriesForm, 'ruleKind' | 'every' | 'weekday' | 'week' | 'day'>): SeriesRule {
  const every = wholeOrZero(form.every);
  switch (form.ruleKind) {
    case 'weekly':
      return { kind: 'weekly', every, weekday: form.weekday };
    case 'monthly':
      return { kind: 'monthly', every, week: form.week, weekday: form.weekday };
    case 'monthly_on_day':
      return { kind: 'monthly_on_day', every, day: wholeOrZero(form.day) };
  }
}

/** The series the form stands for. An empty count means "until the last day" (null). */
export function seriesFromForm(form: SeriesForm): MeetingSeries {
  return {
    id: form.id,
    title: form.title,
    kind: form.kind,
    belongs_to: belongsToFrom(form.belongsTo),
    rule: ruleFromForm(form),
    time: form.time,
    planned_zone: form.zone.trim(),
    duration_minutes: wholeOrZero(form.duration),
    from: form.from,
    until: form.until,
    count: form.count === null ? null : wholeOrZero(form.count),
    skipped: [...form.skipped],
    moved: form.moved.map((m) => ({ date: m.date, to_date: m.to_date, to_time: m.to_time })),
    online_link: form.link,
    venue: form.venue,
    sample: form.sample,
  };
}

/** A key that changes exactly when what would be sent does (dirty checks, repeat previews). */
export function seriesKey(form: SeriesForm): string {
  return JSON.stringify(seriesFromForm(form));
}

/**
 * The form after a colleague's change to the series was merged in, or null when there is
 * nothing to take: the series reads as this editor last saved or opened it (`saved`, as the
 * backend gave it), or as the form holds it. A series saves only when asked, so the form may
 * hold changes not saved yet: a field changed here since `saved` stays as typed, every other
 * field takes what the series now says. The exception lists go whole: their rows are keyed by
 * date, so a row being edited keeps its place.
 */
export function mergedSeriesForm(open: SeriesForm, saved: SeriesForm, fresh: SeriesForm): SeriesForm | null {
  if (seriesKey(fresh) === seriesKey(saved)) return null;
  const merged = takeUntouched(open, saved, fresh);
  return seriesKey(merged) === seriesKey(open) ? null : merged;
}

// ---- Exceptions ----------------------------------------------------------------------------

export type Exceptions = Pick<SeriesForm, 'skipped' | 'moved'>;

/** No meeting on `date` (a date the rule gives); a move it had is dropped with it. */
export function skipDate(ex: Exceptions, date: string): Exceptions {
  const skipped = ex.skipped.includes(date) ? [...ex.skipped] : [...ex.skipped, date].sort();
  return { skipped, moved: ex.moved.filter((m) => m.date !== date) };
}

export function unskipDate(ex: Exceptions, date: string): Exceptions {
  return { skipped: ex.skipped.filter((d) => d !== date), moved: [...ex.moved] };
}

/**
 * Starts moving an occurrence: a change that keeps, for now, its date and time on the series'
 * clock, for the person to edit. An occurrence already moved keeps its change.
 */
export function moveOccurrence(ex: Exceptions, o: Pick<Occurrence, 'date' | 'local_date' | 'local_time'>): Exceptions {
  if (ex.moved.some((m) => m.date === o.date)) return { skipped: [...ex.skipped], moved: [...ex.moved] };
  const moved = [...ex.moved, { date: o.date, to_date: o.local_date, to_time: hhmm(o.local_time) }].sort((a, b) =>
    a.date.localeCompare(b.date),
  );
  return { skipped: ex.skipped.filter((d) => d !== o.date), moved };
}

export function unmoveDate(ex: Exceptions, date: string): Exceptions {
  return { skipped: [...ex.skipped], moved: ex.moved.filter((m) => m.date !== date) };
}

/** "15:00:00" (a wall-clock time as the backend sends it) → "15:00". */
export function hhmm(time: string): string {
  return /^\d{2}:\d{2}/.test(time) ? time.slice(0, 5) : time;
}

// ---- In words ------------------------------------------------------------------------------

/** 1 → "1st", 2 → "2nd", 11 → "11th", 22 → "22nd". */
export function ordinal(n: number): string {
  const tens = n % 100;
  const suffix = tens >= 11 && tens <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

function weekdayName(w: Weekday): string {
  return WEEKDAYS.find((d) => d.value === w)?.label ?? w;
}

/** "every month", "every other month", "every 3 months". */
function everyMonths(every: number): string {
  return every <= 1 ? 'every month' : every === 2 ? 'every other month' : `every ${every} months`;
}

/**
 * A rule as people say it: "Every Tuesday", "Every other Tuesday", "Tuesday every 3 weeks",
 * "2nd Tuesday of every month", "Last Friday of every other month", "15th of every month".
 */
export function ruleText(rule: SeriesRule): string {
  switch (rule.kind) {
    case 'weekly': {
      const day = weekdayName(rule.weekday);
      if (rule.every <= 1) return `Every ${day}`;
      return rule.every === 2 ? `Every other ${day}` : `${day} every ${rule.every} weeks`;
    }
    case 'monthly': {
      const week = WEEKS_OF_MONTH.find((w) => w.value === rule.week)?.label ?? rule.week;
      const months = everyMonths(rule.every);
      return rule.every >= 3 ? `${week} ${weekdayName(rule.weekday)} ${months}` : `${week} ${weekdayName(rule.weekday)} of ${months}`;
    }
    case 'monthly_on_day': {
      const months = everyMonths(rule.every);
      const day = rule.every >= 3 ? `The ${ordinal(rule.day)} ${months}` : `The ${ordinal(rule.day)} of ${months}`;
      // As the backend reads it: a month without that day has it on its last day.
      return rule.day > 28 ? `${day} (the last day in shorter months)` : day;
    }
  }
}

/** "2nd Tuesday of every month, 15:00 Europe/Brussels". */
export function seriesSummary(s: Pick<MeetingSeries, 'rule' | 'time' | 'planned_zone'>): string {
  return `${ruleText(s.rule)}, ${s.time} ${s.planned_zone}`;
}

/** How many meetings each series has on record, by series id. */
export function meetingsPerSeries(meetings: readonly { series: Id | null }[]): Map<Id, number> {
  const counts = new Map<Id, number>();
  for (const m of meetings) if (m.series !== null) counts.set(m.series, (counts.get(m.series) ?? 0) + 1);
  return counts;
}

/** What the page says once a series is deleted; `kept` meetings had notes and stayed. */
export function deletedText(title: string, kept: number): string {
  const name = title.trim() === '' ? 'The series' : `“${title.trim()}”`;
  if (kept === 0) return `${name} was deleted with its meetings.`;
  const which = kept === 1 ? 'meeting had something written in it and was' : 'meetings had something written in them and were';
  return `${name} was deleted. ${kept} ${which} kept on ${kept === 1 ? 'its' : 'their'} own.`;
}

// ---- The backend's errors and warnings -----------------------------------------------------

/** The fields the editor shows a message beside, in the form's order (for focus). */
export const SERIES_FIELDS = [
  'title',
  'kind',
  'belongs_to',
  'rule',
  'rule.every',
  'rule.weekday',
  'rule.week',
  'rule.day',
  'time',
  'planned_zone',
  'duration_minutes',
  'from',
  'until',
  'count',
  'online_link',
  'venue',
] as const;
export type SeriesField = (typeof SERIES_FIELDS)[number];

/** The input of each field, where focus goes for its message. */
export const SERIES_INPUT_IDS: Record<SeriesField, string> = {
  title: 'series-title',
  kind: 'series-kind',
  belongs_to: 'series-belongs-to',
  rule: 'series-rule-kind',
  'rule.every': 'series-every',
  'rule.weekday': 'series-weekday',
  'rule.week': 'series-week',
  'rule.day': 'series-day',
  time: 'series-time',
  planned_zone: 'series-zone',
  duration_minutes: 'series-duration',
  from: 'series-from',
  until: 'series-until',
  count: 'series-count',
  online_link: 'series-link',
  venue: 'series-venue',
};

export const MOVED_FIELDS = ['date', 'to_date', 'to_time'] as const;

export interface SeriesErrors {
  /** By SERIES_FIELDS. */
  fields: Messages;
  /** By the skipped date (as it was sent). */
  skipped: Record<string, string[]>;
  /** By the moved occurrence's rule date, then MOVED_FIELDS. */
  moved: Record<string, Messages>;
  general: string[];
}

export const NO_SERIES_ERRORS: SeriesErrors = Object.freeze({ fields: {}, skipped: {}, moved: {}, general: [] }) as SeriesErrors;

/** `skipped.2`, `skipped[2].date`, `moved.1.to_time` → list, index, sub-field. */
function listField(field: string): { list: 'skipped' | 'moved'; index: number; sub: string | undefined } | null {
  const m = /^(skipped|moved)[.[](\d+)\]?(?:\.(\w+))?$/.exec(field);
  return m ? { list: m[1] as 'skipped' | 'moved', index: Number(m[2]), sub: m[3] } : null;
}

/**
 * Sorts a refusal onto the form that was sent. An exception's message goes to its date (not its
 * place in the list), so it stays on the right row whatever was undone since; a field the
 * editor does not show goes to `general`, so nothing is lost.
 */
export function seriesErrors(err: IpcError, sent: Exceptions): SeriesErrors {
  const fields: Messages = {};
  const skipped: Record<string, string[]> = {};
  const moved: Record<string, Messages> = {};
  const general = sortIssues(err, (field) => {
    const row = listField(field);
    if (row) {
      if (row.list === 'skipped') {
        const date = sent.skipped[row.index];
        return date === undefined ? null : (skipped[date] ??= []);
      }
      const date = sent.moved[row.index]?.date;
      const sub = row.sub ?? 'date';
      if (date === undefined || !(MOVED_FIELDS as readonly string[]).includes(sub)) return null;
      return ((moved[date] ??= {})[sub] ??= []);
    }
    const key = (SERIES_FIELDS as readonly string[]).includes(field) ? field : field.startsWith('rule') ? 'rule' : null;
    return key === null ? null : (fields[key] ??= []);
  });
  return { fields, skipped, moved, general };
}

/**
 * The messages a person should see now. A new series hides those of fields not yet touched, so
 * a form just opened is not all red; `touched` null (an existing series, or after Create was
 * pressed) shows them all. Exceptions are only there because someone added them: always shown.
 */
export function visibleErrors(errors: SeriesErrors, touched: ReadonlySet<string> | null): SeriesErrors {
  if (touched === null) return errors;
  const fields: Messages = {};
  for (const [k, v] of Object.entries(errors.fields)) {
    if (touched.has(k) || (k === 'rule' && [...touched].some((t) => t.startsWith('rule')))) fields[k] = v;
  }
  return { ...errors, fields };
}

/** True when some messages are hidden by visibleErrors: the meetings cannot show yet. */
export function hasHiddenErrors(all: SeriesErrors, shown: SeriesErrors): boolean {
  return Object.keys(all.fields).length > Object.keys(shown.fields).length;
}

export interface SortedWarnings {
  /** Not about one exception: clock changes, meetings kept apart. */
  general: MeetingWarning[];
  /** About one exception, by its date (`skipped.0` → that skipped date). */
  skipped: Record<string, string[]>;
  moved: Record<string, string[]>;
}

/** Puts each warning about an exception on that exception's row, by the lists that were sent. */
export function sortWarnings(warnings: readonly MeetingWarning[], sent: Exceptions): SortedWarnings {
  const out: SortedWarnings = { general: [], skipped: {}, moved: {} };
  for (const w of warnings) {
    const row = w.field === null ? null : listField(w.field);
    const date = row === null ? undefined : row.list === 'skipped' ? sent.skipped[row.index] : sent.moved[row.index]?.date;
    if (row === null || date === undefined) out.general.push(w);
    else (out[row.list][date] ??= []).push(w.message);
  }
  return out;
}
