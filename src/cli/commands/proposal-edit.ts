import { ReplyError } from '../../core/errors.js';
import { correctedProposal } from '../../core/proposal.js';
import { t } from '../messages.js';
import { command, flag, value, values } from '../command.js';
import { parseSet } from './edit.js';
import { writeHandlingJson } from '../handlings.js';

const OPTIONS = {
  session: value,
  set: values,
  reason: value,
  json: flag,
};

/** `reply proposal edit N --set field=value --reason …`: a registered proposal corrected; the state before is kept. */
export default command(OPTIONS, async function proposalEdit(ctx, args, opts) {
  const reason = opts.reason?.trim();
  const edits = (opts.set ?? []).map(parseSet);
  if (edits.length === 0) throw new ReplyError('proposal.editNothing', {}, 2);
  if (!reason) throw new ReplyError('field.missingFlag', { flag: '--reason', whatKey: 'opt.correctionReason' }, 2);
  const workflow = ctx.workflow();
  const proposal = await workflow.proposal(args[0]!, opts.session);
  const next = correctedProposal(proposal, edits, ctx.config());
  const outcome = await workflow.editProposal(proposal, next, reason);
  if (!outcome.ok && outcome.refusal === 'withdrawnAlready') throw new ReplyError('proposal.withdrawnAlready', { id: proposal.id });
  if (!outcome.ok) throw new ReplyError('proposal.noChange', { id: proposal.id });
  const p = outcome.proposal;
  if (opts.json) {
    await writeHandlingJson(ctx, p);
  } else {
    const fields = edits.map((e) => e.field.trim()).join('、');
    ctx.streams.stdout.write(t('proposal.edited', { id: p.id, session: p.session, number: p.number, fields, reason }) + '\n');
  }
  return 0;
}, 'write');
