// The paper a printout is offered on: Canada prints on US Letter, the other regions on A4.
import type { City, Id, Paper } from './api';

export const PAPERS: readonly { value: Paper; label: string }[] = [
  { value: 'a4', label: 'A4' },
  { value: 'letter', label: 'US Letter' },
];

/** Letter when every city the document is for is in Canada; A4 otherwise (and for none). */
export function defaultPaper(cityIds: readonly Id[], cities: readonly Pick<City, 'id' | 'country'>[]): Paper {
  if (cityIds.length === 0) return 'a4';
  const all = cityIds.every((id) => cities.find((c) => c.id === id)?.country === 'CA');
  return all ? 'letter' : 'a4';
}
