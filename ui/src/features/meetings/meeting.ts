// A meeting as the page edits and shows it. Times are typed on the planner's wall clock in one
// zone; every conversion (to UTC, to each city) is the backend's — the page only formats what
// it is given, so the window and the backend can never disagree about a clock change.
import type {
  ActionItem,
  ActionStatus,
  AgendaItem,
  Attendee,
  BelongsTo,
  Id,
  IpcError,
  LocalTime,
  Meeting,
  MeetingInput,
  MeetingKind,
  MeetingWarning,
} from '../../lib/api';
import { baseField, sortIssues, type Messages } from '../../lib/errors';

export const MEETING_KINDS: readonly { value: MeetingKind; label: string }[] = [
  { value: 'cluster_meeting', label: 'Cluster meeting' },
  { value: 'pairing_meeting', label: 'Pairing meeting' },
  { value: 'open_online_event', label: 'Open online event' },
  { value: 'working_meeting', label: 'Working meeting' },
  { value: 'closing_conference', label: 'Closing conference' },
];

export function kindLabel(kind: MeetingKind): string {
  return MEETING_KINDS.find((k) => k.value === kind)?.label ?? kind;
}

export const ACTION_STATUSES: readonly { value: ActionStatus; label: string }[] = [
  { value: 'open', label: 'Open' },
  { value: 'done', label: 'Done' },
  { value: 'dropped', label: 'Dropped' },
];

// ---- What a meeting belongs to -------------------------------------------------------------

export const PROGRAMME = 'programme';
export const UNKNOWN_CLUSTER = 'Unknown cluster';
export const UNKNOWN_PAIRING = 'Unknown pairing';

/** A select needs one string a choice: "programme", "cluster:<id>", "pairing:<id>". */
export function belongsToValue(b: BelongsTo): string {
  return b.kind === 'programme' ? PROGRAMME : `${b.kind}:${b.id}`;
}

/** The select's value back as a BelongsTo; anything unreadable is the programme. */
export function belongsToFrom(value: string): BelongsTo {
  const m = /^(cluster|pairing):(.+)$/.exec(value);
  if (!m) return { kind: 'programme' };
  return m[1] === 'cluster' ? { kind: 'cluster', id: m[2] as Id } : { kind: 'pairing', id: m[2] as Id };
}

export interface BelongsToNames {
  /** A cluster's label (its theme's), undefined when the cluster is not there. */
  cluster: (id: Id) => string | undefined;
  /** "EU city – partner city", undefined when the pairing is not there. */
  pairing: (id: Id) => string | undefined;
}

/** What a meeting belongs to, in words. */
export function belongsToLabel(b: BelongsTo, names: BelongsToNames): string {
  if (b.kind === 'programme') return 'Programme';
  if (b.kind === 'cluster') return names.cluster(b.id) ?? UNKNOWN_CLUSTER;
  return names.pairing(b.id) ?? UNKNOWN_PAIRING;
}

/** The choices of the belongs-to select, programme first, then clusters, then pairings. */
export function belongsToOptions(
  clusters: readonly { id: Id }[],
  pairings: readonly { id: Id }[],
  names: BelongsToNames,
): { value: string; label: string }[] {
  return [
    { value: PROGRAMME, label: 'Programme' },
    ...clusters.map((c) => ({ value: `cluster:${c.id}`, label: `Cluster: ${names.cluster(c.id) ?? UNKNOWN_CLUSTER}` })),
    ...pairings.map((p) => ({ value: `pairing:${p.id}`, label: `Pairing: ${names.pairing(p.id) ?? UNKNOWN_PAIRING}` })),
  ];
}

// ---- The form ------------------------------------------------------------------------------

/** Rows carry a key of their own so that moving or removing one keeps focus and errors on it. */
export interface AgendaRow {
  key: string;
  title: string;
  presenter: Id | '';
  /** null while the box is empty. */
  minutes: number | null;
}

export interface ActionRow {
  key: string;
  text: string;
  owner: Id | '';
  due: string;
  status: ActionStatus;
}

export interface MeetingForm {
  id: Id | null;
  title: string;
  kind: MeetingKind;
  belongsTo: string;
  date: string;
  time: string;
  end: string;
  endDate: string;
  zone: string;
  link: string;
  venue: string;
  agenda: AgendaRow[];
  attendees: Attendee[];
  minutes: string;
  /** One decision a line, as typed. */
  decisions: string;
  actions: ActionRow[];
  series: Id | null;
  /** Which of its series' dates this meeting is; carried through untouched. */
  occurrence: string | null;
}

