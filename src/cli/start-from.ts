import { writtenBlocks } from '../core/body.js';
import { matchingParagraphs } from '../core/paragraphs.js';
import type { SearchHit } from '../core/ports.js';
import { makeSnippet } from '../core/snippet.js';
import { bodyOfTaken, paragraphsToTake, startFrom, type TakenParagraph } from '../core/reuse.js';
import type { ScaffoldInput } from '../core/scaffold.js';
import type { Context } from './context.js';
import { t } from './messages.js';
import { dateText } from './present.js';
import type { Prompter } from './prompts.js';

/** How many past replies are offered, and from how many of them paragraphs may be picked. */
const OFFERED = 5;
const TO_PICK_FROM = 3;
/** How much of a reply a preview shows. */
const PREVIEW_PARAGRAPHS = 8;

/**
 * For a registered proposal drafted at the terminal: the past replies closest to it, each with
 * its paragraph that best matches; the clerk previews one, starts from one, picks paragraphs of
 * the first three, or starts from the blank scaffold (undefined).
 */
export async function chooseStart(
  ctx: Context,
  prompter: Prompter,
  target: ScaffoldInput & { readonly organ: string | null },
): Promise<{ readonly body: string; readonly basedOn?: number } | undefined> {
  if (!ctx.hasArchive()) return undefined;
  const result = (await ctx.replies()).fullText().similar({ proposalTitle: target.proposalTitle, body: '', organ: target.organ }, { limit: OFFERED });
  if (result.hits.length === 0) return undefined;
  const err = ctx.streams.stderr;
  err.write(t('start.offered', { title: target.proposalTitle }) + '\n');
  for (const hit of result.hits) err.write(offerLine(hit, result.terms) + '\n');
  const choices = [
    ...result.hits.map(({ reply: r }) => ({ name: t('start.from', { id: r.id, title: r.proposalTitle }), value: `from:${r.id}` })),
    ...result.hits.map(({ reply: r }) => ({ name: t('start.preview', { id: r.id }), value: `preview:${r.id}` })),
    { name: t('start.pick', { n: Math.min(TO_PICK_FROM, result.hits.length) }), value: 'pick' },
    { name: t('start.blank'), value: 'blank' },
  ];
  for (;;) {
    const chosen = await prompter.select({ message: t('prompt.start'), choices, default: `from:${result.hits[0]!.reply.id}` });
    const [what, id] = chosen.split(':');
    const hit = result.hits.find((h) => String(h.reply.id) === id);
    if (what === 'preview' && hit) {
      err.write(preview(hit) + '\n');
      continue;
    }
    if (what === 'from' && hit) return { body: startFrom(hit.reply.body, target), basedOn: hit.reply.id };
    if (what === 'pick') return pick(prompter, result.hits.slice(0, TO_PICK_FROM), target);
    return undefined;
  }
}

async function pick(prompter: Prompter, hits: readonly SearchHit[], target: ScaffoldInput) {
  const taken = new Map<string, TakenParagraph>();
  const choices = hits.flatMap(({ reply: r }) =>
    paragraphsToTake(r.body).map((p) => {
      const value = `${r.id}:${p.index}`;
      taken.set(value, p);
      return { name: t('start.paragraph', { id: r.id, heading: p.heading ? `${short(p.heading, 16)} › ` : '', text: short(p.text, 50) }), value };
    }),
  );
  const ticked = await prompter.checkbox({ message: t('prompt.pickParagraphs'), choices });
  if (ticked.length === 0) return undefined;
  return { body: bodyOfTaken(ticked.map((v) => taken.get(v)!), target) };
}

/** #3  关于…（马关县教育局，2015年5月7日）and its paragraph that holds most of the shared words. */
function offerLine({ reply: r }: SearchHit, terms: readonly string[]): string {
  const best = matchingParagraphs(r.body, terms).sort((a, b) => b.matches.length - a.matches.length)[0];
  const head = t('start.offer', { id: r.id, title: r.proposalTitle, organ: r.organ ?? '—', date: dateText(r.signedOn) || '—' });
  return best ? `${head}\n      ${short(best.text, 60)}` : head;
}

function preview({ reply: r }: SearchHit): string {
  const blocks = writtenBlocks(r.body);
  const shown = blocks.slice(0, PREVIEW_PARAGRAPHS).map((b) => `  ${b.text}`);
  return [t('start.previewHead', { id: r.id, title: r.proposalTitle }), ...shown, ...(blocks.length > PREVIEW_PARAGRAPHS ? ['  …'] : [])].join('\n');
}

/** The first n characters of a text, with … where it was cut. */
const short = (text: string, n: number) => makeSnippet(text, [], n).text;
