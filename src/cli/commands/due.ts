import chalk from 'chalk';
import { ReplyError } from '../../core/errors.js';
import { dueList, type Handling } from '../../core/handling.js';
import { asOf, daysText, handlingJson, stateText } from '../handlings.js';
import { t } from '../messages.js';
import { clip, formatRows, type Column } from '../output.js';
import { dateText, numberText, proposersText } from '../present.js';
import { command, flag, value } from '../command.js';

const OPTIONS = {
  within: value,
  asOf: value,
  json: flag,
};

export default command(OPTIONS, async function due(ctx, _args, opts) {
  const within = opts.within === undefined ? undefined : daysOf(opts.within);
  const today = asOf(ctx, opts.asOf);
  const handlings = dueList(await ctx.workflow().allHandlings(today), within);
  if (opts.json) {
    ctx.streams.stdout.write(JSON.stringify({ asOf: today, within: within ?? null, due: handlings.map(handlingJson) }, null, 2) + '\n');
    return 0;
  }
  if (handlings.length === 0) {
    ctx.streams.stderr.write((within === undefined ? t('due.none') : t('due.noneWithin', { days: within })) + '\n');
    return 0;
  }
  const color = ctx.streams.stdoutIsTTY && !ctx.env.NO_COLOR;
  const paint = (h: Handling, text: string) => (color && h.overdue ? chalk.red(text) : text);
  const columns: Column<Handling>[] = [
    { key: 'dueOn', header: t('label.dueOn'), value: (h) => paint(h, dateText(h.dueOn)) },
    { key: 'daysLeft', header: t('label.daysLeft'), value: (h) => paint(h, (h.overdue ? '! ' : '') + daysText(h)) },
    { key: 'id', header: t('label.id'), value: (h) => `#${h.proposal.id}` },
    { key: 'number', header: t('label.proposalNo'), value: (h) => `${h.proposal.session}第${h.proposal.number}号` },
    { key: 'proposers', header: t('label.proposer'), value: (h) => proposersText(h.proposal) },
    { key: 'title', header: t('label.title'), value: (h) => clip(h.proposal.title, 20) },
    { key: 'state', header: t('label.handling'), value: (h) => stateText(h) + (h.replies[0] ? `（${t('label.reply')} ${numberText(h.replies[0])}）` : '') },
  ];
  ctx.streams.stdout.write(formatRows(handlings, columns, 'table', handlingJson));
  const overdue = handlings.filter((h) => h.overdue).length;
  ctx.streams.stderr.write(t('due.summary', { count: handlings.length, overdue }) + '\n');
  return 0;
});

function daysOf(text: string): number {
  const n = Number(text.trim());
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(n)) throw new ReplyError('due.badDays', { value: text }, 2);
  return n;
}
