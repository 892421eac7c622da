/**
 * Runs `flush` whenever the window is hidden, left or closed, so that an edit still waiting to
 * be saved on its own is not lost with the window. Returns the way to stop listening (for an
 * onMount cleanup). The targets are the window and document; tests give their own.
 */
export function flushOnHide(
  flush: () => unknown,
  win: EventTarget = window,
  doc: EventTarget = document,
): () => void {
  const onHide = () => void flush();
  win.addEventListener('pagehide', onHide);
  win.addEventListener('beforeunload', onHide);
  doc.addEventListener('visibilitychange', onHide);
  return () => {
    win.removeEventListener('pagehide', onHide);
    win.removeEventListener('beforeunload', onHide);
    doc.removeEventListener('visibilitychange', onHide);
  };
}
