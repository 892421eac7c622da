import { describe, expect, it } from 'vitest';
import type { IpcError, Session, StudyVisit } from '../../lib/api';
import { messageOf } from '../../lib/errors';
import {
  duplicateDay,
  formatDayHeading,
  formatVisitDates,
  mergedVisit,
  moveSessionByDays,
  moveSessionToDate,
  newSession,
  newSessionKey,
  nextEmptyDay,
  sessionsOfDay,
  sessionsOutside,
  swapWithNeighbour,
  visitDates,
  visitErrors,
  warningsBySession,
} from './visit';

function s(key: string, date: string, start: string, end: string, title = `Session ${key}`): Session {
  return {
    key,
    date,
    start,
    end,
    kind: 'plenary',
    title,
    description: '',
    venue: '',
    address: '',
    speakers: [],
    notes: '',
  };
}

const DATES = visitDates('2022-06-13', 6);

describe('visit dates', () => {
  it('lists one date a day from the first day', () => {
    expect(DATES).toEqual(['2022-06-13', '2022-06-14', '2022-06-15', '2022-06-16', '2022-06-17', '2022-06-18']);
  });
  it('crosses months, years and leap days', () => {
    expect(visitDates('2022-12-30', 3)).toEqual(['2022-12-30', '2022-12-31', '2023-01-01']);
    expect(visitDates('2024-02-28', 2)).toEqual(['2024-02-28', '2024-02-29']);
  });
  it('is empty for what is not a date or a day count', () => {
    expect(visitDates('', 6)).toEqual([]);
    expect(visitDates('2022-02-30', 6)).toEqual([]);
    expect(visitDates('2022-06-13', 0)).toEqual([]);
    expect(visitDates('2022-06-13', 1.5)).toEqual([]);
  });
  it('formats headings and ranges', () => {
    expect(formatDayHeading('2022-06-13')).toBe('Mon 13 Jun');
    expect(formatDayHeading('2023-01-01')).toBe('Sun 1 Jan');
    expect(formatVisitDates('2022-06-13', 6)).toBe('13–18 Jun 2022');
    expect(formatVisitDates('2022-06-29', 6)).toBe('29 Jun – 4 Jul 2022');
    expect(formatVisitDates('2022-12-30', 3)).toBe('30 Dec 2022 – 1 Jan 2023');
    expect(formatVisitDates('2022-06-13', 1)).toBe('13 Jun 2022');
  });
});

describe('sessions of a day', () => {
  it('orders by start, then end, then list order', () => {
    const list = [
      s('c', '2022-06-13', '14:00', '15:00'),
      s('a', '2022-06-13', '09:00', '10:00'),
      s('x', '2022-06-14', '08:00', '09:00'),
      s('b2', '2022-06-13', '09:00', '09:30'),
      s('d', '2022-06-13', '14:00', '15:00'),
    ];
    expect(sessionsOfDay(list, '2022-06-13').map((x) => x.key)).toEqual(['b2', 'a', 'c', 'd']);
    expect(sessionsOfDay(list, '2022-06-14').map((x) => x.key)).toEqual(['x']);
  });
  it('finds sessions outside the days', () => {
    const list = [s('a', '2022-06-13', '09:00', '10:00'), s('z', '2022-06-20', '09:00', '10:00')];
    expect(sessionsOutside(list, DATES).map((x) => x.key)).toEqual(['z']);
  });
  it('adds a session after the last one of the day, an hour long', () => {
    const list = [s('a', '2022-06-13', '09:00', '10:30'), s('b', '2022-06-13', '11:00', '12:15')];
    const added = newSession(list, '2022-06-13', 'n');
    expect(added).toMatchObject({ key: 'n', date: '2022-06-13', start: '12:15', end: '13:15' });
    expect(newSession(list, '2022-06-14', 'm')).toMatchObject({ start: '09:00', end: '10:00' });
    expect(added.title).not.toBe('');
  });
  it('makes keys that are not taken', () => {
    let n = 0;
    const seq = [0.1, 0.1, 0.2];
    const rnd = () => seq[n++] ?? 0.3;
    const first = newSessionKey([], () => 0.1);
    expect(newSessionKey([{ key: first }], rnd)).not.toBe(first);
  });
});

