import { describe, expect, it } from 'vitest';
import type { IpcError, MeetingInput } from '../../lib/api';
import { pairingLabel } from '../../lib/names';
import {
  agendaMinutes,
  belongsToFrom,
  belongsToLabel,
  belongsToOptions,
  belongsToValue,
  cityZones,
  dayMarkText,
  decisionLines,
  emptyForm,
  formatLocalRange,
  formatUtcOffset,
  formFromInput,
  groupMeetings,
  inputFromForm,
  kindLabel,
  meetingErrors,
  mergedMeeting,
  moveItem,
  setAttending,
  setGuestSpeaker,
  warningsByCity,
  zoneName,
} from './meeting';

const INPUT: MeetingInput = {
  id: 'M1',
  title: 'Cluster 2 kick-off',
  kind: 'cluster_meeting',
  belongs_to: { kind: 'cluster', id: 'C2' },
  date: '2022-03-21',
  time: '15:00',
  end: '16:30',
  end_date: '',
  planned_zone: 'Europe/Berlin',
  online_link: 'https://meet.example/abc',
  venue: '',
  agenda: [
    { title: 'Welcome', presenter: 'P1', minutes: 10 },
    { title: 'Round of cities', presenter: null, minutes: 60 },
  ],
  attendees: [
    { person: 'P1', guest_speaker: false },
    { person: 'P2', guest_speaker: true },
  ],
  minutes: '# Notes\n<script>alert(1)</script>',
  decisions: ['Meet monthly', 'Share the survey'],
  actions: [{ text: 'Send survey', owner: 'P2', due: '2022-04-01', status: 'open' }],
  series: null,
  occurrence: null,
};

function keys() {
  let n = 0;
  return () => `k${++n}`;
}

function ipc(issues: { field: string | null; message: string }[]): IpcError {
  return { code: 'invalid', message: 'Invalid', field: null, issues: issues.map((i) => ({ code: 'x', ...i })) };
}

describe('labels', () => {
  it('names every kind in the programme words', () => {
    expect(kindLabel('cluster_meeting')).toBe('Cluster meeting');
    expect(kindLabel('open_online_event')).toBe('Open online event');
    expect(kindLabel('closing_conference')).toBe('Closing conference');
  });

  it('names what a meeting belongs to, and a deleted cluster or pairing as unknown', () => {
    const names = {
      cluster: (id: string) => (id === 'C1' ? 'Green and inclusive transition' : undefined),
      pairing: (id: string) => (id === 'PA' ? pairingLabel('Freiburg', 'Gwangju') : undefined),
    };
    expect(belongsToLabel({ kind: 'programme' }, names)).toBe('Programme');
    expect(belongsToLabel({ kind: 'cluster', id: 'C1' }, names)).toBe('Green and inclusive transition');
    expect(belongsToLabel({ kind: 'pairing', id: 'PA' }, names)).toBe('Freiburg – Gwangju');
    expect(belongsToLabel({ kind: 'cluster', id: 'gone' }, names)).toBe('Unknown cluster');
    expect(belongsToLabel({ kind: 'pairing', id: 'gone' }, names)).toBe('Unknown pairing');
    expect(belongsToOptions([{ id: 'C1' }], [{ id: 'PA' }], names)).toEqual([
      { value: 'programme', label: 'Programme' },
      { value: 'cluster:C1', label: 'Cluster: Green and inclusive transition' },
      { value: 'pairing:PA', label: 'Pairing: Freiburg – Gwangju' },
    ]);
  });

  it('round-trips belongs-to through the select value', () => {
    for (const b of [{ kind: 'programme' }, { kind: 'cluster', id: 'C1' }, { kind: 'pairing', id: 'PA' }] as const) {
      expect(belongsToFrom(belongsToValue(b))).toEqual(b);
    }
    expect(belongsToFrom('nonsense')).toEqual({ kind: 'programme' });
  });

  it('marks a day before or after the planner’s', () => {
    expect(dayMarkText(0)).toBe('');
    expect(dayMarkText(1)).toBe('+1 day');
    expect(dayMarkText(-1)).toBe('−1 day');
    expect(dayMarkText(2)).toBe('+2 days');
  });

  it('names a zone by its abbreviation, or its offset when it has none', () => {
    expect(zoneName({ abbreviation: 'CEST', utc_offset_minutes: 120 })).toBe('CEST');
    expect(zoneName({ abbreviation: '', utc_offset_minutes: 540 })).toBe('UTC+9');
    expect(formatUtcOffset(-210)).toBe('UTC−3:30');
    expect(formatUtcOffset(0)).toBe('UTC');
  });
});

