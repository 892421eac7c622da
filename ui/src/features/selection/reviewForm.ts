// One reviewer's review as the form holds it (text as typed) and as it is sent. A review is
// an explicit submission: it is built only when the person saves.
import type { Criterion, IpcError, Review } from '../../lib/api';
import type { FormErrors } from '../../lib/errors';

export interface ReviewFormValues {
  reviewer: string;
  /** Criterion key → score as typed; '' = not scored. */
  scores: Record<string, string>;
  note: string;
}

export function emptyReviewForm(criteria: readonly Criterion[], reviewer = ''): ReviewFormValues {
  return { reviewer, scores: Object.fromEntries(criteria.map((c) => [c.key, ''])), note: '' };
}

export function reviewToForm(review: Review, criteria: readonly Criterion[]): ReviewFormValues {
  return {
    reviewer: review.reviewer,
    scores: Object.fromEntries(
      criteria.map((c) => {
        const s = review.scores[c.key];
        return [c.key, s === undefined ? '' : String(s)];
      }),
    ),
    note: review.note,
  };
}

/** The form field of a score, as errors are keyed. */
export function scoreField(key: string): string {
  return `score-${key}`;
}

/** Errors of the review form. */
export const REVIEW_FIELDS = ['reviewer', 'scores', 'note'] as const;

// A score crosses IPC as a small whole number; anything else cannot even be sent, so it is
// caught here. Whether 0–10 is respected is the backend's to say.
const MAX_SENDABLE = 255;
const WHOLE = /^\d+$/;

/**
 * The review to send, or the scores that cannot be sent as typed. Empty scores are left out
 * (not scored yet).
 */
export function formToReview(
  form: ReviewFormValues,
  criteria: readonly Criterion[],
): { review: Review } | { errors: FormErrors } {
  const scores: Record<string, number> = {};
  const fields: Record<string, string[]> = {};
  for (const c of criteria) {
    const text = (form.scores[c.key] ?? '').trim();
    if (text === '') continue;
    const n = WHOLE.test(text) ? Number(text) : NaN;
    if (Number.isNaN(n) || n > MAX_SENDABLE) {
      fields[scoreField(c.key)] = ['Enter a whole number from 0 to 10.'];
    } else {
      scores[c.key] = n;
    }
  }
  if (Object.keys(fields).length > 0) return { errors: { fields, general: [] } };
  return { review: { reviewer: form.reviewer, scores, note: form.note } };
}

/**
 * Sorts a refused review's messages onto the form. The backend names fields within the
 * candidature ("reviews.3.scores.relevance", "reviews.3.reviewer"); a message for a score
 * without a criterion goes above the scores, anything else at the top.
 */
export function reviewErrors(err: IpcError, criteria: readonly Criterion[]): FormErrors {
  const out: FormErrors = { fields: {}, general: [] };
  const add = (field: string | null, message: string) => {
    const key = formKey(field, criteria);
    if (key === null) {
      if (!out.general.includes(message)) out.general.push(message);
      return;
    }
    const list = out.fields[key] ?? [];
    if (!list.includes(message)) list.push(message);
    out.fields[key] = list;
  };
  if (err.issues.length === 0) add(err.field, err.message);
  else for (const i of err.issues) add(i.field, i.message);
  return out;
}

function formKey(field: string | null, criteria: readonly Criterion[]): string | null {
  if (field === null) return null;
  const inner = field.replace(/^reviews[.[]\d+\]?\.?/, '');
  if (inner === 'reviewer' || inner === 'note') return inner;
  const score = /^(?:scores|criteria)[.[]([^\]]+)\]?$/.exec(inner);
  if (score && score[1] && criteria.some((c) => c.key === score[1])) return scoreField(score[1]);
  if (inner === 'scores' || inner.startsWith('scores.') || inner.startsWith('criteria.')) return 'scores';
  return null;
}

export function isReviewDirty(form: ReviewFormValues, baseline: ReviewFormValues): boolean {
  if (form.reviewer !== baseline.reviewer || form.note !== baseline.note) return true;
  const keys = new Set([...Object.keys(form.scores), ...Object.keys(baseline.scores)]);
  return [...keys].some((k) => (form.scores[k] ?? '') !== (baseline.scores[k] ?? ''));
}

/** The criterion's label with its weight, for the score input. */
export function criterionLabel(c: Criterion): string {
  return `${c.label} (weight ${c.weight})`;
}
