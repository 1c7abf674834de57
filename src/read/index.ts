import { extname } from 'node:path';
import { docReader } from './doc.js';
import { docxReader } from './docx.js';
import type { FormatReader } from './format.js';
import { htmlReader } from './html.js';
import { textReader } from './text.js';

export type { FormatRead, FormatReader } from './format.js';

/** Every format import and check read, one reader each. */
const READERS: readonly FormatReader[] = [textReader('txt', ['.txt']), textReader('md', ['.md']), docxReader, docReader, htmlReader];

const BY_EXTENSION = new Map(READERS.flatMap((r) => r.extensions.map((ext) => [ext, r] as const)));

/** The reader of a file by its extension, or undefined. */
export function readerFor(file: string): FormatReader | undefined {
  return BY_EXTENSION.get(extname(file).toLowerCase());
}
