// What an export that asks where to save (the shell's native dialog) ends in, for the line
// under its button.
import * as api from './api';
import type { ExportedFile } from './api';

export interface ExportNote {
  ok: boolean;
  text: string;
}

/**
 * Runs an export: "Saved to <path>", or the reason it failed. Null when the person closed
 * the dialog, which is no news to them.
 */
export async function runExport(what: string, write: () => Promise<ExportedFile>): Promise<ExportNote | null> {
  try {
    const file = await write();
    return file.path === null ? null : { ok: true, text: `Saved to ${file.path}` };
  } catch (e) {
    return { ok: false, text: `The ${what} could not be exported: ${api.toIpcError(e).message}` };
  }
}
