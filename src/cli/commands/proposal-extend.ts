import { addMonthsTo, parseDate } from '../../core/dates.js';
import { ReplyError } from '../../core/errors.js';
import { asOf, handlingFor, handlingJson } from '../handlings.js';
import { findProposal } from '../lookup.js';
import { t } from '../messages.js';
import { dateText } from '../present.js';
import { command, flag, value } from '../command.js';

const OPTIONS = {
  session: value,
  to: value,
  months: value,
  reason: value,
  asOf: value,
  json: flag,
};

export default command(OPTIONS, async function proposalExtend(ctx, args, opts) {
  const reason = opts.reason?.trim();
  if (!reason) throw new ReplyError('field.missingFlag', { flag: '--reason', whatKey: 'opt.extendReason' }, 2);
  if ((opts.to === undefined) === (opts.months === undefined)) throw new ReplyError('proposal.extendHow', {}, 2);
  const proposal = await findProposal(ctx, args[0]!, opts.session);
  const today = asOf(ctx, opts.asOf);
  const before = await handlingFor(ctx, proposal, today);
  if (before.state === 'answered') throw new ReplyError('proposal.answeredAlready', { id: proposal.id });
  const to = opts.to !== undefined ? parseDate(opts.to, 'to') : addMonthsTo(before.dueOn, monthsOf(opts.months!));
  if (to <= before.dueOn) throw new ReplyError('proposal.extendNotLater', { to: dateText(to), from: dateText(before.dueOn) });

  const after = await handlingFor(ctx, (await ctx.handling()).extend(proposal.id, to, reason), today);
  if (opts.json) {
    ctx.streams.stdout.write(JSON.stringify(handlingJson(after), null, 2) + '\n');
  } else {
    ctx.streams.stdout.write(
      t('proposal.extended', {
        id: proposal.id,
        session: proposal.session,
        number: proposal.number,
        from: dateText(before.dueOn),
        to: dateText(after.dueOn),
        reason,
      }) + '\n',
    );
  }
  return 0;
});

function monthsOf(text: string): number {
  const n = Number(text.trim());
  if (!Number.isInteger(n) || n < 1 || n > 24) throw new ReplyError('proposal.badMonths', { value: text }, 2);
  return n;
}
