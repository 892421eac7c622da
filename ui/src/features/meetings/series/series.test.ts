import { describe, expect, it } from 'vitest';
import { NEW_RECORD_ID } from '../../../lib/api';
import type { IpcError, MeetingSeries, MeetingWarning } from '../../../lib/api';
import { messageOf } from '../../../lib/errors';
import {
  deletedText,
  emptySeriesForm,
  formFromSeries,
  hasHiddenErrors,
  hhmm,
  meetingsPerSeries,
  mergedSeriesForm,
  moveOccurrence,
  ordinal,
  ruleFromForm,
  ruleText,
  seriesErrors,
  seriesFromForm,
  seriesKey,
  seriesSummary,
  skipDate,
  sortWarnings,
  unmoveDate,
  unskipDate,
  visibleErrors,
} from './series';

const SERIES: MeetingSeries = {
  id: 'S1',
  title: 'Circular economy cluster',
  kind: 'cluster_meeting',
  belongs_to: { kind: 'cluster', id: 'C2' },
  rule: { kind: 'monthly', every: 1, week: 'second', weekday: 'tuesday' },
  time: '15:00',
  planned_zone: 'Europe/Brussels',
  duration_minutes: 90,
  from: '2026-01-01',
  until: '',
  count: 12,
  skipped: ['2026-08-11'],
  moved: [{ date: '2026-04-14', to_date: '2026-04-16', to_time: '16:00' }],
  online_link: 'https://meet.example/ce',
  venue: '',
  sample: true,
};

function err(issues: { field: string | null; message: string }[]): IpcError {
  return { code: 'invalid', message: 'The series has problems', field: null, issues: issues.map((i) => ({ code: 'invalid', ...i })) };
}

describe('the series form', () => {
  it('maps a series to the form and back unchanged', () => {
    expect(seriesFromForm(formFromSeries(SERIES))).toEqual(SERIES);
    const weekly: MeetingSeries = { ...SERIES, rule: { kind: 'weekly', every: 2, weekday: 'friday' }, until: '2026-06-30', count: null };
    expect(seriesFromForm(formFromSeries(weekly))).toEqual(weekly);
    const onDay: MeetingSeries = { ...SERIES, rule: { kind: 'monthly_on_day', every: 3, day: 31 } };
    expect(seriesFromForm(formFromSeries(onDay))).toEqual(onDay);
  });

  it('does not share its lists with the series it came from', () => {
    const form = formFromSeries(SERIES);
    form.skipped.push('2026-09-08');
    form.moved[0]!.to_time = '17:00';
    expect(SERIES.skipped).toEqual(['2026-08-11']);
    expect(SERIES.moved[0]!.to_time).toBe('16:00');
  });

  it('keeps the parts of the other rules while one is chosen', () => {
    const form = formFromSeries(SERIES);
    form.ruleKind = 'monthly_on_day';
    form.day = 15;
    expect(ruleFromForm(form)).toEqual({ kind: 'monthly_on_day', every: 1, day: 15 });
    form.ruleKind = 'monthly';
    expect(ruleFromForm(form)).toEqual({ kind: 'monthly', every: 1, week: 'second', weekday: 'tuesday' });
    form.ruleKind = 'weekly';
    expect(ruleFromForm(form)).toEqual({ kind: 'weekly', every: 1, weekday: 'tuesday' });
  });

  it('sends boxes that hold no whole number as 0, for the backend to refuse', () => {
    const form = formFromSeries(SERIES);
    form.every = null;
    form.duration = 1.5;
    form.count = -2;
    const s = seriesFromForm(form);
    expect(s.rule.every).toBe(0);
    expect(s.duration_minutes).toBe(0);
    expect(s.count).toBe(0);
    form.count = null;
    expect(seriesFromForm(form).count).toBeNull();
  });

  it('starts a new series on the planner’s zone and today, to be created', () => {
    const form = emptySeriesForm('Europe/Paris', '2026-03-09');
    expect(form.id).toBe(NEW_RECORD_ID);
    const s = seriesFromForm(form);
    expect(s).toMatchObject({ planned_zone: 'Europe/Paris', from: '2026-03-09', time: '', title: '', belongs_to: { kind: 'programme' } });
    expect(s.rule).toEqual({ kind: 'monthly', every: 1, week: 'second', weekday: 'tuesday' });
  });

  it('trims the zone it sends', () => {
    const form = formFromSeries(SERIES);
    form.zone = ' Asia/Seoul ';
    expect(seriesFromForm(form).planned_zone).toBe('Asia/Seoul');
  });

  it('has a key that changes with what would be sent', () => {
    const a = formFromSeries(SERIES);
    const b = formFromSeries(SERIES);
    expect(seriesKey(a)).toBe(seriesKey(b));
    b.venue = 'Brussels';
    expect(seriesKey(a)).not.toBe(seriesKey(b));
  });
});

