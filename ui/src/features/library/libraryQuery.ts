// What the library shows, as the person chose it: words, facet values, an order. It lives in
// the address ("#/best-practices?q=heat&theme=climate"), so that the practice's page can link
// back to the very same list and a restart of the view finds it again.
import type { FacetCount, Id, LibraryFacets, LibraryQuery, LibrarySort, PracticeStatus, Region } from '../../lib/api';
import { areaHref, hashParams } from '../../lib/areas';
import { ALL_REGIONS } from '../../lib/regions';

/** Practices a page of results holds; "Show more" asks for the next as many. */
export const PAGE_SIZE = 25;

/** The backend's most in one page (MAX_PAGE): a refresh of what is shown asks for no more. */
export const MAX_PAGE = 200;

export interface LibraryForm {
  text: string;
  themes: string[];
  regions: Region[];
  cities: Id[];
  statuses: PracticeStatus[];
  sort: LibrarySort;
}

export type FacetKey = 'themes' | 'regions' | 'cities' | 'statuses';

/** The facets in the order the page shows them; `param` is the facet's name in the address. */
export const FACETS: readonly { key: FacetKey; label: string; param: string }[] = [
  { key: 'themes', label: 'Theme', param: 'theme' },
  { key: 'regions', label: 'Region', param: 'region' },
  { key: 'cities', label: 'City', param: 'city' },
  { key: 'statuses', label: 'Status', param: 'status' },
];

export const SORTS: readonly { value: LibrarySort; label: string }[] = [
  { value: 'relevance', label: 'Relevance' },
  { value: 'newest', label: 'Newest' },
  { value: 'title', label: 'Title' },
  { value: 'city', label: 'City' },
];

const STATUSES: readonly PracticeStatus[] = ['draft', 'reviewed'];

export function emptyLibraryForm(): LibraryForm {
  return { text: '', themes: [], regions: [], cities: [], statuses: [], sort: 'relevance' };
}

/**
 * The form with a facet's value chosen (`on`) or not. Values of one facet are alternatives: the
 * list holds each once, in the order they were chosen.
 */
export function withValue(form: LibraryForm, facet: FacetKey, value: string, on: boolean): LibraryForm {
  const list = form[facet] as string[];
  const next = on ? (list.includes(value) ? list : [...list, value]) : list.filter((v) => v !== value);
  return { ...form, [facet]: next };
}

export function isChosen(form: LibraryForm, facet: FacetKey, value: string): boolean {
  return (form[facet] as string[]).includes(value);
}

/** True when any facet value is chosen. */
export function isFiltered(form: LibraryForm): boolean {
  return FACETS.some((f) => form[f.key].length > 0);
}

/** The query for one page of the form's results; offset 0 and limit 0 for all of them (exports). */
export function libraryQuery(form: LibraryForm, offset = 0, limit = PAGE_SIZE): LibraryQuery {
  return {
    text: form.text,
    themes: [...form.themes],
    regions: [...form.regions],
    cities: [...form.cities],
    statuses: [...form.statuses],
    sort: form.sort,
    offset,
    limit,
  };
}

/** The library's address for the form: the area alone when nothing is chosen. */
export function libraryHash(form: LibraryForm): string {
  const params = new URLSearchParams();
  if (form.text !== '') params.set('q', form.text);
  for (const f of FACETS) for (const v of form[f.key]) params.append(f.param, v);
  if (form.sort !== 'relevance') params.set('sort', form.sort);
  const query = params.toString();
  return query === '' ? areaHref('best-practices') : `${areaHref('best-practices')}?${query}`;
}

/** The form an address names; values the library does not know are left out. */
export function formFromHash(hash: string): LibraryForm {
  const params = hashParams(hash);
  const all = (param: string) => [...new Set(params.getAll(param).filter((v) => v !== ''))];
  const sort = params.get('sort');
  return {
    text: params.get('q') ?? '',
    themes: all('theme'),
    regions: all('region').filter((r): r is Region => (ALL_REGIONS as readonly string[]).includes(r)),
    cities: all('city'),
    statuses: all('status').filter((s): s is PracticeStatus => (STATUSES as readonly string[]).includes(s)),
    sort: SORTS.find((s) => s.value === sort)?.value ?? 'relevance',
  };
}

/** A facet value's name as the backend gives it; the value itself when it gave none. */
function labelOf(counts: readonly FacetCount[], value: string): string {
  return counts.find((c) => c.value === value)?.label ?? value;
}

/** The chosen filters in words: "Theme: Climate neutrality or Energy". */
export function chosenFilters(form: LibraryForm, facets: LibraryFacets | null): string[] {
  return FACETS.filter((f) => form[f.key].length > 0).map(
    (f) => `${f.label}: ${form[f.key].map((v) => labelOf(facets?.[f.key] ?? [], v)).join(' or ')}`,
  );
}

/** Why the list is empty though there are practices: the words and filters that found none. */
export function nothingMatches(form: LibraryForm, facets: LibraryFacets | null): string {
  const words = form.text.trim();
  const filters = chosenFilters(form, facets);
  const what = words === '' ? 'No practice' : `No practice matches “${words}”`;
  if (filters.length === 0) return `${what}.`;
  return `${what}${words === '' ? ' has' : ' with'} ${filters.join('; ')}.`;
}

/** "3 practices", "1 of 12 practices shown" as results come in pages. */
export function totalText(shown: number, total: number): string {
  const noun = total === 1 ? 'practice' : 'practices';
  if (shown >= total) return `${total} ${noun}`;
  return `${total} ${noun}, ${shown} shown`;
}
