import { plainText, type Block, type BodyTree, type Inline } from '../core/body.js';
import { replyParts, type Printing } from '../core/reply-parts.js';
import { classificationLines, type ReplyFields } from '../core/reply.js';
import type { DocStyle } from '../core/style.js';
import { BLOCK_HEIGHT, headOf, PITCH, type Head } from './head.js';

/**
 * The page layout every paged render shares (DOCX, the PDF made from it, and
 * the HTML printed by a browser), as pure functions: how wide a text is, where
 * its lines break, where a long title wraps, and how many pages a reply takes
 * on the GB/T 9704 grid of 22 lines of 28 characters.
 *
 * Widths are in points. A line of the text block is 156 mm (442.25 pt, the
 * DOCX's 8845 twips); body text is 3号 (16 pt) condensed by 0.25 pt, so 28
 * full-width characters (441 pt) fit a line and 29 do not.
 */
export const LINES_PER_PAGE = 22;
export const CHARS_PER_LINE = 28;
export const BLOCK_WIDTH_PT = 8845 / 20;
/** 3号, 4号 and 2号 in points; the condensing of body text. */
export const BODY_SIZE = 16;
export const SMALL_SIZE = 14;
export const TITLE_SIZE = 22;
export const CONDENSE_PT = -0.25;

export interface Font {
  /** Font size in points. */
  readonly size: number;
  /** Added after every character (letter-spacing), in points. */
  readonly spacing: number;
}
export const BODY: Font = { size: BODY_SIZE, spacing: CONDENSE_PT };
export const SMALL: Font = { size: SMALL_SIZE, spacing: 0 };
export const TITLE: Font = { size: TITLE_SIZE, spacing: 0 };

/**
 * Advance widths of Times New Roman (and its metric twin Liberation Serif)
 * for printable ASCII, in 1/1000 em: Latin letters and digits are set in it.
 */
const TIMES = [
  250, 333, 408, 500, 500, 833, 778, 180, 333, 333, 500, 564, 250, 333, 250, 278, // space ! " # $ % & ' ( ) * + , - . /
  500, 500, 500, 500, 500, 500, 500, 500, 500, 500, 278, 278, 564, 564, 564, 444, // 0–9 : ; < = > ?
  921, 722, 667, 667, 722, 611, 556, 722, 722, 333, 389, 722, 611, 889, 722, 722, // @ A–O
  556, 722, 667, 556, 611, 722, 722, 944, 722, 722, 611, 333, 278, 333, 469, 500, // P–Z [ \ ] ^ _
  333, 444, 500, 444, 500, 444, 333, 500, 500, 278, 278, 500, 278, 778, 500, 500, // ` a–o
  500, 500, 333, 389, 278, 500, 500, 722, 500, 500, 444, 480, 200, 480, 541, // p–z { | } ~
];

/** A footnote reference in a text measured or broken here: one character, U+E000 + its number. */
export const FOOTNOTE_MARK = 0xe000;
export const footnoteMark = (n: number) => String.fromCodePoint(FOOTNOTE_MARK + n);
const isFootnoteMark = (code: number) => code >= FOOTNOTE_MARK && code < FOOTNOTE_MARK + 0x100;

/**
 * The width of one character in ems: Latin letters, digits and ASCII
 * punctuation by Times New Roman's metrics (digits ½), a footnote reference
 * as a superscript digit, everything else full width (CJK, Chinese
 * punctuation, and “ ” — … which take the Chinese font).
 */
export function charEm(ch: string): number {
  const code = ch.codePointAt(0)!;
  if (code >= 0x20 && code <= 0x7e) return TIMES[code - 0x20]! / 1000;
  if (code < 0x20) return 0;
  if (isFootnoteMark(code)) return 0.29 * String(code - FOOTNOTE_MARK).length;
  return 1;
}

/**
 * Latin (ASCII, set in the Latin font), a footnote reference, or Chinese.
 * Quotes, dashes and ellipses of general punctuation are "weak": they take
 * the script of the character before them (“10”的” sets its closing quote in
 * the Latin font), as LibreOffice does.
 */
