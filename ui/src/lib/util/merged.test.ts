import { describe, expect, it } from 'vitest';
import { readMerged } from './merged';

function editor(over: { flushed?: boolean; typedWhileReading?: boolean; gone?: 'undefined' | 'rejected' } = {}) {
  let form = 'typed here';
  const taken: string[] = [];
  const reads: number[] = [];
  const run = () =>
    readMerged<string>({
      flush: async () => over.flushed ?? true,
      snapshot: () => form,
      read: async () => {
        reads.push(1);
        if (over.typedWhileReading) form = 'typed while reading';
        if (over.gone === 'rejected') throw new Error('no longer exists');
        return over.gone === 'undefined' ? undefined : 'from a colleague';
      },
      take: (fresh) => taken.push(fresh),
    });
  return { run, taken, reads };
}

describe('readMerged', () => {
  it('takes the record read again after the save', async () => {
    const e = editor();
    await e.run();
    expect(e.taken).toEqual(['from a colleague']);
  });

  it('reads nothing while the edit typed here could not be saved', async () => {
    const e = editor({ flushed: false });
    await e.run();
    expect(e.reads).toEqual([]);
    expect(e.taken).toEqual([]);
  });

  it('leaves a form that was typed in while the record was read', async () => {
    const e = editor({ typedWhileReading: true });
    await e.run();
    expect(e.taken).toEqual([]);
  });

  it('leaves the form of a record deleted elsewhere', async () => {
    for (const gone of ['undefined', 'rejected'] as const) {
      const e = editor({ gone });
      await e.run();
      expect(e.taken).toEqual([]);
    }
  });
});
