import { NEW_RECORD_ID } from '../../lib/api';
import type { City, Id, Organisation, OrganisationKind, Person } from '../../lib/api';
import { hasFieldErrors, type FormErrors } from '../../lib/errors';
import type { FieldAria } from '../../lib/forms';
import { plural } from '../../lib/format';
import { nameOf, namesById, UNKNOWN_ORGANISATION, UNKNOWN_PERSON } from '../../lib/names';
import { joinList, matchesAll, queryWords, splitList } from '../../lib/text';
import type { CloseAnswer } from './recordEditor';

/** The kinds in the order the programme lists them. */
export const ORGANISATION_KINDS: readonly OrganisationKind[] = [
  'firm',
  'public_agency',
  'private_agency',
  'university',
  'research_centre',
  'ngo',
  'national_authority',
  'eu_institution',
];

const KIND_LABELS: Record<OrganisationKind, string> = {
  firm: 'Firm',
  public_agency: 'Public agency',
  private_agency: 'Private agency',
  university: 'University',
  research_centre: 'Research centre',
  ngo: 'NGO',
  national_authority: 'National authority',
  eu_institution: 'EU institution or delegation',
};

export function kindLabel(kind: OrganisationKind): string {
  // A kind added in Rust before this list is updated still shows, as its code.
  return KIND_LABELS[kind] ?? kind;
}

/** Names of the records the directory refers to, by id. */
export interface DirectoryNames {
  cities: Map<Id, string>;
  organisations: Map<Id, string>;
  people: Map<Id, string>;
}

export function directoryNames(
  cities: readonly City[],
  organisations: readonly Organisation[],
  people: readonly Person[],
): DirectoryNames {
  return {
    cities: namesById(cities),
    organisations: namesById(organisations),
    people: namesById(people),
  };
}

/** What each tab of the Directory is given. */
export interface DirectoryTabProps {
  people: Person[];
  organisations: Organisation[];
  cities: City[];
  names: DirectoryNames;
  /** A record was added, saved or deleted on the tab: the lists should be read again. */
  onchanged: () => void;
  /** A record a link asked to open (see RecordJump). */
  jump?: RecordJump | null;
}

/**
 * A request to open one record ("#/directory/<id>", from Ctrl+K). `n` tells two requests for
 * the same record apart: the second opens it again after its form was closed.
 */
export interface RecordJump {
  id: Id;
  n: number;
}

/** The tab that lists the record `id`; null when neither does (not loaded, or deleted). */
export function tabOf(id: Id, people: readonly { id: Id }[], organisations: readonly { id: Id }[]): DirectoryTab | null {
  if (people.some((p) => p.id === id)) return 'people';
  if (organisations.some((o) => o.id === id)) return 'organisations';
  return null;
}

/** People whose name, role, organisation, city, e-mail, phone or languages hold every word. */
export function filterPeople(people: readonly Person[], query: string, names: DirectoryNames): Person[] {
  const words = queryWords(query);
  if (words.length === 0) return [...people];
  return people.filter((p) =>
    matchesAll(
      [
        p.name,
        p.role,
        nameOf(names.organisations, p.organisation, ''),
        nameOf(names.cities, p.city, ''),
        p.email,
        p.phone,
        ...p.languages,
      ],
      words,
    ),
  );
}

/** The names of an organisation's contacts, in the organisation's order. */
export function contactNames(org: Organisation, names: DirectoryNames): string[] {
  return org.contacts.map((id) => nameOf(names.people, id, UNKNOWN_PERSON));
}

/** Organisations whose name, kind, city or contacts' names hold every word. */
export function filterOrganisations(
  organisations: readonly Organisation[],
  query: string,
  names: DirectoryNames,
): Organisation[] {
  const words = queryWords(query);
  if (words.length === 0) return [...organisations];
  return organisations.filter((o) =>
    matchesAll([o.name, kindLabel(o.kind), nameOf(names.cities, o.city, ''), ...contactNames(o, names)], words),
  );
}

/** The kind of record a directory form or list is about, as its ids and test ids spell it. */
export type RecordKind = 'person' | 'organisation';

