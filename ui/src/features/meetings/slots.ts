// The slot finder's form, the request it sends, and how a ranked slot reads. The ranking and
// every check are the backend's; this only carries what was typed and shows what came back.
import type { City, Country, Fit, Id, IpcError, SlotRequest, Weekday, WorkingWeek } from '../../lib/api';
import { localDate } from '../../lib/clock';
import { sortIssues } from '../../lib/errors';

export const WEEKDAYS: readonly { value: Weekday; short: string; label: string }[] = [
  { value: 'monday', short: 'Mon', label: 'Monday' },
  { value: 'tuesday', short: 'Tue', label: 'Tuesday' },
  { value: 'wednesday', short: 'Wed', label: 'Wednesday' },
  { value: 'thursday', short: 'Thu', label: 'Thursday' },
  { value: 'friday', short: 'Fri', label: 'Friday' },
  { value: 'saturday', short: 'Sat', label: 'Saturday' },
  { value: 'sunday', short: 'Sun', label: 'Sunday' },
];

/** A city's working week, as typed. */
export interface CityHours {
  workStart: string;
  workEnd: string;
  workingDays: Weekday[];
}

/** The programme's working week, which a city keeps until someone changes it (a fresh copy). */
export function defaultHours(week: WorkingWeek): CityHours {
  return { workStart: week.start, workEnd: week.end, workingDays: [...week.days] };
}

export interface SlotForm {
  /** The chosen cities' ids; the request lists them in the order of the city list. */
  chosen: Id[];
  /** Only the cities whose hours were opened and changed; the others work the default week. */
  hours: Record<Id, CityHours>;
  /** The programme's working week, which the other cities keep. */
  week: WorkingWeek;
  from: string;
  to: string;
  zone: string;
  /** null while the box is empty; the backend says what it needs. */
  duration: number | null;
  limit: number | null;
  step: number;
}

/** A first search: the coming week, an hour's meeting, the ten best slots. */
export function emptySlotForm(week: WorkingWeek, today: Date = new Date()): SlotForm {
  const to = new Date(today.getFullYear(), today.getMonth(), today.getDate() + 6);
  return {
    chosen: [],
    hours: {},
    week,
    from: localDate(today),
    to: localDate(to),
    zone: 'UTC',
    duration: 60,
    limit: 10,
    step: 15,
  };
}

export function hoursOf(form: Pick<SlotForm, 'hours' | 'week'>, city: Id): CityHours {
  return form.hours[city] ?? defaultHours(form.week);
}

/** The working days with `day` switched on or off, in the week's order. */
export function toggleDay(days: readonly Weekday[], day: Weekday, on: boolean): Weekday[] {
  const set = new Set(days);
  if (on) set.add(day);
  else set.delete(day);
  return WEEKDAYS.map((w) => w.value).filter((d) => set.has(d));
}

/** The chosen ids with `ids` added (on) or taken out, each once. */
export function choose(chosen: readonly Id[], ids: readonly Id[], on: boolean): Id[] {
  if (!on) return chosen.filter((id) => !ids.includes(id));
  const out = [...chosen];
  for (const id of ids) if (!out.includes(id)) out.push(id);
  return out;
}

/** The cities of the EU, or of the partner countries outside it, by their country's region. */
export function citiesOfRegion(cities: readonly City[], countries: readonly Country[], eu: boolean): Id[] {
  const region = new Map(countries.map((c) => [c.code, c.region]));
  return cities
    .filter((c) => {
      const r = region.get(c.country);
      // A city of a country the programme does not list belongs to neither pick.
      return r !== undefined && (r === 'eu') === eu;
    })
    .map((c) => c.id);
}

/** A number box's value as the backend's whole number; anything else is sent as 0, which it refuses beside the field. */
function wholeNumber(n: number | null): number {
  return n !== null && Number.isInteger(n) && n >= 0 ? n : 0;
}

/**
 * The request for the form: the chosen cities in the order of `cities` (so that an error about
 * `cities.1` names the second of them), each with its zone from the city record.
 */
