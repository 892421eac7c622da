import { describe, expect, it } from 'vitest';
import type { LibraryFacets } from '../../lib/api';
import {
  chosenFilters,
  emptyLibraryForm,
  formFromHash,
  isChosen,
  isFiltered,
  libraryHash,
  libraryQuery,
  nothingMatches,
  PAGE_SIZE,
  totalText,
  withValue,
  type LibraryForm,
} from './libraryQuery';

const form = (over: Partial<LibraryForm> = {}): LibraryForm => ({ ...emptyLibraryForm(), ...over });

const facets: LibraryFacets = {
  themes: [
    { value: 'climate', label: 'Climate neutrality', count: 3 },
    { value: 'energy', label: 'Energy transition', count: 1 },
  ],
  regions: [{ value: 'eu', label: 'EU', count: 4 }],
  statuses: [
    { value: 'draft', label: 'Draft', count: 3 },
    { value: 'reviewed', label: 'Reviewed', count: 1 },
  ],
  cities: [{ value: 'C1', label: 'Porto', count: 2 }],
};

describe('facet values', () => {
  it('values of one facet are alternatives, each once, in the order chosen', () => {
    let f = withValue(form(), 'themes', 'energy', true);
    f = withValue(f, 'themes', 'climate', true);
    f = withValue(f, 'themes', 'energy', true);
    expect(f.themes).toEqual(['energy', 'climate']);
    expect(isChosen(f, 'themes', 'climate')).toBe(true);
    f = withValue(f, 'themes', 'energy', false);
    expect(f.themes).toEqual(['climate']);
    expect(isChosen(f, 'themes', 'energy')).toBe(false);
  });

  it('choosing in one facet leaves the others and the form it came from alone', () => {
    const before = form({ statuses: ['draft'] });
    const after = withValue(before, 'cities', 'C1', true);
    expect(after).toEqual({ ...before, cities: ['C1'] });
    expect(before.cities).toEqual([]);
    expect(isFiltered(before)).toBe(true);
    expect(isFiltered(form({ text: 'heat', sort: 'title' }))).toBe(false);
  });

  it('builds a page of the query, or all of it for an export', () => {
    const f = form({ text: 'heat pumps', themes: ['climate'], regions: ['eu'], cities: ['C1'], statuses: ['reviewed'], sort: 'city' });
    expect(libraryQuery(f)).toEqual({
      text: 'heat pumps',
      themes: ['climate'],
      regions: ['eu'],
      cities: ['C1'],
      statuses: ['reviewed'],
      sort: 'city',
      offset: 0,
      limit: PAGE_SIZE,
    });
    expect(libraryQuery(f, 25, 25)).toMatchObject({ offset: 25, limit: 25 });
    expect(libraryQuery(f, 0, 0)).toMatchObject({ offset: 0, limit: 0 });
    // A copy: changing the form afterwards cannot change the query on its way.
    expect(libraryQuery(f).themes).not.toBe(f.themes);
  });
});

describe('the address', () => {
  it('an empty form is the area alone', () => {
    expect(libraryHash(emptyLibraryForm())).toBe('#/best-practices');
  });

  it('reads back the form it wrote, whatever the words', () => {
    const f = form({ text: '"heat & pumps?" 광주 #1 /x', themes: ['climate', 'energy'], regions: ['asia'], cities: ['C1'], statuses: ['draft'], sort: 'newest' });
    const hash = libraryHash(f);
    expect(hash.startsWith('#/best-practices?')).toBe(true);
    expect(formFromHash(hash)).toEqual(f);
  });

  it('leaves out what the library does not know', () => {
    expect(formFromHash('#/best-practices?region=mars&status=lost&sort=random&theme=&theme=climate&theme=climate')).toEqual(
      form({ themes: ['climate'] }),
    );
  });
});

describe('what the list says', () => {
  it('names the chosen filters by their labels', () => {
    expect(chosenFilters(form({ themes: ['climate', 'energy'], statuses: ['draft'] }), facets)).toEqual([
      'Theme: Climate neutrality or Energy transition',
      'Status: Draft',
    ]);
    expect(chosenFilters(form({ cities: ['C9'] }), facets)).toEqual(['City: C9']);
  });

  it('says which words and filters found nothing', () => {
    expect(nothingMatches(form({ text: ' heat pumps ' }), facets)).toBe('No practice matches “heat pumps”.');
    expect(nothingMatches(form({ text: 'heat', statuses: ['reviewed'] }), facets)).toBe('No practice matches “heat” with Status: Reviewed.');
    expect(nothingMatches(form({ regions: ['eu'], themes: ['energy'] }), facets)).toBe('No practice has Theme: Energy transition; Region: EU.');
  });

  it('counts the practices, and how many are shown when there are more', () => {
    expect(totalText(1, 1)).toBe('1 practice');
    expect(totalText(3, 3)).toBe('3 practices');
    expect(totalText(25, 60)).toBe('60 practices, 25 shown');
  });
});