/** What every directory record has, for the list and the form that show it. */
export interface DirectoryRecord {
  id: Id;
  name: string;
  sample: boolean;
}

/**
 * Given by a list to the form it shows: the form hands back a way to ask it to close (true once
 * closed, false when it stays with a note saying why). Returns the way to take it back.
 */
export type LeaveGuard = (ask: () => Promise<boolean>) => () => void;

/** What a form shell hands to the fields it frames. */
export interface FieldsContext<F extends string> extends FieldAria<F> {
  /** The record's id; null until it has been added. */
  id: Id | null;
}

/** What a list hands to the form it opens. */
export interface OpenedForm<R> {
  /** The record to edit, or null for a new one. */
  record: R | null;
  onclose: () => void;
  onsaved: (record: R) => void;
  ondeleted: () => void;
  guard: LeaveGuard;
}

/** The pronoun for a record of the kind: "keep them", "keep it". */
function pronoun(kind: RecordKind): string {
  return kind === 'person' ? 'them' : 'it';
}

/**
 * Why a form did not close when asked (Esc, or choosing another record or "New"), and how to
 * go on. Asking again with no edit between closes and drops the typing.
 */
export function closeNoteText(kind: RecordKind, answer: Exclude<CloseAnswer, 'close'>, errors: FormErrors): string {
  const again = 'press Esc or choose again';
  if (answer === 'not-added') {
    return `This ${kind} has not been added yet. Press Add (Ctrl+S) to keep ${pronoun(kind)}, or ${again} to drop what you typed.`;
  }
  const fix = hasFieldErrors(errors) ? 'Fix the marked fields' : 'Press Ctrl+S to try again';
  return `The last changes are not saved. ${fix}, or ${again} to close and drop them.`;
}

// ---- The person form ----

/** What the person form holds: text as typed; '' for "no organisation" / "no city". */
export interface PersonFormValues {
  name: string;
  role: string;
  organisation: string;
  city: string;
  email: string;
  phone: string;
  languages: string;
}

/** The fields of the form, by the names the backend uses in `Issue.field`. */
export const PERSON_FIELDS = ['name', 'role', 'organisation', 'city', 'email', 'phone', 'languages'] as const;
export type PersonField = (typeof PERSON_FIELDS)[number];

export const PERSON_INPUT_IDS: Record<PersonField, string> = {
  name: 'person-name',
  role: 'person-role',
  organisation: 'person-organisation',
  city: 'person-city',
  email: 'person-email',
  phone: 'person-phone',
  languages: 'person-languages',
};

export function emptyPersonForm(): PersonFormValues {
  return { name: '', role: '', organisation: '', city: '', email: '', phone: '', languages: '' };
}

export function personToForm(p: Person): PersonFormValues {
  return {
    name: p.name,
    role: p.role,
    organisation: p.organisation ?? '',
    city: p.city ?? '',
    email: p.email,
    phone: p.phone,
    languages: joinList(p.languages),
  };
}

/** The person to send: what was typed, unchecked. `id` null for one not added yet. */
export function formToPerson(form: PersonFormValues, id: Id | null, sample: boolean): Person {
  return {
    id: id ?? NEW_RECORD_ID,
    name: form.name,
    role: form.role,
    organisation: form.organisation === '' ? null : form.organisation,
    city: form.city === '' ? null : form.city,
    email: form.email,
    phone: form.phone,
    languages: splitList(form.languages),
    sample,
  };
}

// ---- The organisation form ----

export interface OrganisationFormValues {
  name: string;
  kind: OrganisationKind;
  /** '' for no city. */
  city: string;
  contacts: Id[];
}

export const ORGANISATION_FIELDS = ['name', 'kind', 'city', 'contacts'] as const;
export type OrganisationField = (typeof ORGANISATION_FIELDS)[number];

export const ORGANISATION_INPUT_IDS: Record<OrganisationField, string> = {
  name: 'organisation-name',
  kind: 'organisation-kind',
  city: 'organisation-city',
  contacts: 'organisation-contacts',
};

export function emptyOrganisationForm(): OrganisationFormValues {
  return { name: '', kind: ORGANISATION_KINDS[0] as OrganisationKind, city: '', contacts: [] };
}

