import { dayOf, parseDate } from '../../core/dates.js';
import { ReplyError } from '../../core/errors.js';
import { ratingOf } from '../../core/handling.js';
import { decideFeedback } from '../../core/workflow/feedback.js';
import { findReply } from '../lookup.js';
import { t } from '../messages.js';
import { dateText, numberText } from '../present.js';
import { command, flag, value } from '../command.js';

const OPTIONS = {
  note: value,
  receivedOn: value,
  json: flag,
};

export default command(OPTIONS, async function feedback(ctx, args, opts) {
  const [id, ratingText] = args as [string, string];
  const rating = ratingOf(ratingText);
  if (!rating) throw new ReplyError('feedback.badRating', { value: ratingText }, 2);
  const config = ctx.config();
  const receivedOn = opts.receivedOn === undefined ? dayOf(ctx.clock.now()) : parseDate(opts.receivedOn, 'received-on');
  const reply = await findReply(ctx, id);
  const handlingRepo = await ctx.handling('read');
  const [proposal] = handlingRepo.proposalsByNumber(reply.proposalNo, reply.session);
  const decision = decideFeedback(reply, { rating, receivedOn }, {
    proposal,
    answers: proposal ? (await ctx.replies('read')).answering([proposal]) : [],
    feedback: proposal ? handlingRepo.feedback() : [],
    reopenMonths: config.handling.reopenMonths,
  });
  if (!decision.ok && decision.refusal === 'notSent') throw new ReplyError('feedback.notSent', { id: reply.id, statusKey: `status.${reply.status}` });
  if (!decision.ok) throw new ReplyError('feedback.beforeSigned', { on: dateText(receivedOn), signed: dateText(reply.signedOn!) });
  const { reopenDueOn } = decision;
  const note = opts.note?.trim() || null;
  const filed = (await ctx.handling()).addFeedback({ replyId: reply.id, rating, note, receivedOn, reopenDueOn });

  if (opts.json) {
    const json = { ...filed, docNumber: reply.docNumber?.toString() ?? null, proposal: proposal ? proposal.id : null, reopenDueOn };
    ctx.streams.stdout.write(JSON.stringify(json, null, 2) + '\n');
    return 0;
  }
  ctx.streams.stdout.write(t('feedback.done', { id: reply.id, docNumber: numberText(reply), rating }) + '\n');
  if (reopenDueOn && proposal) ctx.streams.stdout.write(t('feedback.reopened', { proposal: proposal.id, due: dateText(reopenDueOn) }) + '\n');
  if (decision.unfollowed) ctx.streams.stderr.write(t('feedback.reopenedNoProposal') + '\n');
  return 0;
});
