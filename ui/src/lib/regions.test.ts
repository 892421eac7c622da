import { describe, expect, it } from 'vitest';
import { countCitiesByRegion, groupCountriesByRegion, regionLabel } from './regions';
import type { City, Country } from './api';

const countries: Country[] = [
  { code: 'KR', name: 'South Korea', region: 'asia', quota_group: 'kr', default_time_zone: 'Asia/Seoul' },
  { code: 'IT', name: 'Italy', region: 'eu', quota_group: 'eu', default_time_zone: 'Europe/Rome' },
  { code: 'DE', name: 'Germany', region: 'eu', quota_group: 'eu', default_time_zone: 'Europe/Berlin' },
  { code: 'SG', name: 'Singapore', region: 'asia', quota_group: 'sg', default_time_zone: 'Asia/Singapore' },
  { code: 'ZA', name: 'South Africa', region: 'south_africa', quota_group: 'za', default_time_zone: 'Africa/Johannesburg' },
];

function city(name: string, country: string): City {
  return { id: name, name, local_name: null, country, time_zone: 'UTC', population: null, languages: [], sample: false };
}

describe('groupCountriesByRegion', () => {
  it('groups in the programme order, sorts by name, and leaves out empty regions', () => {
    const groups = groupCountriesByRegion(countries, ['eu', 'canada', 'south_africa', 'asia']);
    expect(groups.map((g) => g.label)).toEqual(['EU', 'South Africa', 'Asia']);
    expect(groups[0]?.countries.map((c) => c.code)).toEqual(['DE', 'IT']);
    expect(groups[2]?.countries.map((c) => c.code)).toEqual(['SG', 'KR']);
  });

  it('still shows countries of a region the programme does not list', () => {
    const groups = groupCountriesByRegion(countries, ['eu']);
    expect(groups.map((g) => g.region)).toEqual(['eu', 'asia', 'south_africa']);
    expect(groups.flatMap((g) => g.countries)).toHaveLength(countries.length);
  });
});

describe('countCitiesByRegion', () => {
  it('counts every region, zero included, and cities of unknown countries apart', () => {
    const rows = countCitiesByRegion(
      [city('Milan', 'IT'), city('Berlin', 'DE'), city('Incheon', 'KR'), city('Atlantis', 'XX')],
      countries,
      ['eu', 'canada', 'south_africa', 'asia'],
    );
    expect(rows).toEqual([
      { region: 'eu', label: 'EU', count: 2 },
      { region: 'canada', label: 'Canada', count: 0 },
      { region: 'south_africa', label: 'South Africa', count: 0 },
      { region: 'asia', label: 'Asia', count: 1 },
      { region: null, label: 'Other region', count: 1 },
    ]);
  });

  it('has no "Other region" row when every city is known', () => {
    expect(countCitiesByRegion([city('Milan', 'IT')], countries).some((r) => r.region === null)).toBe(false);
  });
});

describe('regionLabel', () => {
  it('names regions for people', () => {
    expect(regionLabel('south_africa')).toBe('South Africa');
    expect(regionLabel('eu')).toBe('EU');
  });
});
