import { describe, expect, it } from 'vitest';
import type { CandidatureView, Country, GroupTally, IpcError, Question, QuotaGroup, SelectionSuggestion, Theme } from '../../lib/api';
import {
  ALL_GROUPS,
  answerRows,
  boardAnnouncement,
  countryName,
  decisionSummary,
  displayAnswer,
  filterCandidatures,
  formatDateTime,
  formatScore,
  groupLabel,
  importProblems,
  keepKnown,
  outcomeMessage,
  OUTSIDE_GROUP,
  reasonLabel,
  refusalLines,
  replacementMessage,
  sameSet,
  setChosen,
  suggestedIds,
  tallyLine,
} from './selection';

const groups: QuotaGroup[] = [
  { key: 'eu', label: 'EU', cities: 14, one_city_per_country: true },
  { key: 'kr', label: 'South Korea', cities: 2, one_city_per_country: false },
];

const countries: Country[] = [
  { code: 'SE', name: 'Sweden', region: 'eu', quota_group: 'eu', default_time_zone: 'Europe/Stockholm' },
  { code: 'PT', name: 'Portugal', region: 'eu', quota_group: 'eu', default_time_zone: 'Europe/Lisbon' },
  { code: 'KR', name: 'South Korea', region: 'asia', quota_group: 'kr', default_time_zone: 'Asia/Seoul' },
];

const themes: Theme[] = [
  { key: 'air_quality', label: 'Air quality' },
  { key: 'circular_economy', label: 'Circular economy' },
];

function view(id: string, city: string, country: string, group: string | null, score: number | null = null): CandidatureView {
  return {
    candidature: {
      id,
      city_name: city,
      country,
      submitted_at: '2021-11-10T12:00:00Z',
      answers: {},
      reviews: [],
      sample: false,
    },
    group,
    score,
    late: false,
  };
}

const views = [
  view('A', 'Malmö', 'SE', 'eu', 8.25),
  view('B', 'Incheon', 'KR', 'kr', 7),
  view('C', 'Porto', 'PT', 'eu', null),
  view('D', 'Narnia City', 'NN', null, 9),
];

describe('formatScore', () => {
  it('shows one decimal', () => {
    expect(formatScore(8.25)).toBe('8.3');
    expect(formatScore(7)).toBe('7.0');
    expect(formatScore(0)).toBe('0.0');
  });
  it('says when nothing is scored', () => {
    expect(formatScore(null)).toBe('Not scored');
    expect(formatScore(Number.NaN)).toBe('Not scored');
  });
});

describe('labels', () => {
  it('names groups, and candidatures outside the programme', () => {
    expect(groupLabel(groups, 'kr')).toBe('South Korea');
    expect(groupLabel(groups, null)).toBe('Outside the programme');
    expect(groupLabel(groups, 'xx')).toBe('xx');
  });
  it('names countries by code, whatever the case', () => {
    expect(countryName(countries, 'se')).toBe('Sweden');
    expect(countryName(countries, 'NN')).toBe('NN');
  });
  it('puts each reason into words', () => {
    expect(reasonLabel({ code: 'selected', rank: 3 })).toBe('In (rank 3)');
    expect(reasonLabel({ code: 'late' })).toBe('Out: late');
    expect(reasonLabel({ code: 'not_scored' })).toBe('Out: not scored');
    expect(reasonLabel({ code: 'outside_programme' })).toBe('Out: outside the programme');
    expect(reasonLabel({ code: 'country_taken', by: 'A' })).toBe('Out: country taken');
    expect(reasonLabel({ code: 'quota_filled', lowest: 7.5 })).toBe('Out: quota filled');
  });
});

describe('formatDateTime', () => {
  it('shows an instant in the given zone', () => {
    expect(formatDateTime('2021-11-15T16:30:00Z', 'Europe/Paris')).toBe('15 Nov 2021, 17:30');
    expect(formatDateTime('2021-11-15T16:30:00Z', 'Asia/Seoul')).toBe('16 Nov 2021, 01:30');
  });
  it('keeps text that is not a time', () => {
    expect(formatDateTime('soon')).toBe('soon');
  });
});

