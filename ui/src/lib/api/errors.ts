// Every failure of a command in one shape, `IpcError`: what the shell sends, and anything
// else the IPC layer may throw.
import type { IpcError } from './bindings/IpcError';
import type { Issue } from './bindings/Issue';

/** Codes with which the shell says the store could not be opened at all. */
export const FATAL_STORE_CODES: readonly string[] = ['already_open', 'too_new', 'corrupt'];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function toIssue(v: unknown): Issue | null {
  if (!isRecord(v) || typeof v.message !== 'string') return null;
  return {
    code: typeof v.code === 'string' ? v.code : 'invalid',
    message: v.message,
    field: typeof v.field === 'string' ? v.field : null,
  };
}

/**
 * Turns whatever a rejected `invoke` gave into an `IpcError`. The shell rejects with an
 * `IpcError` object; anything else (a string, an Error from the IPC layer, …) becomes
 * `{ code: 'unexpected', … }` so callers always get one shape.
 */
export function toIpcError(e: unknown): IpcError {
  if (isRecord(e) && typeof e.code === 'string' && typeof e.message === 'string') {
    const issues = Array.isArray(e.issues)
      ? e.issues.map(toIssue).filter((i): i is Issue => i !== null)
      : [];
    return {
      code: e.code,
      message: e.message,
      field: typeof e.field === 'string' ? e.field : null,
      issues,
    };
  }
  return { code: 'unexpected', message: String(e), field: null, issues: [] };
}

/** True when `e` already has the `IpcError` shape (as thrown by the functions below). */
export function isIpcError(e: unknown): e is IpcError {
  return (
    isRecord(e) &&
    typeof e.code === 'string' &&
    typeof e.message === 'string' &&
    (e.field === null || typeof e.field === 'string') &&
    Array.isArray(e.issues)
  );
}
