import { describe, expect, it } from 'vitest';
import type { Criterion, IpcError } from '../../lib/api';
import {
  criterionLabel,
  emptyReviewForm,
  formToReview,
  isReviewDirty,
  reviewErrors,
  reviewToForm,
} from './reviewForm';

const criteria: Criterion[] = [
  { key: 'relevance', label: 'Relevance', weight: 30 },
  { key: 'commitment', label: 'Commitment', weight: 25 },
];

describe('the review form', () => {
  it('starts empty, with the last reviewer name', () => {
    expect(emptyReviewForm(criteria, 'Anna')).toEqual({
      reviewer: 'Anna',
      scores: { relevance: '', commitment: '' },
      note: '',
    });
  });

  it('loads an earlier review', () => {
    expect(reviewToForm({ reviewer: 'Anna', scores: { commitment: 0 }, note: 'ok' }, criteria)).toEqual({
      reviewer: 'Anna',
      scores: { relevance: '', commitment: '0' },
      note: 'ok',
    });
  });

  it('sends whole numbers and leaves out what is not scored', () => {
    const form = { reviewer: 'Anna', scores: { relevance: ' 7 ', commitment: '' }, note: 'Strong' };
    expect(formToReview(form, criteria)).toEqual({
      review: { reviewer: 'Anna', scores: { relevance: 7 }, note: 'Strong' },
    });
  });

  it('leaves the range to the backend but refuses what cannot be sent', () => {
    expect(formToReview({ reviewer: 'A', scores: { relevance: '11', commitment: '' }, note: '' }, criteria)).toEqual({
      review: { reviewer: 'A', scores: { relevance: 11 }, note: '' },
    });
    expect(formToReview({ reviewer: 'A', scores: { relevance: '7.5', commitment: '-1' }, note: '' }, criteria)).toEqual({
      errors: {
        fields: {
          'score-relevance': ['Enter a whole number from 0 to 10.'],
          'score-commitment': ['Enter a whole number from 0 to 10.'],
        },
        general: [],
      },
    });
  });

  it('notices changes', () => {
    const a = emptyReviewForm(criteria);
    expect(isReviewDirty(a, emptyReviewForm(criteria))).toBe(false);
    expect(isReviewDirty({ ...a, scores: { ...a.scores, relevance: '3' } }, a)).toBe(true);
    expect(isReviewDirty({ ...a, note: 'x' }, a)).toBe(true);
  });

  it('labels a criterion with its weight', () => {
    expect(criterionLabel(criteria[0]!)).toBe('Relevance (weight 30)');
  });
});

describe('reviewErrors', () => {
  const err = (issues: [string | null, string][]): IpcError => ({
    code: 'invalid',
    message: `${issues.length} fields need attention.`,
    field: issues[0]?.[0] ?? null,
    issues: issues.map(([field, message]) => ({ code: 'x', field, message })),
  });

  it('puts each message beside its field', () => {
    const e = reviewErrors(
      err([
        ['reviews.2.reviewer', 'Reviewer is required.'],
        ['reviews.2.scores.relevance', 'A score must be from 0 to 10.'],
        ['reviews.2.note', 'Note is too long.'],
      ]),
      criteria,
    );
    expect(e.fields).toEqual({
      reviewer: ['Reviewer is required.'],
      'score-relevance': ['A score must be from 0 to 10.'],
      note: ['Note is too long.'],
    });
    expect(e.general).toEqual([]);
  });

  it('puts a score message without criterion above the scores, and the rest on top', () => {
    const e = reviewErrors(
      err([
        ['reviews.0.scores', 'A score must be from 0 to 10.'],
        ['reviews.0.criteria.unknown', '“unknown” is not a criterion.'],
        ['city_name', 'City is required.'],
        [null, 'Something else.'],
      ]),
      criteria,
    );
    expect(e.fields).toEqual({
      scores: ['A score must be from 0 to 10.', '“unknown” is not a criterion.'],
    });
    expect(e.general).toEqual(['City is required.', 'Something else.']);
  });

  it('keeps an error without issues', () => {
    const e = reviewErrors({ code: 'not_found', message: 'The candidature is gone.', field: null, issues: [] }, criteria);
    expect(e.general).toEqual(['The candidature is gone.']);
  });
});
