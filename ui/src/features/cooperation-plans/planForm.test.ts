import { describe, expect, it } from 'vitest';
import {
  applyKeys,
  emptyPlan,
  formFromPlan,
  formFromPlanKeepingRows,
  keysGiven,
  newAction,
  newObjective,
  planFromForm,
  setServes,
  withoutObjective,
} from './planForm';
import { samplePlan } from './planFixture';

function counter() {
  let n = 0;
  return () => `k${++n}`;
}

describe('plan form', () => {
  it('round-trips a plan unchanged', () => {
    const plan = samplePlan();
    expect(planFromForm(formFromPlan(plan, counter()))).toEqual(plan);
  });

  it('gives every row a key of its own', () => {
    const form = formFromPlan(samplePlan(), counter());
    const rows = [...form.objectives, ...form.actions, ...form.risks, ...form.actions.flatMap((a) => a.indicators)].map((r) => r.row);
    expect(new Set(rows).size).toBe(rows.length);
  });

  it('does not share lists with the plan it came from', () => {
    const plan = samplePlan();
    const form = formFromPlan(plan, counter());
    form.actions[0]!.objectives.push('o2');
    form.stakeholders.push('O2');
    expect(plan.actions[0]!.objectives).toEqual(['o1']);
    expect(plan.stakeholders).toEqual(['O1']);
  });

  it('sends new rows without a key, then keeps the keys the backend gave', () => {
    const form = formFromPlan(samplePlan(), counter());
    form.objectives.push(newObjective(() => 'new-o'));
    form.actions.push(newAction(() => 'new-a'));
    const sent = structuredClone(form);
    const plan = planFromForm(sent);
    expect(plan.objectives[2]!.key).toBe('');
    expect(plan.actions[1]!.key).toBe('');

    const saved = structuredClone(plan);
    saved.objectives[2]!.key = 'o3';
    saved.actions[1]!.key = 'a12';
    const given = keysGiven(sent, saved);
    expect([...given]).toEqual([
      ['new-o', 'o3'],
      ['new-a', 'a12'],
    ]);
    // A row removed meanwhile does not take another row's key.
    form.objectives.splice(0, 1);
    expect(applyKeys(form, given)).toBe(true);
    expect(form.objectives.map((o) => o.key)).toEqual(['o2', 'o3']);
    expect(form.actions.map((a) => a.key)).toEqual(['a1', 'a12']);
    expect(applyKeys(form, given)).toBe(false);
  });

  it('fills keys that came back while the form being sent was taken', () => {
    const form = formFromPlan(samplePlan(), counter());
    form.objectives.push(newObjective(() => 'late'));
    expect(planFromForm(form, new Map([['late', 'o9']])).objectives[2]!.key).toBe('o9');
  });

  it('starts an empty plan for a pairing', () => {
    expect(emptyPlan('NEW', 'PR2')).toMatchObject({ id: 'NEW', pairing: 'PR2', objectives: [], actions: [], title: '' });
  });

  it('ticks and unticks objectives served', () => {
    expect(setServes(['o1'], 'o2', true)).toEqual(['o1', 'o2']);
    expect(setServes(['o1', 'o2'], 'o2', true)).toEqual(['o1', 'o2']);
    expect(setServes(['o1', 'o2'], 'o1', false)).toEqual(['o2']);
  });

  it('forgets a removed objective in the actions that served it', () => {
    const form = formFromPlan(samplePlan(), counter());
    withoutObjective(form.actions, 'o1');
    expect(form.actions[0]!.objectives).toEqual([]);
  });
});

describe('a plan changed elsewhere', () => {
  it('takes the new content into the rows already on the page', () => {
    const open = formFromPlan(samplePlan(), counter());
    const changed = { ...samplePlan(), title: 'Changed on another desktop' };
    const next = formFromPlanKeepingRows(changed, open);
    expect(next.title).toBe('Changed on another desktop');
    expect(next.actions.map((a) => a.row)).toEqual(open.actions.map((a) => a.row));
    expect(next.objectives.map((o) => o.row)).toEqual(open.objectives.map((o) => o.row));
    expect(planFromForm(next)).toEqual(changed);
  });

  it('gives rows the open form did not have keys of their own', () => {
    const open = formFromPlan({ ...samplePlan(), risks: [] }, counter());
    const next = formFromPlanKeepingRows(samplePlan(), open);
    const rows = [...next.objectives, ...next.actions, ...next.risks].map((r) => r.row);
    expect(new Set(rows).size).toBe(rows.length);
    expect(next.risks.length).toBe(samplePlan().risks.length);
  });
});