describe('a colleague\'s change merged in', () => {
  const saved = formFromSeries(SERIES);

  it('takes the fields a colleague changed into a form with nothing unsaved', () => {
    const fresh = formFromSeries({ ...SERIES, venue: 'Town hall', skipped: ['2026-08-11', '2026-12-08'] });
    expect(mergedSeriesForm(formFromSeries(SERIES), saved, fresh)).toEqual(fresh);
  });

  it('keeps a field changed here and not saved yet, and takes the others', () => {
    const open = { ...formFromSeries(SERIES), time: '16:00' };
    const fresh = formFromSeries({ ...SERIES, venue: 'Town hall', time: '14:00' });
    expect(mergedSeriesForm(open, saved, fresh)).toEqual({ ...open, venue: 'Town hall' });
  });

  it('keeps a space being typed that the last save tidied away', () => {
    const open = { ...formFromSeries(SERIES), title: `${SERIES.title} ` };
    expect(mergedSeriesForm(open, saved, formFromSeries(SERIES))).toBeNull();
  });

  it('finds nothing to take when the form says it already', () => {
    const open = { ...formFromSeries(SERIES), venue: 'Town hall' };
    expect(mergedSeriesForm(open, saved, formFromSeries({ ...SERIES, venue: 'Town hall' }))).toBeNull();
  });

  it('does not share the lists it takes with the series read', () => {
    const fresh = formFromSeries({ ...SERIES, skipped: ['2026-12-08'] });
    const next = mergedSeriesForm(formFromSeries(SERIES), saved, fresh);
    next?.skipped.push('2027-01-12');
    expect(fresh.skipped).toEqual(['2026-12-08']);
  });
});

describe('exceptions', () => {
  const ex = { skipped: ['2026-08-11'], moved: [{ date: '2026-04-14', to_date: '2026-04-16', to_time: '16:00' }] };

  it('skips a date once, in order, dropping its move', () => {
    expect(skipDate(ex, '2026-02-10').skipped).toEqual(['2026-02-10', '2026-08-11']);
    expect(skipDate(ex, '2026-08-11').skipped).toEqual(['2026-08-11']);
    const moved = skipDate(ex, '2026-04-14');
    expect(moved.skipped).toEqual(['2026-04-14', '2026-08-11']);
    expect(moved.moved).toEqual([]);
    expect(ex.moved).toHaveLength(1);
  });

  it('undoes a skip', () => {
    expect(unskipDate(ex, '2026-08-11').skipped).toEqual([]);
  });

  it('starts a move from where the meeting is, on the series’ clock', () => {
    const got = moveOccurrence(ex, { date: '2026-05-12', local_date: '2026-05-12', local_time: '15:00:00' });
    expect(got.moved).toEqual([
      { date: '2026-04-14', to_date: '2026-04-16', to_time: '16:00' },
      { date: '2026-05-12', to_date: '2026-05-12', to_time: '15:00' },
    ]);
    // Already moved: its change is kept.
    expect(moveOccurrence(ex, { date: '2026-04-14', local_date: '2026-04-16', local_time: '16:00:00' }).moved).toEqual(ex.moved);
  });

  it('undoes a move', () => {
    expect(unmoveDate(ex, '2026-04-14').moved).toEqual([]);
    expect(unmoveDate(ex, '2026-04-14').skipped).toEqual(['2026-08-11']);
  });

  it('reads wall-clock times as hours and minutes', () => {
    expect(hhmm('15:00:00')).toBe('15:00');
    expect(hhmm('09:30')).toBe('09:30');
    expect(hhmm('soon')).toBe('soon');
  });
});

describe('in words', () => {
  it('writes ordinals', () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 31].map(ordinal)).toEqual([
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '23rd',
      '31st',
    ]);
  });

  it('says a weekly rule', () => {
    expect(ruleText({ kind: 'weekly', every: 1, weekday: 'tuesday' })).toBe('Every Tuesday');
    expect(ruleText({ kind: 'weekly', every: 2, weekday: 'friday' })).toBe('Every other Friday');
    expect(ruleText({ kind: 'weekly', every: 3, weekday: 'monday' })).toBe('Monday every 3 weeks');
  });

  it('says a monthly rule', () => {
    expect(ruleText({ kind: 'monthly', every: 1, week: 'second', weekday: 'tuesday' })).toBe('2nd Tuesday of every month');
    expect(ruleText({ kind: 'monthly', every: 2, week: 'last', weekday: 'friday' })).toBe('Last Friday of every other month');
    expect(ruleText({ kind: 'monthly', every: 3, week: 'first', weekday: 'monday' })).toBe('1st Monday every 3 months');
  });

  it('says a rule on a day of the month, and what happens in short months', () => {
    expect(ruleText({ kind: 'monthly_on_day', every: 1, day: 15 })).toBe('The 15th of every month');
    expect(ruleText({ kind: 'monthly_on_day', every: 6, day: 1 })).toBe('The 1st every 6 months');
    expect(ruleText({ kind: 'monthly_on_day', every: 1, day: 31 })).toBe('The 31st of every month (the last day in shorter months)');
  });

  it('sums a series up with its time and zone', () => {
    expect(seriesSummary(SERIES)).toBe('2nd Tuesday of every month, 15:00 Europe/Brussels');
  });

  it('counts the meetings of each series', () => {
    const counts = meetingsPerSeries([{ series: 'S1' }, { series: null }, { series: 'S1' }, { series: 'S2' }]);
    expect(counts.get('S1')).toBe(2);
    expect(counts.get('S2')).toBe(1);
    expect(counts.get('S3')).toBeUndefined();
  });

  it('says how many meetings a deleted series left', () => {
    expect(deletedText('Energy cluster', 0)).toBe('“Energy cluster” was deleted with its meetings.');
    expect(deletedText('Energy cluster', 1)).toBe('“Energy cluster” was deleted. 1 meeting had something written in it and was kept on its own.');
    expect(deletedText(' ', 3)).toBe('The series was deleted. 3 meetings had something written in them and were kept on their own.');
  });
});

