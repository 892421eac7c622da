import { describe, expect, it } from 'vitest';
import { notSavedText, saveStateText } from './saveState';

describe('saveStateText', () => {
  it('says Saving… while waiting or saving, then Saved, or Not saved', () => {
    expect(saveStateText('idle')).toBe('');
    expect(saveStateText('pending')).toBe('Saving…');
    expect(saveStateText('saving')).toBe('Saving…');
    expect(saveStateText('saved')).toBe('Saved');
    expect(saveStateText('error')).toBe('Not saved');
  });

  it('says what the view gives for a failed save', () => {
    expect(saveStateText('error', 'Not saved — fix the marked fields')).toBe('Not saved — fix the marked fields');
    expect(saveStateText('error', '')).toBe('');
    expect(saveStateText('saved', '')).toBe('Saved');
  });
});

describe('notSavedText', () => {
  it('after a refusal, points at the fields when a field is to blame', () => {
    const errors = { fields: { name: ['Name is required.'] }, general: ['Something else.'] };
    expect(notSavedText(errors)).toBe('Not saved — fix the marked fields');
  });

  it('after a failure no field explains, gives the message and says Ctrl+S tries again', () => {
    expect(notSavedText({ fields: {}, general: ['The store is busy.'] })).toBe(
      'Not saved: The store is busy. Ctrl+S tries again.',
    );
    expect(notSavedText({ fields: { name: [] }, general: ['Disk full'] })).toBe('Not saved: Disk full. Ctrl+S tries again.');
    expect(notSavedText({ fields: {}, general: ['保存できません。'] })).toBe('Not saved: 保存できません. Ctrl+S tries again.');
    expect(notSavedText({ fields: {}, general: [] })).toBe('Not saved. Ctrl+S tries again.');
  });
});
