import chalk from 'chalk';
import { missingOf, type Reply, type ReplySummary, type Status } from '../../core/reply.js';
import { readFilter } from '../filters.js';
import { t } from '../messages.js';
import { clip, formatRows, type Column } from '../output.js';
import { dateText, fieldLabel, proposersText, replyJson, statusLabel } from '../present.js';
import { command, flag, value } from '../command.js';

const OPTIONS = {
  year: value,
  status: value,
  kind: value,
  result: value,
  proposer: value,
  limit: value,
  incomplete: flag,
  json: flag,
  csv: flag,
};

export default command(OPTIONS, async function list(ctx, _args, opts) {
  const filter = readFilter(opts);
  const format = opts.json ? 'json' : opts.csv ? 'csv' : 'table';
  const repo = await ctx.replies();
  // Only --json prints the bodies: the table and CSV read none.
  const replies: ReplySummary[] = format === 'json' ? repo.list(filter) : repo.summaries(filter);
  if (format === 'table' && replies.length === 0) {
    ctx.streams.stderr.write(t(filter.incomplete ? 'list.noneIncomplete' : 'list.empty') + '\n');
    return 0;
  }
  const color = format === 'table' && ctx.streams.stdoutIsTTY && !ctx.env.NO_COLOR;
  // What a record does not have: a dash in the table, an empty cell in CSV.
  const none = format === 'table' ? '—' : '';
  const columns: Column<ReplySummary>[] = [
    { key: 'id', header: t('label.id'), value: (r) => r.id },
    { key: 'docNumber', header: t('label.docNumber'), value: (r) => r.docNumber?.toString() ?? none },
    { key: 'signedOn', header: t('label.signedOn'), value: (r) => (format === 'table' ? dateText(r.signedOn) : r.signedOn) || none },
    { key: 'proposers', header: t('label.proposer'), value: (r) => proposersText(r) || none },
    { key: 'title', header: t('label.title'), value: (r) => (format === 'table' ? clip(r.proposalTitle, 24) : r.proposalTitle) },
    { key: 'status', header: t('label.status'), value: (r) => (format === 'table' ? paint(r.status, color) : r.status) },
    { key: 'result', header: t('label.result'), value: (r) => r.result },
    // The incomplete ones say what they lack.
    ...(filter.incomplete
      ? [{ key: 'missing', header: t('label.missing'), value: (r: ReplySummary) => missingOf(r).map(fieldLabel).join('、') }]
      : []),
  ];
  // In --json the rows are whole replies (list), so replyJson has the body it prints.
  ctx.streams.stdout.write(formatRows(replies, columns, format, (r) => replyJson(r as Reply)));
  return 0;
});


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
