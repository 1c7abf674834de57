import chalk from 'chalk';
import { missingOf, type Reply, type ReplySummary, type Status } from '../../core/reply.js';
import { readFilter } from '../filters.js';
import { t } from '../messages.js';
import { formatRows, rowFormat, type Column } from '../output.js';
import { dateText, fieldLabel, proposersText, replyJson, statusLabel } from '../present.js';
import { writeWorkbook } from '../workbook.js';
import { command, flag, value } from '../command.js';

const OPTIONS = {
  year: value,
  status: value,
  kind: value,
  result: value,
  proposer: value,
  limit: value,
  incomplete: flag,
  all: flag,
  json: flag,
  csv: flag,
  raw: flag,
  xlsx: value,
  force: flag,
};

export default command(OPTIONS, async function list(ctx, _args, opts) {
  const filter = readFilter(opts);
  const format = rowFormat(opts);
  const repo = await ctx.replies();
  // A void reply is kept for the record, not for the day's work: listed when asked for (--all, --status void).
  const hideVoid = !opts.all && filter.status === undefined;
  const selection = hideVoid ? { ...filter, notStatus: 'void' as const } : filter;
  // Only --json prints the bodies: the table and CSV read none.
  const replies: ReplySummary[] = format === 'json' ? repo.list(selection) : repo.summaries(selection);
  const hidden = hideVoid ? repo.summaries({ ...filter, status: 'void' }).length : 0;
  const columns = listColumns(filter.incomplete ?? false, format === 'table' && ctx.streams.stdoutIsTTY && !ctx.env.NO_COLOR);
  if (opts.xlsx !== undefined) {
    await writeWorkbook(ctx, opts.xlsx, opts.force ?? false, [{ name: t('sheet.replies'), columns, rows: replies }]);
  } else if (format === 'table' && replies.length === 0) {
    ctx.streams.stderr.write(t(filter.incomplete ? 'list.noneIncomplete' : 'list.empty') + '\n');
  } else {
    // In --json the rows are whole replies (list), so replyJson has the body it prints.
    await ctx.print(formatRows(replies, columns, format, (r) => replyJson(r as Reply), ctx.tableWidth));
  }
  if (hidden > 0 && format === 'table') ctx.streams.stderr.write(t('list.hiddenVoid', { count: hidden }) + '\n');
  return 0;
});

function listColumns(incomplete: boolean, color: boolean): Column<ReplySummary>[] {
  // What a record does not have: a dash in the table, an empty cell in a sheet.
  return [
    { key: 'id', header: t('label.id'), value: (r) => r.id },
    { key: 'docNumber', header: t('label.docNumber'), value: (r) => r.docNumber?.toString() ?? '—', sheet: (r) => r.docNumber?.toString() ?? null },
    {
      key: 'signedOn',
      header: t('label.signedOn'),
      value: (r) => dateText(r.signedOn) || '—',
      sheet: (r) => (r.signedOn ? { date: r.signedOn } : null),
    },
    { key: 'proposers', header: t('label.proposer'), value: (r) => proposersText(r) || '—', sheet: (r) => proposersText(r) || null, shrink: 'then' },
    { key: 'title', header: t('label.title'), value: (r) => r.proposalTitle, shrink: 'first' },
    { key: 'status', header: t('label.status'), value: (r) => paint(r.status, color), sheet: (r) => statusLabel(r.status), raw: (r) => r.status },
    { key: 'result', header: t('label.result'), value: (r) => r.result, shrink: 'then' },
    // The incomplete ones say what they lack.
    ...(incomplete ? [{ key: 'missing', header: t('label.missing'), value: (r: ReplySummary) => missingOf(r).map(fieldLabel).join('、') }] : []),
  ];
}

const STATUS_COLOR: Record<Status, (s: string) => string> = {
  draft: chalk.yellow,
  checked: chalk.blue,
  signed: chalk.cyan,
  sent: chalk.green,
  published: chalk.greenBright,
  void: chalk.gray.strikethrough,
};

function paint(status: Status, color: boolean): string {
  return color ? STATUS_COLOR[status](statusLabel(status)) : statusLabel(status);
}