export function organisationToForm(o: Organisation): OrganisationFormValues {
  return { name: o.name, kind: o.kind, city: o.city ?? '', contacts: [...o.contacts] };
}

export function formToOrganisation(form: OrganisationFormValues, id: Id | null, sample: boolean): Organisation {
  return {
    id: id ?? NEW_RECORD_ID,
    name: form.name,
    kind: form.kind,
    city: form.city === '' ? null : form.city,
    contacts: [...form.contacts],
    sample,
  };
}

/** The contacts with `id` ticked (added at the end) or unticked; the others keep their order. */
export function withContact(contacts: readonly Id[], id: Id, on: boolean): Id[] {
  const rest = contacts.filter((c) => c !== id);
  return on ? [...rest, id] : rest;
}

/**
 * The people offered as contacts: those of the organisation itself first, then everyone else,
 * each group in the directory's order, narrowed by the filter. Ticked people stay listed
 * whatever the filter, so a filter never hides a choice already made.
 */
export function contactChoices(
  people: readonly Person[],
  organisationId: Id | null,
  chosen: readonly Id[],
  query: string,
  names: DirectoryNames,
): Person[] {
  const words = queryWords(query);
  const shown = people.filter(
    (p) =>
      chosen.includes(p.id) ||
      matchesAll([p.name, p.role, nameOf(names.organisations, p.organisation, '')], words),
  );
  const own = organisationId === null ? [] : shown.filter((p) => p.organisation === organisationId);
  return [...own, ...shown.filter((p) => organisationId === null || p.organisation !== organisationId)];
}

/** Contacts that are not (or no longer) in the directory, so they can still be unticked. */
export function missingContacts(contacts: readonly Id[], names: DirectoryNames): Id[] {
  return contacts.filter((id) => !names.people.has(id));
}

// ---- The tabs ----

export const TABS = ['people', 'organisations'] as const;
export type DirectoryTab = (typeof TABS)[number];

/** The tab a key moves to from `current` (arrows wrap round, Home/End), or null for other keys. */
export function nextTab(current: DirectoryTab, key: string): DirectoryTab | null {
  const i = TABS.indexOf(current);
  const n = TABS.length;
  switch (key) {
    case 'ArrowRight':
      return TABS[(i + 1) % n] as DirectoryTab;
    case 'ArrowLeft':
      return TABS[(i - 1 + n) % n] as DirectoryTab;
    case 'Home':
      return TABS[0];
    case 'End':
      return TABS[n - 1] as DirectoryTab;
    default:
      return null;
  }
}

// ---- What a delete leaves behind ----
// The backend deletes a record alone; references to it elsewhere stay, and show as unknown.

/** The names of the organisations that list the person as a contact. */
export function organisationsListing(organisations: readonly Organisation[], personId: Id): string[] {
  return organisations.filter((o) => o.contacts.includes(personId)).map((o) => o.name);
}

/** How many people give the organisation as theirs. */
export function membersOf(people: readonly Person[], organisationId: Id): number {
  return people.filter((p) => p.organisation === organisationId).length;
}

/** The confirmation text for deleting a person. */
export function personDeleteMessage(name: string, listedBy: readonly string[]): string {
  const who = name.trim() || 'This person';
  if (listedBy.length === 0) return `${who} will be removed from the directory.`;
  const orgs = listedBy.length === 1 ? listedBy[0] : `${listedBy.length} organisations`;
  return `${who} will be removed from the directory. ${orgs} list${listedBy.length === 1 ? 's' : ''} them as a contact; there they will show as “${UNKNOWN_PERSON}” until unticked.`;
}

/** The confirmation text for deleting an organisation. */
export function organisationDeleteMessage(name: string, members: number): string {
  const what = name.trim() || 'This organisation';
  const base = `${what} will be removed from the directory; its contacts stay.`;
  if (members === 0) return base;
  const who = plural(members, 'person gives', 'people give');
  return `${base} ${who} it as their organisation; it will show as “${UNKNOWN_ORGANISATION}” until another is chosen.`;
}
