import { describe, expect, it } from 'vitest';
import {
  applyKeys,
  channelLine,
  channelsFromText,
  emptyDisseminationPlan,
  formFromPlan,
  formFromPlanKeepingRows,
  mergedPlan,
  keysGiven,
  newAdopter,
  newPractice,
  planFromForm,
  withKind,
} from './disseminationForm';
import { samplePlan } from './disseminationFixture';

const counter = () => {
  let n = 0;
  return () => `r${++n}`;
};

describe('dissemination form', () => {
  it('maps a plan to the form and back unchanged', () => {
    const plan = samplePlan();
    const form = formFromPlan(plan, counter());
    expect(form.practices[0]!.channels).toBe('Eurocities\nNewsletter');
    expect(form.practices[0]!.adopters.map((a) => a.row)).toEqual(['r2', 'r3']);
    expect(planFromForm(form)).toEqual(plan);
  });

  it('reads channels one a line, leaving out blank lines and outer spaces', () => {
    expect(channelsFromText('  Eurocities \n\n\r\nNewsletter\n   \n')).toEqual(['Eurocities', 'Newsletter']);
    expect(channelsFromText('')).toEqual([]);
  });

  it('finds the line a channel came from', () => {
    const text = 'A\n\n  \nB\nC';
    expect(channelLine(text, 0)).toBe(1);
    expect(channelLine(text, 1)).toBe(4);
    expect(channelLine(text, 2)).toBe(5);
    expect(channelLine(text, 3)).toBeNull();
  });

  it('sends new practices without a key, then keeps the key the backend gave', () => {
    const form = formFromPlan(samplePlan(), counter());
    form.practices.push(newPractice(() => 'rN'));
    expect(planFromForm(form).practices[2]!.key).toBe('');
    const saved = planFromForm(form);
    saved.practices[2]!.key = 'p3';
    const given = keysGiven(form, saved);
    expect([...given]).toEqual([['rN', 'p3']]);
    // A save that ran while the form was taken again still sends the key.
    expect(planFromForm(form, given).practices[2]!.key).toBe('p3');
    expect(applyKeys(form, given)).toBe(true);
    expect(form.practices[2]!.key).toBe('p3');
    expect(applyKeys(form, given)).toBe(false);
  });

  it('starts rows and plans empty', () => {
    expect(newPractice(() => 'x')).toMatchObject({ row: 'x', key: '', practice: null, adopters: [], channels: '', status: 'planned' });
    expect(newAdopter(() => 'y')).toEqual({ row: 'y', kind: 'city', name: '', city: null });
    expect(emptyDisseminationPlan('NEW', 'C9')).toEqual({ id: 'NEW', city: 'C9', summary: '', practices: [], sample: false });
  });

  it('drops a city link when an adopter becomes another kind, keeping its name', () => {
    const a = { row: 'a', kind: 'city' as const, name: 'Typed', city: 'C2' };
    expect(withKind(a, 'region')).toEqual({ row: 'a', kind: 'region', name: 'Typed', city: null });
    expect(withKind(a, 'city')).toEqual(a);
  });

  it('takes a plan merged from elsewhere into the rows already on the page', () => {
    const open = formFromPlan(samplePlan(), counter());
    const merged = samplePlan();
    merged.summary = 'Changed on another desktop';
    // The practices swapped and one adopter added elsewhere.
    merged.practices.reverse();
    merged.practices[1]!.adopters.push({ kind: 'region', name: 'Norte', city: null });
    let n = 0;
    const next = formFromPlanKeepingRows(merged, open, new Map(), () => `new${++n}`);
    expect(planFromForm(next)).toEqual(merged);
    expect(next.practices.map((p) => p.row)).toEqual([open.practices[1]!.row, open.practices[0]!.row]);
    expect(next.practices[1]!.adopters.map((a) => a.row)).toEqual([...open.practices[0]!.adopters.map((a) => a.row), 'new5']);
  });

  it('takes a merge only when it brought something new', () => {
    const open = formFromPlan(samplePlan(), counter());
    open.summary += ' ';
    // As last saved, tidied: the space being typed stays.
    expect(mergedPlan(samplePlan(), open, samplePlan())).toBeNull();
    const other = { ...samplePlan(), summary: 'Changed on another desktop' };
    expect(mergedPlan(other, open, samplePlan())?.summary).toBe('Changed on another desktop');
    const typed = formFromPlan(other, counter());
    expect(mergedPlan(other, typed, samplePlan())).toBeNull();
  });

  it('matches a practice saved since the form was taken by the key the backend gave it', () => {
    const open = formFromPlan(samplePlan(), counter());
    open.practices.push(newPractice(() => 'rN'));
    const merged = planFromForm(open);
    merged.practices[2]!.key = 'p3';
    const next = formFromPlanKeepingRows(merged, open, new Map([['rN', 'p3']]), () => 'fresh');
    expect(next.practices[2]!.row).toBe('rN');
  });
});
