// Saving on its own: every edit schedules a save of the latest value after a quiet moment; a
// flush saves at once. One save runs at a time; edits made meanwhile are saved right after it.
// A rejected save is not retried by itself — the next edit (or flush after one) tries again.

export type SaveStatus = 'idle' | 'pending' | 'saving' | 'saved' | 'error';

export interface AutoSaverOptions<T, R> {
  save: (value: T) => Promise<R>;
  delay: number;
  /** `current` is false when the value was edited again while this save ran. */
  onsaved: (result: R, sent: T, current: boolean) => void;
  onerror: (error: unknown, sent: T) => void;
  onstatus: (status: SaveStatus) => void;
}

export class AutoSaver<T, R> {
  private latest: { value: T } | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private running: Promise<void> | null = null;
  private edits = 0;
  private lastOk = true;

  constructor(private readonly opts: AutoSaverOptions<T, R>) {}

  /** Remembers `value` as the one to save and (re)starts the quiet-moment timer. */
  schedule(value: T): void {
    this.latest = { value };
    this.edits += 1;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.drain();
    }, this.opts.delay);
    if (this.running === null) this.opts.onstatus('pending');
  }

  /** True while an edit waits to be saved or a save runs. */
  busy(): boolean {
    return this.latest !== null || this.running !== null;
  }

  /**
   * Saves what waits now and resolves when nothing is left to save; true when the last save
   * succeeded (or there was nothing to save after a successful one).
   */
  async flush(): Promise<boolean> {
    if (this.timer !== null) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    await this.drain(true);
    return this.lastOk;
  }

  /** Drops the timer (not a running save). Call flush() first to keep the edits. */
  dispose(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private async drain(force = false): Promise<void> {
    for (;;) {
      if (this.running !== null) {
        await this.running;
        continue;
      }
      if (force && this.timer !== null) {
        clearTimeout(this.timer);
        this.timer = null;
      }
      if (this.latest === null || this.timer !== null) return;
      const { value } = this.latest;
      this.latest = null;
      this.running = this.saveOne(value, this.edits);
      try {
        await this.running;
      } finally {
        this.running = null;
      }
    }
  }

  private async saveOne(value: T, edits: number): Promise<void> {
    this.opts.onstatus('saving');
    try {
      const result = await this.opts.save(value);
      this.lastOk = true;
      this.opts.onsaved(result, value, edits === this.edits);
      this.opts.onstatus(this.latest !== null ? 'pending' : 'saved');
    } catch (e) {
      this.lastOk = false;
      this.opts.onerror(e, value);
      this.opts.onstatus(this.latest !== null ? 'pending' : 'error');
    }
  }
}