describe('answers', () => {
  const questionnaire: Question[] = [
    { key: 'themes', text: 'Rank the themes', kind: { kind: 'ranked_themes' }, required: true },
    { key: 'population', text: 'Population', kind: { kind: 'number', min: 0, max: 1e8 }, required: true },
    { key: 'backing', text: 'Backing', kind: { kind: 'choice', options: ['Mayor', 'Council'] }, required: true },
    { key: 'languages', text: 'Languages', kind: { kind: 'text' }, required: false },
  ];

  it('shows ranked themes by label, in their order, and numbers formatted', () => {
    expect(displayAnswer({ kind: 'ranked_themes', value: ['circular_economy', 'air_quality', 'gone'] }, themes)).toEqual({
      kind: 'list',
      items: ['Circular economy', 'Air quality', 'gone'],
    });
    expect(displayAnswer({ kind: 'number', value: 1234567 }, themes)).toEqual({ kind: 'text', text: '1,234,567' });
    expect(displayAnswer({ kind: 'text', value: '  ' }, themes)).toEqual({ kind: 'none' });
    expect(displayAnswer(undefined, themes)).toEqual({ kind: 'none' });
  });

  it('follows the questionnaire, then shows stray answers under their key', () => {
    const rows = answerRows(
      questionnaire,
      {
        zzz: { kind: 'text', value: 'old question' },
        backing: { kind: 'choice', value: 'Mayor' },
        population: { kind: 'number', value: 300000 },
      },
      themes,
    );
    expect(rows.map((r) => r.key)).toEqual(['themes', 'population', 'backing', 'languages', 'zzz']);
    expect(rows[0]?.answer).toEqual({ kind: 'none' });
    expect(rows[2]?.answer).toEqual({ kind: 'text', text: 'Mayor' });
    expect(rows[4]).toEqual({ key: 'zzz', question: 'zzz', answer: { kind: 'text', text: 'old question' } });
  });
});

describe('the ticked set', () => {
  it('ticks and unticks without duplicates', () => {
    expect(setChosen(['A'], 'B', true)).toEqual(['A', 'B']);
    expect(setChosen(['A', 'B'], 'A', true)).toEqual(['B', 'A']);
    expect(setChosen(['A', 'B'], 'A', false)).toEqual(['B']);
    expect(setChosen([], 'A', false)).toEqual([]);
  });

  it('compares as sets', () => {
    expect(sameSet(['A', 'B'], ['B', 'A'])).toBe(true);
    expect(sameSet(['A'], ['A', 'B'])).toBe(false);
    expect(sameSet(['A', 'C'], ['A', 'B'])).toBe(false);
  });

  it('keeps the ticks of candidatures still there, once each', () => {
    expect(keepKnown(['B', 'gone', 'A', 'B'], views)).toEqual(['B', 'A']);
    expect(keepKnown(['C', 'Z'], views)).toEqual(['C']);
  });

  it('takes the suggested candidatures only', () => {
    const s: SelectionSuggestion = {
      entries: [
        { candidature: 'A', city_name: 'Malmö', group: 'eu', country: 'SE', score: 8, selected: true, reason: { code: 'selected', rank: 1 }, why: '' },
        { candidature: 'C', city_name: 'Porto', group: 'eu', country: 'PT', score: null, selected: false, reason: { code: 'not_scored' }, why: '' },
        { candidature: 'B', city_name: 'Incheon', group: 'kr', country: 'KR', score: 7, selected: true, reason: { code: 'selected', rank: 1 }, why: '' },
      ],
      groups: [],
      total_score: 15,
    };
    expect(suggestedIds(s)).toEqual(['A', 'B']);
  });

  it('says when the suggestion replaced the ticks', () => {
    expect(replacementMessage([], ['A', 'B'])).toBe('Ticked the 2 suggested candidatures.');
    expect(replacementMessage(['C'], ['A'])).toBe('Ticked the 1 suggested candidature, replacing the 1 candidature ticked before.');
    expect(replacementMessage(['B', 'A'], ['A', 'B'])).toBe(
      'Ticked the 2 suggested candidatures; they are the ones that were already ticked.',
    );
  });
});