export function requestFromForm(form: SlotForm, cities: readonly City[]): SlotRequest {
  const chosen = new Set(form.chosen);
  return {
    from: form.from,
    to: form.to,
    zone: form.zone.trim() === '' ? 'UTC' : form.zone.trim(),
    duration_minutes: wholeNumber(form.duration),
    step_minutes: wholeNumber(form.step),
    limit: wholeNumber(form.limit),
    cities: cities
      .filter((c) => chosen.has(c.id))
      .map((c) => {
        const h = hoursOf(form, c.id);
        return {
          city: c.id,
          name: c.name,
          time_zone: c.time_zone,
          work_start: h.workStart,
          work_end: h.workEnd,
          working_days: [...h.workingDays],
        };
      }),
  };
}

export const SLOT_FIELDS = ['cities', 'from', 'to', 'zone', 'duration_minutes', 'limit'] as const;
export type SlotField = (typeof SLOT_FIELDS)[number];
export const CITY_FIELDS = ['city', 'work_start', 'work_end', 'working_days'] as const;
export type CityField = (typeof CITY_FIELDS)[number];

export interface SlotErrors {
  fields: Partial<Record<SlotField, string[]>>;
  /** By city id; `city` holds what is about the city itself (its name or zone). */
  cities: Record<Id, Partial<Record<CityField, string[]>>>;
  general: string[];
}

export const NO_SLOT_ERRORS: SlotErrors = Object.freeze({ fields: {}, cities: {}, general: [] }) as SlotErrors;

/** The backend's refusal sorted beside the fields of the form; `sent` is the request it refused. */
export function slotErrors(err: IpcError, sent: SlotRequest): SlotErrors {
  const out: SlotErrors = { fields: {}, cities: {}, general: [] };
  out.general = sortIssues(err, (field) => {
    const m = /^cities[.[](\d+)\]?(?:\.(.+))?$/.exec(field);
    if (m) {
      const id = sent.cities[Number(m[1])]?.city;
      if (id === undefined) return null;
      const inner = m[2] ?? 'city';
      const key: CityField = (CITY_FIELDS as readonly string[]).includes(inner) ? (inner as CityField) : 'city';
      const city = (out.cities[id] ??= {});
      return (city[key] ??= []);
    }
    return (SLOT_FIELDS as readonly string[]).includes(field) ? (out.fields[field as SlotField] ??= []) : null;
  });
  return out;
}

/** "2 of 3 cities inside working hours". */
export function insideText(inside: number, cities: number): string {
  return `${inside} of ${cities} ${cities === 1 ? 'city' : 'cities'} inside working hours`;
}

/** How a city's fit is marked: a sign and a word, so that colour is never the only clue. */
export function fitMark(fit: Fit): { sign: string; label: string } {
  switch (fit) {
    case 'inside':
      return { sign: '✓', label: 'inside' };
    case 'early':
      return { sign: '↑', label: 'early' };
    case 'late':
      return { sign: '↓', label: 'late' };
    case 'off_day':
      return { sign: '✕', label: 'day off' };
  }
}

interface Clock {
  date: string;
  day: string;
  time: string;
  zone: string;
}

function clockOf(ms: number, zone: string): Clock {
  const f = new Intl.DateTimeFormat('en-GB', {
    timeZone: zone,
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'short',
  });
  const parts = Object.fromEntries(f.formatToParts(ms).map((p) => [p.type, p.value]));
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    day: `${parts.weekday} ${parts.day} ${parts.month} ${parts.year}`,
    time: `${parts.hour}:${parts.minute}`,
    zone: parts.timeZoneName ?? zone,
  };
}

/**
 * A slot's start and end on a zone's clock: "Mon 13 Jun 2022, 08:00–09:00 CEST", with both days
 * when it ends on the next. A zone the web view does not know shows UTC, named as such.
 */
export function formatSlotTime(startsAt: string, endsAt: string, zone: string): string {
  const s = Date.parse(startsAt);
  const e = Date.parse(endsAt);
  if (Number.isNaN(s) || Number.isNaN(e)) return `${startsAt} – ${endsAt}`;
  let a: Clock;
  let b: Clock;
  try {
    a = clockOf(s, zone);
    b = clockOf(e, zone);
  } catch {
    a = clockOf(s, 'UTC');
    b = clockOf(e, 'UTC');
  }
  if (a.date === b.date) return `${a.day}, ${a.time}–${b.time} ${a.zone}`;
  return `${a.day}, ${a.time} – ${b.day}, ${b.time} ${b.zone}`;
}