type Script = 'latin' | 'mark' | 'cjk';
const WEAK = /[\u00b7\u2010-\u206f]/u;
/** Times New Roman's widths of the weak characters when they are set in it. */
const TIMES_WEAK: Record<string, number> = { '“': 0.444, '”': 0.444, '‘': 0.333, '’': 0.333, '·': 0.25 };
function scriptOf(ch: string, before: Script | undefined): Script {
  const code = ch.codePointAt(0)!;
  if (code <= 0x7e) return 'latin';
  if (isFootnoteMark(code)) return 'mark';
  return WEAK.test(ch) && before === 'latin' ? 'latin' : 'cjk';
}
function advance(ch: string, script: Script): number {
  return script === 'latin' && WEAK.test(ch) ? (TIMES_WEAK[ch] ?? 1) : charEm(ch);
}

const IDEOGRAPH = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
const ALNUM = /[A-Za-z0-9]/;

/**
 * The space set between a Chinese character and a Latin letter or digit next
 * to it (the "autospace" of LibreOffice and of Word's defaults): a fifth of
 * the font size.
 */
function autospace(a: string, b: string, font: Font): number {
  return (IDEOGRAPH.test(a) && ALNUM.test(b)) || (ALNUM.test(a) && IDEOGRAPH.test(b)) ? font.size / 5 : 0;
}

/**
 * Measures a line as LibreOffice sets it: characters run in runs of one
 * script (Chinese, Latin); the condensing goes between the characters of a
 * run, not after a run's last one; an autospace separates a Chinese
 * character from a Latin letter or digit.
 */
class Measure {
  width = 0;
  private prev = '';
  private script: Script | undefined;
  /** `before`: the character before the line, whose script a weak character at its start takes. */
  constructor(private readonly font: Font, before = '') {
    if (before) this.script = scriptOf(before, undefined);
  }

  /** The width once `text` is added. */
  with(text: string): number {
    return this.run(text).width;
  }

  add(text: string): void {
    Object.assign(this, this.run(text));
  }

  private run(text: string): { width: number; prev: string; script: Script | undefined } {
    let { width, prev, script } = this;
    for (const ch of text) {
      const next = scriptOf(ch, script);
      if (prev) width += script === next ? this.font.spacing : autospace(prev, ch, this.font);
      // LibreOffice lays text out in twips: each advance is a whole number of them.
      width += Math.round(advance(ch, next) * this.font.size * 20) / 20;
      prev = ch;
      script = next;
    }
    return { width, prev, script };
  }
}

/** The width of a text in points, in a font, as one line. */
export function textWidth(text: string, font: Font = BODY): number {
  return new Measure(font).with(text);
}

/** Width in ems of the body size, CJK 1 and Latin about ½ (the 28-character count of a line). */
export function emWidth(text: string): number {
  return textWidth(text, { size: 1, spacing: 0 });
}

/**
 * Line-breaking rules for Chinese (zh-CN), as LibreOffice applies them to the
 * DOCX and Word does with its defaults (measured: see
 * test/render/layout.test.ts). Sentence and pause marks hang past the line's
 * end rather than begin the next line; closing brackets and quotes may not
 * begin a line (the character before moves down with them); opening ones may
 * not end a line.
 */
const HANGING = new Set([...'，。、：；？！,.:;?!']);
const NOT_AT_START = new Set([...HANGING, ...'）》」』】〕〉〗”’·)]}']);
const NOT_AT_END = new Set([...'（《「『【〔〈〖“‘([{']);
/**
 * What never splits: a run of Latin letters, digits and ASCII marks (a
 * number, 3+5+X, [^1]), which may break only after a hyphen (2021-|2023)
 * or a slash before a letter (AR/|VR/|MR) inside it, and a dash of two em
 * dashes. Everything else is one character.
 */
const UNIT = /[!-~]+?(?:-(?=[A-Za-z0-9])|\/(?=[A-Za-z])|(?=[^!-~])|$)|——|\s+|./gsu;
const LATIN_UNIT = /^[!-~]/;

