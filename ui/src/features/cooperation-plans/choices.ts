// A select needs one string a choice; leads and partners are a kind and an id.
import type { Id, Lead, Party } from '../../lib/api';

/** "city:<id>", "organisation:<id>", or '' for no lead. */
export function leadValue(lead: Lead | null): string {
  return lead === null ? '' : `${lead.kind}:${lead.id}`;
}

/** The select's value back as a lead; anything unreadable is no lead. */
export function leadFrom(value: string): Lead | null {
  const m = /^(city|organisation):(.+)$/.exec(value);
  if (!m) return null;
  return m[1] === 'city' ? { kind: 'city', id: m[2] as Id } : { kind: 'organisation', id: m[2] as Id };
}

/** "person:<id>" or "organisation:<id>". */
export function partyValue(party: Party): string {
  return `${party.kind}:${party.id}`;
}

export function partyFrom(value: string): Party | null {
  const m = /^(person|organisation):(.+)$/.exec(value);
  if (!m) return null;
  return m[1] === 'person' ? { kind: 'person', id: m[2] as Id } : { kind: 'organisation', id: m[2] as Id };
}

/** Names behind a plan's references ("Unknown …" for one deleted since). */
export interface PlanNames {
  city: (id: Id) => string;
  organisation: (id: Id) => string;
  person: (id: Id) => string;
  practice: (id: Id) => string;
}

/** A lead in words. */
export function leadName(lead: Lead | null, names: PlanNames): string {
  if (lead === null) return '';
  return lead.kind === 'city' ? names.city(lead.id) : names.organisation(lead.id);
}

/** A partner in words. */
export function partyName(party: Party, names: PlanNames): string {
  return party.kind === 'person' ? names.person(party.id) : names.organisation(party.id);
}