let keyCounter = 0;
/** A key no other row of this window has. */
export function newRowKey(): string {
  keyCounter += 1;
  return `r${keyCounter}`;
}

export function emptyForm(zone: string): MeetingForm {
  return {
    id: null,
    title: '',
    kind: 'working_meeting',
    belongsTo: PROGRAMME,
    date: '',
    time: '',
    end: '',
    endDate: '',
    zone,
    link: '',
    venue: '',
    agenda: [],
    attendees: [],
    minutes: '',
    decisions: '',
    actions: [],
    series: null,
    occurrence: null,
  };
}

export function formFromInput(input: MeetingInput, key: () => string = newRowKey): MeetingForm {
  return {
    id: input.id,
    title: input.title,
    kind: input.kind,
    belongsTo: belongsToValue(input.belongs_to),
    date: input.date,
    time: input.time,
    end: input.end,
    endDate: input.end_date,
    zone: input.planned_zone,
    link: input.online_link,
    venue: input.venue,
    agenda: input.agenda.map((a) => ({ key: key(), title: a.title, presenter: a.presenter ?? '', minutes: a.minutes })),
    attendees: input.attendees.map((a) => ({ ...a })),
    minutes: input.minutes,
    decisions: input.decisions.join('\n'),
    actions: input.actions.map((a) => ({ key: key(), text: a.text, owner: a.owner ?? '', due: a.due ?? '', status: a.status })),
    series: input.series,
    occurrence: input.occurrence,
  };
}

/**
 * The form for a meeting changed elsewhere (a colleague's edit merged by a sync pass), or null
 * when there is nothing new to take: the meeting is as this editor last saved it (`saved`, the
 * backend's answer: it tidies text, and a space being typed must stay), or the form would save
 * the same. Agenda rows and action items keep the open form's keys by place, so focus and rows
 * stay where they are.
 */
export function mergedMeeting(input: MeetingInput, open: MeetingForm, saved: MeetingInput | null, key: () => string = newRowKey): MeetingForm | null {
  if (JSON.stringify(input) === JSON.stringify(saved)) return null;
  const fresh = formFromInput(input, key);
  if (JSON.stringify(inputFromForm(fresh)) === JSON.stringify(inputFromForm(open))) return null;
  fresh.agenda.forEach((a, i) => (a.key = open.agenda[i]?.key ?? a.key));
  fresh.actions.forEach((a, i) => (a.key = open.actions[i]?.key ?? a.key));
  return fresh;
}

/** The decisions typed one a line; blank lines (the one just started) are not decisions. */
export function decisionLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

/**
 * The request the form stands for. Agenda rows and action items map one to one (so an error on
 * `agenda.2` is the third row). An empty minutes box is sent as 0 for the backend to refuse.
 */
export function inputFromForm(form: MeetingForm): MeetingInput {
  const agenda: AgendaItem[] = form.agenda.map((a) => ({
    title: a.title,
    presenter: a.presenter === '' ? null : a.presenter,
    minutes: typeof a.minutes === 'number' && Number.isFinite(a.minutes) ? a.minutes : 0,
  }));
  const actions: ActionItem[] = form.actions.map((a) => ({
    text: a.text,
    owner: a.owner === '' ? null : a.owner,
    due: a.due === '' ? null : a.due,
    status: a.status,
  }));
  return {
    id: form.id,
    title: form.title,
    kind: form.kind,
    belongs_to: belongsToFrom(form.belongsTo),
    date: form.date,
    time: form.time,
    end: form.end,
    end_date: form.endDate,
    planned_zone: form.zone.trim(),
    online_link: form.link,
    venue: form.venue,
    agenda,
    attendees: form.attendees.map((a) => ({ person: a.person, guest_speaker: a.guest_speaker })),
    minutes: form.minutes,
    decisions: decisionLines(form.decisions),
    actions,
    series: form.series,
    occurrence: form.occurrence,
  };
}

/** Ticks or unticks a person; the others keep their order and guest-speaker mark. */
export function setAttending(attendees: readonly Attendee[], person: Id, on: boolean): Attendee[] {
  const there = attendees.some((a) => a.person === person);
  if (on) return there ? [...attendees] : [...attendees, { person, guest_speaker: false }];
  return attendees.filter((a) => a.person !== person);
}

