import { DocNumber } from '../core/doc-number.js';
import { ReplyError, ValidationError } from '../core/errors.js';
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
