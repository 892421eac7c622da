import { describe, expect, it } from 'vitest';
import type { ColumnMapping, Criterion, IpcError, Question } from '../../lib/api';
import {
  anyScoreMapped,
  columnOptions,
  columnsWithProblems,
  formToMapping,
  mappingToForm,
  reviewerHasProblem,
} from './importMapping';

const questionnaire: Question[] = [
  { key: 'motivation', text: 'Why?', kind: { kind: 'text' }, required: true },
  { key: 'population', text: 'Population', kind: { kind: 'number', min: 0, max: 1e8 }, required: true },
];
const criteria: Criterion[] = [
  { key: 'relevance', label: 'Relevance', weight: 30 },
  { key: 'commitment', label: 'Commitment', weight: 25 },
];

const guessed: ColumnMapping = {
  city: 'City',
  country: 'Country',
  submitted_at: '',
  answers: { motivation: 'Why?' },
  scores: {},
  reviewer: '',
};

describe('mappingToForm', () => {
  it('has an entry for every question and criterion, empty when not guessed', () => {
    expect(mappingToForm(guessed, questionnaire, criteria)).toEqual({
      city: 'City',
      country: 'Country',
      submitted_at: '',
      answers: { motivation: 'Why?', population: '' },
      scores: { relevance: '', commitment: '' },
      reviewer: '',
    });
  });

  it('takes guessed score columns when the mapping has them', () => {
    const withScores: ColumnMapping = { ...guessed, scores: { relevance: 'Relevance' } };
    const form = mappingToForm(withScores, questionnaire, criteria);
    expect(form.scores).toEqual({ relevance: 'Relevance', commitment: '' });
    expect(anyScoreMapped(form)).toBe(true);
  });
});

describe('formToMapping', () => {
  it('leaves out what is not imported and sends no reviewer without scores', () => {
    const form = mappingToForm(guessed, questionnaire, criteria);
    form.reviewer = 'Anna';
    expect(formToMapping(form)).toEqual({
      city: 'City',
      country: 'Country',
      submitted_at: '',
      answers: { motivation: 'Why?' },
      scores: {},
      reviewer: '',
    });
  });

  it('sends score columns with the reviewer who gave them', () => {
    const form = mappingToForm(guessed, questionnaire, criteria);
    form.scores.commitment = 'Commitment (0-10)';
    form.reviewer = '  Anna Berg ';
    const m = formToMapping(form);
    expect(m.scores).toEqual({ commitment: 'Commitment (0-10)' });
    expect(m.reviewer).toBe('Anna Berg');
  });

  it('round-trips a full mapping', () => {
    const full: ColumnMapping = {
      city: 'City',
      country: 'Country',
      submitted_at: 'Timestamp',
      answers: { motivation: 'Why?', population: 'Pop' },
      scores: { relevance: 'R', commitment: 'C' },
      reviewer: 'Anna',
    };
    expect(formToMapping(mappingToForm(full, questionnaire, criteria))).toEqual(full);
  });
});

describe('columnOptions', () => {
  it('offers the headers once each, and keeps a chosen column the file lacks', () => {
    expect(columnOptions(['City', 'Country', 'City'], 'City')).toEqual(['City', 'Country']);
    expect(columnOptions(['City'], 'Town')).toEqual(['City', 'Town']);
    expect(columnOptions(['City'], '')).toEqual(['City']);
  });
});

describe('problems of a refused import', () => {
  const err: IpcError = {
    code: 'invalid',
    message: '3 fields need attention.',
    field: 'rows.4.Country',
    issues: [
      { code: 'bad_row', message: 'Line 4, column “Country”: “Narnia” is not a country of this programme', field: 'rows.4.Country' },
      { code: 'bad_row', message: 'Line 7, column “Pop. (2020)”: …', field: 'rows.7.Pop. (2020)' },
      { code: 'bad_row', message: 'Line 9: the line cannot be read', field: 'rows.9' },
      { code: 'required', message: 'Reviewer is required.', field: 'reviewer' },
    ],
  };

  it('names the columns complained about, dots and all', () => {
    expect([...columnsWithProblems(err)].sort()).toEqual(['Country', 'Pop. (2020)']);
  });

  it('knows when the reviewer is missing', () => {
    expect(reviewerHasProblem(err)).toBe(true);
    expect(reviewerHasProblem({ ...err, field: null, issues: [] })).toBe(false);
  });
});
