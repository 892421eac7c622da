import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NEW_RECORD_ID, type BestPractice } from '../../lib/api';
import { UNKNOWN_THEME } from '../../lib/names';
import { deferred, type Deferred } from '../../lib/util/deferred';
import {
  CAPTURE_DELAY_MS,
  captureFromPractice,
  CaptureRecord,
  captureSaver,
  cityChoices,
  emptyCapture,
  isBlank,
  mergedCapture,
  practiceFromCapture,
  saveEntry,
  themeLabel,
  themeLabels,
  upsertPractice,
  withoutPractice,
  type CaptureEntry,
  type CaptureForm,
} from './capture';

const MEETING = 'M1';

function practice(over: Partial<BestPractice> = {}): BestPractice {
  return {
    id: 'P1',
    title: 'Heat map of the old town',
    city: 'C1',
    themes: ['climate', 'health'],
    summary: 'Sensors on lamp posts',
    meeting: MEETING,
    problem: 'Heat islands',
    solution: 'Shade where the map is red',
    evidence: '2 °C cooler',
    resources: '40 000 EUR',
    transferability: 'Any city with lamp posts',
    contacts: ['PE1'],
    tags: ['heat', 'sensors'],
    status: 'reviewed',
    reviewed_by: 'PE2',
    reviewed_at: '2024-06-01T09:00:00Z',
    captured_at: '2024-05-02T10:00:00Z',
    sample: false,
    ...over,
  };
}

function form(over: Partial<CaptureForm> = {}): CaptureForm {
  return { ...emptyCapture(), ...over };
}

describe('the practice from the panel', () => {
  it('a new one goes with the new-record id, linked to the meeting, the rest empty', () => {
    const p = practiceFromCapture(form({ title: 'Bike lanes ', summary: 'Pop-up lanes in a week' }), MEETING, null, null);
    expect(p).toEqual({
      id: NEW_RECORD_ID,
      title: 'Bike lanes ',
      city: null,
      themes: [],
      summary: 'Pop-up lanes in a week',
      meeting: MEETING,
      problem: '',
      solution: '',
      evidence: '',
      resources: '',
      transferability: '',
      contacts: [],
      tags: [],
      status: 'draft',
      reviewed_by: null,
      reviewed_at: null,
      captured_at: '',
      sample: false,
    });
  });

  it('chosen city and theme go as ids, none as null', () => {
    const p = practiceFromCapture(form({ city: 'C2', theme: 'mobility' }), MEETING, null, null);
    expect(p.city).toBe('C2');
    expect(p.themes).toEqual(['mobility']);
  });

  it('an existing one keeps what the panel does not show', () => {
    const base = practice();
    const p = practiceFromCapture(form({ title: 'Heat map', city: '', theme: 'climate', summary: '' }), MEETING, 'P1', base);
    // Further themes, tags and the review are not in the panel: they go back as they were.
    expect(p).toEqual({ ...base, title: 'Heat map', city: null, summary: '' });
    // A copy: editing the sent list cannot change the record kept.
    expect(p.contacts).not.toBe(base.contacts);
    expect(p.tags).not.toBe(base.tags);
  });

  it("the panel's theme is the main one; the further themes stay", () => {
    const base = practice({ themes: ['climate', 'health', 'mobility'] });
    const changed = practiceFromCapture(form({ theme: 'energy' }), MEETING, 'P1', base);
    expect(changed.themes).toEqual(['energy', 'health', 'mobility']);
    // Choosing a further theme as the main one lists it once.
    expect(practiceFromCapture(form({ theme: 'mobility' }), MEETING, 'P1', base).themes).toEqual(['mobility', 'health']);
    // Cleared: the further themes stay.
    expect(practiceFromCapture(form({ theme: '' }), MEETING, 'P1', base).themes).toEqual(['health', 'mobility']);
  });

  it('after the main theme was cleared, the further themes survive the next saves', async () => {
    const base = practice({ themes: ['climate', 'health'] });
    const record = new CaptureRecord(base);
    const save = vi.fn((x: BestPractice) => Promise.resolve(x));
    const cleared = { ...captureFromPractice(base), theme: '' };
    await saveEntry({ record, form: cleared }, MEETING, save);
    expect(save.mock.calls[0]![0].themes).toEqual(['health']);
    await saveEntry({ record, form: { ...cleared, title: 'Heat map' } }, MEETING, save);
    expect(save.mock.calls[1]![0].themes).toEqual(['health']);
    await saveEntry({ record, form: { ...cleared, theme: 'energy' } }, MEETING, save);
    expect(save.mock.calls[2]![0].themes).toEqual(['energy', 'health']);
    // Another choice replaces the main theme chosen a moment ago, not a further one.
    await saveEntry({ record, form: { ...cleared, theme: 'mobility' } }, MEETING, save);
    expect(save.mock.calls[3]![0].themes).toEqual(['mobility', 'health']);
  });

  it('reads a practice back into the panel', () => {
    expect(captureFromPractice(practice({ city: null, themes: [] }))).toEqual({
      title: 'Heat map of the old town',
      city: '',
      theme: '',
      summary: 'Sensors on lamp posts',
    });
  });

  it('blank is nothing typed or chosen; a space is typed', () => {
    expect(isBlank(emptyCapture())).toBe(true);
    expect(isBlank(form({ title: ' ' }))).toBe(false);
    expect(isBlank(form({ theme: 'climate' }))).toBe(false);
  });
});

