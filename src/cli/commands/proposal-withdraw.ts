import { ReplyError } from '../../core/errors.js';
import { writeHandlingJson } from '../handlings.js';
import { t } from '../messages.js';
import { command, flag, value } from '../command.js';

const OPTIONS = {
  session: value,
  reason: value,
  json: flag,
};

/** `reply proposal withdraw N --reason …` (撤案、并案): kept and listed with --all, out of `due` and `stats`. */
export default command(OPTIONS, async function proposalWithdraw(ctx, args, opts) {
  const reason = opts.reason?.trim();
  if (!reason) throw new ReplyError('field.missingFlag', { flag: '--reason', whatKey: 'opt.withdrawReason' }, 2);
  const workflow = ctx.workflow();
  const proposal = await workflow.proposal(args[0]!, opts.session);
  const outcome = await workflow.withdrawProposal(proposal, reason);
  if (!outcome.ok) throw new ReplyError('proposal.withdrawnAlready', { id: proposal.id });
  const p = outcome.proposal;
  if (opts.json) {
    await writeHandlingJson(ctx, p);
  } else {
    ctx.streams.stdout.write(t('proposal.withdrawn', { id: p.id, session: p.session, number: p.number, reason }) + '\n');
  }
  return 0;
}, 'write');
