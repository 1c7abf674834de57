import { daysFrom, type IsoDate } from './dates.js';
import { answersProposal, type Deadline, type Proposal } from './proposal.js';
import { isAnswered, type ReplySummary } from './reply.js';

/** The member's or deputy's answer to a reply (征询意见). */
export const RATINGS = ['满意', '基本满意', '不满意'] as const;
export type Rating = (typeof RATINGS)[number];

const RATING_ALIASES: Record<string, Rating> = {
  满意: '满意', satisfied: '满意',
  基本满意: '基本满意', 'mostly-satisfied': '基本满意', mostly: '基本满意',
  不满意: '不满意', unsatisfied: '不满意', dissatisfied: '不满意',
};

export function ratingOf(text: string): Rating | undefined {
  return RATING_ALIASES[text.trim().toLowerCase()];
}

/** A 不满意 reopens the handling: the proposal is answered again. */
export function reopens(rating: Rating): boolean {
  return rating === '不满意';
}

export interface Feedback {
  readonly id: number;
  readonly replyId: number;
  readonly rating: Rating;
  readonly note: string | null;
  readonly receivedOn: IsoDate;
  /** Its event in the archive's log: the order answers were recorded in. */
  readonly event: number;
  /** When it was recorded, as the clock said. */
  readonly at: string;
  /** Who recorded it; null where not recorded. */
  readonly operator: string | null;
  /** Taken back (recorded by mistake): it is kept, and counts no more. */
  readonly retracted: { readonly event: number; readonly at: string; readonly operator: string | null; readonly reason: string } | null;
}

/**
 * Where the handling of a proposal stands:
 * pending, no reply has gone out yet; answered, the latest reply sent stands;
 * reopened, the latest reply sent met a 不满意 and a new answer is due;
 * withdrawn, the proposal was withdrawn (撤案、并案): nothing is due.
 */
export type HandlingState = 'pending' | 'answered' | 'reopened' | 'withdrawn';

export interface Handling {
  readonly proposal: Proposal;
  readonly state: HandlingState;
  /** The due date in force: the latest deadline. */
  readonly dueOn: IsoDate;
  /** Days from today to the due date; negative when overdue. */
  readonly daysLeft: number;
  /** Open (pending or reopened) and past its due date. */
  readonly overdue: boolean;
  /** The replies of this proposal that are not void, newest signed first. */
  readonly replies: readonly ReplySummary[];
  /** The signed date of the first reply that went out, if any. */
  readonly firstAnsweredOn: IsoDate | null;
  /** Whether that first answer met the due date of the first handling (assigned, or extended); null while none. */
  readonly onTime: boolean | null;
  /** The latest feedback on the latest reply that went out. */
  readonly feedback: Feedback | null;
}

export function isOpen(h: Pick<Handling, 'state'>): boolean {
  return h.state === 'pending' || h.state === 'reopened';
}

/** The answers that stand: those not retracted. */
export function standing(feedback: readonly Feedback[]): Feedback[] {
  return feedback.filter((f) => f.retracted === null);
}

/**
 * The handling of a proposal from its replies and the feedback on them. A
 * reply answers the proposal with the same session and number; void ones
 * do not count.
 */
export function handlingOf(
  proposal: Proposal,
  allReplies: readonly ReplySummary[],
  feedback: readonly Feedback[],
  today: IsoDate,
): Handling {
  const replies = repliesTo(proposal, allReplies);
  const answered = replies.filter((r) => isAnswered(r.status));
  const latest = answered[0];
  const latestFeedback = latest ? latestOf(standing(feedback).filter((f) => f.replyId === latest.id)) : undefined;
  const state: HandlingState =
    proposal.status === 'withdrawn' ? 'withdrawn'
    : !latest ? 'pending'
    : latestFeedback && latestFeedback.rating === '不满意' ? 'reopened'
    : 'answered';

  // A reopening by an answer taken back gives no deadline.
  const retracted = new Set(feedback.filter((f) => f.retracted !== null).map((f) => f.id));
  const deadlines = proposal.deadlines.filter((d) => d.feedbackId === null || !retracted.has(d.feedbackId));
  const dueOn = lastOf(deadlines)?.dueOn ?? proposal.firstDueOn;
  const daysLeft = daysFrom(today, dueOn);
  // The first answer whose date is known: one without a date cannot be counted on time or late.
  const firstAnsweredOn = answered.findLast((r) => r.signedOn !== null)?.signedOn ?? null;
  const firstDue = firstHandlingDue(deadlines) ?? proposal.firstDueOn;
  return {
    proposal,
    state,
    dueOn,
    daysLeft,
    overdue: isOpen({ state }) && daysLeft < 0,
    replies,
    firstAnsweredOn,
    onTime: firstAnsweredOn === null ? null : firstAnsweredOn <= firstDue,
    feedback: latestFeedback ?? null,
  };
}

/** The live replies to a proposal, newest signed first. */
function repliesTo(proposal: Proposal, allReplies: readonly ReplySummary[]): ReplySummary[] {
  return allReplies.filter((r) => r.status !== 'void' && answersProposal(r, proposal)).sort(newestSignedFirst);
}

/** The reply that answers a proposal now: the newest of those that went out. */
export function latestAnswer(proposal: Proposal, allReplies: readonly ReplySummary[]): ReplySummary | undefined {
  return repliesTo(proposal, allReplies).find((r) => isAnswered(r.status));
}

/** Newest signed first, then the latest filed; replies without a date last (as the archive lists them). */
function newestSignedFirst(a: ReplySummary, b: ReplySummary): number {
  if (a.signedOn === b.signedOn) return b.id - a.id;
  if (a.signedOn === null) return 1;
  if (b.signedOn === null) return -1;
  return a.signedOn < b.signedOn ? 1 : -1;
}

/** Open handlings due within `days` (all open ones when undefined), soonest first. */
export function dueList(handlings: readonly Handling[], days?: number): Handling[] {
  return handlings
    .filter((h) => isOpen(h) && (days === undefined || h.daysLeft <= days))
    .sort((a, b) => a.daysLeft - b.daysLeft || a.proposal.id - b.proposal.id);
}

/** The due date of the first handling: the last assigned or extended one, before any reopening. */
function firstHandlingDue(deadlines: readonly Deadline[]): IsoDate | undefined {
  let due: IsoDate | undefined;
  for (const d of deadlines) {
    if (d.cause === 'reopened') break;
    due = d.dueOn;
  }
  return due;
}

/** The answer that stands: the one received last (recorded last on the same day). */
export function latestOf(feedback: readonly Feedback[]): Feedback | undefined {
  let last: Feedback | undefined;
  for (const f of feedback) {
    if (!last || f.receivedOn > last.receivedOn || (f.receivedOn === last.receivedOn && f.event >= last.event)) last = f;
  }
  return last;
}

/** The one recorded last. */
function lastOf<T extends { readonly event: number }>(items: readonly T[]): T | undefined {
  let last: T | undefined;
  for (const item of items) if (!last || item.event >= last.event) last = item;
  return last;
}
