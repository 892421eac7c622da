// Capturing best practices while a meeting runs. The panel holds four fields; everything else of
// a practice is filled in later, elsewhere, and must survive the saves made from here.
import { NEW_RECORD_ID } from '../../lib/api';
import { UNKNOWN_THEME } from '../../lib/names';
import type { BestPractice, City, Id, LocalTime, Theme } from '../../lib/api';
import { AutoSaver, type SaveStatus } from '../../lib/util/autosave';

/**
 * Short, so that the save lands well within a second of the last keystroke: killing the app
 * mid-sentence then loses at most that last second.
 */
export const CAPTURE_DELAY_MS = 300;

export const CAPTURE_FIELDS = ['title', 'city', 'theme', 'summary'] as const;
export type CaptureField = (typeof CAPTURE_FIELDS)[number];

/** The panel as typed; '' in a select is "none chosen". `theme` is the practice's main theme. */
export interface CaptureForm {
  title: string;
  city: Id | '';
  theme: string;
  summary: string;
}

export function emptyCapture(): CaptureForm {
  return { title: '', city: '', theme: '', summary: '' };
}

export function captureFromPractice(p: BestPractice): CaptureForm {
  return { title: p.title, city: p.city ?? '', theme: p.themes[0] ?? '', summary: p.summary };
}

/**
 * The practice's themes with the panel's choice as the main one. The panel shows only the main
 * theme; the further ones (chosen on the practice's page) are kept. `shown` is the main theme
 * the panel last knew `base` by: the one it replaces, not one of the further ones. Cleared, the
 * further themes stay and the next becomes the main one.
 */
export function themesFromCapture(theme: string, base: readonly string[], shown: string): string[] {
  const further = base.filter((t) => t !== shown && t !== theme);
  return theme === '' ? further : [theme, ...further];
}

/** Nothing typed or chosen yet: there is no practice to create. */
export function isBlank(form: CaptureForm): boolean {
  return form.title === '' && form.city === '' && form.theme === '' && form.summary === '';
}

/**
 * The practice the panel stands for, linked to `meeting`. `base` is the record as last saved or
 * loaded (null for a new one): the fields the panel does not show are sent back as they were.
 * Text goes as typed — the backend keeps it so, a trailing space is the next word's start.
 */
export function practiceFromCapture(
  form: CaptureForm,
  meeting: Id,
  id: Id | null,
  base: BestPractice | null,
  shown: string = base?.themes[0] ?? '',
): BestPractice {
  return {
    id: id ?? NEW_RECORD_ID,
    title: form.title,
    city: form.city === '' ? null : form.city,
    themes: themesFromCapture(form.theme, base?.themes ?? [], shown),
    summary: form.summary,
    meeting,
    problem: base?.problem ?? '',
    solution: base?.solution ?? '',
    evidence: base?.evidence ?? '',
    resources: base?.resources ?? '',
    transferability: base?.transferability ?? '',
    contacts: base ? [...base.contacts] : [],
    tags: base ? [...base.tags] : [],
    status: base?.status ?? 'draft',
    reviewed_by: base?.reviewed_by ?? null,
    reviewed_at: base?.reviewed_at ?? null,
    captured_at: base?.captured_at ?? '',
    sample: base?.sample ?? false,
  };
}

/**
 * One practice being captured in the panel. Its id is read when a save starts, not when the
 * edit was made: edits typed while the first save (the create) is on its way were scheduled
 * without an id, and must go to the record that save made, never make a second one.
 */
export class CaptureRecord {
  id: Id | null;
  base: BestPractice | null;
  /** The main theme as the panel last showed it (see themesFromCapture). */
  shown: string;
  /**
   * The practice as the backend last answered this panel (or as it was opened). Unlike `base`,
   * a list read never refreshes it: a merge is told from the panel's own save by it.
   */
  saved: BestPractice | null;

  constructor(base: BestPractice | null = null) {
    this.base = base;
    this.saved = base;
    this.id = base?.id ?? null;
    this.shown = base?.themes[0] ?? '';
  }

  /** What to send for `form` now. */
  toSend(form: CaptureForm, meeting: Id): BestPractice {
    return practiceFromCapture(form, meeting, this.id, this.base, this.shown);
  }

  /** The backend's answer to `form`: from now on saves go to this id. */
  took(result: BestPractice, form: CaptureForm): void {
    this.id = result.id;
    this.base = result;
    this.saved = result;
    this.shown = form.theme;
  }

  /**
   * The practice read again after a merge. `taken`: the panel now shows its fields, so its main
   * theme is the one a later choice replaces; otherwise the panel's own choice still is.
   */
  merged(fresh: BestPractice, taken: boolean): void {
    this.base = fresh;
    this.saved = fresh;
    if (taken) this.shown = fresh.themes[0] ?? '';
  }
}