describe('filterCandidatures', () => {
  const ids = (list: CandidatureView[]) => list.map((v) => v.candidature.id);

  it('keeps everything, in order, without a filter', () => {
    expect(ids(filterCandidatures(views, { group: ALL_GROUPS, text: '  ' }, countries))).toEqual(['A', 'B', 'C', 'D']);
  });
  it('filters by group, and by being outside the programme', () => {
    expect(ids(filterCandidatures(views, { group: 'eu', text: '' }, countries))).toEqual(['A', 'C']);
    expect(ids(filterCandidatures(views, { group: OUTSIDE_GROUP, text: '' }, countries))).toEqual(['D']);
  });
  it('finds by city or country, ignoring case and accents', () => {
    expect(ids(filterCandidatures(views, { group: ALL_GROUPS, text: 'MALMO' }, countries))).toEqual(['A']);
    expect(ids(filterCandidatures(views, { group: ALL_GROUPS, text: 'korea' }, countries))).toEqual(['B']);
    expect(ids(filterCandidatures(views, { group: ALL_GROUPS, text: 'pt' }, countries))).toEqual(['C']);
    expect(ids(filterCandidatures(views, { group: 'eu', text: 'incheon' }, countries))).toEqual([]);
    expect(ids(filterCandidatures(views, { group: ALL_GROUPS, text: 'porto portugal' }, countries))).toEqual(['C']);
  });
  it('finds full-width Latin as typed with an East Asian keyboard', () => {
    expect(ids(filterCandidatures(views, { group: ALL_GROUPS, text: 'ＭＡＬＭＯ' }, countries))).toEqual(['A']);
  });
});

describe('errors and outcomes', () => {
  const err = (message: string, issues: string[] = []): IpcError => ({
    code: 'x',
    message,
    field: null,
    issues: issues.map((m) => ({ code: 'x', message: m, field: null })),
  });

  it('lists each broken quota once, without repeating the message', () => {
    expect(refusalLines(err('This selection cannot be confirmed: a; b.'))).toEqual({
      message: 'This selection cannot be confirmed: a; b.',
      lines: [],
    });
    expect(refusalLines(err('Refused.', ['Refused.', 'EU: 15 of 14', 'EU: 15 of 14', 'Two cities from PT']))).toEqual({
      message: 'Refused.',
      lines: ['EU: 15 of 14', 'Two cities from PT'],
    });
  });

  it('lists every bad line of an import, or the one message there is', () => {
    expect(importProblems(err('2 fields need attention.', ['Line 3, …', 'Line 4, …']))).toEqual(['Line 3, …', 'Line 4, …']);
    expect(importProblems(err('The file cannot be read.'))).toEqual(['The file cannot be read.']);
  });

  it('says what a confirmation did', () => {
    const decision = { id: 'X', decided_at: '2021-12-20T09:00:00Z', selected: ['A', 'B'], note: '' };
    expect(outcomeMessage({ decision, groups: [], cities_added: 2 })).toBe('Selection confirmed: 2 cities; 2 added to Cities.');
    expect(outcomeMessage({ decision: { ...decision, selected: ['A'] }, groups: [], cities_added: 0 })).toBe(
      'Selection confirmed: 1 city; none added to Cities (they were there already).',
    );
    expect(decisionSummary(decision, 'UTC')).toBe('2 candidatures selected on 20 Dec 2021, 09:00');
  });
});

describe('the board, read out', () => {
  const eu = (selected: number, violations: string[] = []): GroupTally => ({ group: 'eu', label: 'EU', quota: 14, selected, violations });
  const kr = (selected: number, violations: string[] = []): GroupTally => ({
    group: 'kr',
    label: 'South Korea',
    quota: 2,
    selected,
    violations,
  });
  const over = '15 cities chosen for EU; the quota is 14';

  it('says what a broken group broke', () => {
    expect(tallyLine(eu(15, [over]))).toBe('EU: 15 of 14 — 15 cities chosen for EU; the quota is 14');
  });

  it('reads out the broken groups the first time, and nothing when nothing is broken', () => {
    expect(boardAnnouncement(null, [eu(15, [over]), kr(1)])).toBe('EU: 15 of 14 — 15 cities chosen for EU; the quota is 14');
    expect(boardAnnouncement(null, [eu(3), kr(1)])).toBe('');
  });

  it('does not read out ticks that break nothing, nor a group that stays broken the same way', () => {
    expect(boardAnnouncement([eu(3), kr(1)], [eu(4), kr(2)])).toBe('');
    expect(boardAnnouncement([eu(15, [over]), kr(1)], [eu(15, [over]), kr(2)])).toBe('');
  });

  it('reads out a group that breaks anew or differently, and one that is mended', () => {
    const more = '16 cities chosen for EU; the quota is 14';
    expect(boardAnnouncement([eu(15, [over]), kr(2)], [eu(16, [more]), kr(3, ['3 cities chosen for South Korea; the quota is 2'])])).toBe(
      'EU: 16 of 14 — 16 cities chosen for EU; the quota is 14. South Korea: 3 of 2 — 3 cities chosen for South Korea; the quota is 2',
    );
    expect(boardAnnouncement([eu(15, [over])], [eu(14)])).toBe('EU: 14 of 14 — no quota broken');
  });
});
