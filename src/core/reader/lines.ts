import { withoutForbidden } from '../characters.js';

/**
 * The lines a reader works on. A format reader may say how a line was set
 * (centred, right-aligned, bold); plain text gives only order and indentation.
 */
export interface SourceLine {
  readonly text: string;
  readonly align?: 'left' | 'center' | 'right';
  readonly bold?: boolean;
  /** Font size in points, where the format knows it. */
  readonly size?: number;
}

export interface Line {
  /** 1-based line number in the source. */
  readonly n: number;
  /** The text without surrounding blanks, Markdown heading marks or invisible characters. */
  readonly text: string;
  /** Leading blanks in the source (a signature block is often set far right by spaces). */
  readonly indent: number;
  readonly align?: 'left' | 'center' | 'right';
  readonly bold?: boolean;
}

/** The largest text a reader takes: a reply is a few pages; a 2 MB file is not one. */
export const MAX_TEXT = 2_000_000;
/** Lines longer than this are cut: no line of a reply is, and a regex never sees more. */
export const MAX_LINE = 20_000;

const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/gu;
/** What a line may need cleaning of: the invisible characters and the wide blanks. */
const UNCLEAN = /[\u200B-\u200D\u2060\uFEFF\u00AD\u00A0\u3000\t]/;

/** The lines that carry text, numbered as in the source; blank lines and Markdown rules are dropped. */
export function toLines(input: string | readonly SourceLine[]): Line[] {
  const source: readonly SourceLine[] =
    typeof input === 'string'
      ? input.slice(0, MAX_TEXT).replace(/\r\n?/g, '\n').split('\n').map((text) => ({ text }))
      : input;
  const out: Line[] = [];
  source.forEach((s, i) => {
    // Control characters, direction overrides and noncharacters of a copied page carry no text.
    const cut = withoutForbidden(s.text.slice(0, MAX_LINE));
    // Each test and replace reads the whole line, and most lines of a reply need none of them.
    const raw = UNCLEAN.test(cut) ? cut.replace(INVISIBLE, '').replace(/[\u00A0\u3000\t]/gu, ' ') : cut;
    const text = raw.replace(/^\s*#{1,6}\s+/u, '').trim();
    if (text === '' || /^(-{3,}|\*{3,}|_{3,})$/.test(text)) return;
    out.push({
      n: i + 1,
      text,
      indent: raw.length - raw.trimStart().length,
      ...(s.align ? { align: s.align } : {}),
      ...(s.bold ? { bold: s.bold } : {}),
    });
  });
  return out;
}

/** Chinese characters, traditional ones included. */
export const HAN = /\p{Script=Han}/u;

/** An injected pinyin reading of a mirror site: 會(huì) → 會. */
export const PINYIN = /\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{1,8}\)/gu;

export function withoutPinyin(text: string): string {
  return text.replace(PINYIN, '');
}

/** The text with the blanks between Chinese characters taken out (答 复 → 答复, 联 系 人 → 联系人). */
export function closeUp(text: string): string {
  return text.replace(/(?<=[\p{Script=Han}])[ \t]+(?=[\p{Script=Han}])/gu, '');
}

/** The form a finder matches on: no pinyin, no blanks between characters. */
export function matchForm(text: string): string {
  return closeUp(withoutPinyin(text));
}
