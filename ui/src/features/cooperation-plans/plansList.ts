// The plans page: every pairing with its plan, or a way to start one.
import type { CooperationPlan, Id, Pairing, PlanVersion, PlanView } from '../../lib/api';
import { formatDay } from '../../lib/format';
import { pairingLabel } from '../../lib/names';

export interface PlanSummary {
  title: string;
  actions: number;
  gaps: number;
  latest: PlanVersion | null;
}

export interface PairingEntry {
  pairing: Pairing;
  /** "Porto – eThekwini". */
  label: string;
  plan: CooperationPlan | null;
}

export function summarise(view: PlanView): PlanSummary {
  return {
    title: view.plan.title,
    actions: view.plan.actions.length,
    gaps: view.gaps.length,
    latest: view.versions[view.versions.length - 1] ?? null,
  };
}

/** The pairings by name, each with its plan (a pairing has at most one). */
export function pairingEntries(
  pairings: readonly Pairing[],
  plans: readonly CooperationPlan[],
  cityName: (id: Id) => string,
): PairingEntry[] {
  const byPairing = new Map(plans.map((p) => [p.pairing, p]));
  return pairings
    .map((p) => ({ pairing: p, label: pairingLabel(cityName(p.eu_city), cityName(p.partner_city)), plan: byPairing.get(p.id) ?? null }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** The day a version was issued, on this computer's calendar: "Tue 10 Mar 2026". */
export function issuedDay(issuedAt: string): string {
  const d = new Date(issuedAt);
  if (Number.isNaN(d.getTime())) return issuedAt;
  const pad = (n: number) => String(n).padStart(2, '0');
  return formatDay(`${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`);
}

/** "Version 2 issued on Tue 10 Mar 2026". */
export function versionText(v: Pick<PlanVersion, 'number' | 'issued_at'>): string {
  return `Version ${v.number} issued on ${issuedDay(v.issued_at)}`;
}
