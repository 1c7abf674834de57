import { addMonthsTo, type IsoDate } from '../dates.js';
import type { Handling } from '../handling.js';

/** How the clerk asks for a later deadline: a day, or some months after the one in force. */
export type ExtensionRequest = { readonly to: IsoDate } | { readonly months: number };

export type ExtensionDecision =
  | { readonly ok: true; readonly to: IsoDate }
  /** A proposal answered (and not reopened) has no deadline to move. */
  | { readonly ok: false; readonly refusal: 'answered' }
  /** Nor has a withdrawn one. */
  | { readonly ok: false; readonly refusal: 'withdrawn' }
  /** An extension moves the deadline later, never earlier or to the same day. */
  | { readonly ok: false; readonly refusal: 'notLater'; readonly to: IsoDate; readonly from: IsoDate };

/** The most months one extension may add: a deadline is moved by weeks or months, not years. */
export const MAX_EXTENSION_MONTHS = 24;

/** Whether months typed for an extension are a whole number of them from 1 to MAX_EXTENSION_MONTHS. */
export function isExtensionMonths(n: number): boolean {
  return Number.isInteger(n) && n >= 1 && n <= MAX_EXTENSION_MONTHS;
}

/** Decides an extension of the deadline in force (`handling.dueOn`). */
export function decideExtension(handling: Pick<Handling, 'state' | 'dueOn'>, request: ExtensionRequest): ExtensionDecision {
  if (handling.state === 'answered' || handling.state === 'withdrawn') return { ok: false, refusal: handling.state };
  const to = 'to' in request ? request.to : addMonthsTo(handling.dueOn, request.months);
  if (to <= handling.dueOn) return { ok: false, refusal: 'notLater', to, from: handling.dueOn };
  return { ok: true, to };
}
