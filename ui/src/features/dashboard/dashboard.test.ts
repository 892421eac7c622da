import { describe, expect, it } from 'vitest';
import type { PhaseOnTimeline, UpcomingMeeting } from '../../lib/api';
import { dayLabel, dueText, PHASE_STATES, phaseBars, timeRange, upcomingByDay } from './dashboard';

function meeting(id: string, start: string, end: string, running = false): UpcomingMeeting {
  return { id, title: id, kind: 'cluster_meeting', start, end, part_of: null, running };
}

describe('upcoming meetings', () => {
  it('names today and tomorrow', () => {
    expect(dayLabel('2026-03-09', '2026-03-09')).toBe('Today · Mon 9 Mar 2026');
    expect(dayLabel('2026-03-10', '2026-03-09')).toBe('Tomorrow · Tue 10 Mar 2026');
    expect(dayLabel('2026-03-12', '2026-03-09')).toBe('Thu 12 Mar 2026');
    expect(dayLabel('2026-03-01', '2026-02-28')).toBe('Tomorrow · Sun 1 Mar 2026');
  });

  it('gives the time on the viewer’s clock, naming the end’s day when it is another', () => {
    expect(timeRange('2026-03-10T14:00:00Z', '2026-03-10T15:30:00Z', 'Europe/Brussels')).toBe('15:00–16:30');
    expect(timeRange('2026-03-10T14:00:00Z', '2026-03-10T15:30:00Z', 'Asia/Seoul')).toBe('23:00 – Wed 11 Mar 2026, 00:30');
  });

  it('groups by the day on the viewer’s clock, not UTC’s', () => {
    // 23:30 UTC on the 9th is already the 10th in Seoul, still the 9th in Vancouver.
    const list = [
      meeting('a', '2026-03-09T15:00:00Z', '2026-03-09T16:00:00Z'),
      meeting('b', '2026-03-09T23:30:00Z', '2026-03-10T00:30:00Z'),
      meeting('c', '2026-03-12T08:00:00Z', '2026-03-12T09:00:00Z'),
    ];
    const seoul = upcomingByDay(list, 'Asia/Seoul', '2026-03-09');
    expect(seoul.map((d) => [d.date, d.meetings.map((m) => m.id)])).toEqual([
      ['2026-03-10', ['a', 'b']],
      ['2026-03-12', ['c']],
    ]);
    expect(seoul[0]?.label).toBe('Tomorrow · Tue 10 Mar 2026');
    expect(seoul[0]?.meetings[1]?.time).toBe('08:30–09:30');
    const vancouver = upcomingByDay(list, 'America/Vancouver', '2026-03-09');
    expect(vancouver.map((d) => [d.date, d.meetings.map((m) => m.id)])).toEqual([
      ['2026-03-09', ['a', 'b']],
      ['2026-03-12', ['c']],
    ]);
  });

  it('puts a meeting under way since yesterday under today', () => {
    const days = upcomingByDay([meeting('conf', '2026-03-08T08:00:00Z', '2026-03-10T17:00:00Z', true)], 'Europe/Paris', '2026-03-09');
    expect(days.map((d) => d.date)).toEqual(['2026-03-09']);
  });

  it('is empty without meetings', () => {
    expect(upcomingByDay([], 'Europe/Paris', '2026-03-09')).toEqual([]);
  });
});

describe('open actions', () => {
  it('says when an action is due, and overdue in words', () => {
    expect(dueText('2026-03-05', false)).toBe('Due Thu 5 Mar 2026');
    expect(dueText('2026-03-05', true)).toBe('Overdue: was due Thu 5 Mar 2026');
    expect(dueText(null, false)).toBe('No due date');
  });
});

describe('phases', () => {
  const phase = (key: string, start_month: string, end_month: string, state: PhaseOnTimeline['state']): PhaseOnTimeline => ({
    key,
    label: key,
    start_month,
    end_month,
    state,
  });

  it('lays each phase on the programme’s months, both ends inclusive', () => {
    const bars = phaseBars([
      phase('selection', '2022-01', '2022-03', 'done'),
      phase('pairing', '2022-04', '2022-06', 'current'),
      phase('cooperation', '2022-04', '2023-12', 'ahead'),
    ]);
    // 24 months in all.
    expect(bars.map((b) => [b.key, b.offset, b.width])).toEqual([
      ['selection', 0, 12.5],
      ['pairing', 12.5, 12.5],
      ['cooperation', 12.5, 87.5],
    ]);
    expect(bars[1]?.state).toBe('current');
  });

  it('gives a phase whose months do not read the whole line', () => {
    const bars = phaseBars([phase('a', '2022-01', '2022-01', 'done'), phase('b', 'soon', '2022-02', 'ahead')]);
    expect(bars.map((b) => [b.offset, b.width])).toEqual([
      [0, 100],
      [0, 100],
    ]);
    expect(phaseBars([phase('x', 'soon', 'later', 'ahead')])[0]).toMatchObject({ offset: 0, width: 100 });
  });

  it('says each state in words', () => {
    expect(PHASE_STATES).toEqual({ done: 'Done', current: 'Under way now', ahead: 'Ahead' });
  });
});
