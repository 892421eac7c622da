import { describe, expect, it } from 'vitest';
import type { Criterion, IpcError, Review } from '../../lib/api';
import {
  askToLeave,
  criterionLabel,
  emptyReviewForm,
  followBaseline,
  formToReview,
  isReviewDirty,
  NOT_WHOLE,
  reviewBaseline,
  reviewErrors,
  reviewToForm,
  startingForm,
  storedReview,
  TOO_LARGE,
} from './reviewForm';

const criteria: Criterion[] = [
  { key: 'relevance', label: 'Relevance', weight: 30 },
  { key: 'commitment', label: 'Commitment', weight: 25 },
];

const anna: Review = { reviewer: 'Anna', scores: { relevance: 7, commitment: 0 }, note: 'ok' };
const ben: Review = { reviewer: 'Ben', scores: { relevance: 4 }, note: '' };

describe('the review form', () => {
  it('starts empty for a reviewer without a review', () => {
    expect(startingForm([ben], criteria, 'Anna')).toEqual({
      reviewer: 'Anna',
      scores: { relevance: '', commitment: '' },
      note: '',
    });
  });

  it("starts with the reviewer's own review when there is one, so saving at once changes nothing", () => {
    const form = startingForm([ben, anna], criteria, 'Anna');
    expect(form).toEqual({ reviewer: 'Anna', scores: { relevance: '7', commitment: '0' }, note: 'ok' });
    expect(isReviewDirty(form, reviewBaseline([ben, anna], criteria, form.reviewer))).toBe(false);
  });

  it('loads an earlier review', () => {
    expect(reviewToForm({ reviewer: 'Anna', scores: { commitment: 0 }, note: 'ok' }, criteria)).toEqual({
      reviewer: 'Anna',
      scores: { relevance: '', commitment: '0' },
      note: 'ok',
    });
  });

  it('finds the stored review by name, as the backend does (trimmed)', () => {
    expect(storedReview([ben, anna], ' Anna ')).toBe(anna);
    expect(storedReview([ben, anna], 'Ann')).toBeNull();
    expect(storedReview([{ ...anna, reviewer: '' }], '')).toBeNull();
  });

  it('has nothing to save when the form is the stored review, or empty for a new reviewer', () => {
    const baseline = reviewBaseline([anna], criteria, 'Anna');
    expect(isReviewDirty({ reviewer: 'Anna', scores: { relevance: ' 7', commitment: '0' }, note: 'ok' }, baseline)).toBe(false);
    expect(isReviewDirty({ reviewer: 'Anna', scores: { relevance: '', commitment: '0' }, note: 'ok' }, baseline)).toBe(true);
    expect(isReviewDirty({ reviewer: 'Anna', scores: { relevance: '7', commitment: '0' }, note: 'ok!' }, baseline)).toBe(true);
    const nobody = reviewBaseline([anna], criteria, 'Cleo');
    expect(isReviewDirty(emptyReviewForm(criteria, 'Cleo'), nobody)).toBe(false);
    expect(isReviewDirty({ ...emptyReviewForm(criteria, 'Cleo'), note: 'x' }, nobody)).toBe(true);
  });

  it("loads a reviewer's review as the name is typed, and clears it when the name moves on", () => {
    const reviews = [anna, ben];
    const at = (name: string) => reviewBaseline(reviews, criteria, name);
    let form = emptyReviewForm(criteria, 'Ann');
    form = followBaseline({ ...form, reviewer: 'Anna' }, at('Ann'), at('Anna'));
    expect(form).toEqual({ reviewer: 'Anna', scores: { relevance: '7', commitment: '0' }, note: 'ok' });
    form = followBaseline({ ...form, reviewer: 'Annab' }, at('Anna'), at('Annab'));
    expect(form).toEqual({ reviewer: 'Annab', scores: { relevance: '', commitment: '' }, note: '' });
  });

  it('never overwrites scores or a note the reviewer typed', () => {
    const typed = { reviewer: 'Anna', scores: { relevance: '3', commitment: '' }, note: '' };
    const before = reviewBaseline([anna], criteria, 'Ann');
    expect(followBaseline(typed, before, reviewBaseline([anna], criteria, 'Anna'))).toBe(typed);
  });

  it('sends whole numbers as typed and leaves out what is not scored', () => {
    const form = { reviewer: 'Anna', scores: { relevance: ' 7 ', commitment: '' }, note: 'Strong' };
    expect(formToReview(form, criteria)).toEqual({
      review: { reviewer: 'Anna', scores: { relevance: 7 }, note: 'Strong' },
    });
  });

  it('leaves the range to the backend but refuses what cannot be sent', () => {
    expect(formToReview({ reviewer: 'A', scores: { relevance: '11', commitment: '' }, note: '' }, criteria)).toEqual({
      review: { reviewer: 'A', scores: { relevance: 11 }, note: '' },
    });
    expect(formToReview({ reviewer: 'A', scores: { relevance: '7.5', commitment: 'seven' }, note: '' }, criteria)).toEqual({
      errors: { fields: { 'score-relevance': [NOT_WHOLE], 'score-commitment': [NOT_WHOLE] }, general: [] },
    });
    expect(formToReview({ reviewer: 'A', scores: { relevance: '-1', commitment: '256' }, note: '' }, criteria)).toEqual({
      errors: { fields: { 'score-relevance': [NOT_WHOLE], 'score-commitment': [TOO_LARGE] }, general: [] },
    });
    expect(NOT_WHOLE).toBe('Type a whole number.');
  });

  it('labels a criterion with its weight', () => {
    expect(criterionLabel(criteria[0]!)).toBe('Relevance (weight 30)');
  });
});

