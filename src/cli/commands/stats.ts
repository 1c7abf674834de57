import { computeStats, type Count, type Stats } from '../../core/stats.js';
import { asOf, yearOption } from '../handlings.js';
import { t } from '../messages.js';
import { csvCell, table } from '../output.js';
import { command, flag, value } from '../command.js';

const OPTIONS = {
  year: value,
  asOf: value,
  json: flag,
  csv: flag,
};

export default command(OPTIONS, async function stats(ctx, _args, opts) {
  const year = yearOption(opts.year);
  const today = asOf(ctx, opts.asOf);
  const config = ctx.config();
  const replies = (await ctx.replies()).summaries(year === undefined ? {} : { year });
  const result = computeStats({
    ...(year === undefined ? {} : { year }),
    replies,
    handlings: await ctx.workflow().allHandlings(today, year),
    feedback: (await ctx.handling()).feedback(),
    results: config.results,
    adoptedResults: config.handling.adoptedResults,
  });
  const out = ctx.streams.stdout;
  if (opts.json) out.write(JSON.stringify(result, null, 2) + '\n');
  else if (opts.csv) out.write(csvOf(result));
  else out.write(textOf(result));
  return 0;
});

/** Each table: its title, then a line per item with count and share. */
function sections(s: Stats): [string, Count[]][] {
  const p = s.proposals;
  const plain = (label: string, count: number): Count => ({ label, count, share: p.total ? count / p.total : 0 });
  return [
    [t('stats.byResult'), [...s.byResult, { ...s.adopted, label: t('stats.adopted') }]],
    [t('stats.byKind'), [...s.byKind]],
    [t('stats.byStatus'), s.byStatus.map((c) => ({ ...c, label: t(`status.${c.label}`) }))],
    [
      t('stats.proposals'),
      [
        plain(t('stats.total'), p.total),
        plain(t('stats.answered'), p.answered),
        plain(t('stats.pending'), p.pending),
        plain(t('stats.reopened'), p.reopened),
        plain(t('stats.overdue'), p.overdue),
        { ...p.onTime, label: t('stats.onTime') },
      ],
    ],
    [t('stats.feedback'), [...s.feedback.byRating, { ...s.feedback.satisfied, label: t('stats.satisfied') }]],
  ];
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function textOf(s: Stats): string {
  const scope = s.year === null ? t('stats.scopeAll') : t('stats.scopeYear', { year: s.year });
  const lines = [t('stats.title', { scope }), t('stats.replies', { n: s.replies }), ''];
  for (const [title, counts] of sections(s)) {
    lines.push(title);
    const rows = counts.map((c) => [c.label, String(c.count), percent(c.share)]);
    lines.push(...table(undefined, rows).trimEnd().split('\n').map((l) => `  ${l}`), '');
  }
  return lines.join('\n');
}

function csvOf(s: Stats): string {
  const rows = [['section', 'item', 'count', 'share']];
  for (const [title, counts] of sections(s)) for (const c of counts) rows.push([title, c.label, String(c.count), c.share.toFixed(4)]);
  return rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
