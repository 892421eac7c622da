import { describe, expect, it } from 'vitest';
import { NEW_RECORD_ID } from '../../lib/api';
import type { City, Organisation, Person } from '../../lib/api';
import { NO_ERRORS } from '../../lib/errors';
import {
  tabOf,
  contactChoices,
  contactNames,
  directoryNames,
  emptyOrganisationForm,
  emptyPersonForm,
  filterOrganisations,
  filterPeople,
  formToOrganisation,
  formToPerson,
  kindLabel,
  missingContacts,
  nextTab,
  membersOf,
  organisationDeleteMessage,
  organisationsListing,
  personDeleteMessage,
  ORGANISATION_KINDS,
  organisationToForm,
  personToForm,
  closeNoteText,
  withContact,
} from './directory';

const durban: City = {
  id: 'C1',
  name: 'Durban',
  local_name: null,
  country: 'ZA',
  time_zone: 'Africa/Johannesburg',
  population: null,
  languages: [],
  sample: false,
};
const malaga: City = { ...durban, id: 'C2', name: 'Málaga', country: 'ES', time_zone: 'Europe/Madrid' };

const dut: Organisation = {
  id: 'O1',
  name: 'Durban University of Technology',
  kind: 'university',
  city: 'C1',
  contacts: ['P1'],
  sample: true,
};
const ayto: Organisation = {
  id: 'O2',
  name: 'Ayuntamiento de Málaga',
  kind: 'public_agency',
  city: 'C2',
  contacts: ['P2', 'P9'],
  sample: false,
};

const nomvula: Person = {
  id: 'P1',
  name: 'Nomvula Dlamini',
  role: 'Pairing manager',
  organisation: 'O1',
  city: 'C1',
  email: 'n.dlamini@dut.ac.za',
  phone: '+27 31 311 1111',
  languages: ['English', 'isiZulu'],
  sample: true,
};
const lucia: Person = {
  id: 'P2',
  name: 'Lucía Pérez',
  role: 'Cluster manager',
  organisation: 'O2',
  city: 'C2',
  email: 'lperez@malaga.eu',
  phone: '',
  languages: ['Spanish'],
  sample: false,
};
const jun: Person = {
  id: 'P3',
  name: 'Kim Min-jun',
  role: 'Urban planner',
  organisation: null,
  city: null,
  email: '',
  phone: '',
  languages: ['Korean'],
  sample: false,
};

const people = [jun, lucia, nomvula];
const organisations = [ayto, dut];
const names = directoryNames([durban, malaga], organisations, people);

describe('organisation kinds', () => {
  it('labels all eight kinds, the EU one in full', () => {
    expect(ORGANISATION_KINDS).toHaveLength(8);
    expect(new Set(ORGANISATION_KINDS.map(kindLabel)).size).toBe(8);
    expect(kindLabel('eu_institution')).toBe('EU institution or delegation');
    expect(kindLabel('ngo')).toBe('NGO');
    expect(kindLabel('research_centre')).toBe('Research centre');
  });

  it('shows a kind it does not know as its code', () => {
    expect(kindLabel('space_agency' as never)).toBe('space_agency');
  });
});

describe('names of references', () => {
  it("lists an organisation's contacts by name, in its order", () => {
    expect(contactNames(dut, names)).toEqual(['Nomvula Dlamini']);
    expect(contactNames(ayto, names)).toEqual(['Lucía Pérez', 'Unknown person']);
  });

  it('finds contacts that are no longer in the directory', () => {
    expect(missingContacts(ayto.contacts, names)).toEqual(['P9']);
    expect(missingContacts(dut.contacts, names)).toEqual([]);
  });
});

describe('filterPeople', () => {
  const ids = (list: Person[]) => list.map((p) => p.id);

  it('keeps everyone, in order, for an empty filter', () => {
    expect(ids(filterPeople(people, '  ', names))).toEqual(['P3', 'P2', 'P1']);
  });

  it('matches name, role, organisation name and city name', () => {
    expect(ids(filterPeople(people, 'dlamini', names))).toEqual(['P1']);
    expect(ids(filterPeople(people, 'manager', names))).toEqual(['P2', 'P1']);
    expect(ids(filterPeople(people, 'ayuntamiento', names))).toEqual(['P2']);
    expect(ids(filterPeople(people, 'malaga', names))).toEqual(['P2']);
    expect(ids(filterPeople(people, 'technology durban', names))).toEqual(['P1']);
  });

  it('matches e-mail, phone and languages too', () => {
    expect(ids(filterPeople(people, 'dut.ac.za', names))).toEqual(['P1']);
    expect(ids(filterPeople(people, '311', names))).toEqual(['P1']);
    expect(ids(filterPeople(people, 'korean', names))).toEqual(['P3']);
  });

  it('finds nobody when a word matches nothing', () => {
    expect(filterPeople(people, 'pairing seoul', names)).toEqual([]);
  });
});

