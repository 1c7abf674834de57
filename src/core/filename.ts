import { withoutForbidden } from './characters.js';
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
  const safe = withoutForbidden(stem)
    .replace(/[\\/:*?"<>|\u0000-\u001f]/gu, '_')
    .replace(/\s+/gu, ' ');
  return cutToBytes(safe, MAX_NAME_BYTES - [...ext].reduce((n, ch) => n + utf8Length(ch), 0)).replace(/[. ]+$/u, '') + ext;
}

/**
 * Most file systems take 255 bytes a name, and a Chinese character is 3 of them in UTF-8: a name is
 * cut well below that (a copy's " (2)" and a backup's ".partial" still fit).
 */
const MAX_NAME_BYTES = 200;

/** The longest start of the text within the bytes, cut between characters (never inside a surrogate pair). */
function cutToBytes(text: string, bytes: number): string {
  let out = '';
  let used = 0;
  for (const ch of text) {
    used += utf8Length(ch);
    if (used > bytes) break;
    out += ch;
  }
  return out;
}

function utf8Length(ch: string): number {
  const code = ch.codePointAt(0)!;
  return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}
