// A small plan the tests share.
import type { CooperationPlan } from '../../lib/api';

export const samplePlan = (): CooperationPlan => ({
  id: 'P1',
  pairing: 'PR1',
  title: 'Porto – eThekwini plan',
  context: 'Two ports',
  challenge: 'Heat',
  objectives: [
    { key: 'o1', text: 'Cooler streets' },
    { key: 'o2', text: 'Shade' },
  ],
  actions: [
    {
      key: 'a1',
      title: 'Tree plan',
      description: '',
      lead: { kind: 'city', id: 'C1' },
      partners: [{ kind: 'person', id: 'PE1' }],
      start: '2023-01',
      end: '2023-06',
      resources: '',
      indicators: [{ name: 'Trees', baseline: '0', target: '500', unit: 'trees' }],
      status: 'planned',
      objectives: ['o1'],
    },
  ],
  stakeholders: ['O1'],
  risks: [{ risk: 'Drought', mitigation: 'Water' }],
  practices: ['BP1'],
  sample: false,
});
