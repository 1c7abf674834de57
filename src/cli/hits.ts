import type { SearchHit } from '../core/ports.js';
import { findMatches, hitSnippet, splitSnippet, type FieldSnippet, type Snippet } from '../core/snippet.js';
import { plainBody } from '../core/body.js';
import { replyParts } from '../core/reply-parts.js';
import type { Context } from './context.js';
import { clipWidth, displayWidth } from './output.js';
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
  /** The line that counts the hits (共 312 份，显示前 20 份), when the caller counted them. */
  total?: string,
): Promise<void> {
  // On a terminal a snippet takes the width under its 4-column indent, less its two ellipses (CJK characters take two columns).
  const width = ctx.tableWidth;
  const snippetChars = width === undefined ? undefined : Math.max(20, Math.floor((width - 4 - 2) / 2));
  const shown: Shown[] = hits.map((hit) => {
    const r = hit.reply;
    const parts = replyParts(r);
    return {
      hit,
      titleMatches: findMatches(r.proposalTitle, needles),
      snippet: hitSnippet(
        {
          body: plainBody(r.body),
          proposalTitle: r.proposalTitle,
          proposers: proposersText(r),
          title: titleOf(r),
          // What search finds besides the text (searchAside), as the document prints it.
          contact: parts.contact.find((c) => c.key === 'name')?.line ?? '',
          cc: parts.cc ?? '',
        },
        needles,
        snippetChars,
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
    const status = statusLabel(r.status);
    const fixed = [String(r.id), r.docNumber?.toString() ?? '—', dateText(r.signedOn) || '—'];
    // The proposal title gives way to the terminal's width: the rest of the line is short and fixed.
    const room = width === undefined ? undefined : width - displayWidth(fixed.join('  ')) - displayWidth(status) - 4;
    const title = room === undefined || displayWidth(r.proposalTitle) <= room ? r.proposalTitle : clipWidth(r.proposalTitle, Math.max(room, 10));
    const matches = title === r.proposalTitle ? titleMatches : findMatches(title, needles);
    const head = [...fixed, paint({ text: title, matches })];
    return `${head.join('  ')}  ${chalk ? chalk.dim(status) : status}\n    ${paint(snippet)}\n`;
  });
  await ctx.print((total ? `${total}\n\n` : '') + blocks.join('\n'));
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
