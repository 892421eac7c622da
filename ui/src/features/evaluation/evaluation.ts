// Participants' evaluations of a meeting or a study visit. They are typed in after the fact from
// paper or online forms. Whether a response is acceptable is the backend's call; this module
// only turns the form into an Evaluation and puts the backend's answers back on the form.
import { NEW_RECORD_ID } from '../../lib/api';
import type { Evaluation, EvaluationQuestion, EvaluationSubject, Id, IpcError, QuestionSummary, Rating } from '../../lib/api';
import { sortIssues, type FormErrors } from '../../lib/errors';
import { UNKNOWN_CITY } from '../../lib/names';

/**
 * The choices each question's radios offer: the domain's scale, 1 to RATING_MAX. Only the
 * choices are offered here; the backend still checks every score it gets.
 */
export const SCORES: readonly number[] = [1, 2, 3, 4, 5];

/** The form's own fields; a question's rating is `ratingField(key)`. */
export const EVALUATION_FIELDS = ['respondent', 'city', 'ratings', 'comment'] as const;
export type EvaluationField = (typeof EVALUATION_FIELDS)[number];

export const ANONYMOUS = 'Anonymous';

/** Whose response it is, inside a sentence: "the evaluation of Ana Silva". */
export function whose(respondent: string): string {
  return respondent.trim() || 'an anonymous respondent';
}

/** The form as typed; '' in the city select is "not said", null a question not rated. */
export interface EvaluationForm {
  respondent: string;
  city: Id | '';
  /** The score by question key, for every question the form shows. */
  scores: Record<string, number | null>;
  comment: string;
  /**
   * Ratings of questions the form does not show (ones the programme no longer asks). They go
   * back as they were: dropping them silently would lose what the respondent said, and the
   * backend decides what becomes of them.
   */
  others: Rating[];
}

export function emptyEvaluationForm(questions: readonly Pick<EvaluationQuestion, 'key'>[]): EvaluationForm {
  return {
    respondent: '',
    city: '',
    scores: Object.fromEntries(questions.map((q) => [q.key, null])),
    comment: '',
    others: [],
  };
}

export function formFromEvaluation(e: Evaluation, questions: readonly Pick<EvaluationQuestion, 'key'>[]): EvaluationForm {
  const shown = new Set(questions.map((q) => q.key));
  return {
    respondent: e.respondent,
    city: e.city ?? '',
    scores: Object.fromEntries(questions.map((q) => [q.key, e.ratings.find((r) => r.question === q.key)?.score ?? null])),
    comment: e.comment,
    others: e.ratings.filter((r) => !shown.has(r.question)).map((r) => ({ ...r })),
  };
}

/**
 * The evaluation to send: the questions rated in the programme's order, then the ones the form
 * does not show. `base` is the evaluation being edited (null for a new one): it keeps its id,
 * submission time and sample mark. Text goes as typed; tidying it is the backend's.
 */
export function evaluationFromForm(
  form: EvaluationForm,
  questions: readonly Pick<EvaluationQuestion, 'key'>[],
  subject: EvaluationSubject,
  base: Evaluation | null,
): Evaluation {
  const ratings: Rating[] = [];
  for (const q of questions) {
    const score = form.scores[q.key];
    if (score !== null && score !== undefined) ratings.push({ question: q.key, score });
  }
  return {
    id: base?.id ?? NEW_RECORD_ID,
    subject,
    respondent: form.respondent,
    city: form.city === '' ? null : form.city,
    ratings: [...ratings, ...form.others.map((r) => ({ ...r }))],
    comment: form.comment,
    submitted_at: base?.submitted_at ?? '',
    sample: base?.sample ?? false,
  };
}

/**
 * The form after a colleague's change to the evaluation being edited was merged in, or null
 * when there is nothing to take. Nothing saves here until asked, so the form may hold typing
 * not saved yet. A field (a question's score counts as one) is taken when it now differs from
 * `answered`, the evaluation as the backend last gave it here — not from what was sent, or a
 * space the backend tidied away would come back as a change — and was not touched since the
 * form was loaded or saved (`pristine`). What was typed here stays: it is the person's edit.
 */