function sameCapture(a: CaptureForm, b: CaptureForm): boolean {
  return CAPTURE_FIELDS.every((f) => a[f] === b[f]);
}

/**
 * The panel's fields after a colleague's change to its practice was merged in, or null when
 * there is nothing to take: the four fields read the same as in this panel's last save
 * (`saved`, so a space being typed is not taken away should the backend tidy it) or as the
 * panel holds them now. A change to the fields the panel does not show needs no taking: they
 * go back from the record's base.
 */
export function mergedCapture(open: CaptureForm, saved: BestPractice | null, fresh: BestPractice): CaptureForm | null {
  const next = captureFromPractice(fresh);
  if (saved !== null && sameCapture(next, captureFromPractice(saved))) return null;
  if (sameCapture(next, open)) return null;
  return next;
}

/** A scheduled save: the panel's fields as typed, and which practice they belong to. */
export interface CaptureEntry {
  record: CaptureRecord;
  form: CaptureForm;
}

/**
 * Saves one entry and hands the id over before it resolves, so that the next save (the saver
 * runs one at a time) already sends it. A still blank new practice is not created: null.
 */
export async function saveEntry(
  entry: CaptureEntry,
  meeting: Id,
  save: (practice: BestPractice) => Promise<BestPractice>,
): Promise<BestPractice | null> {
  if (entry.record.id === null && isBlank(entry.form)) return null;
  const result = await save(entry.record.toSend(entry.form, meeting));
  entry.record.took(result, entry.form);
  return result;
}

export interface CaptureSaverOptions {
  meeting: Id;
  save: (practice: BestPractice) => Promise<BestPractice>;
  onsaved: (result: BestPractice | null, sent: CaptureEntry) => void;
  onerror: (error: unknown, sent: CaptureEntry) => void;
  onstatus: (status: SaveStatus) => void;
  delay?: number;
}

export function captureSaver(opts: CaptureSaverOptions): AutoSaver<CaptureEntry, BestPractice | null> {
  return new AutoSaver<CaptureEntry, BestPractice | null>({
    save: (entry) => saveEntry(entry, opts.meeting, opts.save),
    delay: opts.delay ?? CAPTURE_DELAY_MS,
    onsaved: (result, sent) => opts.onsaved(result, sent),
    onerror: opts.onerror,
    onstatus: opts.onstatus,
  });
}

// ---- Choices -------------------------------------------------------------------------------

export interface Choice {
  value: string;
  label: string;
}

/**
 * The city select's choices: the meeting's participating cities first (in the order the meeting
 * lists them), then every other city by name. A participating city no longer among the cities
 * keeps the name the meeting gives it.
 */
export function cityChoices(
  cities: readonly Pick<City, 'id' | 'name'>[],
  localTimes: readonly Pick<LocalTime, 'city' | 'name'>[],
): { meeting: Choice[]; others: Choice[] } {
  const names = new Map(cities.map((c) => [c.id, c.name]));
  const seen = new Set<Id>();
  const meeting: Choice[] = [];
  for (const lt of localTimes) {
    if (seen.has(lt.city)) continue;
    seen.add(lt.city);
    meeting.push({ value: lt.city, label: names.get(lt.city) ?? lt.name });
  }
  const others = cities
    .filter((c) => !seen.has(c.id))
    .map((c) => ({ value: c.id, label: c.name }))
    .sort((a, b) => a.label.localeCompare(b.label) || a.value.localeCompare(b.value));
  return { meeting, others };
}

/** A theme key as the programme calls it; '' for none. */
export function themeLabel(themes: readonly Theme[], key: string | null): string {
  if (key === null || key === '') return '';
  return themes.find((t) => t.key === key)?.label ?? UNKNOWN_THEME;
}

/** A practice's themes as the programme calls them, the main one first. */
export function themeLabels(themes: readonly Theme[], keys: readonly string[]): string[] {
  return keys.map((k) => themeLabel(themes, k)).filter((l) => l !== '');
}

// ---- The list of captured practices -------------------------------------------------------

/** The list with `p` in it: in its place when listed already, else first (newest first). */
export function upsertPractice(list: readonly BestPractice[], p: BestPractice): BestPractice[] {
  const at = list.findIndex((x) => x.id === p.id);
  if (at === -1) return [p, ...list];
  const next = [...list];
  next[at] = p;
  return next;
}

export function withoutPractice(list: readonly BestPractice[], id: Id): BestPractice[] {
  return list.filter((x) => x.id !== id);
}
