import { ReplyError } from '../../core/errors.js';
import type { StatusNote } from '../../core/ports.js';
import { canTransition, isGuardedStep, STATUSES, statusOf, unsignable } from '../../core/reply.js';
import { FIELD_NAMES } from '../../core/fields.js';
import type { Context } from '../context.js';
import { findReply } from '../lookup.js';
import { t } from '../messages.js';
import { fieldLabel, numberText, replyJson, statusLabel } from '../present.js';
import { replyChecker } from '../reply-check.js';

interface StatusOptions {
  force?: boolean;
  reason?: string;
  json?: boolean;
}

/** How many of the check's errors a refusal names on its one line. */
const ERRORS_NAMED = 3;

export default async function status(ctx: Context, args: string[], options: Record<string, unknown>): Promise<number> {
  const opts = options as StatusOptions;
  const [id, wanted] = args as [string, string];
  const to = statusOf(wanted);
  if (!to) throw new ReplyError('status.unknown', { value: wanted }, 2);
  const reason = opts.reason?.trim();
  if (opts.reason !== undefined && !reason) throw new ReplyError('status.emptyReason', {}, 2);
  if (opts.force && !reason) throw new ReplyError('status.forceNeedsReason', {}, 2);
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

  // A reply goes out under a doc number and a date: --force does not go past that.
  const lacking = to === 'signed' ? unsignable(reply) : [];
  if (lacking.length > 0) {
    throw new ReplyError('status.cannotSign', {
      id: reply.id,
      fields: lacking.map(fieldLabel).join('、'),
      sets: lacking.map((f) => `--set ${FIELD_NAMES[f]}=…`).join(' '),
    });
  }

  const note: { reason?: string; overridden?: StatusNote['overridden'] } = reason ? { reason } : {};
  if (isGuardedStep(to)) {
    const errors = (await replyChecker(ctx)).findings(reply).filter((f) => f.severity === 'error');
    if (errors.length > 0 && !opts.force) {
      const named = errors.slice(0, ERRORS_NAMED).map((f) => t('status.checkError', { line: f.line, message: t(f.key, f.params), code: f.code }));
      throw new ReplyError('status.checkFailed', {
        id: reply.id,
        to: statusLabel(to),
        count: errors.length,
        errors: named.join('；') + (errors.length > ERRORS_NAMED ? t('status.moreErrors', { n: errors.length - ERRORS_NAMED }) : ''),
      });
    }
    if (errors.length > 0) note.overridden = errors.map((f) => ({ code: f.code, line: f.line, message: t(f.key, f.params) }));
  }

  const updated = (await ctx.replies()).setStatus(reply.id, to, reply.updatedAt, note);
  if (opts.json) {
    const json = { ...replyJson(updated), statusChange: { from: reply.status, to, ...note } };
    ctx.streams.stdout.write(JSON.stringify(json, null, 2) + '\n');
  } else {
    ctx.streams.stdout.write(
      t('status.done', { id: updated.id, docNumber: numberText(updated), from: statusLabel(reply.status), to: statusLabel(to) }) + '\n',
    );
    if (note.overridden) ctx.streams.stderr.write(t('status.forced', { count: note.overridden.length, reason: reason! }) + '\n');
  }
  return 0;
}
