import chalk from 'chalk';
import { ReplyError } from '../../core/errors.js';
import { dueList, type Handling } from '../../core/handling.js';
import { asOf, daysText, handlingJson, stateText } from '../handlings.js';
import { t } from '../messages.js';
import { formatRows, rowFormat, type Column } from '../output.js';
import { writeWorkbook } from '../workbook.js';
import { dateText, numberText, proposersText } from '../present.js';
import { command, flag, value } from '../command.js';

const OPTIONS = {
  within: value,
  asOf: value,
  json: flag,
  csv: flag,
  raw: flag,
  xlsx: value,
  force: flag,
};

export default command(OPTIONS, async function due(ctx, _args, opts) {
  const within = opts.within === undefined ? undefined : daysOf(opts.within);
  const today = asOf(ctx, opts.asOf);
  const format = rowFormat(opts);
  const handlings = dueList(await ctx.workflow().allHandlings(today), within);
  if (format === 'json') {
    ctx.streams.stdout.write(JSON.stringify({ asOf: today, within: within ?? null, due: handlings.map(handlingJson) }, null, 2) + '\n');
    return 0;
  }
  const color = format === 'table' && ctx.streams.stdoutIsTTY && !ctx.env.NO_COLOR;
  const columns = dueColumns(color);
  if (opts.xlsx !== undefined) {
    await writeWorkbook(ctx, opts.xlsx, opts.force ?? false, [{ name: t('sheet.due'), columns, rows: handlings }]);
    return 0;
  }
  if (format !== 'table') {
    ctx.streams.stdout.write(formatRows(handlings, columns, format, handlingJson));
    return 0;
  }
  if (handlings.length === 0) {
    ctx.streams.stderr.write((within === undefined ? t('due.none') : t('due.noneWithin', { days: within })) + '\n');
    return 0;
  }
  await ctx.print(formatRows(handlings, columns, 'table', handlingJson, ctx.tableWidth));
  const overdue = handlings.filter((h) => h.overdue).length;
  ctx.streams.stderr.write(t('due.summary', { count: handlings.length, overdue }) + '\n');
  return 0;
});

function dueColumns(color: boolean): Column<Handling>[] {
  const paint = (h: Handling, text: string) => (color && h.overdue ? chalk.red(text) : text);
  return [
    { key: 'dueOn', header: t('label.dueOn'), value: (h) => paint(h, dateText(h.dueOn)), sheet: (h) => ({ date: h.dueOn }) },
    {
      key: 'daysLeft',
      header: t('label.daysLeft'),
      value: (h) => paint(h, (h.overdue ? '! ' : '') + daysText(h)),
      // A sheet counts: days left, below zero when overdue.
      sheet: (h) => h.daysLeft,
    },
    { key: 'id', header: t('label.id'), value: (h) => `#${h.proposal.id}`, sheet: (h) => h.proposal.id },
    { key: 'number', header: t('label.proposalNo'), value: (h) => `${h.proposal.session}第${h.proposal.number}号`, shrink: 'then' },
    { key: 'proposers', header: t('label.proposer'), value: (h) => proposersText(h.proposal), shrink: 'then' },
    { key: 'title', header: t('label.title'), value: (h) => h.proposal.title, shrink: 'first' },
    {
      key: 'state',
      header: t('label.handling'),
      value: (h) => stateText(h) + (h.replies[0] ? `（${t('label.reply')} ${numberText(h.replies[0])}）` : ''),
      raw: (h) => h.state,
      shrink: 'then',
    },
  ];
}

function daysOf(text: string): number {
  const n = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n)) throw new ReplyError('due.badDays', { value: text }, 2);
  return n;
}
