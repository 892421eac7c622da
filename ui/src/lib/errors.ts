import type { IpcError } from './api';

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
 * Sorts the messages of an `IpcError` by field. `knownFields` are the fields the form shows;
 * a message for any other field (or none) goes to `general` so that it is never lost.
 * An error without issues is one message: on its own field if it has one, else general.
 */
export function formErrors(err: IpcError, knownFields: readonly string[]): FormErrors {
  const out: FormErrors = { fields: {}, general: [] };
  const add = (field: string | null, message: string) => {
    const key = field === null ? null : baseField(field);
    if (key !== null && knownFields.includes(key)) {
      const list = out.fields[key] ?? [];
      if (!list.includes(message)) list.push(message);
      out.fields[key] = list;
    } else if (!out.general.includes(message)) {
      out.general.push(message);
    }
  };
  if (err.issues.length === 0) {
    add(err.field, err.message);
  } else {
    for (const issue of err.issues) add(issue.field, issue.message);
  }
  return out;
}

/** All messages of a field joined for display, or null when it has none. */
export function fieldMessage(errors: FormErrors, field: string): string | null {
  const list = errors.fields[field];
  return list && list.length > 0 ? list.join(' ') : null;
}