describe('moving sessions', () => {
  const list = [s('a', '2022-06-13', '09:00', '10:00'), s('b', '2022-06-14', '09:00', '10:00')];

  it('moves to another date, keeping the key and everything else', () => {
    const got = moveSessionToDate(list, 'a', '2022-06-15');
    expect(got[0]).toEqual({ ...list[0], date: '2022-06-15' });
    expect(got[1]).toBe(list[1]);
    expect(list[0]?.date).toBe('2022-06-13');
  });
  it('moves to the next and previous day, not beyond the visit', () => {
    expect(moveSessionByDays(list, 'a', DATES, 1)?.find((x) => x.key === 'a')?.date).toBe('2022-06-14');
    expect(moveSessionByDays(list, 'b', DATES, -1)?.find((x) => x.key === 'b')?.date).toBe('2022-06-13');
    expect(moveSessionByDays(list, 'a', DATES, -1)).toBeNull();
    const last = [s('z', '2022-06-18', '09:00', '10:00')];
    expect(moveSessionByDays(last, 'z', DATES, 1)).toBeNull();
    expect(moveSessionByDays(list, 'nope', DATES, 1)).toBeNull();
  });
  it('swaps time slots with the neighbour', () => {
    const day = [
      s('a', '2022-06-13', '09:00', '10:00'),
      s('b', '2022-06-13', '10:00', '11:30'),
      s('c', '2022-06-13', '13:00', '14:00'),
    ];
    const down = swapWithNeighbour(day, 'a', 1);
    expect(down).not.toBeNull();
    expect(sessionsOfDay(down ?? [], '2022-06-13').map((x) => [x.key, x.start, x.end])).toEqual([
      ['b', '09:00', '10:00'],
      ['a', '10:00', '11:30'],
      ['c', '13:00', '14:00'],
    ]);
    expect(swapWithNeighbour(day, 'a', -1)).toBeNull();
    expect(swapWithNeighbour(day, 'c', 1)).toBeNull();
  });
  it('reorders sessions with the same times', () => {
    const day = [s('a', '2022-06-13', '09:00', '10:00'), s('b', '2022-06-13', '09:00', '10:00')];
    const up = swapWithNeighbour(day, 'b', -1) ?? [];
    expect(sessionsOfDay(up, '2022-06-13').map((x) => x.key)).toEqual(['b', 'a']);
    expect(up.every((x) => x.start === '09:00' && x.end === '10:00')).toBe(true);
  });
});

describe('duplicating a day', () => {
  const list = [
    s('b', '2022-06-13', '11:00', '12:00'),
    s('a', '2022-06-13', '09:00', '10:00'),
    s('x', '2022-06-14', '09:00', '10:00'),
  ];
  it('finds the next day without sessions', () => {
    expect(nextEmptyDay(list, DATES, '2022-06-13')).toBe('2022-06-15');
    expect(nextEmptyDay([s('z', '2022-06-18', '09:00', '10:00')], DATES, '2022-06-18')).toBeNull();
  });
  it('copies the sessions with new keys, same times, onto the target date', () => {
    let n = 0;
    const got = duplicateDay(list, '2022-06-13', '2022-06-15', () => `k${++n}`);
    expect(got.slice(0, 3)).toEqual(list);
    const copies = got.slice(3);
    expect(copies.map((x) => [x.key, x.date, x.start, x.end, x.title])).toEqual([
      ['k1', '2022-06-15', '09:00', '10:00', 'Session a'],
      ['k2', '2022-06-15', '11:00', '12:00', 'Session b'],
    ]);
  });
  it('passes the growing list to the key maker so keys never clash', () => {
    const got = duplicateDay(list, '2022-06-13', '2022-06-15', (taken) => newSessionKey(taken));
    const keys = got.map((x) => x.key);
    expect(new Set(keys).size).toBe(keys.length);
  });
});

