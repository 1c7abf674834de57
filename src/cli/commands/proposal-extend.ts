import { parseDate } from '../../core/dates.js';
import { isExtensionMonths } from '../../core/workflow/extension.js';
import { ReplyError } from '../../core/errors.js';
import { asOf, handlingJson } from '../handlings.js';
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
  const proposal = await ctx.workflow().proposal(args[0]!, opts.session);
  const today = asOf(ctx, opts.asOf);
  const request = opts.to !== undefined ? { to: parseDate(opts.to, 'to') } : { months: monthsOf(opts.months!) };
  const outcome = await ctx.workflow().extend(proposal, request, reason, today);
  if (!outcome.ok && outcome.refusal === 'answered') throw new ReplyError('proposal.answeredAlready', { id: proposal.id });
  if (!outcome.ok && outcome.refusal === 'withdrawn') throw new ReplyError('proposal.withdrawnAlready', { id: proposal.id });
  if (!outcome.ok) throw new ReplyError('proposal.extendNotLater', { to: dateText(outcome.to), from: dateText(outcome.from) });
  const { before, after } = outcome;
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
}, 'write');

function monthsOf(text: string): number {
  const n = Number(text.trim());
  if (!isExtensionMonths(n)) throw new ReplyError('proposal.badMonths', { value: text }, 2);
  return n;
}
