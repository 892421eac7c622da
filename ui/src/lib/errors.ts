import type { IpcError } from './api';

/** Messages by field name. */
export type Messages = Partial<Record<string, string[]>>;

/** Errors of a form, as the command returned them: per field, and the ones with no field. */
export interface FormErrors {
  fields: Record<string, string[]>;
  general: string[];
}

export const NO_ERRORS: FormErrors = Object.freeze({ fields: {}, general: [] }) as FormErrors;

/**
 * The form field an error's `field` belongs to: `languages[2]` and `languages.2` belong to
 * `languages`.
 */
export function baseField(field: string): string {
  const cut = field.search(/[[.]/);
  return cut === -1 ? field : field.slice(0, cut);
}

/**
 * Sorts the messages of an `IpcError` onto a view: `listOf(field)` gives the list a field's
 * messages go in (the caller keeps it), or null for a field the view does not show. Returns the
 * messages that found no list — those without a field, or with one the view does not show — so
 * that none is lost. Each list holds a message once. An error without issues is one message:
 * on its own field if it has one.
 */
export function sortIssues(err: IpcError, listOf: (field: string) => string[] | null): string[] {
  const general: string[] = [];
  const add = (field: string | null, message: string) => {
    const list = (field === null ? null : listOf(field)) ?? general;
    if (!list.includes(message)) list.push(message);
  };
  if (err.issues.length === 0) add(err.field, err.message);
  else for (const issue of err.issues) add(issue.field, issue.message);
  return general;
}

/**
 * Sorts the messages of an `IpcError` by field. `knownFields` are the fields the form shows;
 * a message for any other field (or none) goes to `general` so that it is never lost.
 */
export function formErrors(err: IpcError, knownFields: readonly string[]): FormErrors {
  const fields: FormErrors['fields'] = {};
  const general = sortIssues(err, (field) => {
    const key = baseField(field);
    return knownFields.includes(key) ? (fields[key] ??= []) : null;
  });
  return { fields, general };
}

/** All messages of a field joined for display, or null when it has none. */
export function messageOf(messages: Messages | undefined, field: string): string | null {
  const list = messages?.[field];
  return list && list.length > 0 ? list.join(' ') : null;
}

/** All messages of a form's field joined for display, or null when it has none. */
export function fieldMessage(errors: FormErrors, field: string): string | null {
  return messageOf(errors.fields, field);
}

/** True when the backend blamed at least one field the form shows. */
export function hasFieldErrors(errors: FormErrors): boolean {
  return Object.values(errors.fields).some((list) => list.length > 0);
}

/**
 * True for a failure that names no field: not about what was typed (the store was busy, the
 * disk full), so saving the same record again later may well work. A refusal at a field (even
 * one the editor does not show, as a second plan for a pairing at `pairing`) needs a change.
 */
export function isRetryable(err: IpcError): boolean {
  return err.field === null && err.issues.every((i) => i.field === null);
}
