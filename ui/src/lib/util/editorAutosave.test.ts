import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SaveStatus } from './autosave';
import { EditorAutosave } from './editorAutosave';

function setup(save: (v: string) => Promise<string>, retryable = true) {
  let value = 'now';
  const statuses: SaveStatus[] = [];
  const saved: string[] = [];
  const errors: string[] = [];
  const editor = new EditorAutosave<string, string>({
    save,
    delay: 500,
    current: () => value,
    onsaved: (r) => saved.push(r),
    onerror: (_e, sent) => {
      errors.push(sent);
      return retryable;
    },
    onstatus: (s) => statuses.push(s),
  });
  return { editor, statuses, saved, errors, set: (v: string) => (value = v) };
}

function key(init: { key: string; ctrlKey?: boolean; defaultPrevented?: boolean }) {
  return {
    ctrlKey: false,
    metaKey: false,
    altKey: false,
    defaultPrevented: false,
    ...init,
    preventDefault: vi.fn(),
  };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('EditorAutosave', () => {
  it('retries a failure no field explains after 2 s, 4 s, 8 s … and stops once saved', async () => {
    let fail = true;
    const save = vi.fn((v: string) => (fail ? Promise.reject(new Error('busy')) : Promise.resolve(v)));
    const { editor, statuses } = setup(save);
    editor.schedule('a');
    await vi.advanceTimersByTimeAsync(500);
    expect(save).toHaveBeenCalledTimes(1);
    expect(statuses.at(-1)).toBe('error');
    // First retry: 2 s wait, then the usual quiet moment; it sends the value as it is now.
    await vi.advanceTimersByTimeAsync(2_000 + 499);
    expect(save).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith('now');
    // Second retry waits twice as long.
    await vi.advanceTimersByTimeAsync(4_000 + 499);
    expect(save).toHaveBeenCalledTimes(2);
    fail = false;
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(3);
    expect(statuses.at(-1)).toBe('saved');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(save).toHaveBeenCalledTimes(3);
  });

  it('does not retry a refusal that names a field', async () => {
    const save = vi.fn(() => Promise.reject(new Error('field')));
    const { editor, errors } = setup(save, false);
    editor.schedule('a');
    await vi.advanceTimersByTimeAsync(500);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(save).toHaveBeenCalledTimes(1);
    expect(errors).toEqual(['a']);
  });

  it('saveNow saves the current value after a failure even without a new edit', async () => {
    let fail = true;
    const save = vi.fn((v: string) => (fail ? Promise.reject(new Error('x')) : Promise.resolve(v)));
    const { editor, saved, set } = setup(save, false);
    editor.schedule('a');
    expect(await editor.flush()).toBe(false);
    fail = false;
    set('b');
    expect(await editor.saveNow()).toBe(true);
    expect(saved).toEqual(['b']);
    // Without a failure and nothing waiting, saveNow has nothing to send.
    expect(await editor.saveNow()).toBe(true);
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('Ctrl+S saves now, Escape leaves, neither while blocked or handled', async () => {
    const save = vi.fn((v: string) => Promise.resolve(v));
    const { editor } = setup(save);
    const leave = vi.fn();
    editor.schedule('a');
    const ctrlS = key({ key: 's', ctrlKey: true });
    editor.keydown(ctrlS, true, leave);
    editor.keydown(key({ key: 's', ctrlKey: true, defaultPrevented: true }), false, leave);
    await vi.advanceTimersByTimeAsync(0);
    expect(save).not.toHaveBeenCalled();
    expect(ctrlS.preventDefault).not.toHaveBeenCalled();
    editor.keydown(ctrlS, false, leave);
    await vi.advanceTimersByTimeAsync(0);
    expect(ctrlS.preventDefault).toHaveBeenCalled();
    expect(save).toHaveBeenCalledWith('a');
    const esc = key({ key: 'Escape' });
    editor.keydown(esc, false, leave);
    expect(esc.preventDefault).toHaveBeenCalled();
    expect(leave).toHaveBeenCalledTimes(1);
  });

  it('flushes on hide, and on cleanup stops listening, drops a waiting retry and saves', async () => {
    let fail = true;
    const save = vi.fn((v: string) => (fail ? Promise.reject(new Error('x')) : Promise.resolve(v)));
    const { editor } = setup(save);
    const win = new EventTarget();
    const doc = new EventTarget();
    const stop = editor.mount(win, doc);
    editor.schedule('a');
    doc.dispatchEvent(new Event('visibilitychange'));
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(1);
    fail = false;
    editor.schedule('b');
    stop();
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith('b');
    win.dispatchEvent(new Event('pagehide'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(save).toHaveBeenCalledTimes(2);
  });
  it('changed saves only a value unlike the last seen, starting from the current one', async () => {
    const save = vi.fn((v: string) => Promise.resolve(v));
    const { editor } = setup(save);
    // The form as it opened is no edit.
    expect(editor.changed('now')).toBe(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(save).not.toHaveBeenCalled();
    expect(editor.changed('a')).toBe(true);
    await vi.advanceTimersByTimeAsync(500);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenLastCalledWith('a');
    // The effect running again with the same value saves nothing more.
    expect(editor.changed('a')).toBe(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(save).toHaveBeenCalledTimes(1);
    // Back to the opening value is an edit like any other.
    expect(editor.changed('now')).toBe(true);
    await vi.advanceTimersByTimeAsync(500);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith('now');
  });

  it('compares structured values by their JSON', async () => {
    const save = vi.fn((v: { a: number[] }) => Promise.resolve(v));
    const editor = new EditorAutosave<{ a: number[] }, { a: number[] }>({
      save,
      delay: 500,
      current: () => ({ a: [1] }),
      onsaved: () => {},
      onerror: () => false,
      onstatus: () => {},
    });
    expect(editor.changed({ a: [1] })).toBe(false);
    expect(editor.changed({ a: [1, 2] })).toBe(true);
    expect(editor.changed({ a: [1, 2] })).toBe(false);
    await vi.advanceTimersByTimeAsync(500);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenLastCalledWith({ a: [1, 2] });
  });

  it('accept takes a value as saved already: no save for it, a later edit still saves', async () => {
    const save = vi.fn((v: string) => Promise.resolve(v));
    const { editor } = setup(save);
    editor.accept('keyed');
    expect(editor.changed('keyed')).toBe(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(save).not.toHaveBeenCalled();
    expect(editor.changed('keyed+edit')).toBe(true);
    await vi.advanceTimersByTimeAsync(500);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenLastCalledWith('keyed+edit');
  });

  it('a value scheduled directly counts as seen by changed', async () => {
    const save = vi.fn((v: string) => Promise.resolve(v));
    const { editor } = setup(save);
    editor.schedule('a');
    await vi.advanceTimersByTimeAsync(500);
    expect(editor.changed('a')).toBe(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('takes a merged record in as saved, and leaves a form typed in while it was read', async () => {
    const save = vi.fn((v: string) => Promise.resolve(v));
    const { editor, set } = setup(save);
    await editor.takeMerged(
      async () => 'from a colleague',
      (fresh) => {
        set(fresh);
        return fresh;
      },
    );
    // Taken, not typed: the form showing it schedules no save.
    expect(editor.changed('from a colleague')).toBe(false);
    await vi.advanceTimersByTimeAsync(1_000);
    expect(save).not.toHaveBeenCalled();

    // Typing that goes on through every reading: nothing is taken over it.
    const take = vi.fn(() => null);
    let typed = 0;
    await editor.takeMerged(async () => {
      set(`typed while reading ${++typed}`);
      return 'from a colleague again';
    }, take);
    expect(take).not.toHaveBeenCalled();
  });
});
