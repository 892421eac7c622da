import { describe, expect, it } from 'vitest';
import { ariaInvalid, describedBy, fieldAria, firstErrorId } from './forms';

describe('describedBy', () => {
  it('names the hint and the error that are there, in that order', () => {
    expect(describedBy('person-role', false, false)).toBeUndefined();
    expect(describedBy('person-role', true, false)).toBe('hint-person-role');
    expect(describedBy('person-role', false, true)).toBe('error-person-role');
    expect(describedBy('person-role', true, true)).toBe('hint-person-role error-person-role');
  });
});

describe('fieldAria', () => {
  const messages: Record<string, string> = { name: 'Name is required.' };
  const err = (f: string) => messages[f] ?? null;

  it('marks the fields with a message, named by the field', () => {
    const aria = fieldAria(err);
    expect(aria.err('name')).toBe('Name is required.');
    expect(aria.invalid('name')).toBe('true');
    expect(aria.invalid('country')).toBeUndefined();
    expect(aria.describedBy('name')).toBe('error-name');
    expect(aria.describedBy('name', true)).toBe('hint-name error-name');
    expect(aria.describedBy('country', true)).toBe('hint-country');
    expect(aria.describedBy('country')).toBeUndefined();
  });

  it('names the hint and error by the key the form gives a field', () => {
    const aria = fieldAria(err, (f) => `person-${f}`);
    expect(aria.describedBy('name', true)).toBe('hint-person-name error-person-name');
  });

  it('reads the messages when asked, not once', () => {
    const aria = fieldAria(err);
    messages.country = 'Country is required.';
    expect(aria.invalid('country')).toBe('true');
    delete messages.country;
  });

  it('gives aria-invalid for a message', () => {
    expect(ariaInvalid('Bad')).toBe('true');
    expect(ariaInvalid(null)).toBeUndefined();
  });
});

describe('firstErrorId', () => {
  const err = (f: string) => (f === 'country' || f === 'languages' ? 'wrong' : null);

  it('finds the first field with a message in the form order', () => {
    expect(firstErrorId(['name', 'languages', 'country'], err, (f) => `city-${f}`)).toBe('city-languages');
    expect(firstErrorId(['name', 'country', 'languages'], err, (f) => `city-${f}`)).toBe('city-country');
  });

  it('has none when no field has a message, or the field has no input', () => {
    expect(firstErrorId(['name'], err, (f) => f)).toBeNull();
    expect(firstErrorId(['country'], err, () => null)).toBeNull();
  });
});
