import type { MessageKey } from '../messages/zh-CN.js';
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';
import { codeOf } from '../core/characters.js';
import { EXTENSIONS } from './extensions.js';
import type { FormatRead, FormatReader } from './format.js';

/**
 * Text in UTF-8 or, as older Chinese files often are, in GB18030 (a superset
 * of GBK and GB2312). Bytes that are neither are not text. At once, not awaited:
 * a body or an answers file is read by it where no await can stand (iconv-lite
 * is loaded with this module, ~5 ms, by the commands that read files only).
 */
export function decodeText(
  bytes: Uint8Array,
): { ok: true; text: string; encoding: string } | { ok: false; reason: MessageKey; params?: TextPlace } {
  if (bytes.includes(0)) return { ok: false, reason: 'import.binary' };
  let text: string;
  let encoding = 'utf-8';
  if (isUtf8(bytes)) {
    // Checked natively, then decoded: ~25 µs less a file than a fatal TextDecoder (which also dropped one BOM).
    text = utf8Of(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  } else {
    text = iconv.decode(Buffer.from(bytes), 'gb18030');
    encoding = 'gb18030';
    if (text.includes('\uFFFD')) return { ok: false, reason: 'import.notEncoded', params: badPlace(bytes, text, (t) => iconv.encode(t, 'gb18030').length) };
  }
  text = text.replace(/^\uFEFF/, '');
  const control = /[\u0001-\u0008\u000E-\u001F]/u.exec(text);
  if (control) {
    const at = place(text, control.index);
    // The byte is counted in the file, whose BOM the text no longer has.
    const bom = encoding === 'utf-8' && bytes[0] === 0xef ? 3 : 0;
    return { ok: false, reason: 'import.controlAt', params: { ...at, byte: at.byte + bom, code: codeOf(control[0]) } };
  }
  if (!text.trim()) return { ok: false, reason: 'import.empty' };
  return { ok: true, text, encoding };
}

/** Plain text and Markdown: the text as it is, its lines in order. */
export function textReader(format: 'txt' | 'md'): FormatReader {
  return { format, extensions: EXTENSIONS[format], read: async (bytes): Promise<FormatRead> => decodeText(bytes) };
}

/** Where in a text file a reader stopped: its line and character, counted from 1, and the byte. */
export interface TextPlace {
  readonly [name: string]: number | string;
  readonly line: number;
  readonly column: number;
  readonly byte: number;
}

/**
 * Where bytes that are neither UTF-8 nor GB18030 first go wrong. A file with UTF-8 Chinese before
 * its first bad byte was written as UTF-8 and damaged there; one without was meant as GB18030, and
 * goes wrong where that decoding does.
 */
function badPlace(bytes: Uint8Array, asGb: string, gbLength: (text: string) => number): TextPlace {
  const asUtf8 = utf8Of(bytes);
  const bad = asUtf8.indexOf('\uFFFD');
  const before = asUtf8.slice(0, bad);
  return /[^\u0000-\u007F]/u.test(before) ? place(asUtf8, bad) : place(asGb, asGb.indexOf('\uFFFD'), gbLength);
}

/** The line and character of a text's index, and the byte it starts at in the file. */
function place(text: string, index: number, byteLength = (t: string) => Buffer.byteLength(t, 'utf8')): TextPlace {
  const before = text.slice(0, index);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: [...before.slice(lineStart)].length + 1, byte: byteLength(before) + 1 };
}

/** The bytes read as UTF-8, a bad sequence as U+FFFD, without a copy. */
const utf8Of = (bytes: Uint8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
