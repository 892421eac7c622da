import { describe, expect, it } from 'vitest';
import { formatInstant, localDate, systemZone, wallTime } from './clock';

describe('clock', () => {
  it("gives this computer's date, not UTC's", () => {
    expect(localDate(new Date(2022, 0, 5))).toBe('2022-01-05');
    expect(localDate(new Date(2022, 0, 5, 0, 30))).toBe('2022-01-05');
    expect(localDate(new Date(2021, 11, 31, 23, 59))).toBe('2021-12-31');
  });

  it('names a zone', () => {
    expect(systemZone()).toMatch(/\S/);
  });

  it('shows one instant on different clocks', () => {
    expect(formatInstant('2022-03-21T14:00:00Z', 'Europe/Berlin')).toMatch(/Mon,? 21 Mar 2022.*15:00/);
    expect(formatInstant('2022-03-21T14:00:00Z', 'America/Vancouver')).toMatch(/Mon,? 21 Mar 2022.*07:00/);
    expect(formatInstant('2022-03-21T14:00:00Z', 'Asia/Seoul')).toMatch(/Mon,? 21 Mar 2022.*23:00/);
    expect(formatInstant('2022-03-21T20:00:00Z', 'Asia/Seoul')).toMatch(/Tue,? 22 Mar 2022.*05:00/);
  });

  it('falls back to UTC for a zone the web view does not know, and shows unreadable text as it is', () => {
    expect(formatInstant('2022-03-21T14:00:00Z', 'Mars/Olympus')).toMatch(/14:00.*UTC/);
    expect(formatInstant('soon', 'Europe/Berlin')).toBe('soon');
  });

  it('reads the date and time an instant has on a clock', () => {
    expect(wallTime('2022-03-21T20:00:00Z', 'Asia/Seoul')).toEqual({ date: '2022-03-22', time: '05:00' });
    expect(wallTime('2022-03-21T07:30:00Z', 'America/Vancouver')).toEqual({ date: '2022-03-21', time: '00:30' });
    expect(wallTime('2022-03-21T00:15:00Z', 'America/Vancouver')).toEqual({ date: '2022-03-20', time: '17:15' });
    expect(wallTime('2022-03-21T14:00:00Z', 'Mars/Olympus')).toEqual({ date: '2022-03-21', time: '14:00' });
    expect(wallTime('soon', 'UTC')).toBeNull();
  });
});
