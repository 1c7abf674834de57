import type { MessageKey } from '../messages/zh-CN.js';
import type { NewReply } from './fields.js';
import { readReply, type Reading } from './reader/read.js';
import type { SourceLine } from './reader/lines.js';
import { recordOf, type RecordOptions } from './reader/record.js';
import type { NeededField, RecordField } from './reply.js';

/**
 * A published reply read back into a record, whatever office laid it out:
 * the reader finds its parts (src/core/reader), the record takes what was
 * found, says what it still needs and what it only inferred. Only a text that
 * is no reply at all (news, a notice, an empty file) gives no record.
 */
export type Published =
  | {
      readonly ok: true;
      readonly reply: NewReply;
      readonly missing: readonly NeededField[];
      readonly inferred: readonly RecordField[];
      readonly differing: readonly RecordField[];
      readonly warnings: readonly MessageKey[];
      readonly reading: Reading;
    }
  | { readonly ok: false; readonly reason: MessageKey; readonly reading: Reading };

export function parsePublished(text: string | readonly SourceLine[], options: RecordOptions = {}): Published {
  const reading = readReply(text);
  if (!reading.verdict.reply) return { ok: false, reason: reading.verdict.reason, reading };
  const record = recordOf(reading, options);
  return { ok: true, ...record, reading };
}

/**
 * The body a document gives a reply to take as its own (`reply edit --body
 * 签批稿.docx`): a whole reply's body (its opening to its closing, repaired
 * as import repairs it), else the document's text, a paragraph a line.
 */
export function bodyOfDocument(input: string | readonly SourceLine[]): string {
  const parsed = parsePublished(input);
  if (parsed.ok && parsed.reply.body.trim()) return parsed.reply.body;
  const lines = typeof input === 'string' ? input.split(/\r?\n/u) : input.map((l) => l.text);
  return lines.map((l) => l.trim()).filter(Boolean).join('\n\n') + '\n';
}