export interface Wrap {
  /** Room on the first line and on the others, in points (after indents). */
  readonly first: number;
  readonly rest: number;
  readonly font: Font;
}

/** The body's wrap: a 2-character first-line indent (2 × 16 pt, not condensed) on the 442.25 pt line. */
export const BODY_WRAP: Wrap = { first: BLOCK_WIDTH_PT - 2 * BODY_SIZE, rest: BLOCK_WIDTH_PT, font: BODY };

/**
 * Breaks a text into lines as LibreOffice lays out the DOCX: a line takes
 * units while they fit; a hanging mark that does not fit stays at the line's
 * end (unless a closing mark follows it); otherwise the break moves back
 * until the next line begins with no closing mark and this one ends with no
 * opening mark. Spaces at a break take no room.
 */
export function breakLines(text: string, wrap: Wrap): string[] {
  const units = text.match(UNIT) ?? [];
  const blank = (i: number) => /^\s+$/u.test(units[i]!);
  const lines: string[] = [];
  let start = 0;
  while (start < units.length) {
    while (start < units.length && blank(start) && lines.length) start++;
    if (start >= units.length) break;
    const room = (lines.length === 0 ? wrap.first : wrap.rest) + 0.01;
    const line = new Measure(wrap.font, start ? last(units[start - 1]!) : '');
    let i = start;
    for (; i < units.length; i++) {
      if (!blank(i) && line.with(units[i]!) > room) break;
      line.add(units[i]!);
    }
    if (i >= units.length) {
      lines.push(units.slice(start).join(''));
      break;
    }
    let end: number;
    const previous = lines[lines.length - 1];
    const before = i > start ? last(units[i - 1]!) : '';
    if (previous && ALNUM.test(last(previous)) && LATIN_UNIT.test(units[i]!) && before && !IDEOGRAPH.test(before) && !ALNUM.test(before)) {
      // LibreOffice's quirk: on a line that follows one ending in a Latin letter or digit, a number or word
      // after a Chinese mark that does not fit keeps its first character on the line (重大项目。2|019年).
      const chars = [...units[i]!];
      if (chars.length > 1 && line.with(chars[0]!) <= room) {
        units.splice(i, 1, chars[0]!, chars.slice(1).join(''));
        lines.push(units.slice(start, i + 1).join(''));
        start = i + 1;
        continue;
      }
    }
    if (i === start) {
      // A unit wider than a line (a long address or URL) breaks where the line fills.
      const chars = [...units[i]!];
      let k = 1;
      while (k < chars.length && textWidth(chars.slice(0, k + 1).join(''), wrap.font) <= room) k++;
      units.splice(i, 1, chars.slice(0, k).join(''), chars.slice(k).join(''));
      end = i + 1;
    } else if (
      HANGING.has(units[i]!) &&
      (i + 1 >= units.length || !NOT_AT_START.has(first(units[i + 1]!))) &&
      // After a number or a Latin word the mark belongs to its run: it does not hang (…增长|39.89%，).
      !LATIN_UNIT.test(units[i - 1]!)
    ) {
      end = i + 1;
    } else {
      end = i;
      // After a slash in a Latin run (AR/|VR/|MR) a break is taken only before the character that does not fit, not at it.
      if (LATIN_UNIT.test(units[i]!) && last(units[i - 1]!) === '/' && line.with(first(units[i]!)) > room) end = i - 1;
      while (end > start && (NOT_AT_START.has(first(units[end]!)) || NOT_AT_END.has(last(units[end - 1]!)))) end--;
      if (end === start) end = i;
    }
    lines.push(units.slice(start, end).join('').trimEnd());
    start = end;
  }
  return lines.length ? lines : [''];
}

/** True when a line of breakLines is wider than its room: its last character, a sentence mark, hangs past the end. */
export function hangs(line: string, wrap: Wrap, firstLine: boolean): boolean {
  return HANGING.has(last(line)) && textWidth(line, wrap.font) > (firstLine ? wrap.first : wrap.rest) + 0.01;
}

const first = (s: string) => [...s][0] ?? '';
const last = (s: string) => [...s].pop() ?? '';