describe('the id handover', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** A backend that answers each save when told, giving new practices ids N1, N2, … */
  function backend() {
    const sent: BestPractice[] = [];
    const answers: Deferred<BestPractice>[] = [];
    let made = 0;
    const save = vi.fn((p: BestPractice) => {
      sent.push(p);
      const d = deferred<BestPractice>();
      answers.push(d);
      return d.promise;
    });
    /** Answers save `i` as the backend would. */
    const answer = (i: number) => {
      const p = sent[i]!;
      const id = p.id === NEW_RECORD_ID ? `N${++made}` : p.id;
      answers[i]!.resolve({ ...p, id, captured_at: p.captured_at || '2024-05-02T10:00:00Z' });
    };
    return { sent, save, answer, answers };
  }

  function panel(save: (p: BestPractice) => Promise<BestPractice>) {
    const saved: (BestPractice | null)[] = [];
    const failed: unknown[] = [];
    const saver = captureSaver({
      meeting: MEETING,
      save,
      onsaved: (r) => saved.push(r),
      onerror: (e) => failed.push(e),
      onstatus: () => {},
    });
    let record = new CaptureRecord();
    const type = (f: Partial<CaptureForm>) => saver.schedule({ record, form: form(f) });
    const next = () => (record = new CaptureRecord());
    return { saver, saved, failed, type, next, record: () => record };
  }

  it('saves within the short delay of the last keystroke', async () => {
    const be = backend();
    const p = panel(be.save);
    p.type({ title: 'B' });
    p.type({ title: 'Bi' });
    await vi.advanceTimersByTimeAsync(CAPTURE_DELAY_MS - 1);
    expect(be.sent).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(be.sent.map((s) => s.title)).toEqual(['Bi']);
    expect(CAPTURE_DELAY_MS).toBeLessThan(1000);
  });

  it('edits typed while the create runs go to the created record, not a second one', async () => {
    const be = backend();
    const p = panel(be.save);
    p.type({ title: 'B' });
    await vi.advanceTimersByTimeAsync(CAPTURE_DELAY_MS);
    expect(be.sent).toHaveLength(1);
    // Typing on while the create is on its way; the quiet moment passes too.
    p.type({ title: 'Bik' });
    p.type({ title: 'Bike' });
    await vi.advanceTimersByTimeAsync(CAPTURE_DELAY_MS * 3);
    expect(be.sent).toHaveLength(1);
    be.answer(0);
    await vi.advanceTimersByTimeAsync(0);
    expect(be.sent).toHaveLength(2);
    expect(be.sent[1]).toMatchObject({ id: 'N1', title: 'Bike', captured_at: '2024-05-02T10:00:00Z' });
    be.answer(1);
    p.type({ title: 'Bike lanes' });
    const done = p.saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    be.answer(2);
    await done;
    expect(be.sent.map((s) => s.id)).toEqual([NEW_RECORD_ID, 'N1', 'N1']);
    expect(p.record().id).toBe('N1');
  });

  it('a refused create makes nothing: the next save creates again', async () => {
    const be = backend();
    const p = panel(be.save);
    p.type({ title: 'x'.repeat(300) });
    await vi.advanceTimersByTimeAsync(CAPTURE_DELAY_MS);
    be.answers[0]!.reject({ code: 'invalid', message: 'The title is too long.', field: 'title', issues: [] });
    await vi.advanceTimersByTimeAsync(0);
    expect(p.failed).toHaveLength(1);
    p.type({ title: 'x' });
    await vi.advanceTimersByTimeAsync(CAPTURE_DELAY_MS);
    expect(be.sent[1]!.id).toBe(NEW_RECORD_ID);
  });

  it('the next practice starts without an id; the last one keeps its own', async () => {
    const be = backend();
    const p = panel(be.save);
    p.type({ title: 'First' });
    const first = p.saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    // Typed while the flush of "Next practice" runs: saved by that same flush, to the same record.
    p.type({ title: 'First!' });
    be.answer(0);
    await vi.advanceTimersByTimeAsync(0);
    be.answer(1);
    await first;
    const old = p.record();
    p.next();
    p.type({ title: 'Second' });
    const second = p.saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    be.answer(2);
    await second;
    expect(be.sent.map((s) => [s.id, s.title])).toEqual([
      [NEW_RECORD_ID, 'First'],
      ['N1', 'First!'],
      [NEW_RECORD_ID, 'Second'],
    ]);
    expect(old.id).toBe('N1');
    expect(p.record().id).toBe('N2');
  });

  it('a blank new practice is not created', async () => {
    const save = vi.fn((x: BestPractice) => Promise.resolve(x));
    const entry: CaptureEntry = { record: new CaptureRecord(), form: emptyCapture() };
    expect(await saveEntry(entry, MEETING, save)).toBeNull();
    expect(save).not.toHaveBeenCalled();
    // Emptied after it was made, it is saved empty (the record stays, as typed).
    const made: CaptureEntry = { record: new CaptureRecord(practice()), form: emptyCapture() };
    const r = await saveEntry(made, MEETING, save);
    expect(r).toMatchObject({ id: 'P1', title: '', problem: 'Heat islands' });
  });

  it('a loaded practice saves to its own id with what it had', async () => {
    const base = practice();
    const save = vi.fn((x: BestPractice) => Promise.resolve(x));
    const record = new CaptureRecord(base);
    await saveEntry({ record, form: { ...captureFromPractice(base), summary: 'Sensors' } }, MEETING, save);
    expect(save).toHaveBeenCalledWith({ ...base, summary: 'Sensors' });
  });
});

