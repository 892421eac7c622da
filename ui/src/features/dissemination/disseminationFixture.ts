// A small dissemination plan the tests share.
import type { DisseminationPlan } from '../../lib/api';

export const samplePlan = (): DisseminationPlan => ({
  id: 'D1',
  city: 'C1',
  summary: 'What Porto learned',
  practices: [
    {
      key: 'p1',
      practice: 'BP1',
      title: '',
      adopters: [
        { kind: 'city', name: '', city: 'C2' },
        { kind: 'national_body', name: 'Ministry of Environment', city: null },
      ],
      adaptation: 'Climate',
      channels: ['Eurocities', 'Newsletter'],
      status: 'under_way',
    },
    { key: 'p2', practice: null, title: 'Street markets', adopters: [], adaptation: '', channels: [], status: 'planned' },
  ],
  sample: false,
});
