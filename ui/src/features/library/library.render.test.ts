// The library's pieces as rendered without a window: what the e2e tests look for is there, and
// people's text (a practice's title, a snippet) is text, never markup.
import { describe, expect, it } from 'vitest';
import { render } from 'svelte/server';
import type { BestPractice, LibraryHit, PracticeView } from '../../lib/api';
import PracticeEditor from './PracticeEditor.svelte';
import PracticeHit from './PracticeHit.svelte';
import SearchPalette from '../search/SearchPalette.svelte';

function practice(over: Partial<BestPractice> = {}): BestPractice {
  return {
    id: '01HZX3K7Q9W2E4R6T8Y0U1I3O5',
    title: 'Repair cafés',
    city: 'C1',
    themes: ['circular'],
    summary: 'Volunteers fix appliances',
    meeting: 'M1',
    problem: '',
    solution: '',
    evidence: '',
    resources: '',
    transferability: '',
    contacts: [],
    tags: ['repair', '<b>bold</b>'],
    status: 'draft',
    reviewed_by: null,
    reviewed_at: null,
    captured_at: '2024-05-02T10:00:00Z',
    sample: false,
    ...over,
  };
}

const themes = [{ key: 'circular', label: 'Circular economy' }];
const cities = [{ id: 'C1', name: 'Porto', local_name: null, country: 'PT', time_zone: 'Europe/Lisbon', population: null, languages: [], sample: false }];
const people = [{ id: 'PE1', name: 'Ana Silva', role: 'Cluster manager', organisation: null, city: null, email: '', phone: '', languages: [], sample: false }];

function page(over: Partial<PracticeView> = {}, p: Partial<BestPractice> = {}) {
  const view: PracticeView = { practice: practice(p), meeting: null, meeting_gone: false, reviewer: null, ...over };
  return render(PracticeEditor, { props: { view, back: '#/best-practices?q=repair', themes, cities, people, ondeleted: () => {} } }).body;
}

describe("a practice's page", () => {
  it('has every field, the way back, the review and delete', () => {
    const body = page({ meeting: { id: 'M1', title: 'Circular economy: repair', start: '2022-06-08T09:00:00Z' } });
    for (const t of ['practice-title', 'practice-city', 'practice-summary', 'practice-themes', 'practice-problem', 'practice-solution', 'practice-evidence', 'practice-resources', 'practice-transferability', 'practice-contacts', 'practice-tag-input', 'practice-reviewer', 'practice-mark-reviewed', 'delete-practice', 'back-to-library', 'practice-save-state']) {
      expect(body, t).toContain(`data-testid="${t}"`);
    }
    expect(body).toContain('href="#/best-practices?q=repair"');
    expect(body).toContain('href="#/meetings/M1"');
    expect(body).toContain('Evidence of results');
    expect(body).toContain('&lt;b>bold&lt;/b>');
    expect(body).not.toContain('<b>bold</b>');
  });

  it('says when the meeting it came from is gone', () => {
    expect(page({ meeting_gone: true })).toContain('The meeting it came from has been deleted.');
  });

  it('a reviewed one says by whom and offers to go back to draft', () => {
    const body = page({ reviewer: 'Ana Silva' }, { status: 'reviewed', reviewed_by: 'PE1', reviewed_at: '2024-06-01T09:00:00Z' });
    expect(body).toMatch(/Reviewed by Ana Silva on \d{1,2} Jun 2024/);
    expect(body).toContain('data-testid="practice-back-to-draft"');
    expect(body).not.toContain('data-testid="practice-mark-reviewed"');
  });
});

describe('a line of the library', () => {
  it('marks the matches, as text', () => {
    const hit: LibraryHit = {
      practice: { id: 'P1', title: 'Repair <script>x</script>', summary: 'Volunteers', city: 'Porto, Portugal', themes: ['Circular economy'], tags: ['repair'], status: 'reviewed', captured_at: '' },
      matches: [
        { field: 'title', label: 'Title', snippet: { text: 'Repair <script>x</script>', ranges: [{ start: 0, end: 6 }], before: false, after: false } },
        { field: 'problem', label: 'Problem', snippet: { text: 'broken 광주 toasters', ranges: [{ start: 7, end: 9 }], before: true, after: true } },
      ],
    };
    // Svelte's hydration comments and scoped classes are no concern of this test.
    const body = render(PracticeHit, { props: { hit } })
      .body.replace(/<!--[^]*?-->/g, '')
      .replace(/ class="[^"]*"/g, '');
    expect(body).toContain('<mark>Repair</mark>');
    expect(body).toContain('&lt;script>x&lt;/script>');
    expect(body).not.toContain('<script>x');
    expect(body).toContain('…broken <mark>광주</mark> toasters…');
    expect(body).toContain('href="#/best-practices/P1"');
    expect(body).toContain('Porto, Portugal · Circular economy');
    expect(body).toContain('data-status="reviewed"');
  });
});

describe('search everywhere', () => {
  it('is a closed dialog until Ctrl+K', () => {
    const body = render(SearchPalette, { props: {} }).body;
    expect(body).toContain('data-testid="search-palette"');
    expect(body).not.toContain('palette-input');
  });
});
