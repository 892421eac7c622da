// What a view that saves on its own says about its last save.
import { hasFieldErrors, type FormErrors } from './errors';
import type { SaveStatus } from './util/autosave';

export const NOT_SAVED = 'Not saved';
/** After a refusal that marked fields: fixing them is what helps. */
export const NOT_SAVED_FIX = 'Not saved — fix the marked fields';

/** The save status in words; `notSaved` is what a failed save says (the view may explain more). */
export function saveStateText(status: SaveStatus, notSaved: string = NOT_SAVED): string {
  switch (status) {
    case 'pending':
    case 'saving':
      return 'Saving…';
    case 'saved':
      return 'Saved';
    case 'error':
      return notSaved;
    default:
      return '';
  }
}

/** The messages not tied to a field, as one sentence without its final stop. */
function generalMessage(errors: FormErrors): string {
  return errors.general
    .join(' ')
    .trim()
    .replace(/[.。]+$/u, '');
}

/**
 * What a form says after a save was refused: fixing the marked fields, or (a failure no field
 * explains) the reason and that Ctrl+S tries again.
 */
export function notSavedText(errors: FormErrors): string {
  if (hasFieldErrors(errors)) return NOT_SAVED_FIX;
  const message = generalMessage(errors);
  return message === '' ? `${NOT_SAVED}. Ctrl+S tries again.` : `${NOT_SAVED}: ${message}. Ctrl+S tries again.`;
}
