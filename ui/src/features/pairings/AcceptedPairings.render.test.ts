// Each accepted pair carries its own history, named for the pair so a screen reader can tell
// the many "History" toggles of the table apart.
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import AcceptedPairings from './AcceptedPairings.svelte';

describe('accepted pairings (rendered on the server)', () => {
  it('gives every pair a compact history named for the pair', () => {
    const names: Record<string, string> = { C1: 'Porto', C2: 'eThekwini', C3: 'Seville', C4: 'Durban' };
    const { body } = render(AcceptedPairings, {
      props: {
        pairings: [
          { id: 'PR1', eu_city: 'C1', partner_city: 'C2', manager: null, score: 1, sample: false },
          { id: 'PR2', eu_city: 'C3', partner_city: 'C4', manager: null, score: 2, sample: false },
        ],
        people: [],
        name: (id: string) => names[id] ?? id,
        onchanged: async () => {},
      },
    });
    expect(body.match(/data-testid="record-history"/g)).toHaveLength(2);
    // The text read out, tags and Svelte's markers aside.
    const said = body.replace(/<[^>]*>/g, '');
    expect(said).toContain('History of Porto – eThekwini');
    expect(said).toContain('History of Seville – Durban');
    // Inside a table row, not a card of its own.
    expect(body).not.toMatch(/<details[^>]*class="[^"]*\bcard\b/);
  });
});
