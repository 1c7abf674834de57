import { unifiedDiff } from '../../core/diff.js';
import { fieldLines } from '../../core/fields.js';
import { t } from '../messages.js';
import { command, flag } from '../command.js';
import { revisionNumber } from './show.js';

const OPTIONS = {
  json: flag,
};

/**
 * `reply diff ID [N [M]]`: what changed from revision N to revision M, as a unified diff of the
 * fields (one `name: value` line each) and of the body. Without M, to the latest; without N, the
 * latest change (the revision before the latest to the latest).
 */
export default command(OPTIONS, async function diff(ctx, args, opts) {
  const [ref, from, to] = args as [string, string | undefined, string | undefined];
  const workflow = ctx.workflow();
  const reply = await workflow.reply(ref);
  const revisions = await workflow.history(reply);
  const m = to === undefined ? revisions.length : revisionNumber(to, revisions.length, reply.id);
  const n = from === undefined ? Math.max(1, revisions.length - 1) : revisionNumber(from, revisions.length, reply.id);
  const a = revisions[n - 1]!.reply;
  const b = revisions[m - 1]!.reply;
  const label = (which: number) => t('diff.label', { id: reply.id, n: which });
  const fields = unifiedDiff(fieldLines(a), fieldLines(b), { before: label(n), after: label(m) });
  const body = unifiedDiff(a.body, b.body, { before: `${label(n)} ${t('label.body')}`, after: `${label(m)} ${t('label.body')}` });
  if (opts.json) {
    ctx.streams.stdout.write(JSON.stringify({ id: reply.id, from: n, to: m, same: !fields && !body, fields, body }, null, 2) + '\n');
    return 0;
  }
  if (!fields && !body) {
    ctx.streams.stderr.write(t('diff.same', { id: reply.id, n, m }) + '\n');
    return 0;
  }
  ctx.streams.stdout.write(fields + body);
  return 0;
});
