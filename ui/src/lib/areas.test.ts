import { describe, expect, it } from 'vitest';
import { AREAS, areaFromHash, areaHref, hashParams, recordFromHash, recordHref } from './areas';

describe('areas', () => {
  it('lists every area of the programme, once', () => {
    expect(AREAS.map((a) => a.label)).toEqual([
      'Dashboard',
      'Cities',
      'Directory',
      'Selection',
      'Clusters',
      'Pairings',
      'Meetings',
      'Best practices',
      'Study visits',
      'Cooperation plans',
      'Exchange',
    ]);
    expect(new Set(AREAS.map((a) => a.key)).size).toBe(AREAS.length);
  });

  it('says what every area not built yet will hold', () => {
    const built = ['dashboard', 'cities', 'directory', 'selection', 'clusters', 'pairings', 'meetings', 'best-practices', 'study-visits', 'cooperation-plans', 'exchange'];
    for (const a of AREAS.filter((a) => !built.includes(a.key))) {
      expect(a.plannedContent, a.key).toBeTruthy();
    }
    for (const a of AREAS.filter((a) => built.includes(a.key))) {
      expect(a.plannedContent, a.key).toBeUndefined();
    }
  });

  it('reads the area from the location hash', () => {
    expect(areaFromHash('#/cities')).toBe('cities');
    expect(areaFromHash('#/study-visits')).toBe('study-visits');
    expect(areaFromHash('#cities')).toBe('cities');
    expect(areaFromHash('')).toBe('dashboard');
    expect(areaFromHash('#/nowhere')).toBe('dashboard');
    for (const a of AREAS) expect(areaFromHash(areaHref(a.key))).toBe(a.key);
  });

  it('links to one record of an area and reads the link back', () => {
    const id = '01HZX3K7Q9W2E4R6T8Y0U1I3O5';
    expect(recordHref('meetings', id)).toBe(`#/meetings/${id}`);
    expect(recordFromHash(recordHref('meetings', id), 'meetings')).toBe(id);
    expect(areaFromHash(recordHref('meetings', id))).toBe('meetings');
    expect(recordFromHash('#/meetings', 'meetings')).toBeNull();
    expect(recordFromHash('#/meetings/', 'meetings')).toBeNull();
    expect(recordFromHash(`#/cities/${id}`, 'meetings')).toBeNull();
    expect(recordFromHash('#/meetings/%E0%A4%A', 'meetings')).toBeNull();
  });

  it('reads what follows the "?" of a hash, and a record before it', () => {
    const id = '01HZX3K7Q9W2E4R6T8Y0U1I3O5';
    const hash = `#/cooperation-plans/${id}?kind=dissemination&q=a%26b`;
    expect(hashParams(hash).get('kind')).toBe('dissemination');
    expect(hashParams(hash).get('q')).toBe('a&b');
    expect(recordFromHash(hash, 'cooperation-plans')).toBe(id);
    expect(areaFromHash('#/best-practices?q=heat')).toBe('best-practices');
    expect(hashParams('#/best-practices').toString()).toBe('');
  });
});
