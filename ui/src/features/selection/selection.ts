// The pure logic of the Selection view: the coordinator's ticked set, filtering the
// candidatures, and how scores, groups, reasons, answers and times are put into words.
// Nothing here decides what a valid selection is — the backend's board does.
import type {
  Answer,
  CandidatureView,
  Country,
  GroupTally,
  Id,
  IpcError,
  Question,
  QuotaGroup,
  Reason,
  SelectionDecision,
  SelectionOutcome,
  SelectionSuggestion,
  Theme,
} from '../../lib/api';
import { plural } from '../../lib/format';
import { matchesAll, queryWords } from '../../lib/text';

// ---------------------------------------------------------------------------------------------
// Words

/** A score with one decimal, or "Not scored" before any reviewer has scored. */
export function formatScore(score: number | null): string {
  if (score === null || !Number.isFinite(score)) return 'Not scored';
  return score.toFixed(1);
}

export const OUTSIDE_LABEL = 'Outside the programme';

/** A quota group's label; a candidature without group is from a country outside the programme. */
export function groupLabel(groups: readonly QuotaGroup[], key: string | null): string {
  if (key === null) return OUTSIDE_LABEL;
  return groups.find((g) => g.key === key)?.label ?? key;
}

export function countryName(countries: readonly Country[], code: string): string {
  return countries.find((c) => c.code.toUpperCase() === code.toUpperCase())?.name ?? code;
}

/** A short label for why the suggestion takes a candidature or leaves it out. */
export function reasonLabel(reason: Reason): string {
  switch (reason.code) {
    case 'selected':
      return `In (rank ${reason.rank})`;
    case 'late':
      return 'Out: late';
    case 'not_scored':
      return 'Out: not scored';
    case 'outside_programme':
      return 'Out: outside the programme';
    case 'country_taken':
      return 'Out: country taken';
    case 'quota_filled':
      return 'Out: quota filled';
  }
}

const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * An RFC 3339 instant as a local date and time ("15 Nov 2021, 17:30"). `timeZone` is for tests;
 * the app shows the computer's own zone. Text that is not a time is shown as it came.
 */
export function formatDateTime(rfc3339: string, timeZone?: string, locale = 'en-GB'): string {
  const ms = Date.parse(rfc3339);
  if (Number.isNaN(ms)) return rfc3339;
  const key = `${locale}|${timeZone ?? ''}`;
  let fmt = dateTimeFormats.get(key);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat(locale, {
      dateStyle: 'medium',
      timeStyle: 'short',
      ...(timeZone ? { timeZone } : {}),
    });
    dateTimeFormats.set(key, fmt);
  }
  return fmt.format(new Date(ms));
}

const numberFormat = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

export function formatNumber(n: number): string {
  return numberFormat.format(n);
}

/** One answer as the detail shows it. */
export type AnswerDisplay =
  | { kind: 'none' }
  | { kind: 'text'; text: string }
  | { kind: 'list'; items: string[] };

export function displayAnswer(answer: Answer | undefined, themes: readonly Theme[]): AnswerDisplay {
  if (!answer) return { kind: 'none' };
  switch (answer.kind) {
    case 'text':
    case 'choice':
      return answer.value.trim() === '' ? { kind: 'none' } : { kind: 'text', text: answer.value };
    case 'number':
      return { kind: 'text', text: formatNumber(answer.value) };
    case 'ranked_themes':
      return answer.value.length === 0
        ? { kind: 'none' }
        : { kind: 'list', items: answer.value.map((k) => themes.find((t) => t.key === k)?.label ?? k) };
  }
}

export interface AnswerRow {
  key: string;
  question: string;
  answer: AnswerDisplay;
}

/**
 * The answers against the questionnaire, in its order; answers to questions the questionnaire
 * no longer has come after, under their key, so that nothing stored is hidden.
 */
