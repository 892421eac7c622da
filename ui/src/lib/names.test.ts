import { describe, expect, it } from 'vitest';
import { isMissing, nameOf, namer, namesById, pairingLabel, UNKNOWN_CITY } from './names';

const cities = [
  { id: 'C1', name: 'Durban' },
  { id: 'C2', name: 'Málaga' },
];

describe('names behind references', () => {
  it('gives nothing for no reference and a plain word for a missing one', () => {
    const names = namesById(cities);
    expect(nameOf(names, 'C2', '?')).toBe('Málaga');
    expect(nameOf(names, null, '?')).toBe('');
    expect(nameOf(names, 'C404', UNKNOWN_CITY)).toBe('Unknown city');
  });

  it('names by id, the later of two records with one id winning', () => {
    const name = namer([...cities, { id: 'C1', name: 'eThekwini' }], UNKNOWN_CITY);
    expect(name('C1')).toBe('eThekwini');
    expect(name('C2')).toBe('Málaga');
    expect(name('C9')).toBe('Unknown city');
  });

  it('tells when a chosen record is no longer among the choices', () => {
    expect(isMissing(cities, 'C1')).toBe(false);
    expect(isMissing(cities, 'C9')).toBe(true);
    expect(isMissing(cities, null)).toBe(false);
    expect(isMissing(cities, '')).toBe(false);
    expect(isMissing([], 'C1')).toBe(true);
  });
});

describe('pairingLabel', () => {
  it('names a pairing by its EU city, then its partner city', () => {
    expect(pairingLabel('Freiburg', 'Gwangju')).toBe('Freiburg – Gwangju');
  });
});
