/** Every area of the programme, in the order of the navigation. */
export interface Area {
  key: AreaKey;
  label: string;
  /** For areas not built yet: what the page will hold. */
  plannedContent?: string;
}

export type AreaKey =
  | 'dashboard'
  | 'cities'
  | 'directory'
  | 'selection'
  | 'clusters'
  | 'pairings'
  | 'meetings'
  | 'best-practices'
  | 'study-visits'
  | 'cooperation-plans'
  | 'exchange';

export const AREAS: readonly Area[] = [
  { key: 'dashboard', label: 'Dashboard' },
  { key: 'cities', label: 'Cities' },
  { key: 'directory', label: 'Directory' },
  { key: 'selection', label: 'Selection' },
  { key: 'clusters', label: 'Clusters' },
  { key: 'pairings', label: 'Pairings' },
  { key: 'meetings', label: 'Meetings' },
  { key: 'best-practices', label: 'Best practices' },
  { key: 'study-visits', label: 'Study visits' },
  { key: 'cooperation-plans', label: 'Cooperation plans' },
  { key: 'exchange', label: 'Exchange' },
];

export const DEFAULT_AREA: AreaKey = 'dashboard';

export function areaHref(key: AreaKey): string {
  return `#/${key}`;
}

/** A link to one record of an area ("#/meetings/01H…"), for the area to open it. */
export function recordHref(key: AreaKey, id: string): string {
  return `${areaHref(key)}/${encodeURIComponent(id)}`;
}

/** The record a location hash names inside `key`'s area; null when it names none. */
export function recordFromHash(hash: string, key: AreaKey): string | null {
  const [area, id] = hash.replace(/^#\/?/, '').split(/[?]/)[0]?.split('/') ?? [];
  if (area !== key || id === undefined || id === '') return null;
  try {
    return decodeURIComponent(id);
  } catch {
    return null;
  }
}

/** What a location hash says after its "?" ("#/best-practices?q=heat"), as parameters. */
export function hashParams(hash: string): URLSearchParams {
  const at = hash.indexOf('?');
  return new URLSearchParams(at === -1 ? '' : hash.slice(at + 1));
}

/** The area a location hash ("#/cities") points to; the dashboard for anything else. */
export function areaFromHash(hash: string): AreaKey {
  const key = hash.replace(/^#\/?/, '').split(/[/?]/)[0] ?? '';
  return AREAS.some((a) => a.key === key) ? (key as AreaKey) : DEFAULT_AREA;
}

export function findArea(key: AreaKey): Area {
  return AREAS.find((a) => a.key === key) ?? (AREAS[0] as Area);
}
