import { describe, expect, it, vi } from 'vitest';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn() }));

import { runExport } from './exports';

describe('runExport', () => {
  it('says where the file went', async () => {
    expect(await runExport('minutes', async () => ({ path: '/home/ana/Kick-off - minutes.pdf' }))).toEqual({
      ok: true,
      text: 'Saved to /home/ana/Kick-off - minutes.pdf',
    });
  });

  it('says nothing when the dialog was closed', async () => {
    expect(await runExport('minutes', async () => ({ path: null }))).toBeNull();
  });

  it("gives the shell's reason when it failed", async () => {
    const note = await runExport('calendar', async () => {
      throw { code: 'io', message: 'Permission denied', field: null, issues: [] };
    });
    expect(note).toEqual({ ok: false, text: 'The calendar could not be exported: Permission denied' });
  });

  it('reads anything thrown', async () => {
    const note = await runExport('calendar', async () => {
      throw 'boom';
    });
    expect(note).toEqual({ ok: false, text: 'The calendar could not be exported: boom' });
  });
});
