// Names behind references. A reference can outlive its record (the backend deletes a record
// alone), so a missing one is named for what it was, never left blank or shown as an id.
import type { Id } from './api';

export const UNKNOWN_CITY = 'Unknown city';
export const UNKNOWN_ORGANISATION = 'Unknown organisation';
export const UNKNOWN_PERSON = 'Unknown person';
export const UNKNOWN_THEME = 'Unknown theme';
/** A practice with no title yet. */
export const UNTITLED_PRACTICE = 'Untitled practice';

/** A pairing as the programme names it: "EU city – partner city". */
export function pairingLabel(euCity: string, partnerCity: string): string {
  return `${euCity} – ${partnerCity}`;
}

/** Names by id; of two records with one id, the later wins. */
export function namesById(records: readonly { id: Id; name: string }[]): Map<Id, string> {
  return new Map(records.map((r) => [r.id, r.name]));
}

/** The name behind a reference: '' for none, `unknown` when the record is not (or no longer) there. */
export function nameOf(names: ReadonlyMap<Id, string>, id: Id | null, unknown: string): string {
  if (id === null) return '';
  return names.get(id) ?? unknown;
}

/** A way to name records by id, `unknown` for one that is not there. */
export function namer(records: readonly { id: Id; name: string }[], unknown: string): (id: Id) => string {
  const names = namesById(records);
  return (id) => nameOf(names, id, unknown);
}

/**
 * True when a select's value refers to a record that is not among its options (deleted since):
 * the select then needs an option of its own for it, or it would show another choice. '' and
 * null are "none", which has its own option.
 */
export function isMissing(records: readonly { id: Id }[], id: Id | null): boolean {
  return id !== null && id !== '' && !records.some((r) => r.id === id);
}
