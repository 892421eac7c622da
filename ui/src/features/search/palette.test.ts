import { describe, expect, it } from 'vitest';
import type { EverywhereHit, RecordKind } from '../../lib/api';
import { areaFromHash, hashParams, recordFromHash } from '../../lib/areas';
import { groupHits, hitHref, moveActive, paletteMessage } from './palette';

const ID = '01HZX3K7Q9W2E4R6T8Y0U1I3O5';

function hit(kind: RecordKind, id: string, label: string): EverywhereHit {
  return { kind, kind_label: label, id, name: { text: id, ranges: [], before: false, after: false }, detail: '' };
}

describe('where a hit opens', () => {
  it('each kind opens its record on its own area', () => {
    const expected: [RecordKind, string][] = [
      ['best_practice', 'best-practices'],
      ['meeting', 'meetings'],
      ['city', 'cities'],
      ['person', 'directory'],
      ['organisation', 'directory'],
      ['study_visit', 'study-visits'],
      ['cooperation_plan', 'cooperation-plans'],
      ['dissemination_plan', 'cooperation-plans'],
    ];
    for (const [kind, area] of expected) {
      const href = hitHref(kind, ID);
      expect(areaFromHash(href), kind).toBe(area);
      expect(recordFromHash(href, area as never), kind).toBe(ID);
    }
  });

  it('a dissemination plan says which kind of plan it is; a cooperation plan does not', () => {
    expect(hashParams(hitHref('dissemination_plan', ID)).get('kind')).toBe('dissemination');
    expect(hashParams(hitHref('cooperation_plan', ID)).get('kind')).toBeNull();
    expect(hitHref('meeting', ID)).toBe(`#/meetings/${ID}`);
  });
});

describe('the hits by kind', () => {
  it('groups by kind in the order of each kind’s best hit, and numbers them as shown', () => {
    const hits = [hit('city', 'C1', 'City'), hit('person', 'P1', 'Person'), hit('city', 'C2', 'City'), hit('best_practice', 'B1', 'Best practice')];
    const { groups, order } = groupHits(hits);
    expect(groups.map((g) => g.label)).toEqual(['City', 'Person', 'Best practice']);
    expect(groups[0]!.items.map((i) => [i.hit.id, i.index])).toEqual([
      ['C1', 0],
      ['C2', 1],
    ]);
    expect(order.map((h) => h.id)).toEqual(['C1', 'C2', 'P1', 'B1']);
    expect(groups[1]!.items[0]!.index).toBe(2);
  });

  it('no hits, no groups', () => {
    expect(groupHits([])).toEqual({ groups: [], order: [] });
  });
});

describe('the arrow keys', () => {
  it('move down and up, going round', () => {
    expect(moveActive(-1, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(0, 3, 'ArrowDown')).toBe(1);
    expect(moveActive(2, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(1, 3, 'ArrowUp')).toBe(0);
    expect(moveActive(0, 3, 'ArrowUp')).toBe(2);
    expect(moveActive(-1, 3, 'ArrowUp')).toBe(2);
  });

  it('with fewer hits than before, a mark past the end comes back in range', () => {
    expect(moveActive(7, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(7, 3, 'ArrowUp')).toBe(2);
  });

  it('mark nothing without hits, and leave other keys to the box', () => {
    expect(moveActive(0, 0, 'ArrowDown')).toBe(-1);
    expect(moveActive(1, 3, 'Enter')).toBeNull();
    expect(moveActive(1, 3, 'Home')).toBeNull();
  });
});

describe('what the palette says', () => {
  it('a hint before typing, "No matches" for nothing found, the reason of a failure', () => {
    expect(paletteMessage('', false, 0, null)).toMatch(/^Type to find/);
    expect(paletteMessage('"""', false, 0, null)).toBe('No matches');
    expect(paletteMessage('x'.repeat(10_000), true, 0, null)).toBe('Searching…');
    expect(paletteMessage('porto', false, 2, null)).toBe('');
    expect(paletteMessage('porto', false, 0, 'The store is busy.')).toBe('The search could not run: The store is busy.');
  });
});
