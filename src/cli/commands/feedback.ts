import { dayOf, parseDate } from '../../core/dates.js';
import { ReplyError } from '../../core/errors.js';
import { ratingOf } from '../../core/handling.js';
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
  const workflow = ctx.workflow();
  const reply = await workflow.reply(id);
  const note = opts.note?.trim() || null;
  const outcome = await workflow.recordFeedback(reply, { rating, receivedOn, note, reopenMonths: config.handling.reopenMonths });
  if (!outcome.ok && outcome.refusal === 'notSent') throw new ReplyError('feedback.notSent', { id: reply.id, statusKey: `status.${reply.status}` });
  if (!outcome.ok && outcome.refusal === 'future') throw new ReplyError('feedback.future', { on: dateText(receivedOn) });
  if (!outcome.ok) throw new ReplyError('feedback.beforeSigned', { on: dateText(receivedOn), signed: dateText(reply.signedOn!) });
  const { filed, proposal, reopenDueOn } = outcome;

  if (opts.json) {
    const json = { ...filed, docNumber: reply.docNumber?.toString() ?? null, proposal: proposal ? proposal.id : null, reopenDueOn };
    ctx.streams.stdout.write(JSON.stringify(json, null, 2) + '\n');
    return 0;
  }
  ctx.streams.stdout.write(t('feedback.done', { id: reply.id, docNumber: numberText(reply), rating }) + '\n');
  if (reopenDueOn && proposal) ctx.streams.stdout.write(t('feedback.reopened', { proposal: proposal.id, due: dateText(reopenDueOn) }) + '\n');
  if (outcome.unfollowed) ctx.streams.stderr.write(t('feedback.reopenedNoProposal') + '\n');
  return 0;
}, 'write');
