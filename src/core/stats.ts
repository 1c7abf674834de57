import { dateParts } from './dates.js';
import { latestOf, RATINGS, standing, type Feedback, type Handling } from './handling.js';
import { KINDS, STATUSES, type ReplySummary, type Status } from './reply.js';

export interface Count<L extends string = string> {
  readonly label: L;
  readonly count: number;
  /** count / total of its table, 0 when the total is 0. */
  readonly share: number;
}

/** The figures an office reports on its handling of proposals. */
export interface Stats {
  /** The year counted, or null for the whole archive. */
  readonly year: number | null;
  /** Replies signed in the year, void ones not counted. */
  readonly replies: number;
  readonly byResult: readonly Count[];
  /** The share of replies whose result counts as 解决或采纳. */
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
  const results = [...input.results, ...new Set(live.map((r) => r.result).filter((r) => !input.results.includes(r)))];
  const handlings = input.handlings.filter((h) => h.state !== 'withdrawn' && inYear(h.proposal.assignedOn));
  const answered = handlings.filter((h) => h.firstAnsweredOn !== null);
  const liveIds = new Set(live.map((r) => r.id));
  const perReply = new Map<number, Feedback[]>();
  for (const f of standing(input.feedback)) if (liveIds.has(f.replyId)) perReply.set(f.replyId, [...(perReply.get(f.replyId) ?? []), f]);
  const ratings = [...perReply.values()].map((list) => latestOf(list)!);

  return {
    year: input.year ?? null,
    replies: live.length,
    byResult: counts(results, live, (r, label) => r.result === label),
    adopted: count('adopted', live.filter((r) => input.adoptedResults.includes(r.result)).length, live.length),
    byKind: counts(KINDS, live, (r, label) => r.kind === label),
    byStatus: counts(STATUSES, all, (r, label) => r.status === label),
    proposals: {
      total: handlings.length,
      answered: handlings.filter((h) => h.state === 'answered').length,
      pending: handlings.filter((h) => h.state === 'pending').length,
      reopened: handlings.filter((h) => h.state === 'reopened').length,
      overdue: handlings.filter((h) => h.overdue).length,
      onTime: count('onTime', answered.filter((h) => h.onTime).length, answered.length),
    },
    feedback: {
      total: ratings.length,
      byRating: counts(RATINGS, ratings, (f, label) => f.rating === label),
      satisfied: count('satisfied', ratings.filter((f) => f.rating !== '不满意').length, ratings.length),
    },
  };
}

function counts<T, L extends string>(labels: readonly L[], items: readonly T[], is: (item: T, label: L) => boolean): Count<L>[] {
  return labels.map((label) => count(label, items.filter((item) => is(item, label)).length, items.length));
}

function count<L extends string>(label: L, n: number, total: number): Count<L> {
  return { label, count: n, share: total === 0 ? 0 : n / total };
}
