import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { debounce } from './debounce';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('debounce', () => {
  it('calls once, after the quiet time, with the last arguments', () => {
    const fn = vi.fn();
    const d = debounce(fn, 150);
    d('m');
    vi.advanceTimersByTime(100);
    d('mi');
    vi.advanceTimersByTime(100);
    d('mil');
    expect(fn).not.toHaveBeenCalled();
    expect(d.pending()).toBe(true);
    vi.advanceTimersByTime(149);
    expect(fn).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(fn).toHaveBeenCalledTimes(1);
    expect(fn).toHaveBeenCalledWith('mil');
    expect(d.pending()).toBe(false);
  });

  it('cancel drops the pending call', () => {
    const fn = vi.fn();
    const d = debounce(fn, 150);
    d(1);
    d.cancel();
    vi.advanceTimersByTime(500);
    expect(fn).not.toHaveBeenCalled();
  });

  it('flush runs the pending call at once, and only once', () => {
    const fn = vi.fn();
    const d = debounce(fn, 150);
    d.flush();
    expect(fn).not.toHaveBeenCalled();
    d(7);
    d.flush();
    expect(fn).toHaveBeenCalledWith(7);
    vi.advanceTimersByTime(500);
    expect(fn).toHaveBeenCalledTimes(1);
  });

  it('calls again for calls after the quiet time', () => {
    const fn = vi.fn();
    const d = debounce(fn, 50);
    d('a');
    vi.advanceTimersByTime(50);
    d('b');
    vi.advanceTimersByTime(50);
    expect(fn.mock.calls).toEqual([['a'], ['b']]);
  });
});
