import { describe, expect, it } from 'vitest';
import {
  forbid,
  isForbidden,
  isLocked,
  locksDroppedBy,
  NO_CONSTRAINTS,
  sameConstraints,
  toggleForbid,
  toggleLock,
  toRequest,
  type Constraints,
} from './constraints';

const c = (locked: [string, string][], forbidden: [string, string][] = []): Constraints => ({ locked, forbidden });

describe('locking a cell', () => {
  it('locks a pair and unlocks it again', () => {
    const one = toggleLock(NO_CONSTRAINTS, 'a', 'x');
    expect(one.locked).toEqual([['a', 'x']]);
    expect(isLocked(one, 'a', 'x')).toBe(true);
    expect(toggleLock(one, 'a', 'x').locked).toEqual([]);
  });

  it('drops the other locks of the same EU city and of the same partner', () => {
    const before = c([
      ['a', 'y'],
      ['b', 'x'],
      ['c', 'z'],
    ]);
    const after = toggleLock(before, 'a', 'x');
    expect(after.locked).toEqual([
      ['c', 'z'],
      ['a', 'x'],
    ]);
  });

  it('tells which locks locking drops, so the view can say it', () => {
    const before = c([
      ['a', 'y'],
      ['b', 'x'],
      ['c', 'z'],
    ]);
    expect(locksDroppedBy(before, 'a', 'x')).toEqual([
      ['a', 'y'],
      ['b', 'x'],
    ]);
    expect(locksDroppedBy(before, 'c', 'w')).toEqual([['c', 'z']]);
    expect(locksDroppedBy(before, 'd', 'w')).toEqual([]);
    // Toggling a locked pair unlocks it: nothing else goes.
    expect(locksDroppedBy(before, 'a', 'y')).toEqual([]);
  });

  it('drops a forbid on that cell, and only on that cell', () => {
    const before = c([], [
      ['a', 'x'],
      ['a', 'y'],
    ]);
    const after = toggleLock(before, 'a', 'x');
    expect(after.forbidden).toEqual([['a', 'y']]);
    expect(isForbidden(after, 'a', 'x')).toBe(false);
  });

  it('never changes what it was given', () => {
    const before = c([['a', 'y']], [['a', 'x']]);
    const copy = structuredClone(before);
    toggleLock(before, 'a', 'x');
    toggleForbid(before, 'a', 'y');
    forbid(before, 'b', 'z');
    expect(before).toEqual(copy);
  });
});

describe('forbidding a cell', () => {
  it('forbids and allows again', () => {
    const one = toggleForbid(NO_CONSTRAINTS, 'a', 'x');
    expect(isForbidden(one, 'a', 'x')).toBe(true);
    expect(toggleForbid(one, 'a', 'x').forbidden).toEqual([]);
  });

  it('unlocks the cell it forbids but keeps other locks', () => {
    const after = toggleForbid(c([
      ['a', 'x'],
      ['b', 'y'],
    ]), 'a', 'x');
    expect(after.locked).toEqual([['b', 'y']]);
    expect(after.forbidden).toEqual([['a', 'x']]);
  });

  it('rejecting (forbid) is idempotent and also unlocks', () => {
    const once = forbid(c([['a', 'x']]), 'a', 'x');
    expect(once).toEqual(c([], [['a', 'x']]));
    expect(forbid(once, 'a', 'x')).toEqual(once);
  });
});

describe('comparing and sending', () => {
  it('compares regardless of order', () => {
    expect(sameConstraints(c([['a', 'x'], ['b', 'y']]), c([['b', 'y'], ['a', 'x']]))).toBe(true);
    expect(sameConstraints(c([['a', 'x']]), c([], [['a', 'x']]))).toBe(false);
  });

  it('sends plain copies', () => {
    const state = c([['a', 'x']], [['b', 'y']]);
    const req = toRequest(state);
    expect(req).toEqual(state);
    expect(req.locked[0]).not.toBe(state.locked[0]);
  });
});
