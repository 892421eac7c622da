// Searching as someone types: each query waits for a quiet moment, and only the answer to the
// latest query started is shown. An answer that comes back late, after a newer query went out,
// would otherwise replace the newer results with those of words no longer in the box.
import { debounce } from './debounce';

export interface LatestSearchOptions<Q, R> {
  delay: number;
  run: (query: Q) => Promise<R>;
  onresult: (result: R, query: Q) => void;
  onerror: (error: unknown, query: Q) => void;
}

export interface LatestSearch<Q> {
  /** A query typed: run once nothing more is typed for `delay`. */
  soon(query: Q): void;
  /** Runs a query at once (a first load, a refresh, the next page), dropping one that waits. */
  now(query: Q): Promise<void>;
  /** Drops the waiting query and any answer still on its way. */
  cancel(): void;
}

export function latestSearch<Q, R>(opts: LatestSearchOptions<Q, R>): LatestSearch<Q> {
  let seq = 0;
  async function now(query: Q): Promise<void> {
    waiting.cancel();
    const mine = ++seq;
    try {
      const result = await opts.run(query);
      if (mine === seq) opts.onresult(result, query);
    } catch (e) {
      if (mine === seq) opts.onerror(e, query);
    }
  }
  const waiting = debounce((query: Q) => void now(query), opts.delay);
  return {
    soon: (query) => waiting(query),
    now,
    cancel: () => {
      waiting.cancel();
      seq += 1;
    },
  };
}
