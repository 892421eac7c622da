import type { Person } from './api';

/** People in the order a select offers them (a cluster or pairing manager): by name. */
export function peopleByName(people: readonly Person[]): Person[] {
  return [...people].sort((a, b) => a.name.localeCompare(b.name, 'en'));
}
