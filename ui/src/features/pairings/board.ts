// What the pairing board shows, derived from the backend's board, the stored (accepted)
// pairings and the coordinator's working constraints.
import type { City, Compatibility, Id, IpcError, Pairing, PairingBoard, PairingCityRef, ProposedPair } from '../../lib/api';
import { sortIssues } from '../../lib/errors';
import { namer, UNKNOWN_CITY } from '../../lib/names';
import { isForbidden, isLocked, pairKey, type Constraints, type Pair } from './constraints';

/**
 * `accepted`: stored already. `locked`: the coordinator locked it but has not accepted it yet.
 * `new`: the assignment's own proposal.
 */
export type ProposalStatus = 'accepted' | 'locked' | 'new';

export interface Proposal {
  pair: ProposedPair;
  status: ProposalStatus;
}

export function acceptedKeys(accepted: readonly Pairing[]): Set<string> {
  return new Set(accepted.map((p) => pairKey(p.eu_city, p.partner_city)));
}

/** Each proposed pair with what it is to the coordinator, in the board's order. */
export function classifyProposals(pairs: readonly ProposedPair[], accepted: readonly Pairing[]): Proposal[] {
  const stored = acceptedKeys(accepted);
  return pairs.map((pair) => ({
    pair,
    status: stored.has(pairKey(pair.eu, pair.partner)) ? 'accepted' : pair.locked ? 'locked' : 'new',
  }));
}

/** What "Accept all" sends: every proposed pair not stored yet. */
export function pairsToAccept(proposals: readonly Proposal[]): Pair[] {
  return proposals.filter((p) => p.status !== 'accepted').map((p) => [p.pair.eu, p.pair.partner] as Pair);
}

export interface CellState {
  accepted: boolean;
  locked: boolean;
  forbidden: boolean;
  proposed: boolean;
}

export function cellState(
  eu: Id,
  partner: Id,
  constraints: Constraints,
  accepted: ReadonlySet<string>,
  proposed: ReadonlySet<string>,
): CellState {
  const key = pairKey(eu, partner);
  return {
    accepted: accepted.has(key),
    locked: isLocked(constraints, eu, partner),
    forbidden: isForbidden(constraints, eu, partner),
    proposed: proposed.has(key),
  };
}

/** The cell's state in words, for its accessible name and the side panel. */
export function describeCell(s: CellState): string[] {
  const out: string[] = [];
  if (s.accepted) out.push('accepted');
  if (s.proposed && !s.accepted) out.push('proposed');
  if (s.locked) out.push('locked');
  if (s.forbidden) out.push('forbidden');
  return out;
}

type Names = (id: Id) => string;

/**
 * What locking the pair says, naming the locks it drops (a city has one partner):
 * "Athens locked with Incheon (its lock with Gwangju is removed)."
 */
export function lockMessage(eu: Id, partner: Id, dropped: readonly Pair[], name: Names): string {
  const clauses = dropped.map(([a, b]) =>
    a === eu ? `its lock with ${name(b)}` : `${name(partner)}'s lock with ${name(a)}`,
  );
  const head = `${name(eu)} locked with ${name(partner)}`;
  if (clauses.length === 0) return `${head}.`;
  const list = clauses.length === 1 ? clauses[0] : `${clauses.slice(0, -1).join(', ')} and ${clauses.at(-1)}`;
  return `${head} (${list} ${clauses.length === 1 ? 'is' : 'are'} removed).`;
}

export interface AcceptErrors {
  /** By `pairKey` of the pair sent. */
  pairs: Record<string, string[]>;
  general: string[];
}

export const NO_ACCEPT_ERRORS: AcceptErrors = Object.freeze({ pairs: {}, general: [] }) as AcceptErrors;

/** Sorts a refused accept: `pairs.3.eu_city` belongs to the fourth pair sent. */
export function acceptErrors(err: IpcError, sent: readonly Pair[]): AcceptErrors {
  const pairs: AcceptErrors['pairs'] = {};
  const general = sortIssues(err, (field) => {
    const m = /^pairs[.[](\d+)/.exec(field);
    const pair = m ? sent[Number(m[1])] : undefined;
    return pair ? (pairs[pairKey(pair[0], pair[1])] ??= []) : null;
  });
  return { pairs, general };
}

/** The compatibility of one pair on the board, or null when either city is not on it. */
export function compatibilityOf(board: PairingBoard, eu: Id, partner: Id): Compatibility | null {
  const r = board.eu.findIndex((c) => c.id === eu);
  const c = board.partners.findIndex((x) => x.id === partner);
  if (r === -1 || c === -1) return null;
  return board.matrix[r]?.[c] ?? null;
}

/** Names of cities by id: the board's names first, then the city list's. */
export function cityNamer(refs: readonly PairingCityRef[], cities: readonly City[]): Names {
  return namer([...cities, ...refs], UNKNOWN_CITY);
}

/** Accepted pairings by EU city name, then partner name. */
export function sortPairings(pairings: readonly Pairing[], name: Names): Pairing[] {
  return [...pairings].sort(
    (a, b) =>
      name(a.eu_city).localeCompare(name(b.eu_city), 'en') ||
      name(a.partner_city).localeCompare(name(b.partner_city), 'en'),
  );
}

/** Points with their sign, as the breakdown shows them: "+6", "0", "−4". */
export function formatPoints(points: number): string {
  if (points > 0) return `+${points}`;
  if (points < 0) return `−${Math.abs(points)}`;
  return '0';
}
