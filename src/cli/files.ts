import { readFileSync } from 'node:fs';
import { ReplyError } from '../core/errors.js';

/** Reads a UTF-8 text file (a BOM is dropped); "-" reads standard input. */
export function readText(file: string): string {
  let bytes: Buffer;
  try {
    bytes = file === '-' ? readFileSync(0) : readFileSync(file);
  } catch {
    throw new ReplyError('file.unreadable', { file });
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    throw new ReplyError('file.notUtf8', { file });
  }
}
