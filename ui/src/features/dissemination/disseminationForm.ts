// A dissemination plan as its editor holds it. Practices carry the backend's key (empty until
// their first save gives them one); practices and adopters also carry a key of this window
// (`row`), so that a row keeps its focus, its errors and its place while the backend's keys are
// on their way and rows are added or removed around it. Channels are held as the text typed
// (one a line), so that a blank line or a trailing space being typed is never taken away.
import type { Adopter, AdopterKind, DisseminationPlan, Id, PlanActionStatus } from '../../lib/api';
import { newRowKey } from '../cooperation-plans/planForm';

export interface AdopterRow {
  row: string;
  kind: AdopterKind;
  name: string;
  city: Id | null;
}

export interface PracticeRow {
  row: string;
  /** The backend's key; '' until the plan was saved with it. */
  key: string;
  practice: Id | null;
  title: string;
  adopters: AdopterRow[];
  adaptation: string;
  /** The channels one a line, as typed. */
  channels: string;
  status: PlanActionStatus;
}

export interface DisseminationForm {
  id: Id;
  city: Id;
  summary: string;
  practices: PracticeRow[];
  sample: boolean;
}

export const ADOPTER_KINDS: readonly { value: AdopterKind; label: string }[] = [
  { value: 'city', label: 'City' },
  { value: 'region', label: 'Region' },
  { value: 'national_body', label: 'National body' },
  { value: 'other', label: 'Other' },
];

/** The channels as the backend holds them: one a line, blank lines left out. */
export function channelsFromText(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

export function channelsToText(channels: readonly string[]): string {
  return channels.join('\n');
}

/**
 * The line (1-based) of the text that became channel `index`: blank lines are left out of the
 * list, so the backend's `channels.2` need not be the third line. Null when there is none.
 */
export function channelLine(text: string, index: number): number | null {
  let seen = -1;
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    if ((lines[i] ?? '').trim() === '') continue;
    seen += 1;
    if (seen === index) return i + 1;
  }
  return null;
}

function adopterRow(a: Adopter, key: () => string): AdopterRow {
  return { row: key(), kind: a.kind, name: a.name, city: a.city };
}

export function formFromPlan(plan: DisseminationPlan, key: () => string = newRowKey): DisseminationForm {
  return {
    id: plan.id,
    city: plan.city,
    summary: plan.summary,
    practices: plan.practices.map((p) => ({
      row: key(),
      key: p.key,
      practice: p.practice,
      title: p.title,
      adopters: p.adopters.map((a) => adopterRow(a, key)),
      adaptation: p.adaptation,
      channels: channelsToText(p.channels),
      status: p.status,
    })),
    sample: plan.sample,
  };
}

/**
 * The form for a plan changed elsewhere (a colleague's edit merged by a sync pass), keeping the
 * row keys of the practices already on the page (matched by the backend's key, `known` giving it
 * for rows whose key came back after the form was taken) and of their adopters, by place, so a
 * row keeps its focus and its place in the page.
 */
export function formFromPlanKeepingRows(
  plan: DisseminationPlan,
  open: DisseminationForm,
  known: ReadonlyMap<string, string> = new Map(),
  key: () => string = newRowKey,
): DisseminationForm {
  const byKey = new Map<string, PracticeRow>();
  for (const p of open.practices) {
    const k = p.key !== '' ? p.key : (known.get(p.row) ?? '');
    if (k !== '') byKey.set(k, p);
  }
  const fresh = formFromPlan(plan, key);
  fresh.practices.forEach((p) => {
    const was = byKey.get(p.key);
    if (!was) return;
    // Taken once: a practice listed twice keeps its first row only.
    byKey.delete(p.key);
    p.row = was.row;
    p.adopters.forEach((a, i) => {
      const row = was.adopters[i]?.row;
      if (row !== undefined) a.row = row;
    });
  });
  return fresh;
}

/**
 * The form for a plan merged from elsewhere, or null when there is nothing new to take: the plan
 * is as this editor last saved it (`saved`, the backend's answer: it tidies, and a blank line
 * being typed must stay), or as the form would save it.
 */
export function mergedPlan(
  fresh: DisseminationPlan,
  open: DisseminationForm,
  saved: DisseminationPlan,
  known: ReadonlyMap<string, string> = new Map(),
  key: () => string = newRowKey,
): DisseminationForm | null {
  if (JSON.stringify(fresh) === JSON.stringify(saved)) return null;
  // Both through planFromForm, so the keys come in one order.
  if (JSON.stringify(planFromForm(open, known)) === JSON.stringify(planFromForm(formFromPlan(fresh, key)))) return null;
  return formFromPlanKeepingRows(fresh, open, known, key);
}

/**
 * The plan the form stands for, practices and adopters one to one (so an error at
 * `practices.2.adopters.0` is the first adopter of the third row sent). `known` gives the
 * backend's key of practices whose key came back after this form was taken: sending one again
 * without it would make the backend give it a second, different key.
 */
export function planFromForm(form: DisseminationForm, known: ReadonlyMap<string, string> = new Map()): DisseminationPlan {
  return {
    id: form.id,
    city: form.city,
    summary: form.summary,
    practices: form.practices.map((p) => ({
      key: p.key !== '' ? p.key : (known.get(p.row) ?? ''),
      practice: p.practice,
      title: p.title,
      adopters: p.adopters.map((a) => ({ kind: a.kind, name: a.name, city: a.city })),
      adaptation: p.adaptation,
      channels: channelsFromText(p.channels),
      status: p.status,
    })),
    sample: form.sample,
  };
}

/** The keys the backend gave practices sent without one, by row (saved ones are in sent order). */
export function keysGiven(sent: DisseminationForm, saved: DisseminationPlan): Map<string, string> {
  const given = new Map<string, string>();
  sent.practices.forEach((p, i) => {
    const k = saved.practices[i]?.key;
    if (p.key === '' && k) given.set(p.row, k);
  });
  return given;
}

/** Puts given keys on the practices still without one (in place); true when any changed. */
export function applyKeys(form: DisseminationForm, given: ReadonlyMap<string, string>): boolean {
  let changed = false;
  for (const p of form.practices) {
    const k = given.get(p.row);
    if (p.key === '' && k !== undefined) {
      p.key = k;
      changed = true;
    }
  }
  return changed;
}

export function newPractice(key: () => string = newRowKey): PracticeRow {
  return { row: key(), key: '', practice: null, title: '', adopters: [], adaptation: '', channels: '', status: 'planned' };
}

export function newAdopter(key: () => string = newRowKey): AdopterRow {
  return { row: key(), kind: 'city', name: '', city: null };
}

/**
 * An adopter of another kind. Only a city can be a city of the directory, so a link would
 * otherwise stay hidden behind a region's name; the name typed is kept.
 */
export function withKind(a: AdopterRow, kind: AdopterKind): AdopterRow {
  return { ...a, kind, city: kind === 'city' ? a.city : null };
}

/** An empty plan for a city, to be created with NEW_RECORD_ID. */
export function emptyDisseminationPlan(id: Id, city: Id): DisseminationPlan {
  return { id, city, summary: '', practices: [], sample: false };
}
