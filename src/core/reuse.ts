import { writtenBlocks, writtenNotes, type WrittenBlock } from './body.js';
import type { IsoDate } from './dates.js';
import { fromChineseNumeral } from './numerals.js';
import { closingFormula, openingFormula, type ScaffoldInput } from './scaffold.js';

/**
 * Starting a reply from a past one: its body kept, headings and structure with it, the opening and
 * closing written again for the new reply's kind and addressee; and what of the old text speaks of
 * its own time, to be reviewed before signing.
 */

/** The opening of a reply: it says the proposal was received, and that the answer follows. */
const OPENING = /收悉|答复如下|函告如下|现答复|已交由?[^，。]{0,10}办理/u;
/** The closing: thanks, wishes, or the 会办 formula. */
const CLOSING = /感谢|谢谢|供你单位|供贵单位|参考|此复|特此/u;

/** Whether block `i` is the body's opening (its first paragraph) or its closing (its last, when that is another). */
function isFormula(blocks: readonly WrittenBlock[], i: number): boolean {
  const b = blocks[i]!;
  if (b.heading) return false;
  return (i === 0 && OPENING.test(b.text)) || (i > 0 && i === blocks.length - 1 && CLOSING.test(b.text));
}

/** The body of a past reply made the body of a new one: the opening and closing its own, the rest as written. */
export function startFrom(pastBody: string, target: ScaffoldInput): string {
  const blocks = writtenBlocks(pastBody);
  const middle = blocks.filter((_, i) => !isFormula(blocks, i));
  return [openingFormula(target), ...middle.map((b) => b.text), closingFormula(target), ...writtenNotes(pastBody)].join('\n\n') + '\n';
}

/** A year, a date or a word for "this year" in a text carried over from a past reply that is older than the new one. */
export interface StaleMention {
  /** As written: 2022年, 2023年5月18日, 今年. */
  readonly text: string;
  /** 1-based line of the body where its paragraph starts. */
  readonly line: number;
  /** The sentence that holds it. */
  readonly sentence: string;
}

/** How much of its sentence a stale mention is shown with. */
export const STALE_EXCERPT = 40;

const DATE = new RegExp(`((?:19|20)\\d{2}|[〇零一二三四五六七八九]{4})\\s*年(?:\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*月(?:\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*日)?)?`, 'gu');
/** Words that meant the past reply's own year. */
const RELATIVE = /今年|去年|前年|明年|本年度/gu;
const SENTENCE = /[^。！？；]+[。！？；]?/gu;

/**
 * The years and dates older than `asOf` (and the words for this year, which meant the old one), in
 * the sentences of `body` that stand as they stood in `basis`: a sentence the clerk rewrote was
 * looked at. In the order of the text.
 */
export function staleMentions(body: string, basis: string, asOf: IsoDate): StaleMention[] {
  const carried = new Set(writtenBlocks(basis).flatMap((b) => sentences(b.text)));
  const found: StaleMention[] = [];
  for (const block of writtenBlocks(body)) {
    for (const sentence of sentences(block.text)) {
      if (!carried.has(sentence)) continue;
      const mentions = [
        ...[...sentence.matchAll(DATE)].filter((m) => isBefore(m, asOf)).map((m) => ({ index: m.index, text: m[0] })),
        ...[...sentence.matchAll(RELATIVE)].map((m) => ({ index: m.index, text: m[0] })),
      ].sort((a, b) => a.index - b.index);
      for (const m of mentions) found.push({ text: m.text, line: block.line, sentence });
    }
  }
  return found;
}

function sentences(text: string): string[] {
  return (text.match(SENTENCE) ?? []).map((s) => s.trim()).filter((s) => s.length > 0);
}

function isBefore(m: RegExpMatchArray, asOf: IsoDate): boolean {
  const year = numberOf(m[1]!, true);
  const [y, mo, d] = asOf.split('-').map(Number) as [number, number, number];
  if (year === undefined) return false;
  if (year !== y) return year < y;
  const month = m[2] === undefined ? undefined : numberOf(m[2], false);
  if (month === undefined) return false;
  if (month !== mo) return month < mo;
  const day = m[3] === undefined ? undefined : numberOf(m[3], false);
  return day !== undefined && day < d;
}

/** 2022, 二〇二二 (digit by digit), 5, 十二. */
function numberOf(text: string, year: boolean): number | undefined {
  if (/^\d+$/u.test(text)) return Number(text);
  if (year) {
    const digits = [...text].map((c) => '〇一二三四五六七八九'.indexOf(c === '零' ? '〇' : c));
    return digits.some((n) => n < 0) ? undefined : Number(digits.join(''));
  }
  return fromChineseNumeral(text);
}

/** A paragraph a clerk may take from a past reply: its text, and the heading it stood under there. */
export interface TakenParagraph {
  /** 1-based, among the past reply's blocks. */
  readonly index: number;
  readonly text: string;
  readonly heading: string | null;
}

/** The paragraphs of a past body worth taking: not its headings, opening or closing. */
export function paragraphsToTake(pastBody: string): TakenParagraph[] {
  const blocks = writtenBlocks(pastBody);
  const out: TakenParagraph[] = [];
  let heading: string | null = null;
  blocks.forEach((b, i) => {
    if (b.heading) {
      heading = b.text;
      return;
    }
    if (!isFormula(blocks, i)) out.push({ index: i + 1, text: b.text, heading });
  });
  return out;
}

/** A body made of taken paragraphs, each under the heading it stood under (written once), between the new opening and closing. */
export function bodyOfTaken(taken: readonly TakenParagraph[], target: ScaffoldInput): string {
  const blocks: string[] = [openingFormula(target)];
  let last: string | null = null;
  for (const p of taken) {
    if (p.heading !== null && p.heading !== last) blocks.push(p.heading);
    last = p.heading ?? last;
    blocks.push(p.text);
  }
  return [...blocks, closingFormula(target)].join('\n\n') + '\n';
}
