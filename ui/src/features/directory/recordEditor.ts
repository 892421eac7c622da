// The life of a directory form: a new record is only sent when the person says "Add" (a
// half-typed name must never become a record); once the record exists, every edit is saved on
// its own. Closing never silently loses typing: a new record with text in it, or an edit the
// backend refused, needs a second request to close.

import type { Id } from '../../lib/api';
import { AutoSaver, type SaveStatus } from '../../lib/util/autosave';

export interface RecordEditorOptions<V, R extends { id: Id }> {
  add: (values: V) => Promise<R>;
  save: (values: V, id: Id) => Promise<R>;
  /** Quiet moment (ms) before an edit of an existing record is saved. */
  delay: number;
  /** After an add or a save the backend accepted. */
  onsaved: (record: R) => void;
  /** After an add or a save the backend refused; the values stay as typed. */
  onerror: (error: unknown) => void;
  onstatus: (status: SaveStatus) => void;
}

/** Why a form stays open when asked to close. */
export type CloseAnswer = 'close' | 'not-added' | 'not-saved';

export class RecordEditor<V, R extends { id: Id }> {
  private recordId: Id | null;
  private readonly initial: string;
  /** The values the form showed last: a change from them is an edit, which disarms a close. */
  private shown: string;
  /**
   * The values last handed over to be saved (or added, or loaded), unless that save failed:
   * then null, so the same values are sent again when asked (Ctrl+S, closing).
   */
  private seen: string | null;
  private adding = false;
  private closeArmed = false;
  private readonly saver: AutoSaver<V, R>;

  constructor(
    private readonly opts: RecordEditorOptions<V, R>,
    id: Id | null,
    values: V,
  ) {
    this.recordId = id;
    this.initial = JSON.stringify(values);
    this.shown = this.initial;
    this.seen = this.initial;
    this.saver = new AutoSaver<V, R>({
      save: (v) => opts.save(v, this.recordId as Id),
      delay: opts.delay,
      onsaved: (r) => opts.onsaved(r),
      onerror: (e, sent) => {
        // Values typed since are still waiting and will be sent anyway; these failed.
        if (JSON.stringify(sent) === this.seen) this.seen = null;
        opts.onerror(e);
      },
      onstatus: (s) => opts.onstatus(s),
    });
  }

  /** The record's id; null until it has been added. */
  get id(): Id | null {
    return this.recordId;
  }

  get isAdding(): boolean {
    return this.adding;
  }

  /** Call with the form's values after every change. Saves later only once the record exists. */
  changed(values: V): void {
    const json = this.note(values);
    if (this.recordId === null || json === this.seen) return;
    this.seen = json;
    this.saver.schedule(values);
  }

  /** Remembers what the form shows; an edit makes an earlier refusal to close out of date. */
  private note(values: V): string {
    const json = JSON.stringify(values);
    if (json !== this.shown) {
      this.shown = json;
      this.closeArmed = false;
    }
    return json;
  }

  /**
   * Adds the new record. Resolves to the record, or null when refused (or when it already
   * exists, or an add is running). Edits made while the add ran are saved right after it.
   */
  async add(values: V): Promise<R | null> {
    if (this.recordId !== null || this.adding) return null;
    this.adding = true;
    const sent = JSON.stringify(values);
    this.opts.onstatus('saving');
    try {
      const record = await this.opts.add(values);
      this.recordId = record.id;
      this.seen = sent;
      this.closeArmed = false;
      this.opts.onsaved(record);
      this.opts.onstatus('saved');
      return record;
    } catch (e) {
      this.opts.onerror(e);
      this.opts.onstatus('error');
      return null;
    } finally {
      this.adding = false;
    }
  }

  /** Saves what waits now; true when the record exists and its last save went through. */
  async flush(): Promise<boolean> {
    if (this.recordId === null) return false;
    return this.saver.flush();
  }

  /**
   * Asked to close with the form showing `values`. A form with nothing to lose closes at once;
   * otherwise the answer says why it stays, and asking again (with no edit between) closes.
   */
  async requestClose(values: V): Promise<CloseAnswer> {
    if (this.adding) return 'not-added';
    if (this.recordId === null) {
      if (this.note(values) === this.initial || this.closeArmed) return 'close';
      this.closeArmed = true;
      return 'not-added';
    }
    this.changed(values);
    const armed = this.closeArmed;
    const ok = await this.saver.flush();
    if (ok || armed) {
      this.saver.dispose();
      return 'close';
    }
    this.closeArmed = true;
    return 'not-saved';
  }

  /**
   * Records values as saved already, without saving them: a colleague's record taken into the
   * form (see mergedValues) is no edit.
   */
  accept(values: V): void {
    const json = JSON.stringify(values);
    this.shown = json;
    this.seen = json;
  }

  /** Stops the timer; flush() first to keep what waits. */
  dispose(): void {
    this.saver.dispose();
  }
}

/**
 * The values to show after the record changed elsewhere (a colleague's edit merged by a sync
 * pass), or null when there is nothing new to take: the record is as this form last saved it
 * (`saved`, the backend's answer: it tidies text, and a space being typed must stay), or its
 * values are what the form shows.
 */
export function mergedValues<V, R>(fresh: R, saved: R | null, open: V, valuesOf: (record: R) => V): V | null {
  if (JSON.stringify(fresh) === JSON.stringify(saved)) return null;
  const next = valuesOf(fresh);
  return JSON.stringify(next) === JSON.stringify(open) ? null : next;
}
