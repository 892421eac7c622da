import { describe, expect, it } from 'vitest';
import type { Pairing, PlanView } from '../../lib/api';
import { pairingEntries, summarise, versionText } from './plansList';
import { samplePlan } from './planFixture';

const pairing = (id: string, eu: string, partner: string): Pairing => ({ id, eu_city: eu, partner_city: partner, manager: null, score: 0, sample: false });

describe('plans list', () => {
  it('lists pairings by name with their plan', () => {
    const names: Record<string, string> = { C1: 'Porto', C2: 'eThekwini', C3: 'Athens', C4: 'Gwangju' };
    const entries = pairingEntries([pairing('PR1', 'C1', 'C2'), pairing('PR2', 'C3', 'C4')], [samplePlan()], (id) => names[id] ?? 'Unknown city');
    expect(entries.map((e) => [e.label, e.plan?.id ?? null])).toEqual([
      ['Athens – Gwangju', null],
      ['Porto – eThekwini', 'P1'],
    ]);
  });

  it('sums a plan up', () => {
    const view: PlanView = {
      plan: samplePlan(),
      gaps: [{ code: 'no_risk', message: 'No risk', field: 'risks' }],
      problems: [],
      versions: [
        { id: 'V1', plan: 'P1', number: 1, issued_at: '2026-03-10T10:00:00Z', as_of: '', title: 'x', sample: false },
        { id: 'V2', plan: 'P1', number: 2, issued_at: '2026-03-12T10:00:00Z', as_of: '', title: 'x', sample: false },
      ],
    };
    expect(summarise(view)).toMatchObject({ actions: 1, gaps: 1, latest: { number: 2 } });
    expect(versionText({ number: 2, issued_at: '2026-03-12T10:00:00Z' })).toBe('Version 2 issued on Thu 12 Mar 2026');
  });
});
