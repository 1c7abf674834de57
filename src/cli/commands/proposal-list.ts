import type { Handling } from '../../core/handling.js';
import { isOpen } from '../../core/handling.js';
import { asOf, daysText, handlingJson, stateText, yearOption } from '../handlings.js';
import { t } from '../messages.js';
import { formatRows, rowFormat, type Column } from '../output.js';
import { writeWorkbook } from '../workbook.js';
import { dateText, proposersText } from '../present.js';
import { command, flag, value } from '../command.js';

const OPTIONS = {
  year: value,
  open: flag,
  all: flag,
  asOf: value,
  json: flag,
  csv: flag,
  raw: flag,
  xlsx: value,
  force: flag,
};

export default command(OPTIONS, async function proposalList(ctx, _args, opts) {
  const year = yearOption(opts.year);
  const today = asOf(ctx, opts.asOf);
  const format = rowFormat(opts);
  // A withdrawn proposal is listed only when asked for (--all), and never as open.
  const all = await ctx.workflow().allHandlings(today, year);
  const handlings = all.filter((h) => (opts.open ? isOpen(h) : opts.all || h.state !== 'withdrawn'));
  if (opts.xlsx !== undefined) {
    await writeWorkbook(ctx, opts.xlsx, opts.force ?? false, [{ name: t('sheet.proposals'), columns: proposalColumns, rows: handlings }]);
    return 0;
  }
  if (format === 'table' && handlings.length === 0) {
    ctx.streams.stderr.write(t(all.length > 0 && !opts.open ? 'proposal.noneButWithdrawn' : 'proposal.none') + '\n');
    return 0;
  }
  await ctx.print(formatRows(handlings, proposalColumns, format, handlingJson, ctx.tableWidth));
  return 0;
});

const proposalColumns: Column<Handling>[] = [
  { key: 'id', header: t('label.id'), value: (h) => `#${h.proposal.id}`, sheet: (h) => h.proposal.id },
  { key: 'session', header: t('label.session'), value: (h) => h.proposal.session, shrink: 'then' },
  { key: 'number', header: t('label.proposalNo'), value: (h) => h.proposal.number },
  { key: 'kind', header: t('label.kind'), value: (h) => h.proposal.kind, optional: 2 },
  { key: 'proposers', header: t('label.proposer'), value: (h) => proposersText(h.proposal), shrink: 'then' },
  { key: 'title', header: t('label.title'), value: (h) => h.proposal.title, shrink: 'first' },
  { key: 'role', header: t('label.role'), value: (h) => h.proposal.role, optional: 3 },
  // On a narrow terminal the day it is due says more than the day it was assigned.
  { key: 'assignedOn', header: t('label.assignedOn'), value: (h) => dateText(h.proposal.assignedOn), sheet: (h) => ({ date: h.proposal.assignedOn }), optional: 1 },
  { key: 'dueOn', header: t('label.dueOn'), value: (h) => dateText(h.dueOn), sheet: (h) => ({ date: h.dueOn }) },
  {
    key: 'state',
    header: t('label.handling'),
    value: (h) => [stateText(h), daysText(h)].filter(Boolean).join('，'),
    sheet: (h) => stateText(h),
    raw: (h) => h.state,
  },
];
