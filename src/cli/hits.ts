import type { SearchHit } from '../core/ports.js';
import { findMatches, hitSnippet, splitSnippet, type FieldSnippet, type Snippet } from '../core/snippet.js';
import type { Context } from './context.js';
import { dateText, proposersText, statusLabel, titleOf } from './present.js';

/** A hit as shown: the reply's identity, its proposal title's matches and a snippet. */
interface Shown {
  readonly hit: SearchHit;
  readonly titleMatches: Snippet['matches'];
  readonly snippet: FieldSnippet;
}

/**
 * Prints hits: per reply a line with id, doc number, date, proposal title and
 * status, then an indented snippet, matches painted on a colour terminal;
 * or, with --json, the same with the matches as character offsets. The
 * painter (chalk) is loaded only for a colour terminal.
 */
export async function printHits(
  ctx: Context,
  hits: readonly SearchHit[],
  needles: readonly string[],
  json: boolean,
  empty: string,
): Promise<void> {
  const shown: Shown[] = hits.map((hit) => {
    const r = hit.reply;
    return {
      hit,
      titleMatches: findMatches(r.proposalTitle, needles),
      snippet: hitSnippet(
        { body: r.body, proposalTitle: r.proposalTitle, proposers: proposersText(r), title: titleOf(r) },
        needles,
      ),
    };
  });
  const out = ctx.streams.stdout;
  if (json) {
    out.write(JSON.stringify(shown.map(hitJson), null, 2) + '\n');
    return;
  }
  if (shown.length === 0) {
    ctx.streams.stderr.write(empty + '\n');
    return;
  }
  const chalk = ctx.streams.stdoutIsTTY && !ctx.env.NO_COLOR ? (await import('chalk')).default : undefined;
  const paint = (s: Snippet) => splitSnippet(s).map((p) => (p.match && chalk ? chalk.bold.red(p.text) : p.text)).join('');
  const blocks = shown.map(({ hit: { reply: r }, titleMatches, snippet }) => {
    const head = [String(r.id), r.docNumber?.toString() ?? '—', dateText(r.signedOn) || '—', paint({ text: r.proposalTitle, matches: titleMatches })];
    const status = statusLabel(r.status);
    return `${head.join('  ')}  ${chalk ? chalk.dim(status) : status}\n    ${paint(snippet)}\n`;
  });
  out.write(blocks.join('\n'));
}

function hitJson({ hit, titleMatches, snippet }: Shown): Record<string, unknown> {
  const r = hit.reply;
  return {
    id: r.id,
    docNumber: r.docNumber?.toJSON() ?? null,
    signedOn: r.signedOn,
    kind: r.kind,
    status: r.status,
    result: r.result,
    organ: r.organ,
    title: titleOf(r),
    proposalTitle: r.proposalTitle,
    proposers: proposersText(r),
    hit: hit.hit,
    titleMatches,
    snippet: { field: snippet.field, text: snippet.text, matches: snippet.matches },
  };
}
