// The backend's refusals (and the broken links it finds in a stored plan) sorted onto the rows
// they were about, so that a message stays beside its row when rows move afterwards.
import type { IpcError, Issue } from '../../lib/api';
import { sortIssues, type Messages } from '../../lib/errors';
import type { PlanForm } from './planForm';
import { rowPath } from './planPaths';

/** Parts of the plan the editor shows; a message about anything else is a general one. */
const SHOWN = ['title', 'context', 'challenge', 'objectives', 'actions', 'stakeholders', 'risks', 'practices'];

export interface PlanErrors {
  /** By row path (see rowPath): `actions.p7.end`, `stakeholders`. */
  fields: Messages;
  general: string[];
}

export const NO_PLAN_ERRORS: PlanErrors = Object.freeze({ fields: {}, general: [] }) as PlanErrors;

export function planErrors(err: IpcError, sent: PlanForm): PlanErrors {
  const fields: Messages = {};
  const general = sortIssues(err, (field) => {
    const path = rowPath(field, sent);
    if (path === null || !SHOWN.includes(path.split('.')[0] ?? '')) return null;
    return (fields[path] ??= []);
  });
  return { fields, general };
}

/** The problems of a stored plan (broken links), each at its field. */
export function problemErrors(problems: readonly Issue[], form: PlanForm): PlanErrors {
  if (problems.length === 0) return NO_PLAN_ERRORS;
  return planErrors({ code: 'problems', message: '', field: null, issues: [...problems] }, form);
}

/** The messages at any of `paths`, joined; null when there are none. */
export function messagesAt(errors: PlanErrors, ...paths: string[]): string | null {
  const all = paths.flatMap((p) => errors.fields[p] ?? []);
  return all.length > 0 ? [...new Set(all)].join(' ') : null;
}
