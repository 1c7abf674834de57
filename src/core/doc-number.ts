import { fieldError } from './errors.js';

/**
 * 发文字号: organ prefix, year and serial, always printed as 普发改委〔2023〕16号.
 * Instances are only made through `of` / `parse`, so a DocNumber in hand is valid.
 */
export class DocNumber {
  private constructor(
    readonly prefix: string,
    readonly year: number,
    readonly seq: number,
  ) {}

  static of(prefix: string, year: number, seq: number): DocNumber {
    const p = prefix.trim();
    if (!PREFIX.test(p)) throw fieldError('doc-number', 'docNumber.badPrefix', { value: prefix });
    if (!Number.isInteger(year) || year < MIN_YEAR || year > MAX_YEAR) {
      throw fieldError('doc-number', 'docNumber.badYear', { value: String(year) });
    }
    if (!Number.isInteger(seq) || seq < 1 || seq > MAX_SEQ) {
      throw fieldError('doc-number', 'docNumber.badSeq', { value: String(seq) });
    }
    return new DocNumber(p, year, seq);
  }

  /**
   * Reads the forms clerks type: 普发改委〔2023〕16号, 普发改委[2023]16号,
   * 【】 or () brackets, an optional 第, the year without brackets before 年,
   * a dash or a space (普发改委2023年16号, 普发改委 2023 16), and the short
   * 2023-16 (or 2023/16, 2023年16号) which takes the configured prefix.
   */
  static parse(input: string, defaultPrefix?: string): DocNumber {
    const text = input.trim();
    const short = SHORT.exec(text);
    if (short) {
      if (!defaultPrefix) throw fieldError('doc-number', 'docNumber.noPrefix', { value: input });
      return DocNumber.of(defaultPrefix, Number(short[1]), typedSeq(short[2]!));
    }
    const full = FULL.exec(text) ?? UNBRACKETED.exec(text);
    if (!full) throw fieldError('doc-number', 'docNumber.unreadable', { value: input });
    const prefix = full[1] || defaultPrefix;
    if (!prefix) throw fieldError('doc-number', 'docNumber.noPrefix', { value: input });
    return DocNumber.of(prefix, Number(full[2]), typedSeq(full[3]!));
  }

  /** True when the text looks like a doc number rather than, say, a numeric id. */
  static looksLike(input: string): boolean {
    const text = input.trim();
    return SHORT.test(text) || FULL.test(text) || UNBRACKETED.test(text);
  }

  equals(other: DocNumber): boolean {
    return this.prefix === other.prefix && this.year === other.year && this.seq === other.seq;
  }

  toString(): string {
    return `${this.prefix}〔${this.year}〕${this.seq}号`;
  }

  toJSON(): { text: string; prefix: string; year: number; seq: number } {
    return { text: this.toString(), prefix: this.prefix, year: this.year, seq: this.seq };
  }
}

const MIN_YEAR = 1949;
const MAX_YEAR = 2999;
/** The largest serial an archive holds (and the allocator gives). */
export const MAX_SEQ = 99999;
/**
 * The largest serial read from what a person typed or a file says: no organ gives ten thousand numbers
 * of one prefix in a year, so 2023-99999 is a slip, and taking it would leave the allocator nowhere to go.
 */
export const MAX_TYPED_SEQ = 9999;

function typedSeq(digits: string): number {
  const seq = Number(digits);
  if (seq > MAX_TYPED_SEQ) throw fieldError('doc-number', 'docNumber.seqTooLarge', { value: digits, max: MAX_TYPED_SEQ });
  return seq;
}
/** An organ's 代字: Chinese characters, possibly with Latin letters; no brackets, digits or spaces. */
const PREFIX = /^[\p{Script=Han}A-Za-z·]{1,20}$/u;
/**
 * The brackets a doc number's year is printed in, as character classes: 〔〕
 * is right, copies print [] 【】 () （） ［］; a layout that only looks like a
 * number may use 〈〉 <> {} too. One home for them: the parser, the reader and
 * the checker all build on these.
 */
export const YEAR_OPEN = '〔[【(（［';
export const YEAR_CLOSE = '〕\\]】)）］';
export const YEAR_OPEN_LOOSE = `${YEAR_OPEN}〈<{｛`;
export const YEAR_CLOSE_LOOSE = `${YEAR_CLOSE}〉>}｝`;
const FULL = new RegExp(`^([\\p{Script=Han}A-Za-z·]*)\\s*[${YEAR_OPEN}]\\s*(\\d{4})\\s*[${YEAR_CLOSE}]\\s*第?\\s*(\\d{1,5})\\s*号?$`, 'u');
const SHORT = /^(\d{4})\s*[-/]\s*(\d{1,5})$/;
/** The year not in brackets: it ends at 年, a dash or a space, and 号 ends the serial (普发改委2023年16号, 普发改委 2023 16). */
const UNBRACKETED = /^([\p{Script=Han}A-Za-z·]*?)\s*(\d{4})\s*(?:年|[-/]|\s)\s*第?\s*(\d{1,5})\s*号?$/u;
