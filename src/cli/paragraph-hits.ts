import { matchingParagraphs, type ShownParagraph } from '../core/paragraphs.js';
import type { SearchHit } from '../core/ports.js';
import { splitSnippet } from '../core/snippet.js';
import type { Context } from './context.js';
import { dateText, titleOf } from './present.js';

/**
 * Prints the paragraphs of the hits that hold a term, as `rg -C` prints lines: per reply a line
 * with its id, doc number, date, kind and organ, then each paragraph shown by its number, `:` after
 * a match and `-` after context, `--` between groups apart; or, with --json, the same with the
 * matches as character offsets. A hit whose body holds no term (its title did) shows nothing.
 */
export async function printParagraphs(ctx: Context, hits: readonly SearchHit[], needles: readonly string[], context: number, json: boolean, empty: string): Promise<void> {
  const found = hits
    .map((hit) => ({ reply: hit.reply, paragraphs: matchingParagraphs(hit.reply.body, needles, context) }))
    .filter((f) => f.paragraphs.length > 0);
  const out = ctx.streams.stdout;
  if (json) {
    out.write(JSON.stringify(found.map(({ reply: r, paragraphs }) => ({
      id: r.id,
      docNumber: r.docNumber?.toJSON() ?? null,
      signedOn: r.signedOn,
      kind: r.kind,
      organ: r.organ,
      title: titleOf(r),
      proposalTitle: r.proposalTitle,
      paragraphs: paragraphs.map((p) => ({ ...p, match: p.matches.length > 0 })),
    })), null, 2) + '\n');
    return;
  }
  if (found.length === 0) {
    ctx.streams.stderr.write(empty + '\n');
    return;
  }
  const chalk = ctx.streams.stdoutIsTTY && !ctx.env.NO_COLOR ? (await import('chalk')).default : undefined;
  const paint = (p: ShownParagraph) => splitSnippet({ text: p.text, matches: p.matches }).map((s) => (s.match && chalk ? chalk.bold.red(s.text) : s.text)).join('');
  const blocks = found.map(({ reply: r, paragraphs }) => {
    const head = [String(r.id), r.docNumber?.toString() ?? '—', dateText(r.signedOn) || '—', r.kind, r.organ ?? '—'].join('  ');
    const lines = [chalk ? chalk.bold(head) : head];
    paragraphs.forEach((p, i) => {
      if (i > 0 && p.index !== paragraphs[i - 1]!.index + 1) lines.push('--');
      lines.push(`${p.index}${p.matches.length ? ':' : '-'}  ${paint(p)}`);
    });
    return lines.join('\n') + '\n';
  });
  out.write(blocks.join('\n'));
}
