// The shell's events: a record saved or deleted (`changed`), a pass over the sync folder
// (`sync`). Views listen here, never with `listen` themselves.
import { listen, type UnlistenFn } from '@tauri-apps/api/event';

import type { Changed } from './bindings/Changed';
import type { SyncStatus } from './bindings/SyncStatus';

/**
 * Calls `handler` whenever the shell reports a save or a delete (the `changed` event), from now
 * until the returned function is called.
 */
export function onChanged(handler: (changed: Changed) => void): () => void {
  return subscribe<Changed>('changed', handler);
}

/** Calls `handler` after every pass over the sync folder (the `sync` event), until stopped. */
export function onSync(handler: (status: SyncStatus) => void): () => void {
  return subscribe<SyncStatus>('sync', handler);
}

/**
 * Listens to one of the shell's events. Stopping works even before the shell has confirmed the
 * subscription, so a view that unmounts at once leaves no listener behind. Outside the desktop
 * shell (no IPC) nothing is ever reported and stopping does nothing.
 */
function subscribe<T>(event: string, handler: (payload: T) => void): () => void {
  let stopped = false;
  let unlisten: UnlistenFn | null = null;
  // Tauri's unlisten is async; a failure to unregister (window closing) is of no interest.
  const release = (fn: UnlistenFn) => {
    try {
      const done: unknown = fn();
      if (done instanceof Promise) done.catch(() => {});
    } catch {
      /* the window is going away */
    }
  };
  listen<T>(event, (e) => handler(e.payload)).then(
    (fn) => {
      if (stopped) release(fn);
      else unlisten = fn;
    },
    () => {},
  );
  return () => {
    stopped = true;
    if (unlisten) release(unlisten);
    unlisten = null;
  };
}
