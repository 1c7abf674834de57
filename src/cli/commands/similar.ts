import { ReplyError } from '../../core/errors.js';
import type { SimilarProbe } from '../../core/similar.js';
import { command, flag, value } from '../command.js';
import type { Context } from '../context.js';
import { FILTER_OPTIONS, readFilter } from '../filters.js';
import { printHits } from '../hits.js';
import { t } from '../messages.js';
import { numberText } from '../present.js';

const OPTIONS = { ...FILTER_OPTIONS, text: value, proposal: value, json: flag };

/**
 * `reply similar`: the past replies closest to a filed reply, or to a proposal before any draft
 * exists — a registered one (--proposal, by its title), or any text (--text: a title, or a
 * proposal's whole text, its first line taken as the title).
 */
export default command(OPTIONS, async function similar(ctx, args, opts) {
  const filter = readFilter(opts);
  const given = [args[0] !== undefined, opts.text !== undefined, opts.proposal !== undefined].filter(Boolean).length;
  if (given === 0) throw new ReplyError('similar.nothing', {}, 2);
  if (args[0] !== undefined && given > 1) throw new ReplyError('similar.replyAndText', {}, 2);
  const search = (await ctx.replies()).fullText();
  if (args[0] !== undefined) {
    const reply = await ctx.workflow().reply(args[0]);
    const result = search.similar(reply.id, filter);
    await printHits(ctx, result.hits, result.terms, Boolean(opts.json), t('similar.empty', { id: reply.id, docNumber: numberText(reply) }));
    return 0;
  }
  const probe = await probeOf(ctx, opts.text, opts.proposal);
  const result = search.similar(probe, filter);
  await printHits(ctx, result.hits, result.terms, Boolean(opts.json), t('similar.emptyText', { title: probe.proposalTitle }));
  return 0;
});

/** What a proposal not yet answered is looked for by: its title and text, and the office that answers. */
async function probeOf(ctx: Context, text: string | undefined, proposalRef: string | undefined): Promise<SimilarProbe> {
  const organ = ctx.configIfAny()?.organ ?? null;
  const lines = (text ?? '').split(/\r?\n/u).map((l) => l.trim()).filter(Boolean);
  if (proposalRef !== undefined) {
    const proposal = await ctx.workflow().proposal(proposalRef);
    return { proposalTitle: proposal.title, body: lines.join('\n'), organ };
  }
  if (lines.length === 0) throw new ReplyError('similar.emptyQuery', {}, 2);
  return { proposalTitle: lines[0]!, body: lines.slice(1).join('\n'), organ };
}