describe('errors and warnings', () => {
  const sent = { skipped: ['2026-02-10', '2026-08-11'], moved: [{ date: '2026-04-14', to_date: '2026-04-16', to_time: '02:30' }] };

  it('puts each message beside its field', () => {
    const e = seriesErrors(
      err([
        { field: 'title', message: 'Title is needed.' },
        { field: 'rule.every', message: 'Every how many weeks must be 1 to 52.' },
        { field: 'rule.frequency', message: 'Odd.' },
        { field: 'until', message: 'A last day or a number of meetings is needed.' },
        { field: 'duration_minutes', message: 'Too long.' },
      ]),
      sent,
    );
    expect(messageOf(e.fields, 'title')).toBe('Title is needed.');
    expect(messageOf(e.fields, 'rule.every')).toBe('Every how many weeks must be 1 to 52.');
    expect(messageOf(e.fields, 'rule')).toBe('Odd.');
    expect(messageOf(e.fields, 'until')).toBe('A last day or a number of meetings is needed.');
    expect(messageOf(e.fields, 'duration_minutes')).toBe('Too long.');
    expect(e.general).toEqual([]);
  });

  it('puts an exception’s message on its date, however it is written', () => {
    const e = seriesErrors(
      err([
        { field: 'skipped.1', message: 'Not a date.' },
        { field: 'skipped[0].date', message: 'Twice.' },
        { field: 'moved.0.to_time', message: '02:30 does not exist that night.' },
        { field: 'moved.0', message: 'Duplicate.' },
        { field: 'moved.5.to_time', message: 'Lost row.' },
        { field: 'moved.0.colour', message: 'Unknown part.' },
      ]),
      sent,
    );
    expect(e.skipped).toEqual({ '2026-08-11': ['Not a date.'], '2026-02-10': ['Twice.'] });
    expect(messageOf(e.moved['2026-04-14'], 'to_time')).toBe('02:30 does not exist that night.');
    expect(messageOf(e.moved['2026-04-14'], 'date')).toBe('Duplicate.');
    expect(e.general).toEqual(['Lost row.', 'Unknown part.']);
  });

  it('keeps a message of a field the editor does not show, and one without a field', () => {
    const e = seriesErrors({ code: 'not_found', message: 'The cluster is gone.', field: null, issues: [] }, sent);
    expect(e.general).toEqual(['The cluster is gone.']);
    expect(seriesErrors(err([{ field: 'sample', message: 'No.' }]), sent).general).toEqual(['No.']);
  });

  it('hides the messages of untouched fields of a new series, and says some are hidden', () => {
    const e = seriesErrors(
      err([
        { field: 'title', message: 'Title is needed.' },
        { field: 'time', message: 'Time is needed.' },
        { field: 'rule', message: 'Odd rule.' },
        { field: 'skipped.0', message: 'Not a date.' },
      ]),
      sent,
    );
    const shown = visibleErrors(e, new Set(['time', 'rule.every']));
    expect(Object.keys(shown.fields).sort()).toEqual(['rule', 'time']);
    expect(shown.skipped).toEqual(e.skipped);
    expect(hasHiddenErrors(e, shown)).toBe(true);
    expect(visibleErrors(e, null)).toBe(e);
    expect(hasHiddenErrors(e, visibleErrors(e, null))).toBe(false);
  });

  it('puts a warning about an exception on its row, the others above the meetings', () => {
    const w = (code: string, field: string | null): MeetingWarning => ({ code, message: `${code} ${field}`, field, cities: [] });
    const sorted = sortWarnings(
      [w('clock_change', null), w('exception_unused', 'skipped.1'), w('exception_unused', 'moved.0'), w('exception_unused', 'moved.3'), w('x', 'time')],
      sent,
    );
    expect(sorted.general.map((x) => x.code)).toEqual(['clock_change', 'exception_unused', 'x']);
    expect(sorted.skipped).toEqual({ '2026-08-11': ['exception_unused skipped.1'] });
    expect(sorted.moved).toEqual({ '2026-04-14': ['exception_unused moved.0'] });
  });
});
