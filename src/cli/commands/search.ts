import { ReplyError } from '../../core/errors.js';
import { parseSearchQuery } from '../../core/search-query.js';
import type { Context } from '../context.js';
import { readFilter, type FilterOptions } from '../filters.js';
import { printHits } from '../hits.js';
import { findReply } from '../lookup.js';
import { t } from '../messages.js';
import { numberText } from '../present.js';

interface SearchOptions extends FilterOptions {
  like?: string;
  json?: boolean;
}

export default async function search(ctx: Context, args: string[], options: Record<string, unknown>): Promise<number> {
  const opts = options as SearchOptions;
  const terms = parseSearchQuery(args.join(' '));
  const filter = readFilter(opts);
  const positive = terms.filter((term) => !term.negated).map((term) => term.text);
  if (opts.like !== undefined) {
    const reply = await findReply(ctx, opts.like);
    const result = (await ctx.replies('read')).fullText().similar(reply.id, filter, terms);
    const empty = t('similar.empty', { id: reply.id, docNumber: numberText(reply) });
    await printHits(ctx, result.hits, [...positive, ...result.terms], Boolean(opts.json), empty);
    return 0;
  }
  if (terms.length === 0) throw new ReplyError('search.emptyQuery', {}, 2);
  const hits = (await ctx.replies('read')).fullText().search(terms, filter);
  await printHits(ctx, hits, positive, Boolean(opts.json), t('search.empty'));
  return 0;
}
