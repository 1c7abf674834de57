import { ReplyError } from '../../core/errors.js';
import { applyEdits, normaliseBody, type FieldEdit } from '../../core/fields.js';
import { assertEditable, type ReplyFields } from '../../core/reply.js';
import { editText } from '../editor.js';
import { readBodyFile } from '../files.js';
import { t } from '../messages.js';
import { numberText, replyJson } from '../present.js';
import { command, flag, value, values } from '../command.js';

const OPTIONS = {
  set: values,
  body: value,
  force: flag,
  reason: value,
  json: flag,
};

export default command(OPTIONS, async function edit(ctx, args, opts) {
  const edits = (opts.set ?? []).map(parseSet);
  const config = ctx.config();
  const workflow = ctx.workflow();
  const reply = await workflow.reply(args[0]!);
  assertEditable(reply, opts.force ?? false, opts.reason);

  let next: ReplyFields = applyEdits(reply, edits, config);
  if (opts.body !== undefined) {
    next = { ...next, body: normaliseBody(await readBodyFile(opts.body, ctx.cwd)) };
  } else if (edits.length === 0) {
    if (!ctx.interactive && !ctx.env.VISUAL && !ctx.env.EDITOR) throw new ReplyError('edit.nothing', {}, 2);
    const written = editText(reply.body, ctx.env);
    if (!written.trim()) throw new ReplyError('body.empty');
    next = { ...next, body: normaliseBody(written) };
  }
  if (next.body.trim() === '') throw new ReplyError('body.empty');

  const outcome = await workflow.edit(reply, next, { force: opts.force ?? false, ownPrefix: config.docPrefix, ...(opts.reason ? { reason: opts.reason } : {}) });
  if ('ok' in outcome) {
    ctx.streams.stderr.write(t('edit.noChange') + '\n');
    return 0;
  }
  const { reply: updated, revision } = outcome;
  if (opts.json) {
    ctx.streams.stdout.write(JSON.stringify(replyJson(updated), null, 2) + '\n');
  } else {
    ctx.streams.stdout.write(t('edit.done', { id: updated.id, docNumber: numberText(updated), revision }) + '\n');
    if (updated.status !== reply.status) ctx.streams.stdout.write(t('edit.backToDraft', { id: updated.id }) + '\n');
  }
  return 0;
}, 'write');

/** `field=value`; the value may itself contain "=". */
export function parseSet(text: string): FieldEdit {
  const at = text.indexOf('=');
  if (at <= 0) throw new ReplyError('edit.badSet', { value: text }, 2);
  return { field: text.slice(0, at).trim(), value: text.slice(at + 1) };
}