/** The text of a body block as the paged renders set it, a footnote reference as footnoteMark(n). */
export function blockText(block: Block): string {
  return block.type === 'paragraph'
    ? plainText(block.inlines, footnoteMark)
    : block.marker.raw + plainText(block.title, footnoteMark) + plainText(block.rest, footnoteMark);
}

/** The footnote numbers referred to in a line of blockText. */
export function footnotesIn(line: string): number[] {
  return [...line].map((ch) => ch.codePointAt(0)!).filter(isFootnoteMark).map((code) => code - FOOTNOTE_MARK);
}

/**
 * Where a title longer than a line breaks: at a meaningful point, never inside
 * a number, a 第…号 or a 《…》. Best before 第N号 (where the title has a
 * space), then after 的, before 关于, after a pause mark; between other
 * characters only when nothing else fits. Among the breaks that give the
 * fewest lines, the one whose lines are the most even wins.
 */
export function titleLines(title: string, width = BLOCK_WIDTH_PT, font: Font = TITLE): string[] {
  const text = title.trim();
  if (textWidth(text, font) <= width + 0.01) return [text];
  // A unit wider than a line (a long 《…》) has to break inside: it falls apart into characters.
  const units = (text.match(/《[^》]*》|第[0-9０-９]+号|[A-Za-z0-9]+(?:[.\-/][A-Za-z0-9]+)*|\s+|./gsu) ?? []).flatMap((u) =>
    textWidth(u, font) > width ? [...u] : [u],
  );
  // penalty[i]: the cost of breaking before unit i (Infinity: never).
  const penalty = units.map((unit, i) => breakPenalty(units[i - 1], unit, units[i + 1]));
  const n = units.length;
  // best[i]: cheapest layout of units[i..] starting a line at i.
  const best: { cost: number; lines: number; next: number }[] = Array.from({ length: n + 1 }, () => ({ cost: Infinity, lines: Infinity, next: n }));
  best[n] = { cost: 0, lines: 0, next: n };
  for (let i = n - 1; i >= 0; i--) {
    if (i > 0 && penalty[i] === Infinity) continue;
    if (/^\s+$/u.test(units[i]!)) continue;
    for (let j = i + 1; j <= n; j++) {
      if (j < n && penalty[j] === Infinity) continue;
      const line = units.slice(i, j).join('').trim();
      const w = textWidth(line, font);
      if (w > width + 0.01 && j > i + 1) break;
      const after = j < n && /^\s+$/u.test(units[j]!) ? j + 1 : j;
      const rest = best[after]!;
      if (rest.lines === Infinity) continue;
      const slack = (width - w) / font.size;
      const cost = (j < n ? penalty[j]! : 0) * 40 + slack * slack + rest.cost;
      const lines = rest.lines + 1;
      const cur = best[i]!;
      if (lines < cur.lines || (lines === cur.lines && cost < cur.cost)) best[i] = { cost, lines, next: after };
    }
  }
  const out: string[] = [];
  for (let i = 0; i < n; ) {
    const { next } = best[i]!;
    let end = next;
    while (end > i && /^\s+$/u.test(units[end - 1]!)) end--;
    out.push(units.slice(i, end).join('').trim());
    i = next;
  }
  return out.filter(Boolean);
}

function breakPenalty(before: string | undefined, unit: string, after: string | undefined): number {
  if (before === undefined) return 0;
  if (/^\s+$/u.test(unit)) return 0; // the space before 第N号
  if (NOT_AT_START.has(first(unit)) || NOT_AT_END.has(last(before))) return Infinity;
  if (/^\s+$/u.test(before)) return 0; // the same break as at the space
  if (unit.startsWith('第')) return 1;
  if (before === '的') return 2;
  if (unit === '关' && after === '于') return 2;
  if (/[、，：；]/u.test(before)) return 2;
  if (unit === '的') return 20; // 的 never begins a line when anything else fits
  return 10;
}

