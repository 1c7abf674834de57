import { parseDate } from '../../core/dates.js';
import { ReplyError, ValidationError } from '../../core/errors.js';
import type { LogEntry } from '../../core/ports.js';
import { t } from '../messages.js';
import { formatRows, type Column } from '../output.js';
import { dateText, operatorText, statusLabel, timeText } from '../present.js';
import { command, flag, value } from '../command.js';

const OPTIONS = {
  by: value,
  since: value,
  id: value,
  limit: value,
  json: flag,
};

/** How many changes the log lists unless told. */
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100_000;

/** `reply log`: the archive's changes, newest first: when, who, what, to which record, and why. */
export default command(OPTIONS, async function log(ctx, _args, opts) {
  const limit = opts.limit === undefined ? DEFAULT_LIMIT : wholeNumber(opts.limit, '--limit', MAX_LIMIT);
  const workflow = ctx.workflow();
  const replyId = opts.id === undefined ? undefined : (await workflow.reply(opts.id)).id;
  // The program's own --by (who makes a change) is taken wherever it stands on the line; a log makes
  // no change, so there it names whose changes to list.
  const by = opts.by ?? ctx.options.by;
  const entries = await workflow.log({
    limit,
    ...(by !== undefined ? { by: by.trim() } : {}),
    ...(opts.since !== undefined ? { since: startOf(opts.since) } : {}),
    ...(replyId !== undefined ? { replyId } : {}),
  });
  if (!opts.json && entries.length === 0) {
    ctx.streams.stderr.write(t('log.none') + '\n');
    return 0;
  }
  const columns: Column<LogEntry>[] = [
    { key: 'at', header: t('history.at'), value: (e) => timeText(e.at) },
    { key: 'operator', header: t('history.operator'), value: (e) => operatorText(e.operator) },
    { key: 'record', header: t('log.record'), value: recordText },
    { key: 'change', header: t('history.change'), value: changeText },
    { key: 'reason', header: t('history.why'), value: (e) => e.reason ?? '—', shrink: 'first' },
  ];
  await ctx.print(formatRows(entries, columns, opts.json ? 'json' : 'table', (e) => e, ctx.tableWidth));
  return 0;
});

/** 答复 #3 / 提案 #2 */
function recordText(e: LogEntry): string {
  if (e.replyId !== null) return t('log.reply', { id: e.replyId });
  if (e.proposalId !== null) return t('log.proposal', { id: e.proposalId });
  return '—';
}

function changeText(e: LogEntry): string {
  switch (e.type) {
    case 'status':
      return t('log.status', { from: e.from ? statusLabel(e.from) : '?', to: e.to ? statusLabel(e.to) : '?' });
    case 'feedback':
    case 'retracted':
      return t(`log.${e.type}`, { rating: e.rating ?? '' });
    case 'deadline':
      return t(`log.deadline.${e.cause ?? 'extended'}`, { on: dateText(e.dueOn) });
    default:
      return t(`log.${e.type}`);
  }
}

/** The first instant of a day as typed, in this machine's time zone (the clerk's day). */
function startOf(text: string): string {
  let day: string;
  try {
    day = parseDate(text, 'since');
  } catch (error) {
    if (error instanceof ValidationError) throw new ReplyError('option.badDate', { option: '--since', value: text }, 2);
    throw error;
  }
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(y, m - 1, d).toISOString();
}

function wholeNumber(text: string, option: string, max: number): number {
  const n = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || n < 1 || n > max) throw new ReplyError('option.badCount', { option, value: text, max }, 2);
  return n;
}
