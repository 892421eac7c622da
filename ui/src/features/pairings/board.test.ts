import { describe, expect, it } from 'vitest';
import type { City, IpcError, Pairing, PairingBoard, ProposedPair } from '../../lib/api';
import {
  acceptErrors,
  acceptedKeys,
  cellState,
  cityNamer,
  classifyProposals,
  compatibilityOf,
  describeCell,
  formatPoints,
  lockMessage,
  pairsToAccept,
  sortPairings,
} from './board';
import { pairKey } from './constraints';

const pairing = (id: string, eu: string, partner: string): Pairing => ({
  id,
  eu_city: eu,
  partner_city: partner,
  manager: null,
  score: 10,
  sample: false,
});
const proposed = (eu: string, partner: string, locked = false, score = 5): ProposedPair => ({ eu, partner, score, locked });
const names: Record<string, string> = { a: 'Aarhus', b: 'Bilbao', x: 'Halifax', y: 'Gwangju' };
const name = (id: string) => names[id] ?? 'Unknown city';

describe('proposals', () => {
  const accepted = [pairing('p1', 'a', 'x')];
  const pairs = [proposed('a', 'x', true), proposed('b', 'y', true), proposed('c', 'z')];

  it('tells accepted, coordinator-locked and new proposals apart', () => {
    expect(classifyProposals(pairs, accepted).map((p) => p.status)).toEqual(['accepted', 'locked', 'new']);
  });

  it('"Accept all" sends every proposal not stored yet', () => {
    expect(pairsToAccept(classifyProposals(pairs, accepted))).toEqual([
      ['b', 'y'],
      ['c', 'z'],
    ]);
    expect(pairsToAccept(classifyProposals([proposed('a', 'x', true)], accepted))).toEqual([]);
  });
});

describe('cells', () => {
  it('combines stored, proposed and the constraints', () => {
    const acc = acceptedKeys([pairing('p1', 'a', 'x')]);
    const prop = new Set([pairKey('a', 'x'), pairKey('b', 'y')]);
    const constraints = { locked: [['b', 'y']] as [string, string][], forbidden: [['b', 'x']] as [string, string][] };
    expect(cellState('a', 'x', constraints, acc, prop)).toEqual({ accepted: true, locked: false, forbidden: false, proposed: true });
    expect(cellState('b', 'y', constraints, acc, prop)).toEqual({ accepted: false, locked: true, forbidden: false, proposed: true });
    expect(cellState('b', 'x', constraints, acc, prop)).toEqual({ accepted: false, locked: false, forbidden: true, proposed: false });
  });

  it('says the state in words, accepted before proposed', () => {
    expect(describeCell({ accepted: true, locked: false, forbidden: false, proposed: true })).toEqual(['accepted']);
    expect(describeCell({ accepted: false, locked: true, forbidden: false, proposed: true })).toEqual(['proposed', 'locked']);
    expect(describeCell({ accepted: false, locked: false, forbidden: true, proposed: false })).toEqual(['forbidden']);
    expect(describeCell({ accepted: false, locked: false, forbidden: false, proposed: false })).toEqual([]);
  });
});

describe('what locking says', () => {
  const n: Record<string, string> = { ath: 'Athens', ber: 'Berlin', inc: 'Incheon', gwa: 'Gwangju', hal: 'Halifax' };
  const nm = (id: string) => n[id] ?? 'Unknown city';

  it('just the pair when no other lock goes', () => {
    expect(lockMessage('ath', 'inc', [], nm)).toBe('Athens locked with Incheon.');
  });

  it("names the EU city's lock it drops", () => {
    expect(lockMessage('ath', 'inc', [['ath', 'gwa']], nm)).toBe(
      'Athens locked with Incheon (its lock with Gwangju is removed).',
    );
  });

  it("names the partner's lock it drops", () => {
    expect(lockMessage('ath', 'inc', [['ber', 'inc']], nm)).toBe(
      "Athens locked with Incheon (Incheon's lock with Berlin is removed).",
    );
  });

  it('names both when both cities had a lock', () => {
    expect(
      lockMessage(
        'ath',
        'inc',
        [
          ['ath', 'gwa'],
          ['ber', 'inc'],
        ],
        nm,
      ),
    ).toBe("Athens locked with Incheon (its lock with Gwangju and Incheon's lock with Berlin are removed).");
  });
});

describe('errors of an accept', () => {
  const sent: [string, string][] = [
    ['a', 'x'],
    ['b', 'y'],
  ];
  const err = (issues: { field: string | null; message: string }[]): IpcError => ({
    code: 'invalid',
    message: 'Invalid',
    field: null,
    issues: issues.map((i) => ({ code: 'already_paired', ...i })),
  });

  it('puts each issue on the pair it was sent as', () => {
    const e = acceptErrors(
      err([
        { field: 'pairs.1.eu_city', message: 'This city is already paired.' },
        { field: 'pairs.1.partner_city', message: 'This city is already paired.' },
        { field: 'pairs.0', message: 'Odd.' },
      ]),
      sent,
    );
    expect(e.pairs[pairKey('b', 'y')]).toEqual(['This city is already paired.']);
    expect(e.pairs[pairKey('a', 'x')]).toEqual(['Odd.']);
    expect(e.general).toEqual([]);
  });

  it('keeps the others general', () => {
    const e = acceptErrors(
      err([
        { field: 'pairs.7.eu_city', message: 'Gone.' },
        { field: null, message: 'No field.' },
      ]),
      sent,
    );
    expect(e.general).toEqual(['Gone.', 'No field.']);
    const single: IpcError = { code: 'not_found', message: 'Not found.', field: null, issues: [] };
    expect(acceptErrors(single, sent).general).toEqual(['Not found.']);
  });
});

describe('board lookups', () => {
  const board: PairingBoard = {
    eu: [
      { id: 'a', name: 'Aarhus', country: 'DK' },
      { id: 'b', name: 'Bilbao', country: 'ES' },
    ],
    partners: [{ id: 'x', name: 'Halifax', country: 'CA' }],
    matrix: [
      [{ eu: 'a', partner: 'x', total: 12, factors: [] }],
      [{ eu: 'b', partner: 'x', total: 7, factors: [] }],
    ],
    suggestion: { pairs: [], total: 0, unpaired: [] },
  };

  it('finds the compatibility of a pair', () => {
    expect(compatibilityOf(board, 'b', 'x')?.total).toBe(7);
    expect(compatibilityOf(board, 'x', 'b')).toBeNull();
  });

  it('names cities from the board, then the city list', () => {
    const cities = [{ id: 'z', name: 'Durban' } as City, { id: 'a', name: 'Old name' } as City];
    const n = cityNamer(board.eu, cities);
    expect(n('a')).toBe('Aarhus');
    expect(n('z')).toBe('Durban');
    expect(n('?')).toBe('Unknown city');
  });

  it('sorts pairings by EU city', () => {
    const sorted = sortPairings([pairing('2', 'b', 'y'), pairing('1', 'a', 'y'), pairing('3', 'a', 'x')], name);
    expect(sorted.map((p) => p.id)).toEqual(['1', '3', '2']); // Gwangju before Halifax
  });

  it('shows points with their sign', () => {
    expect(formatPoints(6)).toBe('+6');
    expect(formatPoints(0)).toBe('0');
    expect(formatPoints(-4)).toBe('−4');
  });
});