/** The parts of the layout that take lines of the text block. */
export type Part = 'marks' | 'header' | 'blank' | 'docNumber' | 'title' | 'salutation' | 'block' | 'signature' | 'annotation' | 'contact';

/** One line of the text flow, on its page. */
export interface PlacedLine {
  readonly part: Part;
  readonly page: number;
  readonly text: string;
  /** For body lines: the index of the block in the body tree. */
  readonly block?: number;
}

/** The footnotes at the foot of a page: a separator line, then the notes' lines. */
export interface PageNotes {
  readonly page: number;
  readonly notes: readonly { readonly number: number; readonly lines: readonly string[] }[];
}

export interface PageLayout {
  /** Pages of the whole reply. */
  readonly pages: number;
  /** The 版头 of the first page: its bands, and a letter's letterhead. */
  readonly head: Head;
  /** Every line of the text flow, in order, with its page. */
  readonly lines: readonly PlacedLine[];
  readonly footnotes: readonly PageNotes[];
  /** Lines of the text block that the 版记 takes at the bottom of the last page (0 for a letter copied to nobody). */
  readonly imprintLines: number;
  /** True when the 版记 does not fit under the text and takes a page of its own. */
  readonly imprintAlone: boolean;
  /**
   * Lines of the last page taken by the 版头, text and footnotes before the 版记 (0 when the 版记 is
   * alone); a fraction on the first page, whose 版头 is no whole number of lines.
   */
  readonly lastPageLines: number;
}

/**
 * The text block's height in lines: 225 mm hold 22 lines of 28.9 pt and 2 pt more, which count where the
 * 版头 of the first page leaves a fraction of a line.
 */
export const BLOCK_LINES = BLOCK_HEIGHT / PITCH;

/** The 版头 of a reply in a style. */
export function replyHead(reply: ReplyFields, style: DocStyle, printing?: Printing): Head {
  const parts = replyParts(reply, printing);
  return headOf(style, { header: parts.header, docNumber: parts.docNumber, marks: classificationLines(reply.classification) }, BLOCK_WIDTH_PT, emWidth);
}

/**
 * The pages of a reply on the 22 × 28 grid, line by line as the DOCX lays
 * them out: the 版头 of its style (head.ts: its bands take the first page
 * down to the title, a fraction of a line included); the title (2号,
 * wrapped by titleLines); a blank; the salutation; every body block wrapped
 * by breakLines; a blank, the signature and the date; a blank and the
 * contact lines; footnotes at the foot of the page of their reference (a
 * separator line, then their lines in 4号); and the 版记 at the bottom of
 * the last page on lines of its own: when they are not free under the text,
 * it takes a page alone. Lines split freely across pages (no widow control).
 */
