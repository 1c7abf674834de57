import type { Handling } from '../../core/handling.js';
import { isOpen } from '../../core/handling.js';
import { asOf, daysText, handlingJson, stateText, yearOption } from '../handlings.js';
import { t } from '../messages.js';
import { clip, formatRows, type Column } from '../output.js';
import { dateText, proposersText } from '../present.js';
import { command, flag, value } from '../command.js';

const OPTIONS = {
  year: value,
  open: flag,
  all: flag,
  asOf: value,
  json: flag,
  csv: flag,
};

export default command(OPTIONS, async function proposalList(ctx, _args, opts) {
  const year = yearOption(opts.year);
  const today = asOf(ctx, opts.asOf);
  const format = opts.json ? 'json' : opts.csv ? 'csv' : 'table';
  // A withdrawn proposal is listed only when asked for (--all), and never as open.
  const all = await ctx.workflow().allHandlings(today, year);
  const handlings = all.filter((h) => (opts.open ? isOpen(h) : opts.all || h.state !== 'withdrawn'));
  if (format === 'table' && handlings.length === 0) {
    ctx.streams.stderr.write(t(all.length > 0 && !opts.open ? 'proposal.noneButWithdrawn' : 'proposal.none') + '\n');
    return 0;
  }
  const table = format === 'table';
  const columns: Column<Handling>[] = [
    { key: 'id', header: t('label.id'), value: (h) => (table ? `#${h.proposal.id}` : h.proposal.id) },
    { key: 'session', header: t('label.session'), value: (h) => h.proposal.session },
    { key: 'number', header: t('label.proposalNo'), value: (h) => h.proposal.number },
    { key: 'kind', header: t('label.kind'), value: (h) => h.proposal.kind },
    { key: 'proposers', header: t('label.proposer'), value: (h) => proposersText(h.proposal) },
    { key: 'title', header: t('label.title'), value: (h) => (table ? clip(h.proposal.title, 20) : h.proposal.title) },
    { key: 'role', header: t('label.role'), value: (h) => h.proposal.role },
    { key: 'assignedOn', header: t('label.assignedOn'), value: (h) => (table ? dateText(h.proposal.assignedOn) : h.proposal.assignedOn) },
    { key: 'dueOn', header: t('label.dueOn'), value: (h) => (table ? dateText(h.dueOn) : h.dueOn) },
    { key: 'state', header: t('label.handling'), value: (h) => (table ? [stateText(h), daysText(h)].filter(Boolean).join('，') : h.state) },
  ];
  ctx.streams.stdout.write(formatRows(handlings, columns, format, handlingJson));
  return 0;
});
