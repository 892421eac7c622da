import { describe, expect, it } from 'vitest';
import type { City, Cluster, IpcError } from '../../lib/api';
import { NEW_RECORD_ID } from '../../lib/api';
import { messageOf } from '../../lib/errors';
import {
  addMember,
  availableCities,
  cityLabel,
  clusterErrors,
  clusterForTheme,
  draftCluster,
  listIsNewer,
  parsePriorities,
  prioritiesText,
  reconcilePriorities,
  removeMember,
} from './cluster';

function city(id: string, name: string, local_name: string | null = null): City {
  return { id, name, local_name, country: 'PT', time_zone: 'Europe/Lisbon', population: null, languages: [], sample: false };
}

const err = (issues: { field: string | null; message: string }[], field: string | null = null): IpcError => ({
  code: 'invalid',
  message: issues[0]?.message ?? 'Invalid',
  field,
  issues: issues.map((i) => ({ code: 'invalid', ...i })),
});

describe('priorities text', () => {
  it('splits on lines and commas, most important first, without empty items', () => {
    expect(parsePriorities('textile reuse\nrepair cafés, \n\n  food waste ')).toEqual([
      'textile reuse',
      'repair cafés',
      'food waste',
    ]);
    expect(parsePriorities('')).toEqual([]);
    expect(parsePriorities(' ,\n ')).toEqual([]);
  });

  it('splits on CJK commas too', () => {
    expect(parsePriorities('순환경제，재사용、수리')).toEqual(['순환경제', '재사용', '수리']);
  });

  it('round-trips through the text box', () => {
    const list = ['textile reuse', 'repair'];
    expect(prioritiesText(list)).toBe('textile reuse\nrepair');
    expect(parsePriorities(prioritiesText(list))).toEqual(list);
  });

  it('keeps the typed text while it says what is stored, else shows what is stored', () => {
    expect(reconcilePriorities('a, b,', ['a', 'b'])).toBe('a, b,');
    expect(reconcilePriorities('a\n', ['a'])).toBe('a\n');
    expect(reconcilePriorities('a', ['a', 'b'])).toBe('a\nb');
    expect(reconcilePriorities('', [])).toBe('');
  });
});

describe('clusters of themes', () => {
  const stored: Cluster = { id: '01J0000000000000000000000A', theme: 'mobility', manager: null, members: [], sample: true };

  it('finds the stored cluster of a theme', () => {
    expect(clusterForTheme([stored], 'mobility')).toBe(stored);
  });

  it('gives a draft with no id for a theme without a cluster', () => {
    expect(clusterForTheme([stored], 'circular_economy')).toEqual(draftCluster('circular_economy'));
    expect(draftCluster('x')).toEqual({ id: NEW_RECORD_ID, theme: 'x', manager: null, members: [], sample: false });
  });
});

describe('members', () => {
  const cities = [city('c1', 'Porto'), city('c2', 'Gwangju', '광주'), city('c3', 'Aarhus')];

  it('offers only cities that are not members yet, by name', () => {
    const members = [{ city: 'c1', priorities: [] }];
    expect(availableCities(cities, members).map((c) => c.id)).toEqual(['c3', 'c2']);
    expect(availableCities(cities, [])).toHaveLength(3);
  });

  it('adds a member once, at the end, with no priorities', () => {
    const one = addMember([{ city: 'c1', priorities: ['x'] }], 'c2');
    expect(one).toEqual([
      { city: 'c1', priorities: ['x'] },
      { city: 'c2', priorities: [] },
    ]);
    expect(addMember(one, 'c2')).toEqual(one);
  });

  it('removes a member and keeps the others in order', () => {
    const members = [
      { city: 'c1', priorities: [] },
      { city: 'c2', priorities: ['a'] },
      { city: 'c3', priorities: [] },
    ];
    expect(removeMember(members, 'c2').map((m) => m.city)).toEqual(['c1', 'c3']);
    expect(removeMember(members, 'nope')).toEqual(members);
  });

  it('names a city with its own-script name, or says it is unknown', () => {
    expect(cityLabel(cities[1])).toBe('Gwangju (광주)');
    expect(cityLabel(cities[0])).toBe('Porto');
    expect(cityLabel(undefined)).toBe('Unknown city');
  });

});

describe('errors of a save', () => {
  const sent = {
    members: [
      { city: 'c1', priorities: [] },
      { city: 'c2', priorities: [] },
      { city: 'c3', priorities: [] },
    ],
  };

  it('puts member errors on the member that was at that index when sent', () => {
    const e = clusterErrors(
      err([
        { field: 'members.2.city', message: 'Unknown city.' },
        { field: 'members.1.priorities', message: 'A priority is too long.' },
        { field: 'manager', message: 'Unknown person.' },
      ]),
      sent,
    );
    expect(messageOf(e.members['c3'], 'city')).toBe('Unknown city.');
    expect(messageOf(e.members['c2'], 'priorities')).toBe('A priority is too long.');
    expect(messageOf(e.cluster, 'manager')).toBe('Unknown person.');
    expect(e.general).toEqual([]);
  });

  it('keeps messages it cannot place as general ones', () => {
    const e = clusterErrors(
      err([
        { field: 'members.9.city', message: 'Gone.' },
        { field: 'members.0.colour', message: 'Odd.' },
        { field: 'somewhere', message: 'Elsewhere.' },
        { field: null, message: 'No field.' },
      ]),
      sent,
    );
    expect(e.general).toEqual(['Gone.', 'Odd.', 'Elsewhere.', 'No field.']);
    expect(e.members).toEqual({});
  });

  it('uses the error itself when it has no issues', () => {
    const single: IpcError = { code: 'duplicate', message: 'There is already a cluster for this theme.', field: 'theme', issues: [] };
    expect(messageOf(clusterErrors(single, sent).cluster, 'theme')).toBe('There is already a cluster for this theme.');
    const bare: IpcError = { code: 'unexpected', message: 'invalid args', field: null, issues: [] };
    expect(clusterErrors(bare, sent).general).toEqual(['invalid args']);
  });

  it('joins several messages of one field', () => {
    const e = clusterErrors(
      err([
        { field: 'members.0.city', message: 'Unknown city.' },
        { field: 'members.0.city', message: 'A member twice.' },
        { field: 'members.0.city', message: 'A member twice.' },
      ]),
      sent,
    );
    expect(messageOf(e.members['c1'], 'city')).toBe('Unknown city. A member twice.');
    expect(messageOf(undefined, 'city')).toBeNull();
  });
});

describe('which cluster list a card takes', () => {
  it('ignores a list requested before its last save finished, takes one requested after', () => {
    // Lists 1–3 were requested, then save N finished (savedAt 3); list 3 may have been read
    // before the save landed, and answering late it must not replace what was typed since.
    const savedAt = 3;
    expect(listIsNewer(2, savedAt)).toBe(false);
    expect(listIsNewer(3, savedAt)).toBe(false);
    expect(listIsNewer(4, savedAt)).toBe(true);
  });

  it('takes every list before its first save', () => {
    expect(listIsNewer(1, 0)).toBe(true);
  });
});