describe('form and request', () => {
  it('reads a MeetingInput into the form and back unchanged', () => {
    const form = formFromInput(INPUT, keys());
    expect(form.belongsTo).toBe('cluster:C2');
    expect(form.decisions).toBe('Meet monthly\nShare the survey');
    expect(form.agenda.map((a) => a.key)).toEqual(['k1', 'k2']);
    expect(form.agenda[1]?.presenter).toBe('');
    expect(inputFromForm(form)).toEqual(INPUT);
  });

  it('keeps the minutes exactly as typed, markup included', () => {
    expect(inputFromForm(formFromInput(INPUT, keys())).minutes).toBe('# Notes\n<script>alert(1)</script>');
  });

  it('sends empty choices as null and an empty minutes box as 0 for the backend to judge', () => {
    const form = emptyForm('Asia/Seoul');
    form.agenda.push({ key: 'a', title: 'Intro', presenter: '', minutes: null });
    form.actions.push({ key: 'b', text: 'Follow up', owner: '', due: '', status: 'open' });
    form.zone = ' Asia/Seoul ';
    const input = inputFromForm(form);
    expect(input.id).toBeNull();
    expect(input.belongs_to).toEqual({ kind: 'programme' });
    expect(input.agenda).toEqual([{ title: 'Intro', presenter: null, minutes: 0 }]);
    expect(input.actions).toEqual([{ text: 'Follow up', owner: null, due: null, status: 'open' }]);
    expect(input.planned_zone).toBe('Asia/Seoul');
    expect(input.end_date).toBe('');
  });

  it('takes one decision a line, skipping blank lines', () => {
    expect(decisionLines('First\n\n  Second  \r\nThird\n')).toEqual(['First', 'Second', 'Third']);
    expect(decisionLines('')).toEqual([]);
  });

  it('ticks attendees and guest speakers', () => {
    let list = setAttending([], 'P1', true);
    list = setAttending(list, 'P1', true);
    expect(list).toEqual([{ person: 'P1', guest_speaker: false }]);
    list = setGuestSpeaker(list, 'P2', true);
    expect(list).toEqual([
      { person: 'P1', guest_speaker: false },
      { person: 'P2', guest_speaker: true },
    ]);
    list = setGuestSpeaker(list, 'P2', false);
    expect(list[1]).toEqual({ person: 'P2', guest_speaker: false });
    expect(setAttending(list, 'P1', false)).toEqual([{ person: 'P2', guest_speaker: false }]);
  });

  it('moves agenda items within the list only', () => {
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, -1)).toBeNull();
    expect(moveItem(['a', 'b', 'c'], 2, 1)).toBeNull();
  });

  it('adds up the agenda, an empty box counting nothing', () => {
    expect(agendaMinutes([{ minutes: 10 }, { minutes: null }, { minutes: 25 }])).toBe(35);
  });
});

describe('meetingErrors', () => {
  it('puts each message beside its field, row or attendee, and the rest on top', () => {
    const sent = formFromInput(INPUT, keys());
    const e = meetingErrors(
      ipc([
        { field: 'title', message: 'A title is needed.' },
        { field: 'belongs_to.id', message: 'No such cluster.' },
        { field: 'agenda.1.minutes', message: 'At least 1 minute.' },
        { field: 'attendees.1.person', message: 'Not in the directory.' },
        { field: 'actions.0.due', message: 'Not a date.' },
        { field: 'agenda.9.minutes', message: 'Lost row.' },
        { field: null, message: 'Something else.' },
      ]),
      sent,
    );
    expect(e.meeting.title).toEqual(['A title is needed.']);
    expect(e.meeting.belongs_to).toEqual(['No such cluster.']);
    expect(e.agenda['k2']).toEqual({ minutes: ['At least 1 minute.'] });
    expect(e.attendees['P2']).toEqual(['Not in the directory.']);
    expect(e.actions['k3']).toEqual({ due: ['Not a date.'] });
    expect(e.general).toEqual(['Lost row.', 'Something else.']);
  });

  it('keeps an error without issues on its own field', () => {
    const e = meetingErrors({ code: 'invalid', message: 'Unknown zone.', field: 'planned_zone', issues: [] }, emptyForm('UTC'));
    expect(e.meeting.planned_zone).toEqual(['Unknown zone.']);
    expect(e.general).toEqual([]);
  });

  it('puts a length the stored meeting refuses on the end typed', () => {
    const e = meetingErrors(ipc([{ field: 'duration_minutes', message: 'At most a day.' }]), emptyForm('UTC'));
    expect(e.meeting.end).toEqual(['At most a day.']);
  });
});

