import { describe, expect, it } from 'vitest';
import { MERGED_READS, readMerged, takeUntouched } from './merged';

function editor(over: { flushed?: boolean; typedDuringReads?: number; gone?: 'undefined' | 'rejected' } = {}) {
  let form = 'typed here';
  const taken: string[] = [];
  const reads: number[] = [];
  const flushed: string[] = [];
  const run = () =>
    readMerged<string>({
      flush: async () => {
        flushed.push(form);
        return over.flushed ?? true;
      },
      snapshot: () => form,
      read: async () => {
        reads.push(1);
        if (reads.length <= (over.typedDuringReads ?? 0)) form = `typed while reading ${reads.length}`;
        if (over.gone === 'rejected') throw new Error('no longer exists');
        return over.gone === 'undefined' ? undefined : 'from a colleague';
      },
      take: (fresh) => taken.push(fresh),
    });
  return { run, taken, reads, flushed };
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

  it('saves what was typed while the record was read, then reads it again', async () => {
    const e = editor({ typedDuringReads: 1 });
    await e.run();
    expect(e.flushed).toEqual(['typed here', 'typed while reading 1']);
    expect(e.reads.length).toBe(2);
    expect(e.taken).toEqual(['from a colleague']);
  });

  it('leaves a form typed in during every reading', async () => {
    const e = editor({ typedDuringReads: MERGED_READS });
    await e.run();
    expect(e.reads.length).toBe(MERGED_READS);
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

describe('takeUntouched', () => {
  it('takes the fields not edited since the base and keeps the edited ones', () => {
    const base = { name: 'Porto', population: '230000', languages: ['Portuguese'] };
    const open = { ...base, name: 'Porto typed' };
    const fresh = { name: 'Porto', population: '232000', languages: ['Portuguese', 'English'] };
    const next = takeUntouched(open, base, fresh);
    expect(next).toEqual({ name: 'Porto typed', population: '232000', languages: ['Portuguese', 'English'] });
    expect(next.languages).not.toBe(fresh.languages);
  });
});
