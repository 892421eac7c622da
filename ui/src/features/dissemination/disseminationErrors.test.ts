import { describe, expect, it } from 'vitest';
import type { IpcError } from '../../lib/api';
import { messagesAt } from '../cooperation-plans/planErrors';
import { formFromPlan } from './disseminationForm';
import { disseminationErrors } from './disseminationErrors';
import { samplePlan } from './disseminationFixture';

const refusal = (issues: { field: string | null; message: string }[]): IpcError => ({
  code: 'invalid',
  message: 'The plan has problems.',
  field: null,
  issues: issues.map((i) => ({ code: 'x', ...i })),
});

describe('dissemination errors', () => {
  it('puts each message on the row it was about', () => {
    const form = formFromPlan(samplePlan());
    form.practices[0]!.channels = 'Eurocities\n\nNewsletter';
    const [p0, p1] = form.practices.map((p) => p.row);
    const a1 = form.practices[0]!.adopters[1]!.row;
    const e = disseminationErrors(
      refusal([
        { field: 'summary', message: 'Too long.' },
        { field: 'practices.1.practice', message: 'A deleted practice.' },
        { field: 'practices.0.adopters.1.city', message: 'An unknown city.' },
        { field: 'practices.0.channels.1.text', message: 'The channel is too long.' },
        { field: 'city', message: 'This city has a plan already.' },
        { field: null, message: 'Something else.' },
        { field: 'practices.9.title', message: 'Gone row.' },
      ]),
      form,
    );
    expect(messagesAt(e, 'summary')).toBe('Too long.');
    expect(messagesAt(e, `practices.${p1}.practice`)).toBe('A deleted practice.');
    expect(messagesAt(e, `practices.${p0}.adopters.${a1}.city`)).toBe('An unknown city.');
    // The second channel is the third line: the blank one is no channel.
    expect(messagesAt(e, `practices.${p0}.channels`)).toBe('Line 3: The channel is too long.');
    expect(e.general).toEqual(['This city has a plan already.', 'Something else.', 'Gone row.']);
  });

  it('shows an error without issues at its own field', () => {
    const form = formFromPlan(samplePlan());
    const e = disseminationErrors({ code: 'duplicate', message: 'This city has a plan already.', field: 'city', issues: [] }, form);
    expect(e.general).toEqual(['This city has a plan already.']);
    expect(e.fields).toEqual({});
  });
});