describe('times', () => {
  const m = (start: string, duration_minutes: number, id = start) => ({ id, start, duration_minutes });

  it('groups upcoming (earliest first, the one under way included) and past (latest first)', () => {
    const now = new Date('2022-03-21T14:30:00Z');
    const { upcoming, past } = groupMeetings(
      [
        m('2022-03-01T10:00:00Z', 60),
        m('2022-03-21T14:00:00Z', 60), // under way
        m('2022-03-20T10:00:00Z', 60),
        m('2022-04-01T08:00:00Z', 90),
        m('2022-03-21T13:30:00Z', 60), // ends exactly now: over
      ],
      now,
    );
    expect(upcoming.map((x) => x.start)).toEqual(['2022-03-21T14:00:00Z', '2022-04-01T08:00:00Z']);
    expect(past.map((x) => x.start)).toEqual(['2022-03-21T13:30:00Z', '2022-03-20T10:00:00Z', '2022-03-01T10:00:00Z']);
  });

  it('formats a city’s wall-clock range, naming both days across midnight', () => {
    expect(formatLocalRange('2022-03-21T07:00:00', '2022-03-21T08:30:00')).toBe('Mon 21 Mar, 07:00–08:30');
    expect(formatLocalRange('2022-03-21T23:00:00', '2022-03-22T00:30:00')).toBe('Mon 21 Mar, 23:00 – Tue 22 Mar, 00:30');
  });

  it('lists the warnings of each city and the cities’ zones', () => {
    const map = warningsByCity([
      { code: 'clock_change', message: 'Clocks go forward in Vancouver.', field: 'time', cities: ['V', 'T'] },
      { code: 'agenda_too_long', message: 'Agenda too long.', field: 'agenda', cities: [] },
      { code: 'ambiguous_time', message: 'Twice 02:30 in Toronto.', field: 'time', cities: ['T'] },
    ]);
    expect(map.get('V')).toEqual(['Clocks go forward in Vancouver.']);
    expect(map.get('T')).toEqual(['Clocks go forward in Vancouver.', 'Twice 02:30 in Toronto.']);
    expect(map.has('X')).toBe(false);
    expect(cityZones([{ time_zone: 'Europe/Berlin' }, { time_zone: 'Asia/Seoul' }, { time_zone: 'Europe/Berlin' }])).toEqual([
      'Asia/Seoul',
      'Europe/Berlin',
    ]);
  });
});

describe('a meeting merged from elsewhere', () => {
  it('takes the new content into the rows already on the page', () => {
    const open = formFromInput(INPUT, keys());
    const merged: MeetingInput = {
      ...INPUT,
      title: 'Changed on another desktop',
      agenda: [...INPUT.agenda, { title: 'Wrap-up', presenter: null, minutes: 5 }],
    };
    let n = 0;
    const next = mergedMeeting(merged, open, INPUT, () => `new${++n}`);
    expect(next?.title).toBe('Changed on another desktop');
    expect(next?.agenda.map((a) => a.key)).toEqual([...open.agenda.map((a) => a.key), 'new3']);
    expect(next?.actions.map((a) => a.key)).toEqual(open.actions.map((a) => a.key));
    expect(next && inputFromForm(next)).toEqual(merged);
  });

  it('is nothing when the merge brought what the page would save', () => {
    const open = formFromInput(INPUT, keys());
    // A blank line being typed is no change to keep or lose.
    open.decisions += '\n';
    expect(mergedMeeting(INPUT, open, null)).toBeNull();
  });

  it('is nothing when the meeting is as this editor last saved it, tidied', () => {
    const open = formFromInput(INPUT, keys());
    open.title += ' ';
    expect(mergedMeeting(INPUT, open, INPUT)).toBeNull();
    expect(mergedMeeting({ ...INPUT, venue: 'Town hall' }, open, INPUT)?.venue).toBe('Town hall');
  });
});
