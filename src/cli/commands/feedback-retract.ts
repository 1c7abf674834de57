import { ReplyError } from '../../core/errors.js';
import { t } from '../messages.js';
import { dateText, numberText } from '../present.js';
import { command, flag, value } from '../command.js';

const OPTIONS = {
  reason: value,
  json: flag,
};

/** `reply feedback retract ID N --reason …`: the Nth answer on reply ID (as `reply show` numbers them) is taken back, and kept. */
export default command(OPTIONS, async function feedbackRetract(ctx, args, opts) {
  const [id, which] = args as [string, string];
  const reason = opts.reason?.trim();
  if (!reason) throw new ReplyError('field.missingFlag', { flag: '--reason', whatKey: 'opt.retractReason' }, 2);
  if (!/^\d+$/.test(which.trim())) throw new ReplyError('feedback.badNumber', { value: which }, 2);
  const workflow = ctx.workflow();
  const reply = await workflow.reply(id);
  const outcome = await workflow.retractFeedback(reply, Number(which.trim()), reason);
  if (!outcome.ok) {
    if (outcome.refusal === 'noFeedback') throw new ReplyError('feedback.noSuch', { id: reply.id, n: which.trim(), count: outcome.count });
    throw new ReplyError('feedback.retractedAlready', { id: which.trim() });
  }
  const f = outcome.retracted;
  if (opts.json) {
    ctx.streams.stdout.write(JSON.stringify(f, null, 2) + '\n');
    return 0;
  }
  ctx.streams.stdout.write(
    t('feedback.retracted', { id: reply.id, docNumber: numberText(reply), rating: f.rating, on: dateText(f.receivedOn), reason }) + '\n',
  );
  return 0;
}, 'write');
