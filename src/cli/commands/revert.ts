import { ReplyError } from '../../core/errors.js';
import { t } from '../messages.js';
import { numberText, replyJson } from '../present.js';
import { command, flag, value } from '../command.js';
import { revisionNumber } from './show.js';

const OPTIONS = {
  force: flag,
  reason: value,
  json: flag,
};

/** `reply revert ID N`: a new revision whose fields and body are revision N's; nothing earlier is removed. */
export default command(OPTIONS, async function revert(ctx, args, opts) {
  const [ref, which] = args as [string, string];
  const workflow = ctx.workflow();
  const reply = await workflow.reply(ref);
  const n = revisionNumber(which, (await workflow.history(reply)).length, reply.id);
  const outcome = await workflow.revert(reply, n, { force: opts.force ?? false, ...(opts.reason !== undefined ? { reason: opts.reason } : {}) });
  if ('ok' in outcome) {
    if (outcome.refusal === 'noChange') throw new ReplyError('revert.same', { id: reply.id, n });
    throw new ReplyError('revision.notFound', { id: reply.id, value: which, count: (await workflow.history(reply)).length }, 2);
  }
  const { reply: updated, revision } = outcome;
  if (opts.json) {
    ctx.streams.stdout.write(JSON.stringify({ ...replyJson(updated), revision, revertedTo: n }, null, 2) + '\n');
    return 0;
  }
  ctx.streams.stdout.write(t('revert.done', { id: updated.id, docNumber: numberText(updated), n, revision }) + '\n');
  if (updated.status !== reply.status) ctx.streams.stdout.write(t('edit.backToDraft', { id: updated.id }) + '\n');
  return 0;
}, 'write');
