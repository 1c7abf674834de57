import { resolve } from 'node:path';
import { ReplyError } from '../core/errors.js';
import { bodyOfDocument } from '../core/published.js';
import { FILE_ERRORS, readRegularFile, readUpTo } from '../read/file.js';
import { readerFor } from '../read/index.js';
import { decodeText } from '../read/text.js';
import { readSource } from './sources.js';

/**
 * Reads a text file, a relative path from `base`, "-" standard input: UTF-8 (a BOM is dropped) or GB18030, as
 * import reads one. An empty text is '' (the command says what is missing).
 */
export function readText(file: string, base: string): string {
  const read = file === '-' ? readUpTo(0) : readRegularFile(resolve(base, file));
  if (!read.ok) throw new ReplyError(FILE_ERRORS[read.reason], { file });
  const decoded = decodeText(read.bytes);
  if (decoded.ok) return decoded.text;
  if (decoded.reason === 'import.empty') return '';
  throw new ReplyError('file.notText', { ...decoded.params, file, reasonKey: decoded.reason });
}

/**
 * A reply's body from a file: text and Markdown as they are (UTF-8, or
 * GB18030 as older files are), "-" from standard input and a file of no known
 * extension as text too; a file of any other format the tool reads (a Word
 * file the leader signed off, a PDF) through its reader, its body taken from
 * it when it is a whole reply.
 */
export async function readBodyFile(file: string, base: string): Promise<string> {
  const reader = file === '-' ? undefined : readerFor(file);
  if (!reader) return readText(file, base);
  const asWritten = reader.format === 'txt' || reader.format === 'md';
  const source = await readSource(resolve(base, file));
  if (!source.ok && source.reason === 'import.notFound') throw new ReplyError('file.notFound', { file });
  if (!source.ok && source.reason === 'import.unreadable') throw new ReplyError('file.unreadable', { file });
  // An empty text is an empty body, refused as such by the command.
  if (!source.ok && asWritten && source.reason === 'import.empty') return '';
  if (!source.ok) throw new ReplyError('file.notText', { ...source.params, file, reasonKey: source.reason });
  return asWritten ? source.text : bodyOfDocument(source.lines ?? source.text);
}

