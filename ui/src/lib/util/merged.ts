// A colleague's changes merged into a record that is open in an editor (a sync pass, an
// exchange file). Editors save whole records, so one that kept its old copy would send the
// colleague's fields back as they were with its next save. Each open editor therefore reads the
// record again after a merge, once what was typed here is saved, and takes it in only if
// nothing new was typed while it read.
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

/** One reading after a merge: taken only after a successful save and with no edit meanwhile. */
export async function readMerged<R>({ flush, snapshot, read, take }: MergedRead<R>): Promise<void> {
  if (!(await flush())) return;
  const before = snapshot();
  let fresh: R | undefined;
  try {
    fresh = await read();
  } catch {
    return; // deleted elsewhere, or unreadable: the list says so once the editor closes
  }
  if (fresh === undefined || snapshot() !== before) return;
  take(fresh);
}
