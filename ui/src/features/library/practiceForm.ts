// A best practice as its page holds it while it is typed, and the backend's refusals sorted
// onto its fields. Text goes as typed; the backend tidies the lists (a tag once, trimmed) and
// the page takes its tidy lists back when nothing was typed meanwhile.
import type { BestPractice, Id, IpcError, PracticeStatus } from '../../lib/api';
import { formErrors, type FormErrors } from '../../lib/errors';

export interface PracticeForm {
  title: string;
  /** '' for none chosen. */
  city: Id | '';
  /** Theme keys, the main one first. */
  themes: string[];
  summary: string;
  problem: string;
  solution: string;
  evidence: string;
  resources: string;
  transferability: string;
  contacts: Id[];
  tags: string[];
  status: PracticeStatus;
  /** '' for none chosen; kept while the practice is a draft, to mark it reviewed with. */
  reviewed_by: Id | '';
}

/** The fields the page shows a message beside; a message about any other goes above them. */
export const PRACTICE_FIELDS = [
  'title',
  'city',
  'themes',
  'summary',
  'problem',
  'solution',
  'evidence',
  'resources',
  'transferability',
  'contacts',
  'tags',
  'reviewed_by',
] as const;
export type PracticeField = (typeof PRACTICE_FIELDS)[number];

/** The long texts, in the order the page shows them, with their labels. */
export const TEXT_FIELDS: readonly { key: 'problem' | 'solution' | 'evidence' | 'resources' | 'transferability'; label: string; hint: string }[] = [
  { key: 'problem', label: 'Problem', hint: 'What the city set out to solve.' },
  { key: 'solution', label: 'Solution', hint: 'What it did.' },
  { key: 'evidence', label: 'Evidence of results', hint: 'What changed, in figures where there are.' },
  { key: 'resources', label: 'Resources needed', hint: 'People, money, time.' },
  { key: 'transferability', label: 'Transferability', hint: 'What another city needs to adopt it.' },
];

export function formFromPractice(p: BestPractice): PracticeForm {
  return {
    title: p.title,
    city: p.city ?? '',
    themes: [...p.themes],
    summary: p.summary,
    problem: p.problem,
    solution: p.solution,
    evidence: p.evidence,
    resources: p.resources,
    transferability: p.transferability,
    contacts: [...p.contacts],
    tags: [...p.tags],
    status: p.status,
    reviewed_by: p.reviewed_by ?? '',
  };
}

/**
 * The practice the form stands for. `base` is the record as last saved: what the page does not
 * edit (the meeting, the capture and review times) goes back as it was.
 */
export function practiceFromForm(form: PracticeForm, base: BestPractice): BestPractice {
  return {
    ...base,
    title: form.title,
    city: form.city === '' ? null : form.city,
    themes: [...form.themes],
    summary: form.summary,
    problem: form.problem,
    solution: form.solution,
    evidence: form.evidence,
    resources: form.resources,
    transferability: form.transferability,
    contacts: [...form.contacts],
    tags: [...form.tags],
    status: form.status,
    reviewed_by: form.reviewed_by === '' ? null : form.reviewed_by,
  };
}

/** The themes with `key` ticked or not; a newly ticked one goes last (the first is the main one). */
export function withTheme(themes: readonly string[], key: string, on: boolean): string[] {
  if (on) return themes.includes(key) ? [...themes] : [...themes, key];
  return themes.filter((t) => t !== key);
}

/** The tags with what was typed added (nothing for blank typing); the backend tidies the rest. */
export function withTag(tags: readonly string[], typed: string): string[] {
  const tag = typed.trim();
  return tag === '' ? [...tags] : [...tags, tag];
}

export function withoutTag(tags: readonly string[], index: number): string[] {
  return tags.filter((_, i) => i !== index);
}

/**
 * After a save: the backend's tidy lists, when they differ from what was sent and nothing was
 * typed meanwhile (`current`). Null when there is nothing to take.
 */
export function tidiedLists(sent: PracticeForm, saved: BestPractice): Pick<PracticeForm, 'themes' | 'tags'> | null {
  const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
  if (same(sent.themes, saved.themes) && same(sent.tags, saved.tags)) return null;
  return { themes: [...saved.themes], tags: [...saved.tags] };
}

export interface PracticeErrors extends FormErrors {
  /** The tags (by their place in the list sent) a message blames: `tags.1.tag`. */
  tags: number[];
  /** The themes blamed, by key: `themes.1.theme` is the second theme sent. */
  themes: string[];
}

export const NO_PRACTICE_ERRORS: PracticeErrors = Object.freeze({ fields: {}, general: [], tags: [], themes: [] }) as PracticeErrors;

/** The places `list.N…` names among the error's fields. */
function blamed(err: IpcError, list: string): number[] {
  const fields = err.issues.length > 0 ? err.issues.map((i) => i.field) : [err.field];
  const at = new Set<number>();
  for (const f of fields) {
    const m = f === null ? null : new RegExp(`^${list}[.[](\\d+)`).exec(f);
    if (m) at.add(Number(m[1]));
  }
  return [...at].sort((a, b) => a - b);
}

export function practiceErrors(err: IpcError, sent: PracticeForm): PracticeErrors {
  return {
    ...formErrors(err, PRACTICE_FIELDS),
    tags: blamed(err, 'tags'),
    themes: blamed(err, 'themes').flatMap((i) => (sent.themes[i] === undefined ? [] : [sent.themes[i]])),
  };
}

/** A date of this computer's calendar, "12 Oct 2022"; as it came when unreadable. */
export function formatDate(utc: string): string {
  const ms = Date.parse(utc);
  if (Number.isNaN(ms)) return utc;
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(ms);
}

/** "Reviewed by Ana Silva on 12 Oct 2022". */
export function reviewedLine(reviewer: string, reviewedAt: string | null): string {
  const who = reviewer === '' ? 'Reviewed' : `Reviewed by ${reviewer}`;
  return reviewedAt ? `${who} on ${formatDate(reviewedAt)}` : who;
}

/** True when the page shows a review that is saved: the practice is reviewed, by the one chosen. */
export function reviewIsSaved(form: PracticeForm, saved: BestPractice): boolean {
  return form.status === 'reviewed' && saved.status === 'reviewed' && saved.reviewed_by === (form.reviewed_by === '' ? null : form.reviewed_by);
}

/**
 * The form to show for a practice changed elsewhere (a colleague's edit merged by a sync pass),
 * or null when there is nothing new to take: the practice is as this page last saved it (the
 * backend tidies text, and a space being typed must stay), or as the form would save it.
 * `saved` is the backend's answer to the last save: its unedited fields (review time) count too.
 */
export function mergedPractice(open: PracticeForm, saved: BestPractice, fresh: BestPractice): PracticeForm | null {
  if (JSON.stringify(fresh) === JSON.stringify(saved)) return null;
  // Both through practiceFromForm, so the keys come in one order.
  const now = JSON.stringify(practiceFromForm(open, saved));
  if (now === JSON.stringify(practiceFromForm(formFromPractice(fresh), fresh))) return null;
  return formFromPractice(fresh);
}