describe('a colleague\'s change merged in', () => {
  it('takes the four fields a colleague changed', () => {
    const saved = practice();
    const fresh = practice({ title: 'Heat map of the whole town', city: 'C2' });
    expect(mergedCapture(captureFromPractice(saved), saved, fresh)).toEqual({ ...captureFromPractice(saved), title: 'Heat map of the whole town', city: 'C2' });
  });

  it('takes a new main theme', () => {
    const saved = practice();
    expect(mergedCapture(captureFromPractice(saved), saved, practice({ themes: ['health', 'climate'] }))?.theme).toBe('health');
  });

  it('finds nothing to take when only fields the panel does not show changed', () => {
    const saved = practice();
    expect(mergedCapture(captureFromPractice(saved), saved, practice({ problem: 'Heat', tags: [] }))).toBeNull();
  });

  it('keeps a space being typed that the last save tidied away', () => {
    const saved = practice({ title: 'Heat map' });
    expect(mergedCapture(form({ ...captureFromPractice(saved), title: 'Heat map ' }), saved, practice({ title: 'Heat map', problem: 'Heat' }))).toBeNull();
  });

  it('finds nothing to take when the panel holds it already', () => {
    const open = captureFromPractice(practice({ summary: 'Sensors everywhere' }));
    expect(mergedCapture(open, practice(), practice({ summary: 'Sensors everywhere' }))).toBeNull();
  });

  it('takes a practice opened from the list and never saved here', () => {
    expect(mergedCapture(emptyCapture(), null, practice())).toEqual(captureFromPractice(practice()));
  });

  it('the record sends the merged fields back, and a theme then chosen replaces the merged main one', () => {
    const record = new CaptureRecord(practice());
    const fresh = practice({ themes: ['mobility', 'health'], problem: 'Heat, said a colleague' });
    record.merged(fresh, true);
    expect(record.saved).toBe(fresh);
    const sent = record.toSend(form({ ...captureFromPractice(fresh), theme: 'water' }), MEETING);
    expect(sent.problem).toBe('Heat, said a colleague');
    expect(sent.themes).toEqual(['water', 'health']);
  });

  it('a record whose fields were not taken keeps the main theme the panel shows', () => {
    const record = new CaptureRecord(practice());
    record.merged(practice({ themes: ['mobility', 'climate', 'health'] }), false);
    expect(record.toSend(form({ theme: 'water' }), MEETING).themes).toEqual(['water', 'mobility', 'health']);
  });

  it('a save answers the record as saved', () => {
    const record = new CaptureRecord();
    const result = practice({ id: 'N1' });
    record.took(result, captureFromPractice(result));
    expect(record.saved).toBe(result);
  });
});

