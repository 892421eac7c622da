import { describe, expect, it } from 'vitest';
import type { Person } from './api';
import { peopleByName } from './people';

const person = (id: string, name: string): Person => ({
  id,
  name,
  role: '',
  organisation: null,
  city: null,
  email: '',
  phone: '',
  languages: [],
  sample: false,
});

describe('peopleByName', () => {
  it('orders people by name, leaving the list given as it was', () => {
    const given = [person('b', 'Zoe'), person('c', 'Ömer'), person('a', 'Ana')];
    expect(peopleByName(given).map((p) => p.id)).toEqual(['a', 'c', 'b']);
    expect(given.map((p) => p.id)).toEqual(['b', 'c', 'a']);
  });
});
