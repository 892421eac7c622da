import { describe, expect, it } from 'vitest';
import type { IpcError } from '../../lib/api';
import { formFromPlan } from './planForm';
import { samplePlan } from './planFixture';
import { messagesAt, NO_PLAN_ERRORS, planErrors, problemErrors } from './planErrors';

const refusal = (issues: { field: string | null; message: string }[]): IpcError => ({
  code: 'invalid',
  message: 'The plan has problems.',
  field: null,
  issues: issues.map((i) => ({ code: 'x', ...i })),
});

describe('plan errors', () => {
  it('puts each message on the row it was about', () => {
    const form = formFromPlan(samplePlan());
    const a = form.actions[0]!.row;
    const e = planErrors(
      refusal([
        { field: 'actions.0.end', message: 'The end is before the start.' },
        { field: 'actions.0.indicators.0.target', message: 'Needs a target.' },
        { field: 'stakeholders.0.organisation', message: 'Deleted organisation.' },
        { field: 'pairing', message: 'This pairing has a plan already.' },
        { field: null, message: 'Something else.' },
        { field: 'actions.9.title', message: 'Gone row.' },
      ]),
      form,
    );
    expect(messagesAt(e, `actions.${a}.end`)).toBe('The end is before the start.');
    expect(messagesAt(e, `actions.${a}.indicators.${form.actions[0]!.indicators[0]!.row}.target`)).toBe('Needs a target.');
    expect(messagesAt(e, 'stakeholders')).toBe('Deleted organisation.');
    expect(e.general).toEqual(['This pairing has a plan already.', 'Something else.', 'Gone row.']);
  });

  it('shows a stored plan’s broken links at their field, and none when there are none', () => {
    const form = formFromPlan(samplePlan());
    expect(problemErrors([], form)).toBe(NO_PLAN_ERRORS);
    const e = problemErrors([{ code: 'missing', field: 'practices.0', message: 'A deleted practice.' }], form);
    expect(messagesAt(e, 'practices')).toBe('A deleted practice.');
  });

  it('joins the messages of several paths once each', () => {
    const e = { fields: { a: ['x'], b: ['x', 'y'] }, general: [] };
    expect(messagesAt(e, 'a', 'b', 'c')).toBe('x y');
    expect(messagesAt(e, 'c')).toBeNull();
  });
});
