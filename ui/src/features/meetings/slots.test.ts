import { describe, expect, it } from 'vitest';
import type { City, Country, IpcError, WorkingWeek } from '../../lib/api';
import {
  choose,
  citiesOfRegion,
  defaultHours,
  emptySlotForm,
  fitMark,
  formatSlotTime,
  hoursOf,
  insideText,
  requestFromForm,
  slotErrors,
  toggleDay,
  type SlotForm,
} from './slots';

function city(id: string, name: string, country: string, time_zone: string): City {
  return { id, name, local_name: null, country, time_zone, population: null, languages: [], sample: false };
}

/** The week the programme states (Programme::working_week). */
const WEEK: WorkingWeek = {
  start: '08:00',
  end: '19:00',
  days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
};

const CITIES: City[] = [
  city('C1', 'Lisbon', 'PT', 'Europe/Lisbon'),
  city('C2', 'Vancouver', 'CA', 'America/Vancouver'),
  city('C3', 'Seoul', 'KR', 'Asia/Seoul'),
  city('C4', 'Nowhere', 'ZZ', 'UTC'),
];

const COUNTRIES: Country[] = [
  { code: 'PT', name: 'Portugal', region: 'eu', quota_group: 'eu', default_time_zone: 'Europe/Lisbon' },
  { code: 'CA', name: 'Canada', region: 'canada', quota_group: 'canada', default_time_zone: 'America/Toronto' },
  { code: 'KR', name: 'South Korea', region: 'asia', quota_group: 'asia', default_time_zone: 'Asia/Seoul' },
];

function form(over: Partial<SlotForm> = {}): SlotForm {
  return { ...emptySlotForm(WEEK, new Date(2022, 5, 13)), ...over };
}

describe('emptySlotForm', () => {
  it('starts with the coming week, an hour, ten slots, dates read in UTC', () => {
    const f = emptySlotForm(WEEK, new Date(2022, 5, 13));
    expect(f).toMatchObject({ from: '2022-06-13', to: '2022-06-19', zone: 'UTC', duration: 60, limit: 10, step: 15, chosen: [] });
  });
  it('crosses months', () => {
    expect(emptySlotForm(WEEK, new Date(2022, 0, 28)).to).toBe('2022-02-03');
  });
});

describe('working weeks', () => {
  it("starts every city on the programme's working week", () => {
    expect(defaultHours(WEEK)).toEqual({
      workStart: '08:00',
      workEnd: '19:00',
      workingDays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
    });
    expect(hoursOf({ hours: {}, week: WEEK }, 'C1')).toEqual(defaultHours(WEEK));
    const sixDays: WorkingWeek = { start: '09:00', end: '17:00', days: [...WEEK.days, 'saturday'] };
    expect(hoursOf({ hours: {}, week: sixDays }, 'C1')).toEqual({
      workStart: '09:00',
      workEnd: '17:00',
      workingDays: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'],
    });
  });
  it('toggles a day and keeps the week in order, each day once', () => {
    expect(toggleDay(['friday', 'monday'], 'saturday', true)).toEqual(['monday', 'friday', 'saturday']);
    expect(toggleDay(['monday', 'friday'], 'monday', true)).toEqual(['monday', 'friday']);
    expect(toggleDay(['monday', 'friday'], 'monday', false)).toEqual(['friday']);
  });
  it('does not share the default between cities', () => {
    const a = defaultHours(WEEK);
    a.workingDays.push('sunday');
    expect(defaultHours(WEEK).workingDays).not.toContain('sunday');
    expect(WEEK.days).not.toContain('sunday');
  });
});

describe('quick picks', () => {
  it('picks the EU cities and the others by their country’s region', () => {
    expect(citiesOfRegion(CITIES, COUNTRIES, true)).toEqual(['C1']);
    expect(citiesOfRegion(CITIES, COUNTRIES, false)).toEqual(['C2', 'C3']);
  });
  it('adds without doubling and takes out', () => {
    expect(choose(['C1'], ['C1', 'C2'], true)).toEqual(['C1', 'C2']);
    expect(choose(['C1', 'C2', 'C3'], ['C2', 'C3'], false)).toEqual(['C1']);
  });
});

