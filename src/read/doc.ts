import type { MessageKey } from '../messages/zh-CN.js';
import { superscript } from '../core/numerals.js';
import { EXTENSIONS } from './extensions.js';
import type { FormatRead, FormatReader } from './format.js';

/**
 * Word 97–2003 (.doc), a compound file, through word-extractor (pure
 * JavaScript, loaded on first use). Footnotes are kept: they follow the body
 * as the tolerant reader expects a published copy to print them, each with
 * its superscript number. A compound file word-extractor cannot read (Word 6,
 * a damaged one) is left to LibreOffice.
 */
export const docReader: FormatReader = {
  format: 'doc',
  extensions: EXTENSIONS.doc,
  read: (bytes) => readWordFile(bytes, 'import.badDoc'),
};

/**
 * WPS Office's .wps: its files since WPS 2005 are Word 97 compound files,
 * read as .doc; its own older format is left to LibreOffice.
 */
export const wpsReader: FormatReader = {
  format: 'wps',
  extensions: EXTENSIONS.wps,
  read: (bytes) => readWordFile(bytes, 'import.badWps'),
};

/** Rich Text (.rtf), which LibreOffice reads. */
export const rtfReader: FormatReader = {
  format: 'rtf',
  extensions: EXTENSIONS.rtf,
  read: async (bytes) =>
    bytes.subarray(0, 5).toString('latin1') === '{\\rtf' ? { ok: false, reason: 'import.badRtf', convert: true } : { ok: false, reason: 'import.badRtf' },
};

async function readWordFile(bytes: Buffer, bad: MessageKey): Promise<FormatRead> {
  // Every compound file starts so; anything else is no Word file (a renamed .docx or text is refused, not guessed).
  if (!bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) return { ok: false, reason: bad };
  try {
    const { default: WordExtractor } = await import('word-extractor');
    const document = await new WordExtractor().extract(bytes);
    const body = document.getBody().replace(/\r\n?/gu, '\n');
    const notes = document
      .getFootnotes()
      .split(/\r?\n/u)
      .map((n) => n.trim())
      .filter(Boolean)
      .map((n, i) => `${superscript(i + 1)} ${n}`);
    const text = [body.trimEnd(), ...notes].join('\n');
    if (!text.trim()) return { ok: false, reason: 'import.empty' };
    return { ok: true, text: text + '\n', encoding: 'utf-8' };
  } catch {
    return { ok: false, reason: bad, convert: true };
  }
}