describe('city choices', () => {
  const cities = [
    { id: 'C3', name: 'Turin' },
    { id: 'C1', name: 'Aarhus' },
    { id: 'C2', name: 'Gwangju' },
    { id: 'C4', name: 'Durban' },
  ];

  it("puts the meeting's cities first, in the meeting's order, then the rest by name", () => {
    const { meeting, others } = cityChoices(cities, [
      { city: 'C2', name: 'Gwangju' },
      { city: 'C3', name: 'Turin' },
    ]);
    expect(meeting.map((c) => c.label)).toEqual(['Gwangju', 'Turin']);
    expect(others.map((c) => c.label)).toEqual(['Aarhus', 'Durban']);
  });

  it('lists a city once, and names one gone from the cities as the meeting does', () => {
    const { meeting, others } = cityChoices(cities, [
      { city: 'C9', name: 'Vancouver' },
      { city: 'C1', name: 'Aarhus' },
      { city: 'C1', name: 'Aarhus' },
    ]);
    expect(meeting).toEqual([
      { value: 'C9', label: 'Vancouver' },
      { value: 'C1', label: 'Aarhus' },
    ]);
    expect(others.map((c) => c.value)).toEqual(['C4', 'C2', 'C3']);
  });

  it('with no participating city, all cities are the others', () => {
    const { meeting, others } = cityChoices(cities, []);
    expect(meeting).toEqual([]);
    expect(others).toHaveLength(4);
  });
});

describe('themes and the list', () => {
  it('names a theme by its label, an unknown key as unknown, none as nothing', () => {
    const themes = [{ key: 'climate', label: 'Climate neutrality' }];
    expect(themeLabel(themes, 'climate')).toBe('Climate neutrality');
    expect(themeLabel(themes, 'gone')).toBe(UNKNOWN_THEME);
    expect(themeLabel(themes, null)).toBe('');
    expect(themeLabels(themes, ['climate', 'gone'])).toEqual(['Climate neutrality', UNKNOWN_THEME]);
    expect(captureFromPractice(practice({ themes: ['health', 'climate'] })).theme).toBe('health');
  });

  it('a new practice goes first, a saved one stays in its place', () => {
    const a = practice({ id: 'A' });
    const b = practice({ id: 'B' });
    expect(upsertPractice([a], b).map((p) => p.id)).toEqual(['B', 'A']);
    const list = upsertPractice([b, a], { ...a, title: 'Changed' });
    expect(list.map((p) => [p.id, p.title])).toEqual([
      ['B', 'Heat map of the old town'],
      ['A', 'Changed'],
    ]);
    expect(withoutPractice(list, 'B').map((p) => p.id)).toEqual(['A']);
  });
});
