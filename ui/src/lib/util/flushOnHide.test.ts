import { describe, expect, it, vi } from 'vitest';
import { flushOnHide } from './flushOnHide';

describe('flushOnHide', () => {
  it('flushes when the page is hidden, left or closed, until stopped', () => {
    const win = new EventTarget();
    const doc = new EventTarget();
    const flush = vi.fn(() => Promise.resolve(true));
    const stop = flushOnHide(flush, win, doc);

    win.dispatchEvent(new Event('pagehide'));
    win.dispatchEvent(new Event('beforeunload'));
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(flush).toHaveBeenCalledTimes(3);

    win.dispatchEvent(new Event('focus'));
    expect(flush).toHaveBeenCalledTimes(3);

    stop();
    win.dispatchEvent(new Event('pagehide'));
    win.dispatchEvent(new Event('beforeunload'));
    doc.dispatchEvent(new Event('visibilitychange'));
    expect(flush).toHaveBeenCalledTimes(3);
  });
});
