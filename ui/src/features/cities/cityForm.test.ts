import { describe, expect, it } from 'vitest';
import {
  cityFormAfterMerge,
  cityToForm,
  emptyCityForm,
  formToInput,
  isDirty,
  timeZoneAfterCountryPick,
} from './cityForm';
import type { City, Country } from '../../lib/api';

const countries: Country[] = [
  { code: 'KR', name: 'South Korea', region: 'asia', quota_group: 'kr', default_time_zone: 'Asia/Seoul' },
  { code: 'IT', name: 'Italy', region: 'eu', quota_group: 'eu', default_time_zone: 'Europe/Rome' },
];

describe('city form values', () => {
  const incheon: City = {
    id: '01HX',
    name: 'Incheon',
    local_name: '인천',
    country: 'KR',
    time_zone: 'Asia/Seoul',
    population: 2_950_000,
    languages: ['Korean'],
    sample: true,
  };

  it('loads a city into the form and sends it back unchanged', () => {
    const form = cityToForm(incheon);
    expect(form).toEqual({
      id: '01HX',
      name: 'Incheon',
      local_name: '인천',
      country: 'KR',
      time_zone: 'Asia/Seoul',
      population: '2950000',
      languages: 'Korean',
    });
    expect(formToInput(form)).toEqual({
      id: '01HX',
      name: 'Incheon',
      local_name: '인천',
      country: 'KR',
      time_zone: 'Asia/Seoul',
      population: '2950000',
      languages: ['Korean'],
    });
  });

  it('shows unknown values as empty text', () => {
    const form = cityToForm({ ...incheon, local_name: null, population: null, languages: [] });
    expect(form.local_name).toBe('');
    expect(form.population).toBe('');
    expect(form.languages).toBe('');
  });

  it('sends what was typed, without checking it', () => {
    const input = formToInput({ ...emptyCityForm(), name: '  ', population: 'about 2 million' });
    expect(input.id).toBeNull();
    expect(input.name).toBe('  ');
    expect(input.population).toBe('about 2 million');
  });

  it('notices changes', () => {
    const original = cityToForm(incheon);
    expect(isDirty({ ...original }, original)).toBe(false);
    expect(isDirty({ ...original, name: 'Inchon' }, original)).toBe(true);
  });
});

describe('timeZoneAfterCountryPick', () => {
  it("prefills the country's zone when the zone is empty", () => {
    expect(timeZoneAfterCountryPick('', 'KR', countries)).toBe('Asia/Seoul');
    expect(timeZoneAfterCountryPick('  ', 'IT', countries)).toBe('Europe/Rome');
  });

  it('keeps a zone the person typed', () => {
    expect(timeZoneAfterCountryPick('Europe/Berlin', 'IT', countries)).toBe('Europe/Berlin');
  });

  it('leaves the zone alone for an unknown or no country', () => {
    expect(timeZoneAfterCountryPick('', '', countries)).toBe('');
    expect(timeZoneAfterCountryPick('', 'XX', countries)).toBe('');
  });
});

describe('a city merged from elsewhere', () => {
  const city: City = { id: 'C1', name: 'Porto', local_name: null, country: 'PT', time_zone: 'Europe/Lisbon', population: 230_000, languages: ['Portuguese'], sample: false };

  it('takes the new values into a form without edits', () => {
    const loaded = cityToForm(city);
    const next = cityFormAfterMerge({ ...loaded }, loaded, { ...city, population: 232_000 });
    expect(next?.population).toBe('232000');
    expect(next?.name).toBe('Porto');
  });

  it('keeps the edits not saved yet and takes the other fields', () => {
    const loaded = cityToForm(city);
    const next = cityFormAfterMerge({ ...loaded, name: 'Porto typed' }, loaded, { ...city, population: 232_000 });
    expect(next?.name).toBe('Porto typed');
    expect(next?.population).toBe('232000');
    expect(next && isDirty(next, cityToForm({ ...city, population: 232_000 }))).toBe(true);
  });

  it('is nothing when the city is as loaded', () => {
    const loaded = cityToForm(city);
    expect(cityFormAfterMerge({ ...loaded }, loaded, city)).toBeNull();
  });
});
