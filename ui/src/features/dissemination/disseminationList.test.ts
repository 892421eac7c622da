import { describe, expect, it } from 'vitest';
import type { City } from '../../lib/api';
import { cityEntries, planFacts, statusCounts } from './disseminationList';
import { samplePlan } from './disseminationFixture';

const city = (id: string, name: string): City => ({ id, name, local_name: null, country: 'PT', time_zone: 'Europe/Lisbon', population: null, languages: [], sample: false });

describe('dissemination list', () => {
  it('lists every city by name with its plan or none', () => {
    const plan = samplePlan();
    const entries = cityEntries([city('C2', 'Seville'), city('C1', 'Porto')], [plan]);
    expect(entries.map((e) => [e.city.name, e.plan?.id ?? null])).toEqual([
      ['Porto', 'D1'],
      ['Seville', null],
    ]);
  });

  it('counts practices by status', () => {
    const plan = samplePlan();
    expect(statusCounts(plan)).toEqual([
      { status: 'planned', label: 'Planned', count: 1 },
      { status: 'under_way', label: 'Under way', count: 1 },
    ]);
    expect(planFacts(plan)).toBe('2 practices: 1 planned, 1 under way');
    expect(planFacts({ ...plan, practices: [] })).toBe('No practices yet');
  });
});