describe('filterOrganisations', () => {
  const ids = (list: Organisation[]) => list.map((o) => o.id);

  it('matches name, kind, city and contact names', () => {
    expect(ids(filterOrganisations(organisations, '', names))).toEqual(['O2', 'O1']);
    expect(ids(filterOrganisations(organisations, 'ayuntamiento', names))).toEqual(['O2']);
    expect(ids(filterOrganisations(organisations, 'university', names))).toEqual(['O1']);
    expect(ids(filterOrganisations(organisations, 'public agency', names))).toEqual(['O2']);
    expect(ids(filterOrganisations(organisations, 'durban', names))).toEqual(['O1']);
    expect(ids(filterOrganisations(organisations, 'lucia', names))).toEqual(['O2']);
    expect(ids(filterOrganisations(organisations, 'ngo', names))).toEqual([]);
  });
});

describe('closeNoteText', () => {
  const fieldError = { fields: { email: ['Not an e-mail address.'] }, general: [] };
  const busy = { fields: {}, general: ['The store is busy.'] };

  it('asks to add a new record, or to ask again to drop it', () => {
    expect(closeNoteText('person', 'not-added', NO_ERRORS)).toBe(
      'This person has not been added yet. Press Add (Ctrl+S) to keep them, or press Esc or choose again to drop what you typed.',
    );
    expect(closeNoteText('organisation', 'not-added', NO_ERRORS)).toMatch(/organisation has not been added.*keep it,/);
  });

  it('for unsaved changes, says what helps by the kind of error', () => {
    expect(closeNoteText('person', 'not-saved', fieldError)).toMatch(/^The last changes are not saved\. Fix the marked fields,/);
    expect(closeNoteText('organisation', 'not-saved', busy)).toMatch(/Press Ctrl\+S to try again, or press Esc or choose again/);
  });
});

describe('person form', () => {
  it('loads a person and sends it back unchanged', () => {
    const form = personToForm(nomvula);
    expect(form).toEqual({
      name: 'Nomvula Dlamini',
      role: 'Pairing manager',
      organisation: 'O1',
      city: 'C1',
      email: 'n.dlamini@dut.ac.za',
      phone: '+27 31 311 1111',
      languages: 'English, isiZulu',
    });
    expect(formToPerson(form, nomvula.id, nomvula.sample)).toEqual(nomvula);
  });

  it('shows no organisation and no city as empty choices, and sends them as null', () => {
    const form = personToForm(jun);
    expect(form.organisation).toBe('');
    expect(form.city).toBe('');
    const sent = formToPerson(form, jun.id, false);
    expect(sent.organisation).toBeNull();
    expect(sent.city).toBeNull();
  });

  it('sends a new person with a well-formed placeholder id and what was typed, unchecked', () => {
    const sent = formToPerson(
      { ...emptyPersonForm(), name: '  Thandi ', email: 'thandi at durban', languages: 'isiZulu,  English' },
      null,
      false,
    );
    expect(sent.id).toBe(NEW_RECORD_ID);
    expect(NEW_RECORD_ID).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/);
    expect(sent.name).toBe('  Thandi ');
    expect(sent.email).toBe('thandi at durban');
    expect(sent.languages).toEqual(['isiZulu', 'English']);
    expect(sent.sample).toBe(false);
  });
});

