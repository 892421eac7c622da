import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SaveStatus } from '../../lib/util/autosave';
import { deferred } from '../../lib/util/deferred';
import { mergedValues, RecordEditor } from './recordEditor';

interface Values {
  name: string;
}
interface Rec {
  id: string;
  name: string;
}

function setup(id: string | null, initial: Values = { name: '' }) {
  const add = vi.fn((v: Values) => Promise.resolve<Rec>({ id: 'NEW', name: v.name.trim() }));
  const save = vi.fn((v: Values, recId: string) =>
    v.name.trim() === '' ? Promise.reject(new Error('Name is required')) : Promise.resolve<Rec>({ id: recId, name: v.name }),
  );
  const statuses: SaveStatus[] = [];
  const saved: Rec[] = [];
  const errors: unknown[] = [];
  const editor = new RecordEditor<Values, Rec>(
    {
      add: (v) => add(v),
      save: (v, recId) => save(v, recId),
      delay: 500,
      onsaved: (r) => saved.push(r),
      onerror: (e) => errors.push(e),
      onstatus: (s) => statuses.push(s),
    },
    id,
    initial,
  );
  return { editor, add, save, statuses, saved, errors };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('a new record', () => {
  it('is never saved on its own while typed', async () => {
    const { editor, add, save } = setup(null);
    editor.changed({ name: 'Tha' });
    editor.changed({ name: 'Thandi' });
    await vi.advanceTimersByTimeAsync(5000);
    expect(add).not.toHaveBeenCalled();
    expect(save).not.toHaveBeenCalled();
    expect(await editor.flush()).toBe(false);
    expect(save).not.toHaveBeenCalled();
  });

  it('is added on request, and from then on saves edits on its own', async () => {
    const { editor, add, save, saved, statuses } = setup(null);
    editor.changed({ name: 'Thandi' });
    const rec = await editor.add({ name: 'Thandi' });
    expect(rec).toEqual({ id: 'NEW', name: 'Thandi' });
    expect(editor.id).toBe('NEW');
    expect(add).toHaveBeenCalledTimes(1);
    expect(statuses).toEqual(['saving', 'saved']);

    // The values just added are not sent again.
    editor.changed({ name: 'Thandi' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).not.toHaveBeenCalled();

    editor.changed({ name: 'Thandi Mokoena' });
    await vi.advanceTimersByTimeAsync(500);
    expect(save).toHaveBeenCalledWith({ name: 'Thandi Mokoena' }, 'NEW');
    expect(saved.at(-1)).toEqual({ id: 'NEW', name: 'Thandi Mokoena' });
  });

  it('is not added twice when asked again meanwhile', async () => {
    const pending = deferred<Rec>();
    const { editor, add } = setup(null);
    add.mockImplementationOnce(() => pending.promise);
    const first = editor.add({ name: 'A' });
    expect(editor.isAdding).toBe(true);
    expect(await editor.add({ name: 'A' })).toBeNull();
    pending.resolve({ id: 'NEW', name: 'A' });
    await first;
    expect(await editor.add({ name: 'A' })).toBeNull();
    expect(add).toHaveBeenCalledTimes(1);
  });

  it('saves what was typed while the add ran, once the record exists', async () => {
    const pending = deferred<Rec>();
    const { editor, add, save } = setup(null);
    add.mockImplementationOnce(() => pending.promise);
    const adding = editor.add({ name: 'Kim' });
    editor.changed({ name: 'Kim Min' });
    pending.resolve({ id: 'NEW', name: 'Kim' });
    await adding;
    // The form calls changed() again once it sees the id; the typing made meanwhile goes out.
    editor.changed({ name: 'Kim Min' });
    await vi.advanceTimersByTimeAsync(500);
    expect(save).toHaveBeenCalledWith({ name: 'Kim Min' }, 'NEW');
  });

  it('stays new when the add is refused', async () => {
    const { editor, add, errors, statuses } = setup(null);
    add.mockImplementationOnce(() => Promise.reject(new Error('Name is required')));
    expect(await editor.add({ name: '' })).toBeNull();
    expect(editor.id).toBeNull();
    expect(errors).toHaveLength(1);
    expect(statuses.at(-1)).toBe('error');
  });

  it('closes at once when nothing was typed', async () => {
    const { editor } = setup(null);
    expect(await editor.requestClose({ name: '' })).toBe('close');
  });

  it('needs a second request to close and drop typed text, unless edited again between', async () => {
    const { editor, add } = setup(null);
    editor.changed({ name: 'Thandi' });
    expect(await editor.requestClose({ name: 'Thandi' })).toBe('not-added');
    editor.changed({ name: 'Thandi M' });
    expect(await editor.requestClose({ name: 'Thandi M' })).toBe('not-added');
    expect(await editor.requestClose({ name: 'Thandi M' })).toBe('close');
    expect(add).not.toHaveBeenCalled();
  });
});

describe('an existing record', () => {
  it('saves edits after a quiet moment, not values it was loaded with', async () => {
    const { editor, save } = setup('P1', { name: 'Lucía' });
    editor.changed({ name: 'Lucía' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).not.toHaveBeenCalled();
    editor.changed({ name: 'Lucía P' });
    editor.changed({ name: 'Lucía Pérez' });
    await vi.advanceTimersByTimeAsync(499);
    expect(save).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith({ name: 'Lucía Pérez' }, 'P1');
  });

  it('does not add', async () => {
    const { editor, add } = setup('P1', { name: 'Lucía' });
    expect(await editor.add({ name: 'Lucía' })).toBeNull();
    expect(add).not.toHaveBeenCalled();
  });

  it('saves what waits when asked to close, then closes', async () => {
    const { editor, save } = setup('P1', { name: 'Lucía' });
    editor.changed({ name: 'Lucía Pérez' });
    expect(await editor.requestClose({ name: 'Lucía Pérez' })).toBe('close');
    expect(save).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('saves typing that had not reached it yet when asked to close', async () => {
    const { editor, save } = setup('P1', { name: 'Lucía' });
    expect(await editor.requestClose({ name: 'Lucía P' })).toBe('close');
    expect(save).toHaveBeenCalledWith({ name: 'Lucía P' }, 'P1');
  });

  it('stays open on a refused save, and closes when asked again', async () => {
    const { editor, errors, statuses } = setup('P1', { name: 'Lucía' });
    editor.changed({ name: ' ' });
    expect(await editor.requestClose({ name: ' ' })).toBe('not-saved');
    expect(errors).toHaveLength(1);
    expect(statuses.at(-1)).toBe('error');
    expect(await editor.requestClose({ name: ' ' })).toBe('close');
  });

  it('an edit after a refused close asks again before closing', async () => {
    const { editor } = setup('P1', { name: 'Lucía' });
    editor.changed({ name: ' ' });
    expect(await editor.requestClose({ name: ' ' })).toBe('not-saved');
    expect(await editor.requestClose({ name: '  ' })).toBe('not-saved');
    expect(await editor.requestClose({ name: 'Lucía' })).toBe('close');
  });

  it('sends the same values again when asked after a failed save', async () => {
    const { editor, save, saved, statuses } = setup('P1', { name: 'Lucía' });
    // A failure that is not the values' fault (the store was busy).
    save.mockImplementationOnce(() => Promise.reject(new Error('database is locked')));
    editor.changed({ name: 'Lucía Pérez' });
    await vi.advanceTimersByTimeAsync(600);
    expect(save).toHaveBeenCalledTimes(1);
    expect(statuses.at(-1)).toBe('error');

    // Ctrl+S: the form hands over what it shows, unchanged, and asks for a save now.
    editor.changed({ name: 'Lucía Pérez' });
    expect(await editor.flush()).toBe(true);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith({ name: 'Lucía Pérez' }, 'P1');
    expect(saved.at(-1)).toEqual({ id: 'P1', name: 'Lucía Pérez' });
    expect(statuses.at(-1)).toBe('saved');

    // Once saved, the same values are not sent a third time.
    editor.changed({ name: 'Lucía Pérez' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('tries a failed save again when asked to close, and closes once it goes through', async () => {
    const { editor, save } = setup('P1', { name: 'Lucía' });
    save.mockImplementationOnce(() => Promise.reject(new Error('database is locked')));
    editor.changed({ name: 'Lucía Pérez' });
    await vi.advanceTimersByTimeAsync(600);
    expect(await editor.requestClose({ name: 'Lucía Pérez' })).toBe('close');
    expect(save).toHaveBeenCalledTimes(2);
  });

  it('keeps the values typed during a failing save waiting, and does not resend the failed ones', async () => {
    const pending = deferred<Rec>();
    const { editor, save } = setup('P1', { name: 'Lucía' });
    save.mockImplementationOnce(() => pending.promise);
    editor.changed({ name: 'Lucía P' });
    await vi.advanceTimersByTimeAsync(600);
    editor.changed({ name: 'Lucía Pérez' });
    pending.reject(new Error('database is locked'));
    await vi.advanceTimersByTimeAsync(600);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith({ name: 'Lucía Pérez' }, 'P1');
    editor.changed({ name: 'Lucía Pérez' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(2);
  });
});

describe('a record merged from elsewhere', () => {
  const valuesOf = (r: Rec): Values => ({ name: r.name });

  it('takes the new values', () => {
    expect(mergedValues({ id: 'R1', name: 'Ana Silva' }, { id: 'R1', name: 'Ana' }, { name: 'Ana' }, valuesOf)).toEqual({ name: 'Ana Silva' });
  });

  it('is nothing when the record is as this form last saved it, tidied', () => {
    expect(mergedValues({ id: 'R1', name: 'Ana' }, { id: 'R1', name: 'Ana' }, { name: 'Ana ' }, valuesOf)).toBeNull();
  });

  it('is nothing when the form shows the values already', () => {
    expect(mergedValues({ id: 'R1', name: 'Ana' }, null, { name: 'Ana' }, valuesOf)).toBeNull();
  });

  it('saves nothing for values accepted, and an edit after them as usual', async () => {
    const { editor, save } = setup('R1', { name: 'Ana' });
    editor.accept({ name: 'Ana Silva' });
    editor.changed({ name: 'Ana Silva' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).not.toHaveBeenCalled();
    editor.changed({ name: 'Ana Silva!' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(1);
  });
});