describe('putting typing aside', () => {
  it('lets a form with nothing to save go at once', () => {
    expect(askToLeave(null, { kind: 'close' }, false)).toEqual({ go: true });
  });

  it('holds the first request of a form with typing, and lets the same request again go', () => {
    const first = askToLeave(null, { kind: 'close' }, true);
    expect(first).toEqual({ go: false, held: { kind: 'close' } });
    expect(askToLeave({ kind: 'close' }, { kind: 'close' }, true)).toEqual({ go: true });
  });

  it('does not count another request as the second one', () => {
    expect(askToLeave({ kind: 'close' }, { kind: 'change', reviewer: 'Ben' }, true)).toEqual({
      go: false,
      held: { kind: 'change', reviewer: 'Ben' },
    });
    expect(askToLeave({ kind: 'change', reviewer: 'Ben' }, { kind: 'change', reviewer: 'Anna' }, true)).toEqual({
      go: false,
      held: { kind: 'change', reviewer: 'Anna' },
    });
    expect(askToLeave({ kind: 'change', reviewer: 'Ben' }, { kind: 'change', reviewer: 'Ben' }, true)).toEqual({ go: true });
  });
});

describe('reviewErrors', () => {
  const err = (issues: [string | null, string][]): IpcError => ({
    code: 'invalid',
    message: `${issues.length} fields need attention.`,
    field: issues[0]?.[0] ?? null,
    issues: issues.map(([field, message]) => ({ code: 'x', field, message })),
  });

  it('puts the reviewer, the note and the scores messages beside them', () => {
    // The backend's own fields (candidature.rs): a score out of range names no criterion.
    const e = reviewErrors(
      err([
        ['reviews.2.reviewer', 'Reviewer is required.'],
        ['reviews.2.scores', 'A score must be between 0 and 10.'],
        ['reviews.2.note', 'Note is too long (at most 2000 characters).'],
      ]),
    );
    expect(e.fields).toEqual({
      reviewer: ['Reviewer is required.'],
      scores: ['A score must be between 0 and 10.'],
      note: ['Note is too long (at most 2000 characters).'],
    });
    expect(e.general).toEqual([]);
  });

  it('puts an unknown criterion with the scores, and the rest on top', () => {
    const e = reviewErrors(
      err([
        ['reviews.0.scores', 'A score must be between 0 and 10.'],
        ['reviews.0.scores', 'A score must be between 0 and 10.'],
        ['reviews.0.criteria.charisma', '“charisma” is not a review criterion of this programme.'],
        ['city_name', 'City is required.'],
        [null, 'Something else.'],
      ]),
    );
    expect(e.fields).toEqual({
      scores: ['A score must be between 0 and 10.', '“charisma” is not a review criterion of this programme.'],
    });
    expect(e.general).toEqual(['City is required.', 'Something else.']);
  });

  it('keeps an error without issues', () => {
    const e = reviewErrors({ code: 'not_found', message: 'The candidature is gone.', field: null, issues: [] });
    expect(e.general).toEqual(['The candidature is gone.']);
    const one = reviewErrors({ code: 'out_of_range', message: 'Review 1: A score must be between 0 and 10.', field: 'reviews.0.scores', issues: [] });
    expect(one.fields).toEqual({ scores: ['Review 1: A score must be between 0 and 10.'] });
  });
});