export function mergedEvaluationForm(
  open: EvaluationForm,
  pristine: EvaluationForm,
  answered: EvaluationForm,
  fresh: EvaluationForm,
): EvaluationForm | null {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const pick = <T>(mine: T, before: T, backend: T, now: T): T => (!same(now, backend) && same(mine, before) ? structuredClone(now) : mine);
  const scores: Record<string, number | null> = {};
  for (const [q, score] of Object.entries(open.scores)) {
    scores[q] = pick(score, pristine.scores[q] ?? null, answered.scores[q] ?? null, fresh.scores[q] ?? null);
  }
  const next: EvaluationForm = {
    respondent: pick(open.respondent, pristine.respondent, answered.respondent, fresh.respondent),
    city: pick(open.city, pristine.city, answered.city, fresh.city),
    scores,
    comment: pick(open.comment, pristine.comment, answered.comment, fresh.comment),
    others: pick(open.others, pristine.others, answered.others, fresh.others),
  };
  return same(next, open) ? null : next;
}

/** The errors key of one question's rating. */
export function ratingField(question: string): string {
  return `rating:${question}`;
}

/**
 * Sorts a refused save's issues onto the form. `ratings.3.score`, `ratings.3.question` and
 * `ratings.3` name the 4th rating *sent*, so `sent` says which question that was; it goes
 * beside that question when the form shows it. `ratings` alone (nothing rated and no comment),
 * `respondent`, `city` and `comment` go beside their fields. Anything else (`subject`, a
 * question the form does not show, …) is general, so no message is lost.
 */
export function evaluationErrors(err: IpcError, sent: Pick<Evaluation, 'ratings'>, shown: readonly string[]): FormErrors {
  const fields: FormErrors['fields'] = {};
  const general = sortIssues(err, (field) => {
    const rating = /^ratings[.[](\d+)\]?(?:\.\w+)?$/.exec(field);
    if (rating) {
      const key = sent.ratings[Number(rating[1])]?.question;
      return key !== undefined && shown.includes(key) ? (fields[ratingField(key)] ??= []) : null;
    }
    return (EVALUATION_FIELDS as readonly string[]).includes(field) ? (fields[field] ??= []) : null;
  });
  return { fields, general };
}

/**
 * Each score's bar as a share of the question's answers, in whole percent (0 for all when
 * nobody answered). The counts are printed beside the bars, so the bars only need to be close.
 */
export function barWidths(counts: readonly number[]): number[] {
  const total = counts.reduce((a, b) => a + b, 0);
  return counts.map((n) => (total === 0 ? 0 : Math.round((100 * n) / total)));
}

/** "4.2 / 5", or that nobody answered. The scale is as long as the backend's counts. */
export function meanText(q: Pick<QuestionSummary, 'answered' | 'mean' | 'counts'>): string {
  return q.answered === 0 ? 'No answers yet' : `${q.mean} / ${q.counts.length}`;
}

/** Who answered as far as they said: "Ana Silva, Porto", "Porto", "Ana Silva", or ''. */
export function signature(respondent: string, cityName: string): string {
  return [respondent.trim(), cityName.trim()].filter((s) => s !== '').join(', ');
}

/** The name of a response's city: '' for none, `UNKNOWN_CITY` for one no longer listed. */
export function responseCityName(city: Id | null, name: string | null | undefined): string {
  if (city === null) return '';
  return name ?? UNKNOWN_CITY;
}

/** How many of the shown questions a response rates: "Rated 3 of 5 questions". */
export function ratedText(e: Pick<Evaluation, 'ratings'>, questions: readonly Pick<EvaluationQuestion, 'key'>[]): string {
  const rated = questions.filter((q) => e.ratings.some((r) => r.question === q.key)).length;
  return `Rated ${rated} of ${questions.length} ${questions.length === 1 ? 'question' : 'questions'}`;
}
