import { command, flag } from '../command.js';
import { FILTER_OPTIONS, readFilter } from '../filters.js';
import { printHits } from '../hits.js';
import { t } from '../messages.js';
import { numberText } from '../present.js';

const OPTIONS = { ...FILTER_OPTIONS, json: flag };

export default command(OPTIONS, async function similar(ctx, args, opts) {
  const filter = readFilter(opts);
  const reply = await ctx.workflow().reply(args[0]!);
  const result = (await ctx.replies()).fullText().similar(reply.id, filter);
  const empty = t('similar.empty', { id: reply.id, docNumber: numberText(reply) });
  await printHits(ctx, result.hits, result.terms, Boolean(opts.json), empty);
  return 0;
});