describe('organisation form', () => {
  it('loads an organisation and sends it back unchanged', () => {
    const form = organisationToForm(dut);
    expect(form).toEqual({ name: dut.name, kind: 'university', city: 'C1', contacts: ['P1'] });
    expect(formToOrganisation(form, dut.id, dut.sample)).toEqual(dut);
  });

  it('does not share the contacts list with the record it came from', () => {
    const form = organisationToForm(dut);
    form.contacts.push('P2');
    expect(dut.contacts).toEqual(['P1']);
    const sent = formToOrganisation(form, dut.id, true);
    form.contacts.pop();
    expect(sent.contacts).toEqual(['P1', 'P2']);
  });

  it('starts a new one as the first kind, no city and no contacts', () => {
    const sent = formToOrganisation(emptyOrganisationForm(), null, false);
    expect(sent).toEqual({ id: NEW_RECORD_ID, name: '', kind: 'firm', city: null, contacts: [], sample: false });
  });

  it('ticks and unticks contacts, keeping the others in order', () => {
    expect(withContact(['P1'], 'P2', true)).toEqual(['P1', 'P2']);
    expect(withContact(['P1', 'P2'], 'P1', true)).toEqual(['P2', 'P1']);
    expect(withContact(['P1', 'P2', 'P3'], 'P2', false)).toEqual(['P1', 'P3']);
    expect(withContact([], 'P2', false)).toEqual([]);
  });
});

describe('contactChoices', () => {
  const ids = (list: Person[]) => list.map((p) => p.id);

  it("offers the organisation's own people first, then everyone else in order", () => {
    expect(ids(contactChoices(people, 'O1', [], '', names))).toEqual(['P1', 'P3', 'P2']);
    expect(ids(contactChoices(people, null, [], '', names))).toEqual(['P3', 'P2', 'P1']);
  });

  it('narrows by name, role or organisation but never hides someone ticked', () => {
    expect(ids(contactChoices(people, 'O1', [], 'kim', names))).toEqual(['P3']);
    expect(ids(contactChoices(people, 'O1', [], 'ayuntamiento', names))).toEqual(['P2']);
    expect(ids(contactChoices(people, 'O1', ['P1'], 'kim', names))).toEqual(['P1', 'P3']);
  });
});

describe('nextTab', () => {
  it('moves with the arrows, wrapping round, and jumps with Home and End', () => {
    expect(nextTab('people', 'ArrowRight')).toBe('organisations');
    expect(nextTab('organisations', 'ArrowRight')).toBe('people');
    expect(nextTab('people', 'ArrowLeft')).toBe('organisations');
    expect(nextTab('organisations', 'Home')).toBe('people');
    expect(nextTab('people', 'End')).toBe('organisations');
  });

  it('leaves other keys alone', () => {
    expect(nextTab('people', 'Enter')).toBeNull();
    expect(nextTab('people', 'ArrowDown')).toBeNull();
    expect(nextTab('people', 'Tab')).toBeNull();
  });
});

describe('what a delete leaves behind', () => {
  it('finds the organisations listing a person, and the people of an organisation', () => {
    expect(organisationsListing(organisations, 'P2')).toEqual(['Ayuntamiento de Málaga']);
    expect(organisationsListing(organisations, 'P3')).toEqual([]);
    expect(membersOf(people, 'O1')).toBe(1);
    expect(membersOf(people, 'O404')).toBe(0);
  });

  it('says so before deleting a person', () => {
    expect(personDeleteMessage('Kim Min-jun', [])).toBe('Kim Min-jun will be removed from the directory.');
    expect(personDeleteMessage('Lucía Pérez', ['Ayuntamiento de Málaga'])).toMatch(
      /Ayuntamiento de Málaga lists them as a contact; there they will show as “Unknown person”/,
    );
    expect(personDeleteMessage(' ', ['A', 'B'])).toMatch(/^This person .* 2 organisations list them/);
  });

  it('says so before deleting an organisation', () => {
    expect(organisationDeleteMessage('DUT', 0)).toBe('DUT will be removed from the directory; its contacts stay.');
    expect(organisationDeleteMessage('DUT', 1)).toMatch(/1 person gives it as their organisation/);
    expect(organisationDeleteMessage('', 3)).toMatch(/^This organisation .* 3 people give it/);
  });
});

describe('a record a link names', () => {
  it('is on the tab that lists it', () => {
    const people = [{ id: 'P1' }];
    const organisations = [{ id: 'O1' }];
    expect(tabOf('P1', people, organisations)).toBe('people');
    expect(tabOf('O1', people, organisations)).toBe('organisations');
    expect(tabOf('X', people, organisations)).toBeNull();
  });
});
