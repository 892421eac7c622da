// The CSV import's mapping form: which column of the file feeds which target. The form holds a
// column name per target ('' = not imported); the backend says what is missing or wrong.
import type { ColumnMapping, Criterion, IpcError, Question } from '../../lib/api';

export interface MappingForm {
  city: string;
  country: string;
  submitted_at: string;
  /** Question key → column, '' when not imported. */
  answers: Record<string, string>;
  /** Criterion key → column, '' when not imported. */
  scores: Record<string, string>;
  reviewer: string;
}

export const NOT_IMPORTED = '';

function pick(map: { [key in string]?: string }, key: string): string {
  return map[key] ?? NOT_IMPORTED;
}

/** The form for a guessed mapping: one entry per question and per criterion. */
export function mappingToForm(
  mapping: ColumnMapping,
  questionnaire: readonly Question[],
  criteria: readonly Criterion[],
): MappingForm {
  return {
    city: mapping.city,
    country: mapping.country,
    submitted_at: mapping.submitted_at,
    answers: Object.fromEntries(questionnaire.map((q) => [q.key, pick(mapping.answers, q.key)])),
    scores: Object.fromEntries(criteria.map((c) => [c.key, pick(mapping.scores, c.key)])),
    reviewer: mapping.reviewer,
  };
}

export function anyScoreMapped(form: MappingForm): boolean {
  return Object.values(form.scores).some((c) => c !== NOT_IMPORTED);
}

/**
 * What is sent to the import. Targets left "not imported" are left out of `answers` and
 * `scores`; the reviewer goes only with scores (without them there is no review to name).
 */
export function formToMapping(form: MappingForm): ColumnMapping {
  const mapped = (m: Record<string, string>) =>
    Object.fromEntries(Object.entries(m).filter(([, column]) => column !== NOT_IMPORTED));
  return {
    city: form.city,
    country: form.country,
    submitted_at: form.submitted_at,
    answers: mapped(form.answers),
    scores: mapped(form.scores),
    reviewer: anyScoreMapped(form) ? form.reviewer.trim() : '',
  };
}

/**
 * The columns a select offers: the file's headers, plus the current choice when the file does
 * not have it (so the select never silently shows another column than the one that is sent).
 */
export function columnOptions(headers: readonly string[], current: string): string[] {
  const unique = [...new Set(headers)];
  return current !== NOT_IMPORTED && !unique.includes(current) ? [...unique, current] : unique;
}

/**
 * The columns a refused import complains about. The backend names a line's problem
 * `rows.<line>.<column>` (a column name may itself hold dots).
 */
export function columnsWithProblems(err: IpcError): Set<string> {
  const out = new Set<string>();
  for (const field of [err.field, ...err.issues.map((i) => i.field)]) {
    const m = field === null ? null : /^rows\.\d+\.([\s\S]+)$/.exec(field);
    if (m && m[1]) out.add(m[1]);
  }
  return out;
}

/** True when a refused import names the reviewer field (the reviewer is missing, too long, …). */
export function reviewerHasProblem(err: IpcError): boolean {
  return [err.field, ...err.issues.map((i) => i.field)].some(
    (f) => f !== null && /(^|\.)reviewer$/.test(f),
  );
}
