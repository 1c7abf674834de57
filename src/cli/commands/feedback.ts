import { addMonthsTo, dayOf, parseDate } from '../../core/dates.js';
import { ReplyError } from '../../core/errors.js';
import { handlingOf, ratingOf, reopens, type Feedback } from '../../core/handling.js';
import type { Proposal } from '../../core/proposal.js';
import { isAnswered, type ReplySummary } from '../../core/reply.js';
import type { Context } from '../context.js';
import { findReply } from '../lookup.js';
import { t } from '../messages.js';
import { dateText, numberText } from '../present.js';

interface FeedbackOptions {
  note?: string;
  receivedOn?: string;
  json?: boolean;
}

export default async function feedback(ctx: Context, args: string[], options: Record<string, unknown>): Promise<number> {
  const opts = options as FeedbackOptions;
  const [id, ratingText] = args as [string, string];
  const rating = ratingOf(ratingText);
  if (!rating) throw new ReplyError('feedback.badRating', { value: ratingText }, 2);
  const config = ctx.config();
  const receivedOn = opts.receivedOn === undefined ? dayOf(ctx.clock.now()) : parseDate(opts.receivedOn, 'received-on');
  const reply = await findReply(ctx, id);
  if (!isAnswered(reply.status)) throw new ReplyError('feedback.notSent', { id: reply.id, statusKey: `status.${reply.status}` });
  if (reply.signedOn && receivedOn < reply.signedOn) throw new ReplyError('feedback.beforeSigned', { on: dateText(receivedOn), signed: dateText(reply.signedOn) });

  const note = opts.note?.trim() || null;
  const entry: Feedback = { id: 0, replyId: reply.id, rating, note, receivedOn, at: ctx.clock.now().toISOString() };
  const handlingRepo = await ctx.handling('read');
  const [proposal] = handlingRepo.proposalsByNumber(reply.proposalNo, reply.session);
  const answers = proposal ? (await ctx.replies('read')).answering([proposal]) : [];
  const reopenDueOn =
    reopens(rating) && (!proposal || reopensHandling(proposal, entry, answers, handlingRepo.feedback()))
      ? addMonthsTo(receivedOn, config.handling.reopenMonths)
      : null;
  const filed = (await ctx.handling()).addFeedback({ replyId: reply.id, rating, note, receivedOn, reopenDueOn: proposal ? reopenDueOn : null });

  if (opts.json) {
    const json = { ...filed, docNumber: reply.docNumber?.toString() ?? null, proposal: proposal ? proposal.id : null, reopenDueOn: proposal ? reopenDueOn : null };
    ctx.streams.stdout.write(JSON.stringify(json, null, 2) + '\n');
    return 0;
  }
  ctx.streams.stdout.write(t('feedback.done', { id: reply.id, docNumber: numberText(reply), rating }) + '\n');
  if (reopenDueOn && proposal) ctx.streams.stdout.write(t('feedback.reopened', { proposal: proposal.id, due: dateText(reopenDueOn) }) + '\n');
  if (reopenDueOn && !proposal) ctx.streams.stderr.write(t('feedback.reopenedNoProposal') + '\n');
  return 0;
}

/**
 * Whether this answer reopens the proposal: it must be the one that stands on
 * the latest reply sent. A 不满意 on an older reply, or one received before a
 * later 满意, is recorded but reopens nothing.
 */
function reopensHandling(proposal: Proposal, entry: Feedback, replies: readonly ReplySummary[], feedback: readonly Feedback[]): boolean {
  const after = handlingOf(proposal, replies, [...feedback, entry], entry.receivedOn);
  return after.state === 'reopened' && after.feedback === entry;
}
