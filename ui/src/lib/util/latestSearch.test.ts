import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deferred, type Deferred } from './deferred';
import { latestSearch } from './latestSearch';

describe('searching as someone types', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function backend() {
    const asked: string[] = [];
    const answers: Deferred<string>[] = [];
    const shown: string[] = [];
    const failed: unknown[] = [];
    const search = latestSearch<string, string>({
      delay: 150,
      run: (q) => {
        asked.push(q);
        const d = deferred<string>();
        answers.push(d);
        return d.promise;
      },
      onresult: (r) => shown.push(r),
      onerror: (e) => failed.push(e),
    });
    return { search, asked, answers, shown, failed };
  }

  it('asks once typing pauses, with the last words', async () => {
    const b = backend();
    b.search.soon('h');
    b.search.soon('he');
    b.search.soon('heat');
    await vi.advanceTimersByTimeAsync(149);
    expect(b.asked).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(b.asked).toEqual(['heat']);
  });

  it('ignores an answer that comes back after a newer query went out', async () => {
    const b = backend();
    b.search.soon('heat');
    await vi.advanceTimersByTimeAsync(150);
    b.search.soon('heat pumps');
    await vi.advanceTimersByTimeAsync(150);
    expect(b.asked).toEqual(['heat', 'heat pumps']);
    b.answers[1]!.resolve('pumps results');
    b.answers[0]!.resolve('heat results');
    await vi.advanceTimersByTimeAsync(0);
    expect(b.shown).toEqual(['pumps results']);
  });

  it('a failure of an old query is not shown either; one of the latest is', async () => {
    const b = backend();
    void b.search.now('a');
    void b.search.now('b');
    b.answers[0]!.reject(new Error('old'));
    b.answers[1]!.reject(new Error('new'));
    await vi.advanceTimersByTimeAsync(0);
    expect(b.failed).toEqual([new Error('new')]);
  });

  it('running at once drops the query waiting; cancelling drops the answer on its way', async () => {
    const b = backend();
    b.search.soon('waiting');
    void b.search.now('now');
    await vi.advanceTimersByTimeAsync(500);
    expect(b.asked).toEqual(['now']);
    b.search.cancel();
    b.answers[0]!.resolve('late');
    await vi.advanceTimersByTimeAsync(0);
    expect(b.shown).toEqual([]);
  });
});