describe('requestFromForm', () => {
  it('lists the chosen cities in the list’s order with their zones and hours', () => {
    const req = requestFromForm(
      form({
        chosen: ['C3', 'C1'],
        hours: { C3: { workStart: '09:00', workEnd: '18:00', workingDays: ['monday', 'saturday'] } },
        zone: ' Europe/Lisbon ',
        duration: 90,
        limit: 5,
      }),
      CITIES,
    );
    expect(req).toEqual({
      from: '2022-06-13',
      to: '2022-06-19',
      zone: 'Europe/Lisbon',
      duration_minutes: 90,
      step_minutes: 15,
      limit: 5,
      cities: [
        {
          city: 'C1',
          name: 'Lisbon',
          time_zone: 'Europe/Lisbon',
          work_start: '08:00',
          work_end: '19:00',
          working_days: ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'],
        },
        { city: 'C3', name: 'Seoul', time_zone: 'Asia/Seoul', work_start: '09:00', work_end: '18:00', working_days: ['monday', 'saturday'] },
      ],
    });
  });
  it('sends what was typed for the backend to judge: an empty zone is UTC, an empty number 0', () => {
    const req = requestFromForm(form({ chosen: ['gone'], zone: '  ', duration: null, limit: 2.5, from: '', to: 'x' }), CITIES);
    expect(req).toMatchObject({ zone: 'UTC', duration_minutes: 0, limit: 0, from: '', to: 'x', cities: [] });
  });
});

describe('slotErrors', () => {
  const sent = requestFromForm(form({ chosen: ['C1', 'C2'] }), CITIES);
  const issue = (field: string | null, message: string) => ({ code: 'invalid', field, message });

  it('puts each message beside its field, and a city’s beside that city', () => {
    const err: IpcError = {
      code: 'invalid',
      message: 'Some fields need fixing.',
      field: null,
      issues: [
        issue('cities.1.work_start', 'Start of the working day: use HH:MM.'),
        issue('cities.0.working_days', 'Working days are required.'),
        issue('cities.0.time_zone', 'Unknown zone.'),
        issue('to', 'To is before From.'),
        issue('duration_minutes', 'Too long.'),
        issue('step_minutes', 'Bad step.'),
        issue(null, 'Something else.'),
      ],
    };
    const e = slotErrors(err, sent);
    expect(e.cities).toEqual({
      C2: { work_start: ['Start of the working day: use HH:MM.'] },
      C1: { working_days: ['Working days are required.'], city: ['Unknown zone.'] },
    });
    expect(e.fields).toEqual({ to: ['To is before From.'], duration_minutes: ['Too long.'] });
    // Nothing is lost: what the form does not show goes to the top.
    expect(e.general).toEqual(['Bad step.', 'Something else.']);
  });
  it('takes an error without issues on its own field', () => {
    const e = slotErrors({ code: 'invalid', message: 'Cities are required.', field: 'cities', issues: [] }, sent);
    expect(e.fields).toEqual({ cities: ['Cities are required.'] });
    expect(e.general).toEqual([]);
  });
  it('sends a city index it did not send to the top', () => {
    const e = slotErrors({ code: 'invalid', message: 'x', field: null, issues: [issue('cities.7.work_end', 'Odd.')] }, sent);
    expect(e.general).toEqual(['Odd.']);
  });
});

describe('how a slot reads', () => {
  it('formats a slot on a zone’s clock and in UTC', () => {
    expect(formatSlotTime('2022-06-13T06:00:00Z', '2022-06-13T07:00:00Z', 'UTC')).toBe('Mon 13 Jun 2022, 06:00–07:00 UTC');
    const seoul = formatSlotTime('2022-06-13T06:00:00Z', '2022-06-13T07:00:00Z', 'Asia/Seoul');
    expect(seoul).toMatch(/^Mon 13 Jun 2022, 15:00–16:00 /);
  });
  it('names both days when the slot crosses midnight on that clock', () => {
    expect(formatSlotTime('2022-06-13T23:30:00Z', '2022-06-14T00:30:00Z', 'UTC')).toBe(
      'Mon 13 Jun 2022, 23:30 – Tue 14 Jun 2022, 00:30 UTC',
    );
  });
  it('falls back to UTC for a zone it does not know, and to the text for a bad instant', () => {
    expect(formatSlotTime('2022-06-13T06:00:00Z', '2022-06-13T07:00:00Z', 'Mars/Olympus')).toBe('Mon 13 Jun 2022, 06:00–07:00 UTC');
    expect(formatSlotTime('soon', 'later', 'UTC')).toBe('soon – later');
  });
  it('counts the cities inside', () => {
    expect(insideText(2, 3)).toBe('2 of 3 cities inside working hours');
    expect(insideText(1, 1)).toBe('1 of 1 city inside working hours');
  });
  it('marks every fit with a sign and a word', () => {
    const fits = (['inside', 'early', 'late', 'off_day'] as const).map(fitMark);
    expect(fits.map((f) => f.label)).toEqual(['inside', 'early', 'late', 'day off']);
    expect(new Set(fits.map((f) => f.sign)).size).toBe(4);
  });
});
