import type { Context } from '../context.js';
import { readFilter, type FilterOptions } from '../filters.js';
import { printHits } from '../hits.js';
import { findReply } from '../lookup.js';
import { t } from '../messages.js';
import { numberText } from '../present.js';

export default async function similar(ctx: Context, args: string[], options: Record<string, unknown>): Promise<number> {
  const opts = options as FilterOptions & { json?: boolean };
  const filter = readFilter(opts);
  const reply = await findReply(ctx, args[0]!);
  const result = (await ctx.replies('read')).fullText().similar(reply.id, filter);
  const empty = t('similar.empty', { id: reply.id, docNumber: numberText(reply) });
  await printHits(ctx, result.hits, result.terms, Boolean(opts.json), empty);
  return 0;
}