export function answerRows(
  questionnaire: readonly Question[],
  answers: { [key in string]?: Answer },
  themes: readonly Theme[],
): AnswerRow[] {
  const rows: AnswerRow[] = questionnaire.map((q) => ({
    key: q.key,
    question: q.text,
    answer: displayAnswer(answers[q.key], themes),
  }));
  for (const key of Object.keys(answers).sort()) {
    if (!questionnaire.some((q) => q.key === key)) {
      rows.push({ key, question: key, answer: displayAnswer(answers[key], themes) });
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------
// The ticked set

/** The set with `id` ticked or not; the others keep their order. */
export function setChosen(chosen: readonly Id[], id: Id, on: boolean): Id[] {
  const without = chosen.filter((c) => c !== id);
  return on ? [...without, id] : without;
}

export function sameSet(a: readonly Id[], b: readonly Id[]): boolean {
  if (a.length !== b.length) return false;
  const s = new Set(a);
  return b.every((x) => s.has(x));
}

/** The ticks, less candidatures that are gone, without duplicates. */
export function keepKnown(chosen: readonly Id[], views: readonly CandidatureView[]): Id[] {
  const known = new Set(views.map((v) => v.candidature.id));
  return [...new Set(chosen)].filter((id) => known.has(id));
}

export function suggestedIds(suggestion: SelectionSuggestion): Id[] {
  return suggestion.entries.filter((e) => e.selected).map((e) => e.candidature);
}

/** What the suggestion did to the ticks, in words. */
export function replacementMessage(before: readonly Id[], after: readonly Id[]): string {
  const ticked = `Ticked the ${plural(after.length, 'suggested candidature')}`;
  if (before.length === 0) return `${ticked}.`;
  if (sameSet(before, after)) return `${ticked}; they are the ones that were already ticked.`;
  return `${ticked}, replacing the ${plural(before.length, 'candidature')} ticked before.`;
}

// ---------------------------------------------------------------------------------------------
// Filtering

export interface CandidatureFilter {
  /** '' for every group, OUTSIDE_GROUP for candidatures outside the programme, else a key. */
  group: string;
  text: string;
}

export const ALL_GROUPS = '';
export const OUTSIDE_GROUP = '~outside';

/**
 * The candidatures that match, in the order given (the API's: best first). Every word of the
 * text must be in the city, the country code or the country's name; case and accents do not
 * matter ("malmo" finds Malmö).
 */
export function filterCandidatures(
  views: readonly CandidatureView[],
  filter: CandidatureFilter,
  countries: readonly Country[],
): CandidatureView[] {
  const words = queryWords(filter.text);
  return views.filter((v) => {
    if (filter.group === OUTSIDE_GROUP ? v.group !== null : filter.group !== ALL_GROUPS && v.group !== filter.group) {
      return false;
    }
    const c = v.candidature;
    return matchesAll([c.city_name, c.country, countryName(countries, c.country)], words);
  });
}

// ---------------------------------------------------------------------------------------------
// Errors

/**
 * Why a confirmation was refused, one line per broken quota. The message says it all when the
 * error has no issues; issues that merely repeat the message are not listed twice.
 */
export function refusalLines(err: IpcError): { message: string; lines: string[] } {
  const lines = [...new Set(err.issues.map((i) => i.message))].filter((m) => m !== err.message);
  return { message: err.message, lines };
}

/** Every problem of a refused import, one a line, in the order the backend gave them. */
export function importProblems(err: IpcError): string[] {
  if (err.issues.length === 0) return [err.message];
  return err.issues.map((i) => i.message);
}

/** The summary of a decision: "28 candidatures selected on 20 Dec 2021, 10:00". */
export function decisionSummary(decision: SelectionDecision, timeZone?: string): string {
  return `${plural(decision.selected.length, 'candidature')} selected on ${formatDateTime(decision.decided_at, timeZone)}`;
}

/** What a confirmed selection did, in words. */
export function outcomeMessage(outcome: SelectionOutcome): string {
  const n = outcome.decision.selected.length;
  const added =
    outcome.cities_added === 0
      ? 'none added to Cities (they were there already)'
      : `${outcome.cities_added} added to Cities`;
  return `Selection confirmed: ${plural(n, 'city', 'cities')}; ${added}.`;
}

// ---------------------------------------------------------------------------------------------
// The board, read out

/** One group's line: "EU: 15 of 14 — 15 cities chosen for EU; the quota is 14". */
export function tallyLine(t: GroupTally): string {
  const head = `${t.label}: ${t.selected} of ${t.quota}`;
  return t.violations.length === 0 ? `${head} — no quota broken` : `${head} — ${t.violations.join(' · ')}`;
}

/**
 * What a screen reader is told when the board's counters come back: the groups whose quota is
 * broken (all of them the first time, afterwards only those that broke anew or differently),
 * and the groups that are no longer broken. '' when there is nothing to tell: ticks that break
 * nothing are not read out one by one.
 */
export function boardAnnouncement(before: readonly GroupTally[] | null, after: readonly GroupTally[]): string {
  const old = new Map((before ?? []).map((t) => [t.group, t]));
  const lines: string[] = [];
  for (const t of after) {
    const was = old.get(t.group);
    const wasBroken = was !== undefined && was.violations.length > 0;
    if (t.violations.length > 0) {
      if (!wasBroken || tallyLine(was) !== tallyLine(t)) lines.push(tallyLine(t));
    } else if (wasBroken) {
      lines.push(tallyLine(t));
    }
  }
  return lines.join('. ');
}
