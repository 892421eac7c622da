// Search everywhere (Ctrl+K): where each kind of record opens, the hits grouped by kind, and
// the arrow keys moving through them.
import type { EverywhereHit, Id, RecordKind } from '../../lib/api';
import { recordHref, type AreaKey } from '../../lib/areas';

/** Most hits the palette asks for. */
export const PALETTE_LIMIT = 20;
/** Short: the palette is for jumping, and each query is cheap. */
export const PALETTE_DELAY_MS = 120;

/** The area that shows each kind of record (a person and an organisation are the directory's). */
const AREA_OF: Record<RecordKind, AreaKey> = {
  best_practice: 'best-practices',
  meeting: 'meetings',
  city: 'cities',
  person: 'directory',
  organisation: 'directory',
  study_visit: 'study-visits',
  cooperation_plan: 'cooperation-plans',
  dissemination_plan: 'cooperation-plans',
};

/** The kind of plan a plans-area link opens ("?kind=dissemination"); a cooperation plan without. */
export const DISSEMINATION_KIND = 'dissemination';

/** The address that opens a record on its area's page. */
export function hitHref(kind: RecordKind, id: Id): string {
  const href = recordHref(AREA_OF[kind], id);
  return kind === 'dissemination_plan' ? `${href}?kind=${DISSEMINATION_KIND}` : href;
}

export interface HitGroup {
  label: string;
  /** Each hit with its place in `order` (the arrow keys' order). */
  items: { hit: EverywhereHit; index: number }[];
}

/**
 * The hits under their kind: the kinds in the order of their best hit, the hits of a kind in
 * the backend's order. `order` is every hit as shown, top to bottom.
 */
export function groupHits(hits: readonly EverywhereHit[]): { groups: HitGroup[]; order: EverywhereHit[] } {
  const byKind = new Map<RecordKind, EverywhereHit[]>();
  for (const h of hits) {
    const list = byKind.get(h.kind);
    if (list) list.push(h);
    else byKind.set(h.kind, [h]);
  }
  const groups: HitGroup[] = [];
  const order: EverywhereHit[] = [];
  for (const list of byKind.values()) {
    groups.push({
      label: list[0]?.kind_label ?? '',
      items: list.map((hit) => ({ hit, index: order.push(hit) - 1 })),
    });
  }
  return { groups, order };
}

/**
 * The hit marked after a key, -1 for none; null for a key that does not move it. The arrows
 * go round: down from the last is the first, up from none is the last.
 */
export function moveActive(active: number, count: number, key: string): number | null {
  if (key !== 'ArrowDown' && key !== 'ArrowUp') return null;
  if (count === 0) return -1;
  if (key === 'ArrowDown') return active < 0 || active >= count - 1 ? 0 : active + 1;
  return active <= 0 || active > count - 1 ? count - 1 : active - 1;
}

/** What the palette says under its box while there are no hits to show. */
export function paletteMessage(text: string, searching: boolean, hits: number, failed: string | null): string {
  if (failed !== null) return `The search could not run: ${failed}`;
  if (text.trim() === '') return 'Type to find cities, people, organisations, meetings, study visits, plans and best practices.';
  if (hits > 0) return '';
  return searching ? 'Searching…' : 'No matches';
}
