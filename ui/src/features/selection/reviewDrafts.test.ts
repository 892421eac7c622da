import { describe, expect, it } from 'vitest';
import { ReviewDrafts } from './reviewDrafts';

const form = { reviewer: 'Anna', scores: { relevance: '7' }, note: 'ok' };

describe('review drafts', () => {
  it('keeps a form with something to save, per candidature, and forgets it once there is nothing', () => {
    const drafts = new ReviewDrafts();
    drafts.keep('a', form, true);
    expect(drafts.get('a')).toEqual(form);
    expect(drafts.has('b')).toBe(false);
    drafts.keep('a', form, false);
    expect(drafts.has('a')).toBe(false);
  });

  it('keeps a copy: later typing in the form does not change the draft', () => {
    const drafts = new ReviewDrafts();
    const typing = { reviewer: 'Anna', scores: { relevance: '7' }, note: '' };
    drafts.keep('a', typing, true);
    typing.scores.relevance = '8';
    const back = drafts.get('a');
    expect(back?.scores.relevance).toBe('7');
    back!.note = 'changed';
    expect(drafts.get('a')?.note).toBe('');
  });

  it('drops a draft', () => {
    const drafts = new ReviewDrafts();
    drafts.keep('a', form, true);
    drafts.keep('b', form, true);
    drafts.drop('a');
    expect(drafts.has('a')).toBe(false);
    expect(drafts.has('b')).toBe(true);
  });
});
