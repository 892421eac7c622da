// The words of the exchange area: what an import did, what a merged text sends.
import type { ExchangeSummary } from '../../lib/api';
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
