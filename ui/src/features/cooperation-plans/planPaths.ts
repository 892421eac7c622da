// The backend names a place in a plan by a path of the plan it was given: `actions.2.end`,
// `actions.0.indicators.1.target`. The editor's rows may have moved since (one added or
// removed while the save ran), so a path is first tied to the rows it meant (`actions.<row>.end`)
// and only then turned into the element that shows it now (`plan-actions-1-end`).
import type { PlanForm } from './planForm';

/** Lists whose entries are rows of their own (with a row key). */
const ROW_LISTS = ['objectives', 'actions', 'risks'] as const;

/**
 * The path by rows of `form` (the one sent): `actions.2.indicators.0.target` →
 * `actions.p7.indicators.p9.target`. Indexes into plain lists (stakeholders, partners, an
 * action's objectives) stop the path there: the list is what shows them. Null when the path
 * names a row `form` does not have.
 */
export function rowPath(path: string, form: PlanForm): string | null {
  const parts = path.split('.');
  const [head, index, ...rest] = parts;
  if (head === undefined) return null;
  if (!(ROW_LISTS as readonly string[]).includes(head) || index === undefined) return head === '' ? null : head;
  if (!/^\d+$/.test(index)) return null;
  const list = form[head as (typeof ROW_LISTS)[number]] as readonly { row: string }[];
  const row = list[Number(index)];
  if (!row) return null;
  if (head !== 'actions' || rest.length === 0) return [head, row.row, ...rest.slice(0, 1)].join('.');
  const [field, sub, subField] = rest;
  if (field === 'indicators' && sub !== undefined && /^\d+$/.test(sub)) {
    const action = form.actions[Number(index)];
    const ind = action?.indicators[Number(sub)];
    if (!ind) return `actions.${row.row}.indicators`;
    return ['actions', row.row, 'indicators', ind.row, ...(subField !== undefined ? [subField] : [])].join('.');
  }
  return `actions.${row.row}.${field}`;
}

/** A row path back to the indexes of `form` as it is now; null when its row has gone. */
export function indexPath(path: string, form: PlanForm): string | null {
  const parts = path.split('.');
  const [head, row, ...rest] = parts;
  if (head === undefined || !(ROW_LISTS as readonly string[]).includes(head) || row === undefined) return path;
  const list = form[head as (typeof ROW_LISTS)[number]] as readonly { row: string }[];
  const i = list.findIndex((r) => r.row === row);
  if (i === -1) return null;
  if (head === 'actions' && rest[0] === 'indicators' && rest[1] !== undefined) {
    const j = form.actions[i]?.indicators.findIndex((r) => r.row === rest[1]) ?? -1;
    if (j === -1) return `actions.${i}.indicators`;
    return ['actions', i, 'indicators', j, ...rest.slice(2)].join('.');
  }
  return [head, i, ...rest].join('.');
}

/** The id of the element that shows a path (of the form as it is now): `plan-actions-2-end`. */
export function elementId(path: string): string {
  return `plan-${path.split('.').join('-')}`;
}

/**
 * Where to look for a path's element, the most precise first: the element itself, its row's
 * first input (a path may name a whole row, `objectives.1`), then what holds it.
 */
export function candidateIds(path: string): string[] {
  const ids: string[] = [];
  const parts = path.split('.');
  for (let n = parts.length; n > 0; n--) {
    const id = elementId(parts.slice(0, n).join('.'));
    ids.push(id);
    if (n === parts.length) for (const first of ['text', 'title', 'risk', 'name']) ids.push(`${id}-${first}`);
  }
  return ids;
}

const WORDS: Record<string, string> = {
  title: 'Title',
  context: 'Context',
  challenge: 'Shared challenge',
  objectives: 'Objective',
  actions: 'Action',
  indicators: 'Indicator',
  risks: 'Risk',
  stakeholders: 'Stakeholder',
  practices: 'Practice to transfer',
  partners: 'Partner',
  description: 'Description',
  lead: 'Lead',
  start: 'Start',
  end: 'End',
  resources: 'Resources',
  status: 'Status',
  name: 'Name',
  baseline: 'Baseline',
  target: 'Target',
  unit: 'Unit',
  text: 'Text',
  risk: 'Risk',
  mitigation: 'Mitigation',
  key: 'Key',
};

/** Where in words: `actions.2.indicators.0.target` → "Action 3 › Indicator 1 › Target". */
export function describePath(path: string): string {
  const out: string[] = [];
  const parts = path.split('.');
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i] as string;
    const next = parts[i + 1];
    const word = WORDS[p] ?? p.replace(/_/g, ' ').replace(/^./, (c) => c.toUpperCase());
    if (next !== undefined && /^\d+$/.test(next)) {
      // An action's objectives are the objectives it serves.
      out.push(p === 'objectives' && i > 0 ? `Objective served ${Number(next) + 1}` : `${word} ${Number(next) + 1}`);
      i += 1;
    } else if (p === 'objectives' && i > 0) {
      out.push('Objectives served');
    } else {
      out.push(word);
    }
  }
  return out.join(' › ');
}
