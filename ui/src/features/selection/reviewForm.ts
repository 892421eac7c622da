// One reviewer's review as the form holds it (text as typed) and as it is sent. A review is
// an explicit submission: it is built only when the person saves.
import type { Criterion, IpcError, Review } from '../../lib/api';
import { sortIssues, type FormErrors } from '../../lib/errors';

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

/** The review already stored under this reviewer's name (the backend matches names trimmed). */
export function storedReview(reviews: readonly Review[], reviewer: string): Review | null {
  const name = reviewer.trim();
  if (name === '') return null;
  return reviews.find((r) => r.reviewer.trim() === name) ?? null;
}

/**
 * What saving under the form's reviewer name would change against: that reviewer's stored
 * review, or — for a reviewer without one — a review with nothing in it.
 */
export function reviewBaseline(
  reviews: readonly Review[],
  criteria: readonly Criterion[],
  reviewer: string,
): ReviewFormValues {
  const stored = storedReview(reviews, reviewer);
  return stored ? reviewToForm(stored, criteria) : emptyReviewForm(criteria, reviewer);
}

/** The form as it starts: the name last saved under, with that reviewer's review if any. */
export function startingForm(
  reviews: readonly Review[],
  criteria: readonly Criterion[],
  reviewer: string,
): ReviewFormValues {
  return { ...reviewBaseline(reviews, criteria, reviewer), reviewer };
}

function sameScores(a: ReviewFormValues, b: ReviewFormValues): boolean {
  const keys = new Set([...Object.keys(a.scores), ...Object.keys(b.scores)]);
  return [...keys].every((k) => (a.scores[k] ?? '').trim() === (b.scores[k] ?? '').trim());
}

/** The scores and note are as they were in `baseline` (the reviewer name is not compared). */
export function sameContent(form: ReviewFormValues, baseline: ReviewFormValues): boolean {
  return form.note === baseline.note && sameScores(form, baseline);
}

/**
 * Saving would change something: the scores or the note differ from what is stored under the
 * form's reviewer name (see reviewBaseline). A form equal to the stored review — or empty, for
 * a reviewer without one — has nothing to save.
 */
export function isReviewDirty(form: ReviewFormValues, baseline: ReviewFormValues): boolean {
  return form.reviewer.trim() !== baseline.reviewer.trim() || !sameContent(form, baseline);
}

/**
 * The form after the reviewer name (or the stored reviews) changed and the baseline with it.
 * Scores and a note the person has not touched — still those of the old baseline — follow the
 * name: typing the name of a reviewer who has a review loads it, and typing on clears it again.
 * Anything typed stays as typed; saving then replaces that reviewer's review.
 */
export function followBaseline(
  form: ReviewFormValues,
  before: ReviewFormValues,
  after: ReviewFormValues,
): ReviewFormValues {
  if (!sameContent(form, before) || sameContent(form, after)) return form;
  return { reviewer: form.reviewer, scores: { ...after.scores }, note: after.note };
}

/** The form field of a score, as errors are keyed. */
export function scoreField(key: string): string {
  return `score-${key}`;
}

// A score crosses IPC as a u8 (a whole number up to 255); anything else cannot even be sent, so
// it is refused here. Whether it is within the programme's range is the backend's to say.
const MAX_SENDABLE = 255;
const WHOLE = /^\d+$/;
export const NOT_WHOLE = 'Type a whole number.';
export const TOO_LARGE = 'This number is too large.';

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
    if (!WHOLE.test(text)) {
      fields[scoreField(c.key)] = [NOT_WHOLE];
      continue;
    }
    const n = Number(text);
    if (n > MAX_SENDABLE) fields[scoreField(c.key)] = [TOO_LARGE];
    else scores[c.key] = n;
  }
  if (Object.keys(fields).length > 0) return { errors: { fields, general: [] } };
  return { review: { reviewer: form.reviewer, scores, note: form.note } };
}

/**
 * Sorts a refused review's messages onto the form. The backend names fields within the
 * candidature: "reviews.3.reviewer", "reviews.3.note", "reviews.3.scores" (a score out of
 * range — the message does not say which criterion, so it goes above all the scores) and
 * "reviews.3.criteria.<key>" (a criterion the programme does not have; also about the scores).
 * Anything else goes at the top.
 */
export function reviewErrors(err: IpcError): FormErrors {
  const fields: FormErrors['fields'] = {};
  const general = sortIssues(err, (field) => {
    const key = formKey(field);
    return key === null ? null : (fields[key] ??= []);
  });
  return { fields, general };
}

function formKey(field: string): string | null {
  const m = /^reviews\.\d+\.(.+)$/.exec(field);
  const inner = m?.[1];
  if (inner === undefined) return null;
  if (inner === 'reviewer' || inner === 'note' || inner === 'scores') return inner;
  if (inner.startsWith('criteria.')) return 'scores';
  return null;
}

/** The criterion's label with its weight, for the score input. */
export function criterionLabel(c: Criterion): string {
  return `${c.label} (weight ${c.weight})`;
}

/** A request to put the form's typing aside: closing it, or loading another review into it. */
export type LeaveRequest = { kind: 'close' } | { kind: 'change'; reviewer: string };

/**
 * Whether a request may go ahead. A form with nothing to save lets it; otherwise the first
 * request is held (and shown as a note) and the same request again — with no edit between,
 * which clears `held` — drops the typing.
 */
export function askToLeave(
  held: LeaveRequest | null,
  request: LeaveRequest,
  dirty: boolean,
): { go: true } | { go: false; held: LeaveRequest } {
  if (!dirty || (held !== null && sameRequest(held, request))) return { go: true };
  return { go: false, held: request };
}

function sameRequest(a: LeaveRequest, b: LeaveRequest): boolean {
  if (a.kind === 'close' || b.kind === 'close') return a.kind === b.kind;
  return a.reviewer === b.reviewer;
}
