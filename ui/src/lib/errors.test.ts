import { describe, expect, it } from 'vitest';
import { baseField, fieldMessage, formErrors, hasFieldErrors, isRetryable, messageOf, sortIssues } from './errors';
import type { IpcError } from './api';

const FIELDS = ['name', 'country', 'time_zone', 'population', 'languages'];

function err(partial: Partial<IpcError>): IpcError {
  return { code: 'invalid', message: 'Invalid', field: null, issues: [], ...partial };
}

describe('baseField', () => {
  it('strips list indexes and sub-fields', () => {
    expect(baseField('languages[2]')).toBe('languages');
    expect(baseField('languages.0')).toBe('languages');
    expect(baseField('time_zone')).toBe('time_zone');
  });
});

describe('formErrors', () => {
  it('puts each issue beside its field', () => {
    const got = formErrors(
      err({
        issues: [
          { code: 'required', message: 'A city needs a name', field: 'name' },
          { code: 'unknown_zone', message: 'Europe/Milan is not a time zone', field: 'time_zone' },
        ],
      }),
      FIELDS,
    );
    expect(got.fields).toEqual({ name: ['A city needs a name'], time_zone: ['Europe/Milan is not a time zone'] });
    expect(got.general).toEqual([]);
  });

  it('keeps several messages of one field, once each', () => {
    const got = formErrors(
      err({
        issues: [
          { code: 'a', message: 'Too long', field: 'name' },
          { code: 'b', message: 'Has control characters', field: 'name' },
          { code: 'b', message: 'Has control characters', field: 'name' },
        ],
      }),
      FIELDS,
    );
    expect(got.fields.name).toEqual(['Too long', 'Has control characters']);
    expect(fieldMessage(got, 'name')).toBe('Too long Has control characters');
    expect(fieldMessage(got, 'country')).toBeNull();
  });

  it('sends issues without a field, or with an unknown one, to general', () => {
    const got = formErrors(
      err({
        issues: [
          { code: 'quota', message: 'The EU already has 14 cities', field: null },
          { code: 'x', message: 'Bad id', field: 'id' },
          { code: 'lang', message: 'Unknown language', field: 'languages[1]' },
        ],
      }),
      FIELDS,
    );
    expect(got.general).toEqual(['The EU already has 14 cities', 'Bad id']);
    expect(got.fields).toEqual({ languages: ['Unknown language'] });
  });

  it('uses the error itself when it has no issues', () => {
    expect(formErrors(err({ message: 'Not a number', field: 'population' }), FIELDS)).toEqual({
      fields: { population: ['Not a number'] },
      general: [],
    });
    expect(formErrors(err({ code: 'not_found', message: 'That city is gone' }), FIELDS)).toEqual({
      fields: {},
      general: ['That city is gone'],
    });
  });
});

describe('sortIssues', () => {
  it('puts each message in the list its field gives, once, and returns the rest', () => {
    const lists: Record<string, string[]> = {};
    const general = sortIssues(
      err({
        issues: [
          { code: 'a', message: 'Too early', field: 'rows.1.start' },
          { code: 'a', message: 'Too early', field: 'rows.1.start' },
          { code: 'b', message: 'Not a row', field: 'rows.9.start' },
          { code: 'c', message: 'Busy', field: null },
          { code: 'c', message: 'Busy', field: null },
        ],
      }),
      (field) => (field.startsWith('rows.1.') ? (lists[field] ??= []) : null),
    );
    expect(lists).toEqual({ 'rows.1.start': ['Too early'] });
    expect(general).toEqual(['Not a row', 'Busy']);
  });

  it('sorts the error itself when it has no issues', () => {
    const lists: Record<string, string[]> = {};
    expect(sortIssues(err({ message: 'Too long', field: 'name' }), (f) => (lists[f] ??= []))).toEqual([]);
    expect(lists).toEqual({ name: ['Too long'] });
    expect(sortIssues(err({ message: 'Gone' }), () => [])).toEqual(['Gone']);
  });
});

describe('messageOf and hasFieldErrors', () => {
  it('joins the messages of a field, or gives null', () => {
    expect(messageOf({ city: ['Unknown city.', 'A member twice.'] }, 'city')).toBe('Unknown city. A member twice.');
    expect(messageOf({ city: [] }, 'city')).toBeNull();
    expect(messageOf(undefined, 'city')).toBeNull();
  });

  it('tells whether any field is to blame', () => {
    expect(hasFieldErrors({ fields: { name: ['Required'] }, general: [] })).toBe(true);
    expect(hasFieldErrors({ fields: { name: [] }, general: ['Busy'] })).toBe(false);
  });
});

describe('isRetryable', () => {
  it('tries again by itself only after a failure that names no field', () => {
    expect(isRetryable({ code: 'store', message: 'The store is busy.', field: null, issues: [] })).toBe(true);
    expect(isRetryable(err({ issues: [{ code: 'x', field: 'pairing', message: 'This pairing has a plan already.' }] }))).toBe(false);
    expect(isRetryable({ code: 'duplicate', message: 'x', field: 'pairing', issues: [] })).toBe(false);
    // A refusal whose issues name no field is as retryable as any other failure without one.
    expect(isRetryable(err({ issues: [{ code: 'x', field: null, message: 'Busy.' }] }))).toBe(true);
  });
});