/** Marks an attendee as guest speaker (or not); a guest speaker is ticked as attending too. */
export function setGuestSpeaker(attendees: readonly Attendee[], person: Id, guest: boolean): Attendee[] {
  const list = setAttending(attendees, person, true);
  return list.map((a) => (a.person === person ? { ...a, guest_speaker: guest } : a));
}

/** The list with item `index` moved by `delta`; null when it would leave the list. */
export function moveItem<T>(list: readonly T[], index: number, delta: -1 | 1): T[] | null {
  const to = index + delta;
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return null;
  const next = [...list];
  const [item] = next.splice(index, 1) as [T];
  next.splice(to, 0, item);
  return next;
}

/** Minutes of the agenda in all. */
export function agendaMinutes(agenda: readonly { minutes: number | null }[]): number {
  return agenda.reduce((sum, a) => sum + (typeof a.minutes === 'number' && Number.isFinite(a.minutes) ? a.minutes : 0), 0);
}

// ---- The backend's errors ------------------------------------------------------------------

export const MEETING_FIELDS = [
  'title',
  'kind',
  'belongs_to',
  'date',
  'time',
  'end',
  'end_date',
  'planned_zone',
  'online_link',
  'venue',
  'agenda',
  'attendees',
  'minutes',
  'decisions',
  'actions',
  'series',
] as const;
export type MeetingField = (typeof MEETING_FIELDS)[number];

/** The input of each field, in the form's order, for focus after a refusal. */
export const MEETING_INPUT_IDS: Partial<Record<MeetingField, string>> = {
  title: 'meeting-title',
  kind: 'meeting-kind',
  belongs_to: 'meeting-belongs-to',
  date: 'meeting-date',
  time: 'meeting-time',
  end: 'meeting-end',
  end_date: 'meeting-end-date',
  planned_zone: 'meeting-zone',
  online_link: 'meeting-link',
  venue: 'meeting-venue',
  attendees: 'meeting-attendees',
  agenda: 'meeting-agenda',
  minutes: 'meeting-minutes',
  decisions: 'meeting-decisions',
  actions: 'meeting-actions',
};

export const AGENDA_FIELDS = ['title', 'presenter', 'minutes'] as const;
export const ACTION_FIELDS = ['text', 'owner', 'due', 'status'] as const;

/** Fields of the stored meeting that the form types as another: its length is typed as an end. */
const FIELD_ALIASES: Record<string, MeetingField> = { duration_minutes: 'end', start: 'time' };

export interface MeetingErrors {
  /** By form field (MEETING_FIELDS). */
  meeting: Messages;
  /** By agenda row key, then AGENDA_FIELDS. */
  agenda: Record<string, Messages>;
  /** By person id. */
  attendees: Record<Id, string[]>;
  /** By action row key, then ACTION_FIELDS. */
  actions: Record<string, Messages>;
  general: string[];
}

export const NO_MEETING_ERRORS: MeetingErrors = Object.freeze({
  meeting: {},
  agenda: {},
  attendees: {},
  actions: {},
  general: [],
}) as MeetingErrors;

/**
 * Sorts a refusal onto the form that was sent: `agenda.N.minutes` goes to the Nth row sent (by
 * its key, so it stays on that row when rows move afterwards), `attendees.N.person` to that
 * person, and a field the form does not show to `general` so that nothing is lost.
 */
export function meetingErrors(err: IpcError, sent: Pick<MeetingForm, 'agenda' | 'attendees' | 'actions'>): MeetingErrors {
  const meeting: Messages = {};
  const agenda: Record<string, Messages> = {};
  const attendees: Record<Id, string[]> = {};
  const actions: Record<string, Messages> = {};
  const general = sortIssues(err, (field) => {
    const row = /^(agenda|attendees|actions)[.[](\d+)\]?(?:\.(\w+))?/.exec(field);
    if (row) {
      const index = Number(row[2]);
      const sub = row[3];
      if (row[1] === 'attendees') {
        const person = sent.attendees[index]?.person;
        return person === undefined ? null : (attendees[person] ??= []);
      }
      const list = row[1] === 'agenda' ? sent.agenda : sent.actions;
      const known: readonly string[] = row[1] === 'agenda' ? AGENDA_FIELDS : ACTION_FIELDS;
      const key = list[index]?.key;
      if (key === undefined || sub === undefined || !known.includes(sub)) return null;
      const target = row[1] === 'agenda' ? agenda : actions;
      return ((target[key] ??= {})[sub] ??= []);
    }
    const base = FIELD_ALIASES[baseField(field)] ?? baseField(field);
    return (MEETING_FIELDS as readonly string[]).includes(base) ? (meeting[base] ??= []) : null;
  });
  return { meeting, agenda, attendees, actions, general };
}

