import type { ReplyFields } from '../reply.js';
import { sameSession } from '../session.js';
import { withoutPinyin } from './lines.js';
import { simplified } from './simplified.js';

/**
 * Whether two records are copies of one reply: the same organ, session,
 * number and body. Copies of one reply come from different sites — one
 * normalised, one in traditional script, one with its line breaks changed —
 * so each is compared in a form that keeps only what they cannot differ in.
 */
export function isSameReply(
  a: Pick<ReplyFields, 'organ' | 'session' | 'proposalNo' | 'body'>,
  b: Pick<ReplyFields, 'organ' | 'session' | 'proposalNo' | 'body'>,
): boolean {
  const organ = (s: string) => fingerprint(s);
  if (a.organ && b.organ && organ(a.organ) !== organ(b.organ)) return false;
  if (a.session && b.session && !sameSession(a.session, b.session)) return false;
  if ((a.proposalNo ?? '').replace(/^0+/u, '') !== (b.proposalNo ?? '').replace(/^0+/u, '')) return false;
  return fingerprint(a.body) === fingerprint(b.body);
}

/** The Chinese characters, letters and digits of a text, simplified, without injected readings. */
export function fingerprint(text: string): string {
  return simplified(withoutPinyin(text)).replace(/[^\p{Script=Han}A-Za-z0-9]/gu, '');
}
