import { ReplyError } from '../../core/errors.js';
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
  const hits = (await ctx.replies()).fullText().search(terms, filter);
  if (opts.paragraphs) await printParagraphs(ctx, hits, positive, context, Boolean(opts.json), t('search.emptyParagraphs'));
  else await printHits(ctx, hits, positive, Boolean(opts.json), t('search.empty'));
  return 0;
});

/** How many paragraphs around each match -C asks for: a count up to MAX_CONTEXT, and only with --paragraphs. */
function contextOf(value: string | undefined, paragraphs: boolean): number {
  if (value === undefined) return 0;
  if (!paragraphs) throw new ReplyError('search.contextWithoutParagraphs', {}, 2);
  if (!/^\d+$/.test(value) || Number(value) > MAX_CONTEXT) throw new ReplyError('option.badValue', { option: '-C', value }, 2);
  return Number(value);
}