describe('errors of a rejected save', () => {
  const sent = {
    sessions: [s('a', '2022-06-13', '09:00', '10:00'), s('b', '2022-06-13', '10:00', '09:00'), s('c', '2022-06-20', '09:00', '10:00')],
  };
  const err: IpcError = {
    code: 'invalid',
    message: 'The study visit has problems',
    field: null,
    issues: [
      { code: 'required', message: 'A title is needed', field: 'title' },
      { code: 'end_before_start', message: 'End is before start', field: 'sessions.1.end' },
      { code: 'outside_visit', message: 'Outside the visit', field: 'sessions.2.date' },
      { code: 'required', message: 'Name needed', field: 'participants.1.name' },
      { code: 'too_long', message: 'Hotel too long', field: 'hotel' },
      { code: 'x', message: 'Session 9 does not exist', field: 'sessions.9.end' },
      { code: 'y', message: 'Something else', field: null },
    ],
  };
  it('maps sessions.N.field to the key of the session sent at N', () => {
    const got = visitErrors(err, sent);
    expect(messageOf(got.sessions['b'], 'end')).toBe('End is before start');
    expect(messageOf(got.sessions['c'], 'date')).toBe('Outside the visit');
    expect(got.sessions['a']).toBeUndefined();
    expect(messageOf(got.participants[1], 'name')).toBe('Name needed');
    expect(messageOf(got.visit, 'title')).toBe('A title is needed');
    expect(messageOf(got.visit, 'hotel')).toBe('Hotel too long');
    expect(got.general).toEqual(['Session 9 does not exist', 'Something else']);
  });
  it('uses the error itself when it has no issues', () => {
    const got = visitErrors({ code: 'invalid', message: 'Too many days', field: 'days', issues: [] }, sent);
    expect(messageOf(got.visit, 'days')).toBe('Too many days');
  });
});

describe('warnings', () => {
  it('are found by session key', () => {
    const got = warningsBySession([{ code: 'overlap', message: 'a overlaps b', sessions: ['a', 'b'] }]);
    expect(got.get('a')).toEqual(['a overlaps b']);
    expect(got.get('b')).toEqual(['a overlaps b']);
    expect(got.get('c')).toBeUndefined();
  });
});

describe('a visit merged from elsewhere', () => {
  const visit = (over: Partial<StudyVisit> = {}): StudyVisit => ({
    id: 'V1',
    title: 'Freiburg visit',
    host_city: 'C1',
    delegation: ['C2'],
    start_date: '2022-06-13',
    days: 6,
    sessions: [s('a', '2022-06-13', '09:00', '10:00')],
    participants: [],
    logistics: { hotel: '', transport: '', emergency_contacts: [], notes: '' },
    sample: false,
    ...over,
  });

  it('takes the new content, as a copy of its own', () => {
    const fresh = visit({ title: 'Changed on another desktop' });
    const next = mergedVisit(fresh, visit(), visit());
    expect(next).toEqual(fresh);
    expect(next).not.toBe(fresh);
    expect(next?.sessions[0]).not.toBe(fresh.sessions[0]);
  });

  it('is nothing when the visit is as this builder last saved it, tidied', () => {
    expect(mergedVisit(visit(), visit({ title: 'Freiburg visit ' }), visit())).toBeNull();
  });

  it('is nothing when the visit is as it is open, whatever the order of its fields', () => {
    const open = visit();
    const { key, ...rest } = open.sessions[0]!;
    open.sessions = [{ ...rest, key }];
    expect(mergedVisit(visit(), open, visit({ title: 'Older' }))).toBeNull();
  });
});
