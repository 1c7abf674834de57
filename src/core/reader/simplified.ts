import * as OpenCC from 'opencc-js/t2cn';
import { TRADITIONAL } from './traditional.js';

/**
 * Traditional characters read as simplified, for matching only: a record
 * keeps what was printed. Mirror sites convert whole pages to traditional
 * script (發文字號, 會議, 答復); the finders match the simplified form.
 */
// Made on first use (its tries take ~10 ms to build): the archive reaches this module on every write.
let converter: ((text: string) => string) | undefined;
const convert = (text: string) => (converter ??= OpenCC.Converter({ from: 't', to: 'cn' }))(text);
// Converting costs ~0.1 ms a line of a reply, and most replies hold no traditional character at all:
// only a line that holds one is converted (measured: the reader 0.7 → 0.1 ms a corpus reply).
// A table by code unit: a regex with a class of 3,000 characters took a third of the reader's time.
const FIRST = 0x3400;
const TABLE = new Uint8Array(0xa000 - FIRST);
for (let i = 0; i < TRADITIONAL.length; i++) TABLE[TRADITIONAL.charCodeAt(i) - FIRST] = 1;

function hasTraditional(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i) - FIRST;
    if (c >= 0 && c < TABLE.length && TABLE[c] === 1) return true;
  }
  return false;
}

/**
 * What search finds a text in written in traditional script: the simplified
 * form of its title, proposers and body, so that a simplified query finds a
 * mirror's 龍陵縣教育體育局; null when the text holds no traditional character.
 */
export function searchShadow(text: string): string | null {
  return hasTraditional(text) ? convert(text) : null;
}

/** The simplified form of a text, character for character (a conversion that changes the length is not taken). */
export function simplified(text: string): string {
  if (!hasTraditional(text)) return text;
  const out = convert(text);
  return out.length === text.length ? out : text;
}