// ---- Times ---------------------------------------------------------------------------------

const MINUTE = 60_000;

/** The instant a meeting ends, in ms since the epoch; NaN when its start cannot be read. */
export function endsAt(m: Pick<Meeting, 'start' | 'duration_minutes'>): number {
  return Date.parse(m.start) + m.duration_minutes * MINUTE;
}

/**
 * Upcoming (not yet over at `now`, the one under way included), earliest first; then past,
 * the most recent first — the one just held is the one whose minutes are being written.
 */
export function groupMeetings<M extends Pick<Meeting, 'start' | 'duration_minutes'>>(
  meetings: readonly M[],
  now: Date,
): { upcoming: M[]; past: M[] } {
  const t = now.getTime();
  const byStart = (a: M, b: M) => Date.parse(a.start) - Date.parse(b.start);
  const upcoming = meetings.filter((m) => !(endsAt(m) <= t)).sort(byStart);
  const past = meetings.filter((m) => endsAt(m) <= t).sort((a, b) => byStart(b, a));
  return { upcoming, past };
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function readWallClock(naive: string): { day: string; time: string; date: string } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(naive);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m as unknown as [string, string, string, string, string, string];
  const weekday = WEEKDAYS[new Date(Date.UTC(Number(y), Number(mo) - 1, Number(d))).getUTCDay()];
  return { date: `${y}-${mo}-${d}`, day: `${weekday} ${Number(d)} ${MONTHS[Number(mo) - 1]}`, time: `${h}:${mi}` };
}

/**
 * A city's wall-clock start and end (naive local times as the backend gives them):
 * "Mon 21 Mar, 07:00–08:30", or with both days when it ends on the next.
 */
export function formatLocalRange(start: string, end: string): string {
  const s = readWallClock(start);
  const e = readWallClock(end);
  if (!s || !e) return `${start} – ${end}`;
  if (s.date === e.date) return `${s.day}, ${s.time}–${e.time}`;
  return `${s.day}, ${s.time} – ${e.day}, ${e.time}`;
}

/** "UTC+9", "UTC−3:30", "UTC" — for a zone with no abbreviation. */
export function formatUtcOffset(minutes: number): string {
  if (minutes === 0) return 'UTC';
  const sign = minutes > 0 ? '+' : '−';
  const abs = Math.abs(minutes);
  const h = Math.floor(abs / 60);
  const m = abs % 60;
  return `UTC${sign}${h}${m === 0 ? '' : `:${String(m).padStart(2, '0')}`}`;
}

/** What a city's clocks are called then: its abbreviation, or its offset when it has none. */
export function zoneName(lt: Pick<LocalTime, 'abbreviation' | 'utc_offset_minutes'>): string {
  return lt.abbreviation !== '' ? lt.abbreviation : formatUtcOffset(lt.utc_offset_minutes);
}

/** The mark beside a city whose date is not the planner's: "+1 day", "−1 day"; '' for none. */
export function dayMarkText(offset: number): string {
  if (offset === 0 || !Number.isFinite(offset)) return '';
  const sign = offset > 0 ? '+' : '−';
  const n = Math.abs(offset);
  return `${sign}${n} ${n === 1 ? 'day' : 'days'}`;
}

/** The warnings about each city, by city id, for marking its row. */
export function warningsByCity(warnings: readonly MeetingWarning[]): Map<Id, string[]> {
  const map = new Map<Id, string[]>();
  for (const w of warnings) {
    for (const city of w.cities) {
      const list = map.get(city) ?? [];
      if (!list.includes(w.message)) list.push(w.message);
      map.set(city, list);
    }
  }
  return map;
}

/** The distinct zones of the programme's cities, for suggestions, in order. */
export function cityZones(cities: readonly { time_zone: string }[]): string[] {
  return [...new Set(cities.map((c) => c.time_zone).filter((z) => z !== ''))].sort();
}
