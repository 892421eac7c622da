// The coordinator's working choices on the pairing board: pairs locked (must be paired) and
// pairs forbidden (must not be). The store keeps them as the board left them; whether they
// contradict an accepted pair is the backend's to say (suggestPairings refuses them).
import type { Id, PairingConstraints } from '../../lib/api';

/** `[EU city, non-EU city]` */
export type Pair = [Id, Id];

export interface Constraints {
  locked: Pair[];
  forbidden: Pair[];
}

export const NO_CONSTRAINTS: Constraints = Object.freeze({ locked: [], forbidden: [] }) as unknown as Constraints;

export function pairKey(eu: Id, partner: Id): string {
  return `${eu}|${partner}`;
}

function has(list: readonly Pair[], eu: Id, partner: Id): boolean {
  return list.some(([a, b]) => a === eu && b === partner);
}

function without(list: readonly Pair[], eu: Id, partner: Id): Pair[] {
  return list.filter(([a, b]) => !(a === eu && b === partner));
}

export function isLocked(c: Constraints, eu: Id, partner: Id): boolean {
  return has(c.locked, eu, partner);
}

export function isForbidden(c: Constraints, eu: Id, partner: Id): boolean {
  return has(c.forbidden, eu, partner);
}

/**
 * Locks the pair, or unlocks it when it is locked. A city has one partner, so locking drops the
 * other locks of both cities; a locked pair cannot stay forbidden either.
 */
export function toggleLock(c: Constraints, eu: Id, partner: Id): Constraints {
  if (isLocked(c, eu, partner)) return { locked: without(c.locked, eu, partner), forbidden: [...c.forbidden] };
  return {
    locked: [...c.locked.filter(([a, b]) => a !== eu && b !== partner), [eu, partner]],
    forbidden: without(c.forbidden, eu, partner),
  };
}

/**
 * The coordinator's other locks that locking the pair drops (those of either city), so the view
 * can say so; none when the pair is locked already (toggling unlocks it).
 */
export function locksDroppedBy(c: Constraints, eu: Id, partner: Id): Pair[] {
  if (isLocked(c, eu, partner)) return [];
  return c.locked.filter(([a, b]) => a === eu || b === partner).map(([a, b]) => [a, b] as Pair);
}

/** Forbids the pair (dropping a lock on it), or allows it again when it is forbidden. */
export function toggleForbid(c: Constraints, eu: Id, partner: Id): Constraints {
  if (isForbidden(c, eu, partner)) return { locked: [...c.locked], forbidden: without(c.forbidden, eu, partner) };
  return forbid(c, eu, partner);
}

/** Forbids the pair whatever it was: what rejecting a proposed pair does. */
export function forbid(c: Constraints, eu: Id, partner: Id): Constraints {
  return {
    locked: without(c.locked, eu, partner),
    forbidden: isForbidden(c, eu, partner) ? [...c.forbidden] : [...c.forbidden, [eu, partner]],
  };
}

export function sameConstraints(a: Constraints, b: Constraints): boolean {
  const keys = (l: readonly Pair[]) => l.map(([x, y]) => pairKey(x, y)).sort().join(',');
  return keys(a.locked) === keys(b.locked) && keys(a.forbidden) === keys(b.forbidden);
}

/** The request for `suggestPairings`, as plain copies (never the view's state proxies). */
export function toRequest(c: Constraints): PairingConstraints {
  return {
    locked: c.locked.map(([a, b]) => [a, b] as Pair),
    forbidden: c.forbidden.map(([a, b]) => [a, b] as Pair),
  };
}
