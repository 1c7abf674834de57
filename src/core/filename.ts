import { replyTitle } from './proposers.js';
import type { ReplyFields } from './reply.js';

/**
 * A file name for a rendered reply: doc number and title, safe on Windows and
 * Linux (no separators, reserved characters or trailing dots and spaces). A
 * reply without a doc number is named by its record id (编号12 对…).
 */
export function replyFileName(reply: ReplyFields & { readonly id?: number }, ext: string): string {
  const name = reply.docNumber?.toString() ?? (reply.id !== undefined ? `编号${reply.id}` : '');
  const stem = `${name} ${replyTitle(reply.kind, reply.session, reply.proposalNo)}`.trim();
  const safe = stem
    .replace(/[\\/:*?"<>|\u0000-\u001f]/gu, '_')
    .replace(/\s+/gu, ' ')
    .replace(/[. ]+$/u, '')
    .slice(0, 120);
  return safe + ext;
}
