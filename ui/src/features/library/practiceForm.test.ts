import { describe, expect, it } from 'vitest';
import type { BestPractice, IpcError } from '../../lib/api';
import {
  formFromPractice,
  mergedPractice,
  practiceErrors,
  practiceFromForm,
  reviewedLine,
  reviewIsSaved,
  tidiedLists,
  withoutTag,
  withTag,
  withTheme,
} from './practiceForm';

function practice(over: Partial<BestPractice> = {}): BestPractice {
  return {
    id: 'P1',
    title: 'Repair cafés',
    city: 'C1',
    themes: ['circular', 'climate'],
    summary: 'Volunteers fix appliances',
    meeting: 'M1',
    problem: 'Waste',
    solution: 'Cafés',
    evidence: '4 t',
    resources: 'Volunteers',
    transferability: 'Any city',
    contacts: ['PE1'],
    tags: ['repair'],
    status: 'draft',
    reviewed_by: null,
    reviewed_at: null,
    captured_at: '2024-05-02T10:00:00Z',
    sample: false,
    ...over,
  };
}

const ipc = (issues: [string | null, string][]): IpcError => ({
  code: 'invalid',
  message: issues[0]?.[1] ?? 'Refused',
  field: issues.length === 1 ? (issues[0]?.[0] ?? null) : null,
  issues: issues.length === 1 ? [] : issues.map(([field, message]) => ({ code: 'invalid', field, message })),
});

describe('the practice from its page', () => {
  it('goes back as it came when nothing was typed', () => {
    const p = practice({ status: 'reviewed', reviewed_by: 'PE2', reviewed_at: '2024-06-01T09:00:00Z' });
    expect(practiceFromForm(formFromPractice(p), p)).toEqual(p);
  });

  it('sends none chosen as null, and keeps what the page does not edit from the last save', () => {
    const base = practice({ meeting: 'M9', captured_at: '2023-01-01T00:00:00Z', sample: true });
    const f = { ...formFromPractice(base), city: '' as const, reviewed_by: '' as const, title: 'Repair cafés ' };
    const p = practiceFromForm(f, base);
    expect(p).toMatchObject({ city: null, reviewed_by: null, title: 'Repair cafés ', meeting: 'M9', captured_at: '2023-01-01T00:00:00Z', sample: true });
  });

  it('marking reviewed sends the reviewer chosen, and none when none was', () => {
    const base = practice();
    const f = formFromPractice(base);
    expect(practiceFromForm({ ...f, status: 'reviewed', reviewed_by: 'PE2' }, base)).toMatchObject({ status: 'reviewed', reviewed_by: 'PE2' });
    expect(practiceFromForm({ ...f, status: 'reviewed' }, base)).toMatchObject({ status: 'reviewed', reviewed_by: null });
  });
});

describe('themes and tags', () => {
  it('a theme ticked goes last, the first stays the main one', () => {
    expect(withTheme(['climate'], 'energy', true)).toEqual(['climate', 'energy']);
    expect(withTheme(['climate', 'energy'], 'climate', true)).toEqual(['climate', 'energy']);
    expect(withTheme(['climate', 'energy'], 'climate', false)).toEqual(['energy']);
  });

  it('a tag typed is added trimmed, blank typing adds nothing, × removes that one', () => {
    expect(withTag(['repair'], '  schools ')).toEqual(['repair', 'schools']);
    expect(withTag(['repair'], '   ')).toEqual(['repair']);
    expect(withTag([], '재활용')).toEqual(['재활용']);
    expect(withoutTag(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
  });

  it("takes the backend's tidy lists only when they differ", () => {
    const sent = { ...formFromPractice(practice()), tags: ['Schools', 'schools'] };
    expect(tidiedLists(sent, practice({ tags: ['Schools'] }))).toEqual({ themes: ['circular', 'climate'], tags: ['Schools'] });
    expect(tidiedLists(formFromPractice(practice()), practice())).toBeNull();
  });
});

describe('the backend’s messages', () => {
  it('go beside their fields, with the tags and themes they blame', () => {
    const f = { ...formFromPractice(practice()), themes: ['climate', 'space'], tags: ['ok', 'x'.repeat(50)] };
    const e = practiceErrors(
      ipc([
        ['themes.1.theme', 'Theme 2 is not a theme of the programme.'],
        ['tags.1.tag', 'A tag is too long.'],
        ['title', 'The title is too long.'],
        ['meeting', 'The meeting is unknown.'],
      ]),
      f,
    );
    expect(e.fields).toEqual({
      themes: ['Theme 2 is not a theme of the programme.'],
      tags: ['A tag is too long.'],
      title: ['The title is too long.'],
    });
    expect(e.general).toEqual(['The meeting is unknown.']);
    expect(e.tags).toEqual([1]);
    expect(e.themes).toEqual(['space']);
  });

  it('a reviewer required is at reviewed_by', () => {
    const e = practiceErrors(ipc([['reviewed_by', 'Who reviewed it is required.']]), formFromPractice(practice()));
    expect(e.fields.reviewed_by).toEqual(['Who reviewed it is required.']);
    expect(e.general).toEqual([]);
    expect(e.tags).toEqual([]);
  });
});

describe('the review', () => {
  it('is saved when the practice is reviewed by the one chosen', () => {
    const saved = practice({ status: 'reviewed', reviewed_by: 'PE2', reviewed_at: '2024-06-01T09:00:00Z' });
    expect(reviewIsSaved(formFromPractice(saved), saved)).toBe(true);
    expect(reviewIsSaved({ ...formFromPractice(saved), reviewed_by: 'PE3' }, saved)).toBe(false);
    expect(reviewIsSaved({ ...formFromPractice(saved), status: 'draft' }, saved)).toBe(false);
    expect(reviewIsSaved({ ...formFromPractice(saved), status: 'reviewed' }, practice())).toBe(false);
  });

  it('says who and when', () => {
    expect(reviewedLine('Ana Silva', '2024-06-01T09:00:00Z')).toMatch(/^Reviewed by Ana Silva on \d{1,2} Jun 2024$/);
    expect(reviewedLine('Ana Silva', null)).toBe('Reviewed by Ana Silva');
  });
});

describe('a practice merged from elsewhere', () => {
  it('takes the new content', () => {
    const open = formFromPractice(practice());
    const next = mergedPractice(open, practice(), practice({ summary: 'Changed on another desktop', tags: ['repair', 'reuse'] }));
    expect(next?.summary).toBe('Changed on another desktop');
    expect(next?.tags).toEqual(['repair', 'reuse']);
    expect(next?.title).toBe('Repair cafés');
  });

  it('takes a change to a field the page does not edit', () => {
    const open = formFromPractice(practice());
    expect(mergedPractice(open, practice(), practice({ reviewed_at: '2024-06-01T09:00:00Z' }))).not.toBeNull();
  });

  it('is nothing when the practice is as this page last saved it, tidied', () => {
    const open = formFromPractice(practice({ title: 'Repair cafés ' }));
    expect(mergedPractice(open, practice(), practice())).toBeNull();
  });

  it('is nothing when the merge brought what the page would save', () => {
    const open = formFromPractice(practice());
    expect(mergedPractice(open, practice(), practice())).toBeNull();
  });
});
