// Reviews typed but not sent yet, per candidature, so that opening another candidature (or
// another view) and coming back finds the typing where it was.
//
// They live in this module, not in the store: a review is an explicit submission, so nothing
// is recorded until the reviewer saves it. Returning to Selection in the same session restores
// the drafts; closing the app loses an unsent review.
import { SvelteMap } from 'svelte/reactivity';
import type { Id } from '../../lib/api';
import type { ReviewFormValues } from './reviewForm';

export class ReviewDrafts {
  // Reactive so that the table can mark the candidatures with an unsent review.
  private readonly drafts = new SvelteMap<Id, ReviewFormValues>();
  /** The name the last review was saved under, to start a new form with. */
  lastReviewer = '';

  get(id: Id): ReviewFormValues | null {
    const d = this.drafts.get(id);
    return d ? copy(d) : null;
  }

  has(id: Id): boolean {
    return this.drafts.has(id);
  }

  /** Keeps the form of a candidature while it has something to save, else forgets it. */
  keep(id: Id, form: ReviewFormValues, dirty: boolean): void {
    if (dirty) this.drafts.set(id, copy(form));
    else if (this.drafts.has(id)) this.drafts.delete(id);
  }

  drop(id: Id): void {
    this.drafts.delete(id);
  }
}

/** The session's drafts, shared by every Selection view mounted in it. */
export const reviewDrafts = new ReviewDrafts();

// A plain copy: the form may be a $state proxy, which structuredClone cannot take.
function copy(form: ReviewFormValues): ReviewFormValues {
  return { reviewer: form.reviewer, scores: { ...form.scores }, note: form.note };
}
