import { DocNumber } from '../../core/doc-number.js';
import { ReplyError } from '../../core/errors.js';
import type { Reply } from '../../core/reply.js';
import type { Context } from '../context.js';
import { parseSearchQuery } from '../../core/search-query.js';
import { FILTER_OPTIONS, readFilter } from '../filters.js';
import { printHits } from '../hits.js';
import { printParagraphs } from '../paragraph-hits.js';
import { MAX_CONTEXT } from '../../core/paragraphs.js';
import { t } from '../messages.js';
import { numberText } from '../present.js';
import { command, flag, value } from '../command.js';

const OPTIONS = {
  ...FILTER_OPTIONS,
  like: value,
  paragraphs: flag,
  context: value,
  json: flag,
};

export default command(OPTIONS, async function search(ctx, args, opts) {
  const terms = parseSearchQuery(args.join(' '));
  const filter = readFilter(opts);
  const positive = terms.filter((term) => !term.negated).map((term) => term.text);
  if (opts.like !== undefined) {
    const reply = await ctx.workflow().reply(opts.like);
    const result = (await ctx.replies()).fullText().similar(reply.id, filter, terms);
    const empty = t('similar.empty', { id: reply.id, docNumber: numberText(reply) });
    await printHits(ctx, result.hits, [...positive, ...result.terms], Boolean(opts.json), empty);
    return 0;
  }
  if (terms.length === 0) throw new ReplyError('search.emptyQuery', {}, 2);
  const context = contextOf(opts.context, Boolean(opts.paragraphs));
  const search = (await ctx.replies()).fullText();
  if (opts.paragraphs) {
    await printParagraphs(ctx, search.search(terms, filter), positive, context, Boolean(opts.json), t('search.emptyParagraphs'));
    return 0;
  }
  const counted = search.searchCounted(terms, filter, COUNT_CAP);
  // A doc number typed as a query (普发改委〔2023〕16号, 普发改委[2023]16号, 2023-16) finds its reply first,
  // then the replies that cite it.
  const numbered = await byDocNumber(ctx, args.join(' '));
  const hits = numbered ? [{ reply: numbered, hit: 'docNumber' as const }, ...counted.hits.filter((h) => h.reply.id !== numbered.id)] : counted.hits;
  const total = counted.total + (numbered && !counted.hits.some((h) => h.reply.id === numbered.id) ? 1 : 0);
  await printHits(ctx, hits, positive, Boolean(opts.json), t('search.empty'), totalLine(hits.length, total, counted.more));
  return 0;
});

/** The reply a query names by its doc number, if the query is one and the archive holds it. */
async function byDocNumber(ctx: Context, query: string): Promise<Reply | undefined> {
  if (!DocNumber.looksLike(query)) return undefined;
  try {
    return await ctx.workflow().reply(query);
  } catch (error) {
    if (error instanceof ReplyError) return undefined;
    throw error;
  }
}

/** Hits are counted up to this many; beyond, the count says 以上. */
const COUNT_CAP = 1000;

/** 共 312 份，显示前 20 份 / 共 3 份 / 共 1000 份以上，显示前 20 份. */
function totalLine(shown: number, total: number, more: boolean): string | undefined {
  if (shown === 0) return undefined;
  // Not counted past the page (a short term, a filter): only that there are more.
  if (more && total <= shown) return t('search.moreThanShown', { shown });
  const all = t(more ? 'search.totalMore' : 'search.total', { count: total });
  return shown < total || more ? t('search.totalShown', { all, shown }) : all;
}

/** How many paragraphs around each match -C asks for: a count up to MAX_CONTEXT, and only with --paragraphs. */
function contextOf(value: string | undefined, paragraphs: boolean): number {
  if (value === undefined) return 0;
  if (!paragraphs) throw new ReplyError('search.contextWithoutParagraphs', {}, 2);
  if (!/^\d+$/.test(value) || Number(value) > MAX_CONTEXT) throw new ReplyError('option.badValue', { option: '-C', value }, 2);
  return Number(value);
}
