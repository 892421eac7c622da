// The editor's markup as rendered without a window: every control the e2e tests and the
// completeness list look for is there, with the id its path gives it.
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import PlanEditor from './PlanEditor.svelte';
import { samplePlan } from './planFixture';

describe('plan editor (rendered on the server)', () => {
  it('renders every field with its path id, the gaps, versions and timeline', () => {
    const plan = samplePlan();
    plan.objectives.push({ key: '', text: 'new' });
    const { body } = render(PlanEditor, {
      props: {
        view: { plan, gaps: [{ code: 'action_end', message: 'Action 1 has no end', field: 'actions.0.end' }], problems: [{ code: 'missing', message: 'gone org', field: 'stakeholders.0' }], versions: [{ id: 'V', plan: 'P1', number: 1, issued_at: '2026-03-10T10:00:00Z', as_of: '', title: 't', sample: false }] },
        pairing: { id: 'PR1', eu_city: 'C1', partner_city: 'C2', manager: null, score: 1, sample: false },
        label: 'Porto – eThekwini',
        cities: [{ id: 'C1', name: 'Porto', local_name: null, country: 'PT', time_zone: 'Europe/Lisbon', population: null, languages: [], sample: false }],
        people: [{ id: 'PE1', name: 'Ana', role: 'Officer', organisation: null, city: null, email: '', phone: '', languages: [], sample: false }],
        organisations: [{ id: 'O2', name: 'Uni', kind: 'university', city: null, contacts: [], sample: false }],
        practices: [],
        phases: [{ start_month: '2022-09', end_month: '2024-06' }],
        onclose: () => {},
        ondeleted: () => {},
      },
    });
    for (const t of ['plan-title', 'plan-context', 'plan-challenge', 'add-objective', 'objective-text', 'add-action', 'action-title', 'action-start', 'action-end', 'action-lead', 'add-indicator', 'indicator-target', 'plan-save-state', 'plan-gap', 'issue-version', 'plan-version', 'compare-from', 'compare-to', 'compare-versions', 'export-plan', 'timeline-bar', 'record-history']) {
      expect(body, t).toContain(`data-testid="${t}"`);
    }
    expect(body).toContain('id="plan-actions-0-end"');
    expect(body).toContain('id="plan-actions-0-indicators-0-target"');
    expect(body).toContain('gone org');
    expect(body).toContain('grid-column: 5 / span 6');
  });
});
