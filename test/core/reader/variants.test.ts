import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../src/read/text.js';
import { readReply, type Reading } from '../../../src/core/reader/read.js';
import { EXPECTED, WILD_FILES, wild } from '../../helpers/wild.js';
import { fieldsOf } from './wild.test.js';

/**
 * Each real reply made over the way other copies of it come: with the
 * full-width punctuation of the original, its title broken over two lines,
 * its info table printed below the reply instead of above, in GBK. Every
 * variant must read to the same fields.
 */

/** The original's punctuation: ASCII , ; : ! ( ) set full width, but for readings injected by a mirror (zhèn) and clock times. */
function fullWidth(text: string): string {
  return text
    .replace(/\(([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,8})\)/gu, '\u0001$1\u0002')
    .replace(/,/g, '，')
    .replace(/;/g, '；')
    .replace(/!/g, '！')
    .replace(/(?<!\d):|:(?!\d)/g, '：')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/\u0001/g, '(')
    .replace(/\u0002/g, ')');
}

/** The title's first line broken in two, before its last third. */
function titleOnTwoLines(text: string): string | undefined {
  const r = readReply(text);
  if (!r.title || r.title.lines.length !== 1) return undefined;
  const lines = text.split('\n');
  const at = r.title.line - 1;
  const title = lines[at]!;
  // Break at a character, never inside a number.
  let cut = Math.floor((title.length * 2) / 3);
  while (cut > 1 && /\d/.test(title[cut - 1]! + title[cut]!)) cut--;
  lines.splice(at, 1, title.slice(0, cut), title.slice(cut));
  return lines.join('\n');
}

/** The info table's lines taken from above the reply and printed below it. */
function infoTableBelow(text: string): string | undefined {
  const r = readReply(text);
  if (r.info.lines.size === 0) return undefined;
  const lines = text.split('\n');
  const table = lines.filter((_, i) => r.info.lines.has(i + 1));
  return [...lines.filter((_, i) => !r.info.lines.has(i + 1)), '', ...table].join('\n');
}

/** Each wild reply the variant applies to, read: the same fields as the reply as copied, and what else the variant must keep. */
function readsTheSame(variant: (text: string) => string | undefined, also: (r: Reading) => void = () => {}): void {
  for (const file of WILD_FILES) {
    const text = variant(wild(file));
    if (text === undefined) continue;
    it(file.slice(0, 2), () => {
      const r = readReply(text);
      expect(fieldsOf(r)).toEqual(EXPECTED[file]);
      also(r);
    });
  }
}

const applies = (variant: (text: string) => string | undefined) => WILD_FILES.filter((f) => variant(wild(f)) !== undefined).length;

describe('each real reply with the full-width punctuation of its original reads the same', () => {
  readsTheSame(fullWidth, (r) => expect(r.normalised).toBe(false));
});

describe('each real reply with its title on two lines reads the same', () => {
  it('covers every reply with a one-line title', () => expect(applies(titleOnTwoLines)).toBeGreaterThanOrEqual(14));
  readsTheSame(titleOnTwoLines, (r) => expect(r.title?.lines).toHaveLength(2));
});

describe('each real reply with its info table printed below it reads the same', () => {
  it('covers every reply with an info table', () => expect(applies(infoTableBelow)).toBeGreaterThanOrEqual(10));
  readsTheSame(infoTableBelow, (r) => expect(r.body.map((p) => p.text).join('\n')).not.toMatch(/索引号|索引號/u));

  it('still reads the doc number from a table below the reply (10)', () => {
    const r = readReply(infoTableBelow(wild('10_yunnan-wuding-nyncj-rd-53-2020.txt'))!);
    expect(r.docNumber?.value.toString()).toBe('武农复〔2020〕11号');
  });
});

describe('each real reply saved in GBK reads the same', () => {
  for (const file of WILD_FILES) {
    it(file.slice(0, 2), async () => {
      const text = wild(file);
      const bytes = iconv.encode(text, 'gbk');
      // GBK has every Chinese character of these copies (a bullet • it has not: it becomes ?).
      const han = (s: string) => s.replace(/[^\p{Script=Han}]/gu, '');
      expect(han(iconv.decode(bytes, 'gbk'))).toBe(han(text));
      const decoded = await decodeText(bytes);
      if (!decoded.ok) throw new Error(decoded.reason);
      expect(decoded.encoding).toBe('gb18030');
      expect(fieldsOf(readReply(decoded.text))).toEqual(EXPECTED[file]);
    });
  }
});
