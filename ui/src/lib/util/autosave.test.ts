import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AutoSaver, type SaveStatus } from './autosave';
import { deferred } from './deferred';

function setup(save: (v: string) => Promise<string>) {
  const statuses: SaveStatus[] = [];
  const saved: [string, string, boolean][] = [];
  const errors: [unknown, string][] = [];
  const saver = new AutoSaver<string, string>({
    save,
    delay: 600,
    onsaved: (r, sent, current) => saved.push([r, sent, current]),
    onerror: (e, sent) => errors.push([e, sent]),
    onstatus: (s) => statuses.push(s),
  });
  return { saver, statuses, saved, errors };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('AutoSaver', () => {
  it('saves the latest value once after a quiet moment', async () => {
    const save = vi.fn((v: string) => Promise.resolve(`ok:${v}`));
    const { saver, saved, statuses } = setup(save);
    saver.schedule('a');
    saver.schedule('ab');
    await vi.advanceTimersByTimeAsync(599);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith('ab');
    expect(saved).toEqual([['ok:ab', 'ab', true]]);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('flush saves at once and resolves when done', async () => {
    const save = vi.fn((v: string) => Promise.resolve(v));
    const { saver } = setup(save);
    saver.schedule('x');
    const ok = await saver.flush();
    expect(ok).toBe(true);
    expect(save).toHaveBeenCalledWith('x');
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('runs one save at a time and saves edits made meanwhile afterwards', async () => {
    const first = deferred<string>();
    const save = vi.fn((v: string) => (v === 'a' ? first.promise : Promise.resolve(v)));
    const { saver, saved } = setup(save);
    saver.schedule('a');
    await vi.advanceTimersByTimeAsync(600);
    saver.schedule('ab');
    const done = saver.flush();
    expect(save).toHaveBeenCalledTimes(1);
    first.resolve('a');
    await done;
    expect(save.mock.calls.map((c) => c[0])).toEqual(['a', 'ab']);
    // The first result came back after another edit: not current.
    expect(saved).toEqual([
      ['a', 'a', false],
      ['ab', 'ab', true],
    ]);
  });

  it('reports a rejection, does not retry alone, and tries again on the next edit', async () => {
    let fail = true;
    const save = vi.fn((v: string) => (fail ? Promise.reject(new Error('no')) : Promise.resolve(v)));
    const { saver, errors, statuses } = setup(save);
    saver.schedule('bad');
    expect(await saver.flush()).toBe(false);
    expect(errors.map((e) => e[1])).toEqual(['bad']);
    expect(statuses.at(-1)).toBe('error');
    await vi.advanceTimersByTimeAsync(5000);
    expect(save).toHaveBeenCalledTimes(1);
    fail = false;
    saver.schedule('good');
    expect(await saver.flush()).toBe(true);
    expect(save).toHaveBeenCalledTimes(2);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('has nothing to do when nothing was edited', async () => {
    const save = vi.fn((v: string) => Promise.resolve(v));
    const { saver } = setup(save);
    expect(saver.busy()).toBe(false);
    await saver.flush();
    expect(save).not.toHaveBeenCalled();
  });
});
