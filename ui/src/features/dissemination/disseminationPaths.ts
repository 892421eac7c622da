// The backend names a place in a plan by a path of the plan it was given:
// `practices.1.adopters.0.city`. Rows may have moved since (one added or removed while the save
// ran), so a path is tied to the rows it meant (`practices.<row>.adopters.<row>.city`) and only
// then turned into the element that shows it now (`dis-practices-1-adopters-0-city`).
import type { DisseminationForm } from './disseminationForm';

const INDEX = /^\d+$/;

/**
 * The path by rows of `form` (the one sent). A channel's path stops at `channels` (one textarea
 * shows them all). Null when the path names a row `form` does not have.
 */
export function rowPath(path: string, form: DisseminationForm): string | null {
  const [head, index, field, sub, subField] = path.split('.');
  if (head === undefined || head === '') return null;
  if (head !== 'practices' || index === undefined) return head;
  if (!INDEX.test(index)) return null;
  const practice = form.practices[Number(index)];
  if (!practice) return null;
  const base = `practices.${practice.row}`;
  if (field === undefined) return base;
  if (field !== 'adopters' || sub === undefined || !INDEX.test(sub)) return `${base}.${field}`;
  const adopter = practice.adopters[Number(sub)];
  if (!adopter) return `${base}.adopters`;
  return [base, 'adopters', adopter.row, ...(subField !== undefined ? [subField] : [])].join('.');
}

/** A row path back to the indexes of `form` as it is now; null when its row has gone. */
export function indexPath(path: string, form: DisseminationForm): string | null {
  const [head, row, field, sub, ...rest] = path.split('.');
  if (head !== 'practices' || row === undefined) return path;
  const i = form.practices.findIndex((p) => p.row === row);
  if (i === -1) return null;
  if (field !== 'adopters' || sub === undefined) return ['practices', i, ...(field !== undefined ? [field] : [])].join('.');
  const j = form.practices[i]?.adopters.findIndex((a) => a.row === sub) ?? -1;
  if (j === -1) return `practices.${i}.adopters`;
  return ['practices', i, 'adopters', j, ...rest].join('.');
}

/** The id of the element that shows a path (by indexes): `dis-practices-2-title`. */
export function elementId(path: string): string {
  return `dis-${path.split('.').join('-')}`;
}
