import { readFileSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { ReplyError } from '../core/errors.js';
import { bodyOfDocument } from '../core/published.js';
import { readerFor } from '../read/index.js';
import { decodeText } from '../read/text.js';
import { readSource } from './sources.js';

/** Reads a UTF-8 text file (a BOM is dropped), a relative path from `base`; "-" reads standard input. */
export function readText(file: string, base: string): string {
  let bytes: Buffer;
  try {
    bytes = file === '-' ? readFileSync(0) : readFileSync(resolve(base, file));
  } catch {
    throw new ReplyError('file.unreadable', { file });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new ReplyError('file.notUtf8', { file });
  }
}

/**
 * A reply's body from a file: text and Markdown as they are (UTF-8, or
 * GB18030 as older files are), "-" from standard input; a file of any other
 * format the tool reads (a Word file the leader signed off, a PDF) through
 * its reader, its body taken from it when it is a whole reply.
 */
export async function readBodyFile(file: string, base: string): Promise<string> {
  const ext = extname(file).toLowerCase();
  if (file === '-' || ext === '.txt' || ext === '.md' || !readerFor(file)) {
    if (file === '-' || !readerFor(file)) return readText(file, base);
    let bytes: Buffer;
    try {
      bytes = readFileSync(resolve(base, file));
    } catch {
      throw new ReplyError('file.unreadable', { file });
    }
    const text = await decodeText(bytes);
    // An empty file is an empty body, refused as such by the command.
    if (!text.ok && text.reason === 'import.empty') return '';
    if (!text.ok) throw new ReplyError('file.notText', { file, reasonKey: text.reason });
    return text.text;
  }
  const source = await readSource(resolve(base, file));
  if (!source.ok) throw new ReplyError('file.notText', { file, reasonKey: source.reason });
  return bodyOfDocument(source.lines ?? source.text);
}
