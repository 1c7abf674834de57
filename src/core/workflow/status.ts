import type { Finding } from '../checks/index.js';
import { canTransition, isGuardedStep, needsReason, STATUSES, statusOf, unsignable, type Reply, type Status } from '../reply.js';

/**
 * A change of a reply's status, decided: which changes are legal, what a
 * reply needs to be signed, the check gate, and what --force needs. Pure: the
 * check's errors are given, the caller writes the change.
 */
export interface StatusRequest {
  /** The status as the user typed it (signed, 签发 …). */
  readonly wanted: string;
  readonly force: boolean;
  /** As typed; undefined when none was given. */
  readonly reason: string | undefined;
}

/** What the request asks for, or why it is no request (a usage error: nothing is looked up). */
export type ParsedRequest =
  | { readonly ok: true; readonly to: Status; readonly force: boolean; readonly reason?: string }
  | { readonly ok: false; readonly refusal: 'unknownStatus' | 'emptyReason' | 'forceNeedsReason' };

export function parseStatusRequest(request: StatusRequest): ParsedRequest {
  const to = statusOf(request.wanted);
  if (!to) return { ok: false, refusal: 'unknownStatus' };
  const reason = request.reason?.trim();
  if (request.reason !== undefined && !reason) return { ok: false, refusal: 'emptyReason' };
  if (request.force && !reason) return { ok: false, refusal: 'forceNeedsReason' };
  return { ok: true, to, force: request.force, ...(reason ? { reason } : {}) };
}

/** The change to write, or why there is none. */
export type StatusDecision =
  | { readonly ok: true; readonly to: Status; readonly reason?: string; readonly overridden?: readonly Finding[] }
  | { readonly ok: false; readonly refusal: 'same' }
  | { readonly ok: false; readonly refusal: 'notAllowed'; readonly allowed: readonly Status[] }
  /** Taking a signed reply back, or voiding one, is done with a reason on the record. */
  | { readonly ok: false; readonly refusal: 'needsReason' }
  /** A reply goes out under a doc number and a date: --force does not go past that. */
  | { readonly ok: false; readonly refusal: 'cannotSign'; readonly lacking: readonly ('docNumber' | 'signedOn')[] }
  /** The check found errors, and the change was not forced past them. */
  | { readonly ok: false; readonly refusal: 'checkFailed'; readonly errors: readonly Finding[] };

/**
 * Decides a change of status. `errorsOf` gives the check's errors of the
 * reply; it is asked only for the steps the check guards (checked, signed).
 */
export function decideStatusChange(
  reply: Pick<Reply, 'status' | 'docNumber' | 'signedOn'>,
  request: Extract<ParsedRequest, { ok: true }>,
  errorsOf: () => readonly Finding[],
  /** Whether signing gives a reply without a number the next one (numbering "sign"); it needs a date still. */
  numbersAtSigning = false,
): StatusDecision {
  const { to } = request;
  if (reply.status === to) return { ok: false, refusal: 'same' };
  if (!canTransition(reply.status, to)) return { ok: false, refusal: 'notAllowed', allowed: STATUSES.filter((s) => canTransition(reply.status, s)) };
  if (needsReason(reply.status, to) && !request.reason) return { ok: false, refusal: 'needsReason' };
  const lacking = to === 'signed' ? unsignable(reply).filter((f) => !(f === 'docNumber' && numbersAtSigning)) : [];
  if (lacking.length > 0) return { ok: false, refusal: 'cannotSign', lacking };
  const reason = request.reason ? { reason: request.reason } : {};
  if (!isGuardedStep(to)) return { ok: true, to, ...reason };
  const errors = errorsOf().filter((f) => f.severity === 'error');
  if (errors.length === 0) return { ok: true, to, ...reason };
  if (!request.force) return { ok: false, refusal: 'checkFailed', errors };
  return { ok: true, to, ...reason, overridden: errors };
}
