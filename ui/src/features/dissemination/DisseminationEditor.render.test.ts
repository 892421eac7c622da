// The editor's markup as rendered without a window: every control the e2e tests look for is
// there, with the id its path gives it (where the backend's messages are shown).
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import BookExport from './BookExport.svelte';
import DisseminationEditor from './DisseminationEditor.svelte';
import PlanKindSwitch from './PlanKindSwitch.svelte';
import { samplePlan } from './disseminationFixture';

const city = (id: string, name: string) => ({ id, name, local_name: null, country: 'PT', time_zone: 'Europe/Lisbon', population: null, languages: [], sample: false });

describe('dissemination editor (rendered on the server)', () => {
  it('renders every field of every practice and adopter with its path id', () => {
    const { body } = render(DisseminationEditor, {
      props: {
        plan: samplePlan(),
        cityName: 'Porto',
        cities: [city('C1', 'Porto'), city('C2', 'Seville')],
        practices: [],
        onclose: () => {},
        ondeleted: () => {},
      },
    });
    for (const t of ['dissemination-summary', 'add-practice', 'practice-title', 'practice-link', 'add-adopter', 'adopter-kind', 'adopter-city', 'adopter-name', 'practice-adaptation', 'practice-channels', 'practice-status', 'dissemination-save-state', 'delete-dissemination', 'record-history']) {
      expect(body, t).toContain(`data-testid="${t}"`);
    }
    expect(body).toContain('Dissemination plan: Porto');
    expect(body).toContain('id="dis-practices-0-adopters-1-name"');
    expect(body).toContain('id="dis-practices-0-adopters-0-city"');
    expect(body).toContain('id="dis-practices-1-title"');
    // The first practice links a captured one that is gone: it is named for what it was.
    expect(body).toContain('Unknown practice');
    expect(body).toMatch(/Eurocities\nNewsletter/);
  });

  it('offers the book with a paper and the switch between kinds of plan', () => {
    const book = render(BookExport, { props: { defaultPaper: 'letter' } }).body;
    expect(book).toContain('data-testid="export-book"');
    expect(book).toContain('data-testid="book-export-note"');
    const tabs = render(PlanKindSwitch, { props: { current: 'dissemination', onchange: () => {} } }).body;
    expect(tabs).toMatch(/data-testid="dissemination-tab"[^>]*aria-current="page"|aria-current="page"[^>]*data-testid="dissemination-tab"/);
  });
});
