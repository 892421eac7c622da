// A colleague's changes merged into a record that is open in an editor (a sync pass, an
// exchange file). Editors save whole records, so one that kept its old copy would send the
// colleague's fields back as they were with its next save. Each open editor therefore reads the
// record again after a merge, once what was typed here is saved, and takes it in once nothing
// new was typed while it read; a form that saves only when asked takes the fields not edited
// here (`takeUntouched`).
import { onChanged } from '../api';

/**
 * Calls `handler` after each merge that may have changed records of `collection`, until the
 * returned function is called. Saves made in this window name their record; a merge names none.
 */
export function onMerged(collection: string, handler: () => void): () => void {
  return onChanged((c) => {
    if (c.collection === collection && c.id === null) handler();
  });
}

export interface MergedRead<R> {
  /** Saves what waits; false when that failed (the person's edit comes first). */
  flush: () => Promise<boolean>;
  /** The form as it is now, as JSON: an edit made while the record was read shows in it. */
  snapshot: () => string;
  /** The record as the store has it now; undefined, or a rejection, when it is gone. */
  read: () => Promise<R | undefined>;
  /** Takes the record into the form (or finds nothing new in it). */
  take: (fresh: R) => void;
}

/** Readings after one merge before giving up to typing that never pauses. */
export const MERGED_READS = 3;

/**
 * Reading after a merge: taken only after a successful save and with no edit meanwhile. An edit
 * typed while the record was read is saved in turn and the record read again: given up, the
 * form's next save would send the colleague's fields back as they were.
 */
export async function readMerged<R>({ flush, snapshot, read, take }: MergedRead<R>): Promise<void> {
  for (let attempt = 0; attempt < MERGED_READS; attempt++) {
    if (!(await flush())) return;
    const before = snapshot();
    let fresh: R | undefined;
    try {
      fresh = await read();
    } catch {
      return; // deleted elsewhere, or unreadable: the list says so once the editor closes
    }
    if (fresh === undefined) return;
    if (snapshot() === before) {
      take(fresh);
      return;
    }
  }
}

/**
 * For a form that saves only when asked, field by field: each field not touched since `base`
 * (the record as the form last had it) takes its value from `fresh`; a field edited here keeps
 * the edit. The form's next save then carries the colleague's fields as they now are.
 */
export function takeUntouched<F extends object>(open: F, base: F, fresh: F): F {
  const next = { ...open };
  for (const k of Object.keys(fresh) as (keyof F)[]) {
    if (JSON.stringify(open[k]) === JSON.stringify(base[k])) next[k] = structuredClone(fresh[k]);
  }
  return next;
}