export function layoutPages(reply: ReplyFields, tree: BodyTree, style: DocStyle = '文件', printing?: Printing): PageLayout {
  const lines: PlacedLine[] = [];
  const footnotes: { page: number; notes: { number: number; lines: string[] }[] }[] = [];
  let page = 1;
  let used = 0;
  /** Lines the footnotes of this page take at its foot, with their separator. */
  let notes = 0;
  const room = () => BLOCK_LINES - used - notes;
  const newPage = () => {
    page++;
    used = 0;
    notes = 0;
  };
  const put = (part: Part, texts: readonly string[], block?: number) => {
    for (const text of texts) {
      if (room() < 1) newPage();
      used++;
      lines.push({ part, page, text, ...(block === undefined ? {} : { block }) });
    }
  };
  const noteLines = new Map(tree.footnotes.map((f) => [f.number, footnoteLines(f.number, f.inlines)]));
  const parts = replyParts(reply, printing);
  const head = replyHead(reply, style, printing);

  // The 版头's lines in the order they stand, a letter's organ name first, above the text block.
  if (head.letterhead?.mark) lines.push({ part: 'header', page, text: head.letterhead.mark });
  for (const band of head.bands) {
    const text = [band.left, band.centre, band.right].filter(Boolean).join(' ');
    if (band.part !== 'space') lines.push({ part: band.part === 'mark' ? 'header' : band.part, page, text });
  }
  used = head.height / PITCH;
  put('title', titleLines(parts.title));
  put('blank', ['']);
  put('salutation', breakLines(parts.salutation, { ...BODY_WRAP, first: BLOCK_WIDTH_PT }));
  tree.blocks.forEach((block, index) => {
    for (const line of breakLines(blockText(block), BODY_WRAP)) {
      // A line that refers to a footnote shares its page with the note, under a separator line.
      const refs = footnotesIn(line).filter((n) => noteLines.has(n));
      const need = refs.reduce((sum, n) => sum + noteLines.get(n)!.length, 0) + (refs.length && notes === 0 ? 1 : 0);
      if (room() < 1 + need) newPage();
      put('block', [line], index);
      if (!refs.length) continue;
      notes += need;
      let here = footnotes.find((f) => f.page === page);
      if (!here) footnotes.push((here = { page, notes: [] }));
      for (const n of refs) here.notes.push({ number: n, lines: noteLines.get(n)! });
    }
  });
  put('blank', ['']);
  put('signature', signatureLines(reply));
  put('annotation', annotationLines(reply));
  const contact = contactLines(reply);
  if (contact.length) {
    put('blank', ['']);
    for (const line of contact) put('contact', breakLines(line, BODY_WRAP));
  }
  const imprintLines = imprintLineCount(reply, style);
  const imprintAlone = room() < imprintLines;
  const lastPageLines = imprintAlone ? 0 : used + notes;
  if (imprintAlone) newPage();
  return { pages: page, head, lines, footnotes, imprintLines, imprintAlone, lastPageLines };
}

/** 附注 under the date (GB/T 9704 7.3.7): in round brackets, indented 2 characters; none when the reply has none. */
export function annotationLines(reply: ReplyFields): string[] {
  return reply.annotation ? breakLines(`（${reply.annotation}）`, BODY_WRAP) : [];
}

/** The contact block's lines as printed: 联系人姓名：宋佩颖 … */
export function contactLines(reply: ReplyFields): string[] {
  return replyParts(reply).contact.map((c) => c.line);
}

/** 署名 and date: two lines (more when a very long organ name wraps); a part not known prints none. */
function signatureLines(reply: ReplyFields): string[] {
  const wrap = { first: BLOCK_WIDTH_PT - 2 * BODY_SIZE, rest: BLOCK_WIDTH_PT - 2 * BODY_SIZE, font: BODY };
  return replyParts(reply).signature.flatMap((line) => breakLines(line, wrap));
}

/**
 * The 版记 in 4号: 抄送 (indented 1 character each side, wrapped lines aligned after 抄送：) and the 印发
 * line; a letter's has no 印发 line (GB/T 9704 10.1), and none at all when it is copied to nobody.
 */
export function imprintLineCount(reply: ReplyFields, style: DocStyle = '文件'): number {
  return ccLines(reply).length + (style === '信函' ? 0 : 1);
}

export function ccLines(reply: ReplyFields): string[] {
  const cc = replyParts(reply).cc;
  if (!cc) return [];
  const label = '抄送：';
  const indent = SMALL_SIZE;
  const wrap = { first: BLOCK_WIDTH_PT - 2 * indent, rest: BLOCK_WIDTH_PT - 2 * indent - textWidth(label, SMALL), font: SMALL };
  return breakLines(cc, wrap);
}

/** The 印发 line: printing organ on the left, 2023年5月18日印发 on the right (nothing there when no date is known). */
export function issuedLine(reply: ReplyFields): { organ: string; date: string } {
  return replyParts(reply).issued;
}

/** A footnote's wrap: 4号, condensed like the body, on the full line. */
export const FOOTNOTE_WRAP: Wrap = { first: BLOCK_WIDTH_PT, rest: BLOCK_WIDTH_PT, font: { size: SMALL_SIZE, spacing: CONDENSE_PT } };

/** A footnote's lines, its number (footnoteMark) first. */
export function footnoteLines(number: number, inlines: readonly Inline[]): string[] {
  return breakLines(footnoteMark(number) + plainText(inlines, footnoteMark), FOOTNOTE_WRAP);
}
