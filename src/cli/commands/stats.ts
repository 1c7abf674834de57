import { computeStats, count, type Count, type Stats } from '../../core/stats.js';
import { asOf, yearOption } from '../handlings.js';
import { t } from '../messages.js';
import { csv, formatRows, rowFormat, table, type Column } from '../output.js';
import { writeWorkbook } from '../workbook.js';
import { command, flag, value } from '../command.js';

const OPTIONS = {
  year: value,
  asOf: value,
  json: flag,
  csv: flag,
  raw: flag,
  xlsx: value,
  force: flag,
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
  const format = rowFormat(opts);
  const out = ctx.streams.stdout;
  if (opts.xlsx !== undefined) await writeWorkbook(ctx, opts.xlsx, opts.force ?? false, [{ name: t('sheet.stats'), columns: SHEET, rows: itemsOf(result) }]);
  else if (format === 'json') out.write(JSON.stringify(result, null, 2) + '\n');
  else if (format === 'raw') out.write(rawCsvOf(result));
  else if (format === 'sheet') out.write(formatRows(itemsOf(result), SHEET, 'sheet', (i) => i));
  else out.write(textOf(result));
  return 0;
});

/** A line of a table: a count; `isBase` when it is the number the table's shares are taken of. */
type Line = Count & { readonly isBase?: true };

/** One table: its title, a line per item, and what is said under it. */
interface Section {
  readonly title: string;
  readonly lines: readonly Line[];
  readonly note?: string;
}

function sections(s: Stats): Section[] {
  const p = s.proposals;
  const plain = (label: string, n: number): Count => count(label, n, p.total, 'proposals');
  return [
    {
      title: t('stats.byResult'),
      lines: [...s.byResult, { ...s.adopted, label: t('stats.adopted') }],
      ...(s.unsigned > 0 ? { note: t('stats.unsigned', { n: s.unsigned }) } : {}),
    },
    { title: t('stats.byKind'), lines: [...s.byKind] },
    { title: t('stats.byStatus'), lines: s.byStatus.map((c) => ({ ...c, label: t(`status.${c.label}`) })) },
    {
      title: t('stats.proposals'),
      lines: [
        { ...plain(t('stats.total'), p.total), isBase: true },
        plain(t('stats.answered'), p.answered),
        plain(t('stats.pending'), p.pending),
        plain(t('stats.reopened'), p.reopened),
        plain(t('stats.overdue'), p.overdue),
        { ...p.onTime, label: t('stats.onTime') },
      ],
    },
    { title: t('stats.feedback'), lines: [...s.feedback.byRating, { ...s.feedback.satisfied, label: t('stats.satisfied') }] },
  ];
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

/** What a share is of, said beside it: 已答复 1 / 登记 4. */
function baseText(c: Count): string {
  return `/ ${t(`stats.base.${c.of}`)} ${c.base}`;
}

function textOf(s: Stats): string {
  const scope = s.year === null ? t('stats.scopeAll') : t('stats.scopeYear', { year: s.year });
  const lines = [t('stats.title', { scope }), t('stats.replies', { n: s.replies }), ''];
  for (const section of sections(s)) {
    lines.push(section.title);
    // The number registered is the base of its table, no share of one.
    const rows = section.lines.map((c) => (c.isBase ? [c.label, String(c.count)] : [c.label, String(c.count), baseText(c), percent(c.share)]));
    lines.push(...table(undefined, rows).trimEnd().split('\n').map((l) => `  ${l}`));
    if (section.note) lines.push(`  ${section.note}`);
    lines.push('');
  }
  return lines.join('\n');
}

interface Item {
  readonly section: string;
  readonly count: Count;
}

function itemsOf(s: Stats): Item[] {
  return sections(s).flatMap(({ title, lines }) => lines.map((count) => ({ section: title, count })));
}

/** The statistics as a sheet: a row an item, with the count, the base it is a share of, and the share. */
const SHEET: Column<Item>[] = [
  { key: 'section', header: t('stats.sheet.section'), value: (i) => i.section },
  { key: 'item', header: t('stats.sheet.item'), value: (i) => i.count.label },
  { key: 'count', header: t('stats.sheet.count'), value: (i) => i.count.count },
  { key: 'of', header: t('stats.sheet.of'), value: (i) => t(`stats.base.${i.count.of}`) },
  { key: 'base', header: t('stats.sheet.base'), value: (i) => i.count.base },
  { key: 'share', header: t('stats.sheet.share'), value: (i) => percent(i.count.share) },
];

/** The machine form of --csv --raw, as it was before the sheet gained its bases: section, item, count, share. */
function rawCsvOf(s: Stats): string {
  return csv([['section', 'item', 'count', 'share'], ...itemsOf(s).map(({ section, count: c }) => [section, c.label, String(c.count), c.share.toFixed(4)])]);
}
