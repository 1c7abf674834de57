import { ReplyError } from '../../core/errors.js';
import { canTransition, STATUSES, statusOf } from '../../core/reply.js';
import type { Context } from '../context.js';
import { findReply } from '../lookup.js';
import { t } from '../messages.js';
import { replyJson, statusLabel } from '../present.js';

export default async function status(ctx: Context, args: string[], options: Record<string, unknown>): Promise<number> {
  const [id, wanted] = args as [string, string];
  const to = statusOf(wanted);
  if (!to) throw new ReplyError('status.unknown', { value: wanted }, 2);
  const reply = await findReply(ctx, id);
  if (reply.status === to) throw new ReplyError('status.same', { id: reply.id, status: statusLabel(to) });
  if (!canTransition(reply.status, to)) {
    const allowed = STATUSES.filter((s) => canTransition(reply.status, s)).map((s) => `${s}（${statusLabel(s)}）`);
    throw new ReplyError('status.notAllowed', {
      id: reply.id,
      from: statusLabel(reply.status),
      to: statusLabel(to),
      allowed: allowed.join('、') || t('label.none'),
    });
  }
  const updated = (await ctx.replies()).setStatus(reply.id, to, reply.updatedAt);
  if (options.json) {
    ctx.streams.stdout.write(JSON.stringify(replyJson(updated), null, 2) + '\n');
  } else {
    ctx.streams.stdout.write(
      t('status.done', { id: updated.id, docNumber: updated.docNumber.toString(), from: statusLabel(reply.status), to: statusLabel(to) }) + '\n',
    );
  }
  return 0;
}
