import { extname } from 'node:path';
import { docReader, rtfReader, wpsReader } from './doc.js';
import { docxReader } from './docx.js';
import type { FormatReader } from './format.js';
import { htmlReader } from './html.js';
import { mhtReader } from './mht.js';
import { imageReader } from './ocr.js';
import { odtReader } from './odt.js';
import { ofdReader } from './ofd.js';
import { pdfReader } from './pdf.js';
import { textReader } from './text.js';

export type { FormatRead, FormatReader } from './format.js';

/** Every format import and check read, one reader each. */
const READERS: readonly FormatReader[] = [textReader('txt'), textReader('md'), docxReader, docReader, wpsReader, rtfReader, htmlReader, mhtReader, odtReader, ofdReader, pdfReader, imageReader];

const BY_EXTENSION = new Map(READERS.flatMap((r) => r.extensions.map((ext) => [ext, r] as const)));

/** The reader of a file by its extension, or undefined. */
export function readerFor(file: string): FormatReader | undefined {
  return BY_EXTENSION.get(extname(file).toLowerCase());
}

export { READABLE_EXTENSIONS } from './extensions.js';
