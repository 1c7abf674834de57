import { dateParts } from './dates.js';
import { latestOf, RATINGS, standing, type Feedback, type Handling } from './handling.js';
import { KINDS, STATUSES, type ReplySummary, type Status } from './reply.js';

/** What a share is taken of: a table's figures said without their base mislead (已答复 1 of 4 next to 按期 2 of 2). */
export type Base = 'signed' | 'replies' | 'allReplies' | 'proposals' | 'answeredEver' | 'rated';

export interface Count<L extends string = string> {
  readonly label: L;
  readonly count: number;
  /** The number the share is taken of, and what that number counts. */
  readonly base: number;
  readonly of: Base;
  /** count / base, 0 when the base is 0. */
  readonly share: number;
}

/** The figures an office reports on its handling of proposals. */
export interface Stats {
  /** The year counted, or null for the whole archive. */
  readonly year: number | null;
  /** Replies signed in the year, void ones not counted. */
  readonly replies: number;
  /** Of those, the ones not signed yet (draft, checked): their result is no result yet. */
  readonly unsigned: number;
  /** Signed, sent or published replies by result: a draft's result is only what the clerk means to answer. */
  readonly byResult: readonly Count[];
  /** The share of signed replies whose result counts as 解决或采纳. */
  readonly adopted: Count;
  readonly byKind: readonly Count[];
  /** Every status, void included. */
  readonly byStatus: readonly Count<Status>[];
  /** Proposals assigned in the year, withdrawn ones not counted. */
  readonly proposals: {
    readonly total: number;
    readonly answered: number;
    readonly pending: number;
    readonly reopened: number;
    readonly overdue: number;
    /** First answers sent by their due date, among proposals answered at all. */
    readonly onTime: Count;
  };
  /** Feedback on the year's replies: the latest answer on each reply (retracted ones not counted). */
  readonly feedback: {
    readonly total: number;
    readonly byRating: readonly Count[];
    /** 满意 and 基本满意 together. */
    readonly satisfied: Count;
  };
}

export interface StatsInput {
  readonly year?: number;
  readonly replies: readonly ReplySummary[];
  readonly handlings: readonly Handling[];
  readonly feedback: readonly Feedback[];
  /** The results, in the configured order; results met in replies but not listed follow. */
  readonly results: readonly string[];
  /** The results that count as 解决或采纳. */
  readonly adoptedResults: readonly string[];
}

export function computeStats(input: StatsInput): Stats {
  // A reply without a signed date belongs to no year (it counts in the whole archive only).
  const inYear = (date: string | null) => input.year === undefined || (date !== null && dateParts(date as never).year === input.year);
  const all = input.replies.filter((r) => inYear(r.signedOn));
  const live = all.filter((r) => r.status !== 'void');
  const signed = live.filter((r) => SIGNED.includes(r.status));
  const results = [...input.results, ...new Set(signed.map((r) => r.result).filter((r) => !input.results.includes(r)))];
  const handlings = input.handlings.filter((h) => h.state !== 'withdrawn' && inYear(h.proposal.assignedOn));
  const answered = handlings.filter((h) => h.firstAnsweredOn !== null);
  const liveIds = new Set(live.map((r) => r.id));
  const perReply = new Map<number, Feedback[]>();
  for (const f of standing(input.feedback)) if (liveIds.has(f.replyId)) perReply.set(f.replyId, [...(perReply.get(f.replyId) ?? []), f]);
  const ratings = [...perReply.values()].map((list) => latestOf(list)!);

  return {
    year: input.year ?? null,
    replies: live.length,
    unsigned: live.length - signed.length,
    byResult: counts(results, signed, 'signed', (r, label) => r.result === label),
    adopted: count('adopted', signed.filter((r) => input.adoptedResults.includes(r.result)).length, signed.length, 'signed'),
    byKind: counts(KINDS, live, 'replies', (r, label) => r.kind === label),
    byStatus: counts(STATUSES, all, 'allReplies', (r, label) => r.status === label),
    proposals: {
      total: handlings.length,
      answered: handlings.filter((h) => h.state === 'answered').length,
      pending: handlings.filter((h) => h.state === 'pending').length,
      reopened: handlings.filter((h) => h.state === 'reopened').length,
      overdue: handlings.filter((h) => h.overdue).length,
      onTime: count('onTime', answered.filter((h) => h.onTime).length, answered.length, 'answeredEver'),
    },
    feedback: {
      total: ratings.length,
      byRating: counts(RATINGS, ratings, 'rated', (f, label) => f.rating === label),
      satisfied: count('satisfied', ratings.filter((f) => f.rating !== '不满意').length, ratings.length, 'rated'),
    },
  };
}

/** The statuses of a reply that has gone out under the organ's name, or will: signed and after. */
const SIGNED: readonly Status[] = ['signed', 'sent', 'published'];

function counts<T, L extends string>(labels: readonly L[], items: readonly T[], of: Base, is: (item: T, label: L) => boolean): Count<L>[] {
  return labels.map((label) => count(label, items.filter((item) => is(item, label)).length, items.length, of));
}

export function count<L extends string>(label: L, n: number, base: number, of: Base): Count<L> {
  return { label, count: n, base, of, share: base === 0 ? 0 : n / base };
}
