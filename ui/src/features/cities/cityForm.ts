import type { City, CityInput, Country, Id } from '../../lib/api';
import { joinList, splitList } from '../../lib/text';
import { takeUntouched } from '../../lib/util/merged';

/** What the city form holds: the text as typed. */
export interface CityFormValues {
  id: Id | null;
  name: string;
  local_name: string;
  country: string;
  time_zone: string;
  population: string;
  languages: string;
}

/** The fields the form shows, by the names the backend uses in `Issue.field`. */
export const CITY_FIELDS = [
  'name',
  'local_name',
  'country',
  'time_zone',
  'population',
  'languages',
] as const;

export type CityField = (typeof CITY_FIELDS)[number];

/** The id of each field's input element. */
export const CITY_INPUT_IDS: Record<CityField, string> = {
  name: 'city-name',
  local_name: 'city-local-name',
  country: 'city-country',
  time_zone: 'city-time-zone',
  population: 'city-population',
  languages: 'city-languages',
};

export function emptyCityForm(): CityFormValues {
  return { id: null, name: '', local_name: '', country: '', time_zone: '', population: '', languages: '' };
}

export function cityToForm(city: City): CityFormValues {
  return {
    id: city.id,
    name: city.name,
    local_name: city.local_name ?? '',
    country: city.country,
    time_zone: city.time_zone,
    population: city.population === null ? '' : String(city.population),
    languages: joinList(city.languages),
  };
}

/** What is sent to `save_city`: the typed text, unchecked. */
export function formToInput(form: CityFormValues): CityInput {
  return {
    id: form.id,
    name: form.name,
    local_name: form.local_name,
    country: form.country,
    time_zone: form.time_zone,
    population: form.population,
    languages: splitList(form.languages),
  };
}

/**
 * The time zone to show after the person picked `countryCode`: the country's default when the
 * zone is still empty, otherwise what they typed.
 */
export function timeZoneAfterCountryPick(
  currentZone: string,
  countryCode: string,
  countries: readonly Country[],
): string {
  if (currentZone.trim() !== '') return currentZone;
  return countries.find((c) => c.code === countryCode)?.default_time_zone ?? currentZone;
}

/** True when the form differs from what was loaded (or from an empty form). */
export function isDirty(form: CityFormValues, original: CityFormValues): boolean {
  return (Object.keys(form) as (keyof CityFormValues)[]).some((k) => form[k] !== original[k]);
}

/**
 * The form to show after the city changed elsewhere (a colleague's edit merged by a sync pass),
 * or null when the city is as loaded. The city saves by its button: fields typed here and not
 * saved yet stay as typed, the others take the new values, so that saving does not send the
 * colleague's fields back as they were.
 */
export function cityFormAfterMerge(form: CityFormValues, loaded: CityFormValues, fresh: City): CityFormValues | null {
  const next = cityToForm(fresh);
  return isDirty(next, loaded) ? takeUntouched(form, loaded, next) : null;
}
