import { replyTitle } from './proposers.js';
import type { ReplyFields } from './reply.js';

/**
 * A file name for a rendered reply: doc number and title, safe on Windows and
 * Linux (no separators, reserved characters or trailing dots and spaces).
 */
export function replyFileName(reply: ReplyFields, ext: string): string {
  const stem = `${reply.docNumber.toString()} ${replyTitle(reply.kind, reply.session, reply.proposalNo)}`;
  const safe = stem
    .replace(/[\\/:*?"<>|\u0000-\u001f]/gu, '_')
    .replace(/\s+/gu, ' ')
    .replace(/[. ]+$/u, '')
    .slice(0, 120);
  return safe + ext;
}
