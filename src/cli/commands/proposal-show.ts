import type { Deadline } from '../../core/proposal.js';
import type { ProposalRevision } from '../../core/ports.js';
import { asOf, daysText, handlingJson, stateText } from '../handlings.js';
import { t } from '../messages.js';
import { table } from '../output.js';
import { dateText, numberText, operatorText, proposersText, statusLabel, timeText } from '../present.js';
import { command, flag, value } from '../command.js';

const OPTIONS = {
  session: value,
  asOf: value,
  json: flag,
};

/** `reply proposal show N`: a registered proposal, where its handling stands, its deadlines, replies and every change made to it. */
export default command(OPTIONS, async function proposalShow(ctx, args, opts) {
  const workflow = ctx.workflow();
  const proposal = await workflow.proposal(args[0]!, opts.session);
  const [h] = await workflow.handlings([proposal], asOf(ctx, opts.asOf));
  const handling = h!;
  const history = await workflow.proposalHistory(proposal);
  if (opts.json) {
    ctx.streams.stdout.write(JSON.stringify({ ...handlingJson(handling), history }, null, 2) + '\n');
    return 0;
  }
  const p = proposal;
  const none = t('label.none');
  const rows: [string, string][] = [
    [t('label.id'), `#${p.id}`],
    [t('label.kind'), p.kind],
    [t('label.session'), p.session],
    [t('label.proposalNo'), p.number],
    [t('label.title'), p.title],
    [t('label.proposer'), proposersText(p)],
    [t('label.role'), p.role],
    ...(p.leadUnit ? ([[t('label.leadUnit'), p.leadUnit]] as [string, string][]) : []),
    [t('label.assignedOn'), dateText(p.assignedOn)],
    [t('label.dueOn'), dateText(handling.dueOn)],
    [t('label.handling'), [stateText(handling), daysText(handling)].filter(Boolean).join('，')],
    [t('label.deadlines'), p.deadlines.map(deadlineText).join('\n')],
    [t('label.reply'), handling.replies.length ? handling.replies.map((r) => `${r.id} ${numberText(r)} ${statusLabel(r.status)}`).join('\n') : none],
  ];
  ctx.streams.stdout.write(table(undefined, rows) + '\n' + historyTable(history));
  return 0;
});

function deadlineText(d: Deadline): string {
  return t(`log.deadline.${d.cause}`, { on: dateText(d.dueOn) }) + (d.reason ? t('proposal.deadlineReason', { reason: d.reason }) : '');
}

function historyTable(history: readonly ProposalRevision[]): string {
  const rows = history.map((h) => [String(h.revision), timeText(h.at), operatorText(h.operator), t(`log.${h.change}`), h.reason ?? '—']);
  return table([t('history.revision'), t('history.at'), t('history.operator'), t('history.change'), t('history.why')], rows);
}
