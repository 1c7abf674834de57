import { DocNumber } from '../core/doc-number.js';
import { ReplyError, ValidationError } from '../core/errors.js';
import type { Proposal } from '../core/proposal.js';
import type { Reply } from '../core/reply.js';
import type { Context } from './context.js';

/** Finds a reply by its numeric id or by its doc number in any typed form. */
export async function findReply(ctx: Context, idText: string): Promise<Reply> {
  const text = idText.trim();
  const repo = await ctx.replies('read');
  if (/^\d+$/.test(text)) {
    const reply = repo.get(Number(text));
    if (!reply) throw new ReplyError('reply.notFound', { id: text });
    return reply;
  }
  let docNumber: DocNumber;
  try {
    docNumber = DocNumber.parse(text, ctx.configIfAny()?.docPrefix);
  } catch (error) {
    if (error instanceof ValidationError) throw new ReplyError('reply.badId', { id: text });
    throw error;
  }
  const reply = repo.findByDocNumber(docNumber);
  if (!reply) throw new ReplyError('reply.notFound', { id: docNumber.toString() });
  return reply;
}

/**
 * Finds a proposal as clerks name it: by its number (152104, 第152104号),
 * within a session when the number recurs, or by its register id (#3).
 */
export async function findProposal(ctx: Context, text: string, session?: string): Promise<Proposal> {
  const repo = await ctx.handling('read');
  const value = text.trim();
  const byId = /^#\s*(\d+)$/.exec(value);
  if (byId) {
    const proposal = repo.proposal(Number(byId[1]));
    if (!proposal) throw new ReplyError('proposal.notFound', { value });
    return proposal;
  }
  const number = value.replace(/^第/u, '').replace(/号$/u, '');
  const found = repo.proposalsByNumber(number, session?.trim());
  if (found.length === 0) throw new ReplyError('proposal.notFound', { value });
  if (found.length > 1) {
    const list = found.map((p) => `#${p.id} ${p.session}`).join('、');
    throw new ReplyError('proposal.ambiguous', { value, list });
  }
  return found[0]!;
}
