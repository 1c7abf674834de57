import type { MessageKey } from '../messages/zh-CN.js';
import { DocNumber } from '../core/doc-number.js';
import { parsePublished, type Published } from '../core/published.js';
import { foundFields, type FoundText } from '../core/reader/read.js';
import type { Converted } from '../read/convert.js';
import { readSource, type SourceText } from './sources.js';

/** What import learns of one file before it looks at the archive: its text, and the reply read from it. */
export interface ImportRead {
  readonly source: SourceText;
  /** Absent when the file gave no text. */
  readonly parsed?:
    | (Omit<Extract<Published, { ok: true }>, 'reading'> & { readonly found: Readonly<Record<string, FoundText>> })
    | { readonly ok: false; readonly reason: MessageKey };
}

export async function readForImport(
  file: string,
  resultClasses: Readonly<Record<string, string>> | undefined,
  converted?: Converted,
): Promise<ImportRead> {
  const source = await readSource(file, converted);
  if (!source.ok) return { source };
  const parsed = parsePublished(source.lines ?? source.text, { ...(resultClasses ? { resultClasses } : {}), ...(source.properties ? { properties: source.properties } : {}) });
  if (!parsed.ok) return { source, parsed: { ok: false, reason: parsed.reason } };
  const { reply, missing, inferred, differing, warnings, reading } = parsed;
  return { source, parsed: { ok: true, reply, missing, inferred, differing, warnings, found: foundFields(reading) } };
}

/**
 * An ImportRead as a message between threads carries plain data only: the
 * doc number travels as its text and is made a DocNumber again here.
 */
export function toWire(read: ImportRead): unknown {
  if (!read.parsed?.ok) return read;
  const { reply } = read.parsed;
  return { ...read, parsed: { ...read.parsed, reply: { ...reply, docNumber: reply.docNumber?.toString() ?? null } } };
}

export function fromWire(message: unknown): ImportRead {
  const read = message as ImportRead;
  if (!read.parsed?.ok) return read;
  const docNumber = read.parsed.reply.docNumber as unknown as string | null;
  return { ...read, parsed: { ...read.parsed, reply: { ...read.parsed.reply, docNumber: docNumber === null ? null : DocNumber.parse(docNumber) } } };
}
