// The dissemination page: every city of the programme with its plan, or a way to start one.
import type { City, DisseminationPlan, PlanActionStatus } from '../../lib/api';
import { plural } from '../../lib/format';
import { PLAN_ACTION_STATUSES } from '../cooperation-plans/planForm';

export interface CityEntry {
  city: City;
  plan: DisseminationPlan | null;
}

/** The cities by name, each with its plan (a city has at most one). */
export function cityEntries(cities: readonly City[], plans: readonly DisseminationPlan[]): CityEntry[] {
  const byCity = new Map(plans.map((p) => [p.city, p]));
  return cities
    .map((city) => ({ city, plan: byCity.get(city.id) ?? null }))
    .sort((a, b) => a.city.name.localeCompare(b.city.name));
}

/** How many practices are at each status, in the statuses' order, leaving out the empty ones. */
export function statusCounts(plan: DisseminationPlan): { status: PlanActionStatus; label: string; count: number }[] {
  return PLAN_ACTION_STATUSES.map((s) => ({
    status: s.value,
    label: s.label,
    count: plan.practices.filter((p) => p.status === s.value).length,
  })).filter((s) => s.count > 0);
}

/** "3 practices: 2 planned, 1 done", or "No practices yet". */
export function planFacts(plan: DisseminationPlan): string {
  if (plan.practices.length === 0) return 'No practices yet';
  const counts = statusCounts(plan).map((s) => `${s.count} ${s.label.toLowerCase()}`);
  return `${plural(plan.practices.length, 'practice')}: ${counts.join(', ')}`;
}
