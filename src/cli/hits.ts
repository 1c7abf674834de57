import chalk from 'chalk';
import { ReplyError } from '../core/errors.js';
import type { SearchFilter, SearchHit } from '../core/ports.js';
import { kindOf, statusOf } from '../core/reply.js';
import { findMatches, hitSnippet, splitSnippet, type FieldSnippet, type Snippet } from '../core/snippet.js';
import type { Context } from './context.js';
import { t } from './messages.js';
import { dateText, proposersText, statusLabel, titleOf } from './present.js';

/** The filter flags shared by `reply search` and `reply similar`. */
export interface FilterOptions {
  year?: string;
  kind?: string;
  result?: string;
  organ?: string;
  proposer?: string;
  status?: string;
  limit?: string;
  json?: boolean;
}

export function searchFilter(o: FilterOptions): SearchFilter {
  const filter: { -readonly [K in keyof SearchFilter]: SearchFilter[K] } = {};
  if (o.year !== undefined) {
    if (!/^\d{4}$/.test(o.year)) throw new ReplyError('option.badYear', { value: o.year }, 2);
    filter.year = Number(o.year);
  }
  if (o.status !== undefined) {
    const status = statusOf(o.status);
    if (!status) throw new ReplyError('list.badStatus', { value: o.status }, 2);
    filter.status = status;
  }
  if (o.kind !== undefined) {
    const kind = kindOf(o.kind);
    if (!kind) throw new ReplyError('list.badKind', { value: o.kind }, 2);
    filter.kind = kind;
  }
  if (o.result?.trim()) filter.result = o.result.trim();
  if (o.organ?.trim()) filter.organ = o.organ.trim();
  if (o.proposer?.trim()) filter.proposer = o.proposer.trim().replace(/(委员|代表)$/u, '');
  if (o.limit !== undefined) {
    if (!/^\d+$/.test(o.limit) || Number(o.limit) < 1) throw new ReplyError('option.badValue', { option: '--limit', value: o.limit }, 2);
    filter.limit = Number(o.limit);
  }
  return filter;
}

/** A hit as shown: the reply's identity, its proposal title's matches and a snippet. */
interface Shown {
  readonly hit: SearchHit;
  readonly titleMatches: Snippet['matches'];
  readonly snippet: FieldSnippet;
}

/**
 * Prints hits: per reply a line with id, doc number, date, proposal title and
 * status, then an indented snippet, matches painted on a colour terminal;
 * or, with --json, the same with the matches as character offsets.
 */
export function printHits(ctx: Context, hits: readonly SearchHit[], needles: readonly string[], json: boolean, empty: string): void {
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
  const color = ctx.streams.stdoutIsTTY && !ctx.env.NO_COLOR;
  const paint = (s: Snippet) => splitSnippet(s).map((p) => (p.match && color ? chalk.bold.red(p.text) : p.text)).join('');
  const blocks = shown.map(({ hit: { reply: r }, titleMatches, snippet }) => {
    const head = [String(r.id), r.docNumber.toString(), dateText(r.signedOn), paint({ text: r.proposalTitle, matches: titleMatches })];
    const status = statusLabel(r.status);
    return `${head.join('  ')}  ${color ? chalk.dim(status) : status}\n    ${paint(snippet)}\n`;
  });
  out.write(blocks.join('\n'));
}

function hitJson({ hit, titleMatches, snippet }: Shown): Record<string, unknown> {
  const r = hit.reply;
  return {
    id: r.id,
    docNumber: r.docNumber.toJSON(),
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
