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
      readonly warnings: readonly string[];
      readonly reading: Reading;
    }
  | { readonly ok: false; readonly reason: string; readonly reading: Reading };

export function parsePublished(text: string | readonly SourceLine[], options: RecordOptions = {}): Published {
  const reading = readReply(text);
  if (!reading.verdict.reply) return { ok: false, reason: reading.verdict.reason, reading };
  const record = recordOf(reading, options);
  return { ok: true, ...record, reading };
}
