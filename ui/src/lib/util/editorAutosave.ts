// The saving an editor does on its own, around an AutoSaver: a save after a quiet moment, a
// failure no field explains tried again by itself less and less often, "Try again" / Ctrl+S
// saving at once, Escape leaving, and a flush when the window is hidden or the editor unmounted.
import { isSaveShortcut, type KeyLike } from '../keys';
import { AutoSaver, type SaveStatus } from './autosave';
import { flushOnHide } from './flushOnHide';
import { readMerged } from './merged';

/** The first wait before trying a failed save again by itself; each failure doubles it. */
export const RETRY_FIRST_MS = 2_000;
/** The longest wait between tries. */
export const RETRY_MAX_MS = 30_000;

export interface EditorAutosaveOptions<T, R> {
  save: (value: T) => Promise<R>;
  delay: number;
  /** The value as it is now (a plain copy of the form), for a save with no new edit. */
  current: () => T;
  /** `current` is false when the value was edited again while this save ran. */
  onsaved: (result: R, sent: T, current: boolean) => void;
  /**
   * Shows the failure; returns true when it is worth trying again by itself (no field to fix:
   * the store was busy, the disk full).
   */
  onerror: (error: unknown, sent: T) => boolean;
  onstatus: (status: SaveStatus) => void;
}

export class EditorAutosave<T, R> {
  private readonly saver: AutoSaver<T, R>;
  private status: SaveStatus = 'idle';
  private retryTimer: ReturnType<typeof setTimeout> | null = null;
  private retries = 0;
  /** The value last seen, as JSON: what `changed` compares an edit against. */
  private lastJson: string;

  constructor(private readonly opts: EditorAutosaveOptions<T, R>) {
    this.lastJson = JSON.stringify(opts.current());
    this.saver = new AutoSaver<T, R>({
      save: opts.save,
      delay: opts.delay,
      onsaved: (result, sent, current) => {
        this.retries = 0;
        this.stopRetrying();
        opts.onsaved(result, sent, current);
      },
      onerror: (e, sent) => {
        if (opts.onerror(e, sent)) this.retryLater();
      },
      onstatus: (s) => {
        this.status = s;
        opts.onstatus(s);
      },
    });
  }

  /** An edit: saved after a quiet moment. */
  schedule(value: T): void {
    this.lastJson = JSON.stringify(value);
    this.saver.schedule(value);
  }

  /**
   * The form as it is now, from the editor's effect: schedules a save only when it differs from
   * the value last seen (scheduled or accepted). True when it did.
   */
  changed(value: T): boolean {
    if (JSON.stringify(value) === this.lastJson) return false;
    this.schedule(value);
    return true;
  }

  /**
   * Records a value as saved already, without saving it: what the backend hands back (keys for
   * new rows, tidied lists) taken into the form is no edit.
   */
  accept(value: T): void {
    this.lastJson = JSON.stringify(value);
  }

  /** Saves what waits now; true when the last save succeeded. */
  flush(): Promise<boolean> {
    return this.saver.flush();
  }

  /**
   * A colleague's changes merged into the record (`merged.ts`): saves what waits, reads the
   * record again and, if nothing was typed meanwhile, lets `take` put it into the form. What
   * `take` returns (the form as it now is, or null when nothing was new) counts as saved.
   */
  takeMerged<F>(read: () => Promise<F | undefined>, take: (fresh: F) => T | null): Promise<void> {
    return readMerged<F>({
      flush: () => this.flush(),
      snapshot: () => JSON.stringify(this.opts.current()),
      read,
      take: (fresh) => {
        const now = take(fresh);
        if (now !== null) this.accept(now);
      },
    });
  }

  /** Ctrl+S and "Try again": save now, and after a failure even without a new edit. */
  saveNow(): Promise<boolean> {
    if (this.status === 'error') this.saver.schedule(this.opts.current());
    return this.flush();
  }

  /**
   * The window's keydown: Ctrl+S saves now, Escape calls `onescape`. Nothing while `blocked`
   * (a dialog is open) or when the key was handled already.
   */
  keydown(e: KeyLike & { defaultPrevented: boolean; preventDefault: () => void }, blocked: boolean, onescape: () => void): void {
    if (blocked || e.defaultPrevented) return;
    if (isSaveShortcut(e)) {
      e.preventDefault();
      void this.saveNow();
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onescape();
    }
  }

  /**
   * For onMount: flushes whenever the window is hidden; the returned cleanup stops that, drops
   * a waiting retry and saves what waits now (navigation away).
   */
  mount(win?: EventTarget, doc?: EventTarget): () => void {
    const stopFlushing = flushOnHide(() => this.flush(), win, doc);
    return () => {
      stopFlushing();
      this.stopRetrying();
      void this.flush();
    };
  }

  private stopRetrying(): void {
    if (this.retryTimer !== null) clearTimeout(this.retryTimer);
    this.retryTimer = null;
  }

  private retryLater(): void {
    this.stopRetrying();
    const wait = Math.min(RETRY_MAX_MS, RETRY_FIRST_MS * 2 ** this.retries);
    this.retries += 1;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.status === 'error') this.saver.schedule(this.opts.current());
    }, wait);
  }
}
