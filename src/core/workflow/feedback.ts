import { addMonthsTo, type IsoDate } from '../dates.js';
import { latestAnswer, reopens, type Feedback, type Rating } from '../handling.js';
import type { Proposal } from '../proposal.js';
import { isAnswered, type Reply, type ReplySummary } from '../reply.js';

/** A proposer's answer to a reply, as received. */
export interface FeedbackRequest {
  readonly rating: Rating;
  readonly receivedOn: IsoDate;
  /** Today: an answer cannot have been received later (a mistyped year would lock the proposal). */
  readonly today: IsoDate;
}

/** What the handling knows of the proposal the reply answers; none when it is not registered. */
export interface FeedbackContext {
  readonly proposal: Proposal | undefined;
  /** The replies to that proposal. */
  readonly answers: readonly ReplySummary[];
  /** The feedback recorded so far. */
  readonly feedback: readonly Feedback[];
  readonly reopenMonths: number;
}

export type FeedbackDecision =
  | { readonly ok: false; readonly refusal: 'notSent' | 'beforeSigned' | 'future' }
  | {
      readonly ok: true;
      /**
       * The new deadline of the reopened proposal: a 不满意 that stands on the
       * latest reply sent reopens it, handling.reopenMonths after it came.
       */
      readonly reopenDueOn: IsoDate | null;
      /** A 不满意 that would reopen a proposal the office has not registered: its deadline cannot be followed. */
      readonly unfollowed: boolean;
    };

/**
 * Whether feedback may be recorded on a reply (one that went out, received
 * no earlier than it was signed), and whether it reopens the proposal. A
 * 不满意 reopens only when it is the answer that stands on the latest reply
 * sent: one on an older reply, or received before a later answer, is
 * recorded but reopens nothing.
 */
export function decideFeedback(reply: Pick<Reply, 'id' | 'status' | 'signedOn'>, request: FeedbackRequest, context: FeedbackContext): FeedbackDecision {
  if (!isAnswered(reply.status)) return { ok: false, refusal: 'notSent' };
  if (request.receivedOn > request.today) return { ok: false, refusal: 'future' };
  if (reply.signedOn && request.receivedOn < reply.signedOn) return { ok: false, refusal: 'beforeSigned' };
  if (!reopens(request.rating)) return { ok: true, reopenDueOn: null, unfollowed: false };
  const due = addMonthsTo(request.receivedOn, context.reopenMonths);
  if (!context.proposal) return { ok: true, reopenDueOn: null, unfollowed: true };
  const stands =
    latestAnswer(context.proposal, context.answers)?.id === reply.id &&
    // A later answer on the same reply outweighs this one; one received the same day is outweighed by this, recorded later.
    context.feedback.every((f) => f.replyId !== reply.id || f.receivedOn <= request.receivedOn);
  return { ok: true, reopenDueOn: stands ? due : null, unfollowed: false };
}
