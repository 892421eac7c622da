import type { City, Country, Region } from './api';

export const REGION_LABELS: Record<Region, string> = {
  eu: 'EU',
  canada: 'Canada',
  south_africa: 'South Africa',
  asia: 'Asia',
};

export const ALL_REGIONS: readonly Region[] = ['eu', 'canada', 'south_africa', 'asia'];

export function regionLabel(region: Region): string {
  return REGION_LABELS[region] ?? region;
}

export interface CountryGroup {
  region: Region;
  label: string;
  countries: Country[];
}

/**
 * Countries grouped by region, in the order of `regions` (the programme's), each group sorted by
 * country name. Regions without countries are left out; a country whose region is not in
 * `regions` still gets a group, after the others.
 */
export function groupCountriesByRegion(
  countries: readonly Country[],
  regions: readonly Region[] = ALL_REGIONS,
): CountryGroup[] {
  const order: Region[] = [...regions];
  for (const c of countries) if (!order.includes(c.region)) order.push(c.region);
  return order
    .map((region) => ({
      region,
      label: regionLabel(region),
      countries: countries
        .filter((c) => c.region === region)
        .sort((a, b) => a.name.localeCompare(b.name, 'en')),
    }))
    .filter((g) => g.countries.length > 0);
}

export function countryIndex(countries: readonly Country[]): Map<string, Country> {
  return new Map(countries.map((c) => [c.code, c]));
}

export interface RegionCount {
  region: Region | null;
  label: string;
  count: number;
}

/**
 * How many cities each region has, in the order of `regions`; cities whose country is not in
 * the programme are counted under "Other region" (shown only when there are some).
 */
export function countCitiesByRegion(
  cities: readonly City[],
  countries: readonly Country[],
  regions: readonly Region[] = ALL_REGIONS,
): RegionCount[] {
  const byCode = countryIndex(countries);
  const counts = new Map<Region | null, number>();
  for (const city of cities) {
    const region = byCode.get(city.country)?.region ?? null;
    const key = region !== null && regions.includes(region) ? region : null;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const rows: RegionCount[] = regions.map((region) => ({
    region,
    label: regionLabel(region),
    count: counts.get(region) ?? 0,
  }));
  const other = counts.get(null) ?? 0;
  if (other > 0) rows.push({ region: null, label: 'Other region', count: other });
  return rows;
}
