// A cooperation plan as its editor holds it. Objectives and actions carry the backend's key
// (empty until their first save gives them one); every row also carries a key of this window
// (`row`), so that a row keeps its focus, its errors and its place in the lists while the
// backend's keys are still on their way, and while rows are added or removed around it.
import type { CooperationPlan, Id, Lead, Party, PlanActionStatus } from '../../lib/api';

export interface ObjectiveRow {
  row: string;
  /** The backend's key; '' until the plan was saved with it. */
  key: string;
  text: string;
}

export interface IndicatorRow {
  row: string;
  name: string;
  baseline: string;
  target: string;
  unit: string;
}

export interface ActionRow {
  row: string;
  key: string;
  title: string;
  description: string;
  lead: Lead | null;
  partners: Party[];
  start: string;
  end: string;
  resources: string;
  indicators: IndicatorRow[];
  status: PlanActionStatus;
  objectives: string[];
}

export interface RiskRow {
  row: string;
  risk: string;
  mitigation: string;
}

export interface PlanForm {
  id: Id;
  pairing: Id;
  title: string;
  context: string;
  challenge: string;
  objectives: ObjectiveRow[];
  actions: ActionRow[];
  stakeholders: Id[];
  risks: RiskRow[];
  practices: Id[];
  sample: boolean;
}

export const PLAN_ACTION_STATUSES: readonly { value: PlanActionStatus; label: string }[] = [
  { value: 'planned', label: 'Planned' },
  { value: 'under_way', label: 'Under way' },
  { value: 'done', label: 'Done' },
  { value: 'dropped', label: 'Dropped' },
];

export function statusLabel(status: PlanActionStatus): string {
  return PLAN_ACTION_STATUSES.find((s) => s.value === status)?.label ?? status;
}

let rowCounter = 0;
/** A row key no other row of this window has. */
export function newRowKey(): string {
  rowCounter += 1;
  return `p${rowCounter}`;
}

export function formFromPlan(plan: CooperationPlan, key: () => string = newRowKey): PlanForm {
  return {
    id: plan.id,
    pairing: plan.pairing,
    title: plan.title,
    context: plan.context,
    challenge: plan.challenge,
    objectives: plan.objectives.map((o) => ({ row: key(), key: o.key, text: o.text })),
    actions: plan.actions.map((a) => ({
      row: key(),
      key: a.key,
      title: a.title,
      description: a.description,
      lead: a.lead ? { ...a.lead } : null,
      partners: a.partners.map((p) => ({ ...p })),
      start: a.start,
      end: a.end,
      resources: a.resources,
      indicators: a.indicators.map((i) => ({ row: key(), ...i })),
      status: a.status,
      objectives: [...a.objectives],
    })),
    stakeholders: [...plan.stakeholders],
    risks: plan.risks.map((r) => ({ row: key(), risk: r.risk, mitigation: r.mitigation })),
    practices: [...plan.practices],
    sample: plan.sample,
  };
}

/**
 * The form of a plan changed elsewhere (a colleague's changes merged while it is open), reusing
 * the open form's row keys in order, so that rows that are still there keep their place and
 * focus on the page.
 */
export function formFromPlanKeepingRows(plan: CooperationPlan, open: PlanForm): PlanForm {
  // In the order formFromPlan asks for keys.
  const rows = [
    ...open.objectives.map((o) => o.row),
    ...open.actions.flatMap((a) => [a.row, ...a.indicators.map((i) => i.row)]),
    ...open.risks.map((r) => r.row),
  ];
  let next = 0;
  return formFromPlan(plan, () => rows[next++] ?? newRowKey());
}

/**
 * The plan the form stands for, rows one to one (so an error on `actions.2` is the third row
 * sent). `known` gives the backend's key of rows whose key came back after this form was taken:
 * sending a row again without it would make the backend give it a second, different key.
 */
export function planFromForm(form: PlanForm, known: ReadonlyMap<string, string> = new Map()): CooperationPlan {
  const keyOf = (r: { row: string; key: string }) => (r.key !== '' ? r.key : (known.get(r.row) ?? ''));
  return {
    id: form.id,
    pairing: form.pairing,
    title: form.title,
    context: form.context,
    challenge: form.challenge,
    objectives: form.objectives.map((o) => ({ key: keyOf(o), text: o.text })),
    actions: form.actions.map((a) => ({
      key: keyOf(a),
      title: a.title,
      description: a.description,
      lead: a.lead,
      partners: a.partners.map((p) => ({ ...p })),
      start: a.start,
      end: a.end,
      resources: a.resources,
      indicators: a.indicators.map((i) => ({ name: i.name, baseline: i.baseline, target: i.target, unit: i.unit })),
      status: a.status,
      objectives: [...a.objectives],
    })),
    stakeholders: [...form.stakeholders],
    risks: form.risks.map((r) => ({ risk: r.risk, mitigation: r.mitigation })),
    practices: [...form.practices],
    sample: form.sample,
  };
}

/**
 * The keys the backend gave to rows sent without one, by row: the saved plan's entries are the
 * sent ones in the same order.
 */
export function keysGiven(sent: PlanForm, saved: CooperationPlan): Map<string, string> {
  const given = new Map<string, string>();
  sent.objectives.forEach((o, i) => {
    const k = saved.objectives[i]?.key;
    if (o.key === '' && k) given.set(o.row, k);
  });
  sent.actions.forEach((a, i) => {
    const k = saved.actions[i]?.key;
    if (a.key === '' && k) given.set(a.row, k);
  });
  return given;
}

/** Puts given keys on the rows still without one (in place); true when any row changed. */
export function applyKeys(form: PlanForm, given: ReadonlyMap<string, string>): boolean {
  let changed = false;
  for (const r of [...form.objectives, ...form.actions]) {
    const k = given.get(r.row);
    if (r.key === '' && k !== undefined) {
      r.key = k;
      changed = true;
    }
  }
  return changed;
}

export function newObjective(key: () => string = newRowKey): ObjectiveRow {
  return { row: key(), key: '', text: '' };
}

export function newAction(key: () => string = newRowKey): ActionRow {
  return {
    row: key(),
    key: '',
    title: '',
    description: '',
    lead: null,
    partners: [],
    start: '',
    end: '',
    resources: '',
    indicators: [],
    status: 'planned',
    objectives: [],
  };
}

export function newIndicator(key: () => string = newRowKey): IndicatorRow {
  return { row: key(), name: '', baseline: '', target: '', unit: '' };
}

export function newRisk(key: () => string = newRowKey): RiskRow {
  return { row: key(), risk: '', mitigation: '' };
}

/** An empty plan for a pairing, to be created with NEW_RECORD_ID. */
export function emptyPlan(id: Id, pairing: Id): CooperationPlan {
  return {
    id,
    pairing,
    title: '',
    context: '',
    challenge: '',
    objectives: [],
    actions: [],
    stakeholders: [],
    risks: [],
    practices: [],
    sample: false,
  };
}

/** Ticks or unticks an objective an action serves; the others keep their order. */
export function setServes(objectives: readonly string[], key: string, on: boolean): string[] {
  const there = objectives.includes(key);
  if (on) return there ? [...objectives] : [...objectives, key];
  return objectives.filter((k) => k !== key);
}

/** A removed objective is no longer served by any action (a dangling key would be an error). */
export function withoutObjective(actions: readonly ActionRow[], key: string): void {
  if (key === '') return;
  for (const a of actions) if (a.objectives.includes(key)) a.objectives = a.objectives.filter((k) => k !== key);
}
