// How a form's controls point at their hint and the backend's message (see Field.svelte, which
// gives them the ids hint-<key> and error-<key>), and where focus goes after a refusal.
import { tick } from 'svelte';

/** The ids an input's aria-describedby names: its hint, then its error, when there are. */
export function describedBy(key: string, hasHint: boolean, hasError: boolean): string | undefined {
  const ids = [hasHint ? `hint-${key}` : null, hasError ? `error-${key}` : null].filter((x): x is string => x !== null);
  return ids.length > 0 ? ids.join(' ') : undefined;
}

/** aria-invalid for a control with this message (or none). */
export function ariaInvalid(message: string | null): 'true' | undefined {
  return message !== null ? 'true' : undefined;
}

/** What a form's controls need to show the backend's messages. */
export interface FieldAria<F extends string> {
  /** The field's message as the backend gave it, or null. */
  err: (field: F) => string | null;
  /** For aria-describedby: the field's hint (when it has one) and error. */
  describedBy: (field: F, hasHint?: boolean) => string | undefined;
  invalid: (field: F) => 'true' | undefined;
}

/**
 * The helpers of a form whose messages `err` reads (read when called, so a template that calls
 * them follows the errors). `key` is the field's name in Field.svelte: the field itself unless
 * the form says otherwise.
 */
export function fieldAria<F extends string>(
  err: (field: F) => string | null,
  key: (field: F) => string = (field) => field,
): FieldAria<F> {
  return {
    err,
    describedBy: (field, hasHint = false) => describedBy(key(field), hasHint, err(field) !== null),
    invalid: (field) => ariaInvalid(err(field)),
  };
}

/** The input of the first field, in the form's order, that has a message; null when none has. */
export function firstErrorId<F>(
  fields: readonly F[],
  err: (field: F) => string | null,
  inputId: (field: F) => string | null,
): string | null {
  const first = fields.find((f) => err(f) !== null);
  return first === undefined ? null : inputId(first);
}

/**
 * After a refusal, once the messages are on screen: focus goes to the first field with one, or
 * (no field to blame) to `fallback`, the form's own message.
 */
export async function focusFirstError<F>(
  fields: readonly F[],
  err: (field: F) => string | null,
  inputId: (field: F) => string | null,
  fallback: () => HTMLElement | null | undefined = () => null,
): Promise<void> {
  await tick();
  const id = firstErrorId(fields, err, inputId);
  (id !== null ? document.getElementById(id) : fallback())?.focus();
}
