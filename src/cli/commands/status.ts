import { DocNumber } from '../../core/doc-number.js';
import { ReplyError, ValidationError } from '../../core/errors.js';
import type { Reply, Status } from '../../core/reply.js';
import type { StatusOutcome } from '../../core/workflow/service.js';
import { parseStatusRequest } from '../../core/workflow/status.js';
import { FIELD_NAMES } from '../../core/fields.js';
import { t } from '../messages.js';
import { fieldLabel, findingPlace, numberText, replyJson, statusChangeJson, statusLabel } from '../present.js';
import { command, flag, value } from '../command.js';

const OPTIONS = {
  force: flag,
  reason: value,
  docNumber: value,
  json: flag,
};

/** How many of the check's errors a refusal names on its one line. */
const ERRORS_NAMED = 3;

export default command(OPTIONS, async function status(ctx, args, opts) {
  const [id, wanted] = args as [string, string];
  const request = parseStatusRequest({ wanted, force: opts.force ?? false, reason: opts.reason });
  if (!request.ok) throw new ReplyError(`status.${request.refusal === 'unknownStatus' ? 'unknown' : request.refusal}`, { value: wanted }, 2);
  const workflow = ctx.workflow();
  const config = ctx.configIfAny();
  const docNumber = opts.docNumber === undefined ? undefined : parseDocNumber(opts.docNumber, config?.docPrefix);
  const reply = await workflow.reply(id);
  const outcome = await workflow.changeStatus(reply, request, {
    ...(config ? { prefix: config.docPrefix, atSigning: config.numbering === 'sign' } : {}),
    ...(docNumber ? { docNumber } : {}),
  });
  if (!outcome.ok) throw refusalError(reply, request.to, outcome);
  const { reply: updated, note } = outcome;
  const to = updated.status;
  if (opts.json) {
    const json = { ...replyJson(updated), statusChange: statusChangeJson({ from: reply.status, to, ...note }) };
    ctx.streams.stdout.write(JSON.stringify(json, null, 2) + '\n');
  } else {
    ctx.streams.stdout.write(
      t('status.done', { id: updated.id, docNumber: numberText(updated), from: statusLabel(reply.status), to: statusLabel(to) }) + '\n',
    );
    if (!reply.docNumber && updated.docNumber) ctx.streams.stderr.write(t('status.numbered', { docNumber: updated.docNumber.toString() }) + '\n');
    if (note.overridden) ctx.streams.stderr.write(t('status.forced', { count: note.overridden.length, reason: note.reason! }) + '\n');
  }
  return 0;
}, 'write');

/** A typed --doc-number, as `reply edit --set doc-number=` reads it (2023-16 takes the office's prefix). */
function parseDocNumber(text: string, prefix: string | undefined): DocNumber {
  try {
    return DocNumber.parse(text, prefix);
  } catch (error) {
    if (error instanceof ValidationError) throw new ReplyError('option.badDocNumber', { value: text }, 2);
    throw error;
  }
}

/** A refused change as the one line the user reads. */
function refusalError(reply: Reply, to: Status, decision: Extract<StatusOutcome, { ok: false }>): ReplyError {
  switch (decision.refusal) {
    case 'numberNotNeeded':
      return new ReplyError('status.numberNotNeeded', {
        id: reply.id,
        has: reply.docNumber ? t('status.hasNumber', { docNumber: reply.docNumber.toString() }) : t('status.notSigning', { status: statusLabel(to) }),
      }, 2);
    case 'same':
      return new ReplyError('status.same', { id: reply.id, status: statusLabel(to) });
    case 'needsReason':
      return new ReplyError('status.needsReason', { id: reply.id, from: statusLabel(reply.status), to: statusLabel(to) }, 2);
    case 'notAllowed':
      return new ReplyError('status.notAllowed', {
        id: reply.id,
        from: statusLabel(reply.status),
        to: statusLabel(to),
        allowed: decision.allowed.map((s) => `${s}（${statusLabel(s)}）`).join('、') || t('label.none'),
      });
    case 'cannotSign':
      return new ReplyError('status.cannotSign', {
        id: reply.id,
        fields: decision.lacking.map(fieldLabel).join('、'),
        sets: decision.lacking.map((f) => `--set ${FIELD_NAMES[f]}=…`).join(' '),
      });
    case 'checkFailed': {
      const { errors } = decision;
      const named = errors.slice(0, ERRORS_NAMED).map((f) => t('status.checkError', { place: findingPlace(f), message: t(f.key, f.params), code: f.code }));
      return new ReplyError('status.checkFailed', {
        id: reply.id,
        to: statusLabel(to),
        count: errors.length,
        errors: named.join('；') + (errors.length > ERRORS_NAMED ? t('status.moreErrors', { n: errors.length - ERRORS_NAMED }) : ''),
      });
    }
  }
}
