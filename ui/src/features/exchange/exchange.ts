// The words of the exchange area: what an import did, what a merged text sends.
import type { ExchangeSummary, SyncReport } from '../../lib/api';
import { plural } from '../../lib/format';

/** "From Ana Silva: 3 new records, 2 changed, 1 in conflict." */
export function summarySentence(s: ExchangeSummary): string {
  // A file from a desk that gave no name still came from somewhere the person can recognise.
  const from = s.from_person.trim() || s.from_device.trim() || 'a colleague';
  if (s.new_operations === 0) return `From ${from}: this desktop already had all of these changes.`;
  const parts: string[] = [];
  if (s.new_records > 0) parts.push(plural(s.new_records, 'new record'));
  if (s.changed_records > 0) parts.push(`${s.changed_records} changed`);
  if (s.conflicted_records > 0) parts.push(`${s.conflicted_records} in conflict`);
  return parts.length === 0 ? `From ${from}: nothing to change.` : `From ${from}: ${parts.join(', ')}.`;
}

/** What settling a conflict with a merged text sends: the text as a stored (JSON) value. */
export function mergedJson(text: string): string {
  return JSON.stringify(text);
}

const NAME_KEY = 'icp-desk.exchange.person';

/** The name exchange files were last signed with on this desktop; '' when none. */
export function rememberedName(storage: Pick<Storage, 'getItem'> | undefined = globalThis.localStorage): string {
  try {
    return storage?.getItem(NAME_KEY) ?? '';
  } catch {
    return '';
  }
}

export function rememberName(name: string, storage: Pick<Storage, 'setItem'> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(NAME_KEY, name);
  } catch {
    // A web view that keeps nothing only means typing the name again next time.
  }
}

/** What a pass over the sync folder brought in: "2 files merged: 3 new records, 1 in conflict." */
export function receivedSentence(r: SyncReport): string {
  const parts: string[] = [];
  if (r.new_records > 0) parts.push(plural(r.new_records, 'new record'));
  if (r.changed_records > 0) parts.push(`${r.changed_records} changed`);
  if (r.conflicted_records > 0) parts.push(`${r.conflicted_records} in conflict`);
  const files = `${plural(r.merged_files, 'file')} merged`;
  return parts.length === 0 ? `${files}: nothing new.` : `${files}: ${parts.join(', ')}.`;
}

/** "14:05:09" on this computer's clock: the passes come seconds apart. */
export function clockTime(ms: number): string {
  return new Date(ms).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });
}

/** The sync folder's name without its path, for the narrow sidebar. */
export function folderName(path: string): string {
  const parts = path.split(/[\\/]/).filter((p) => p !== '');
  return parts.at(-1) ?? path;
}
