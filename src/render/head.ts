import { markOf, type DocStyle } from '../core/style.js';

/**
 * The 版头 of the first page, to the letter of GB/T 9704-2012, as pure
 * geometry in points: the Word file sets each band as a paragraph of that
 * exact height, the HTML as a block of it, and layoutPages counts the body
 * lines the rest of the page holds.
 *
 * Two facts of the line model place text in a band. A line of exact height h
 * has its baseline 4/5 of the way down (LibreOffice and Word both: measured
 * on the PDFs, 23.12 pt down a 28.9 pt line whatever the font size). A
 * Chinese character's em square runs from 0.88 em above the baseline to 0.12
 * below (the ideographic em box of CJK fonts): its top and bottom are the
 * upper and lower edges the standard measures from. "N lines below" an
 * element puts the next line's top N pitches under its lower edge.
 */
export const PITCH = 28.9;
export const PT_PER_MM = 72 / 25.4;
export const mm = (n: number) => n * PT_PER_MM;
export const BASELINE = 0.8;
export const EM_ABOVE = 0.88;
export const EM_BELOW = 0.12;
/** The top of the text block from the paper's top edge (天头 37 mm), and its height (225 mm). */
export const BLOCK_TOP = mm(37);
export const BLOCK_HEIGHT = mm(225);
/** 3号, the size of the doc number and of the 份号, 密级 and 紧急程度 lines. */
const SIZE_3 = 16;
/** The largest size of the 发文机关标志, in points; a long name shrinks to fit the line. */
export const MARK_MAX_SIZE = 28;

/** A red rule: where its centre line is, how thick and long it is, and for a double rule which line is the thick one. */
export interface Rule {
  /** The centre of the rule, down from the top of its band (flow) or of the paper (letterhead). */
  readonly at: number;
  readonly thickness: number;
  readonly length: number;
  readonly double?: 'thickOverThin' | 'thinOverThick';
}

/** One band of the first page's flow, an exact height; its text stands on the band's baseline (4/5 down). */
export interface Band {
  readonly part: 'marks' | 'mark' | 'space' | 'docNumber';
  readonly height: number;
  /** Text at the left edge, centred, and at the right edge of the text block. */
  readonly left?: string;
  readonly centre?: string;
  readonly right?: string;
  /** The text's size in points (3号 unless said). */
  readonly size?: number;
  /** A rule under the band's text (the 文件's red rule under the doc number). */
  readonly rule?: Rule;
}

/** The letter's parts that stand on the paper, not in the text flow: the organ's name and the two double rules. */
export interface Letterhead {
  readonly mark: string | null;
  readonly markSize: number;
  /** The top of the mark's em box, from the paper's top edge. */
  readonly markTop: number;
  readonly upperRule: Rule;
  readonly lowerRule: Rule;
}

export interface Head {
  readonly style: DocStyle;
  /** The bands before the title, top to bottom, from the top of the text block. */
  readonly bands: readonly Band[];
  /** Their height: where the title's first line begins. */
  readonly height: number;
  readonly letterhead: Letterhead | null;
}

/** What the 版头 shows: the organ's header, the doc number as printed, and the marks above or beside them (份号, 密级, 紧急程度). */
export interface HeadParts {
  readonly header: string | null;
  readonly docNumber: string;
  readonly marks?: readonly string[];
}

/** The red rule under a 文件's doc number: 1.5 pt, as wide as the text block, 4 mm under the doc number. */
export const DOC_RULE_THICKNESS = 1.5;
/** A letter's double rules, 170 mm long: a thick line of 2.25 pt and a thin one of 0.75 pt, 0.75 pt apart. */
const THICK = 2.25;
const THIN = 0.75;
const GAP = 0.75;
export const LETTER_RULE_THICKNESS = THICK + GAP + THIN;
export const LETTER_RULE_LENGTH = mm(170);

/** The two lines of a double rule, top to bottom: each one's centre and width. */
export function doubleRuleLines(rule: Rule): { at: number; width: number }[] {
  const top = rule.at - rule.thickness / 2;
  const widths = rule.double === 'thinOverThick' ? [THIN, THICK] : [THICK, THIN];
  return [
    { at: top + widths[0]! / 2, width: widths[0]! },
    { at: top + widths[0]! + GAP + widths[1]! / 2, width: widths[1]! },
  ];
}
/** The size of the 发文机关标志, in points: it shrinks, by half points, to fit one line of the text block. */
export function markSize(mark: string, blockWidth: number, emWidth: (text: string) => number): number {
  return Math.min(MARK_MAX_SIZE, Math.floor((blockWidth / emWidth(mark)) * 2) / 2);
}

/** The em box of text of `size` on a line of exact height `height` starting at `top`. */
export function emBox(top: number, height: number, size: number): { top: number; bottom: number; baseline: number } {
  const baseline = top + BASELINE * height;
  return { top: baseline - EM_ABOVE * size, bottom: baseline + EM_BELOW * size, baseline };
}

/** The height of a line whose text of `size` has its em top `offset` below the line's top. */
const lineFor = (offset: number, size: number) => (offset + EM_ABOVE * size) / BASELINE;

/**
 * The 版头 of a style. 文件 (7.2): 份号, 密级 and 紧急程度 on the block's
 * first three lines; the 标志's upper edge 35 mm below the block's top; the
 * doc number centred two blank lines under it, the red rule 4 mm under the
 * doc number, the title two lines under the rule. Without a 标志 the doc
 * number takes the first line. 信函 (10.1): the organ's name 30 mm from the
 * paper's top, a double rule 4 mm under it and one 20 mm above the paper's
 * bottom, both 170 mm; the marks flush left and the doc number flush right
 * at 7/8 of a 3号 character under the first rule; the title two lines under
 * the last of them.
 */
export function headOf(style: DocStyle, parts: HeadParts, blockWidth: number, emWidth: (text: string) => number): Head {
  const mark = markOf(parts.header, style);
  const size = mark ? markSize(mark, blockWidth, emWidth) : MARK_MAX_SIZE;
  const marks = parts.marks ?? [];
  return style === '信函' ? letterHead(mark, size, parts.docNumber, marks) : documentHead(mark, size, parts.docNumber, marks);
}

function documentHead(mark: string | null, size: number, docNumber: string, marks: readonly string[]): Head {
  const bands: Band[] = [];
  // The marks stack from the block's first line; with a 标志 the three lines are its room above it either way.
  const markLines = mark ? 3 : marks.length;
  for (let i = 0; i < markLines; i++) bands.push({ part: 'marks', height: PITCH, ...(marks[i] ? { left: marks[i] } : {}) });
  let top = markLines * PITCH;
  if (mark) {
    const height = lineFor(mm(35) - top, size);
    const box = emBox(top, height, size);
    bands.push({ part: 'mark', height, centre: mark, size });
    // Two blank lines under the 标志's lower edge.
    bands.push({ part: 'space', height: box.bottom + 2 * PITCH - (top + height) });
    top = box.bottom + 2 * PITCH;
  }
  const doc = emBox(top, PITCH, SIZE_3);
  const rule: Rule = { at: doc.bottom + mm(4) - top, thickness: DOC_RULE_THICKNESS, length: 0 };
  bands.push({ part: 'docNumber', height: PITCH, centre: docNumber, rule });
  // The title two lines under the rule.
  bands.push({ part: 'space', height: rule.at + 2 * PITCH - PITCH });
  return { style: '文件', bands, height: top + rule.at + 2 * PITCH, letterhead: null };
}

function letterHead(mark: string | null, size: number, docNumber: string, marks: readonly string[]): Head {
  const markTop = mm(30);
  const upperRule: Rule = { at: markTop + size + mm(4) + LETTER_RULE_THICKNESS / 2, thickness: LETTER_RULE_THICKNESS, length: LETTER_RULE_LENGTH, double: 'thickOverThin' };
  const lowerRule: Rule = { at: mm(297 - 20), thickness: LETTER_RULE_THICKNESS, length: LETTER_RULE_LENGTH, double: 'thinOverThick' };
  // The first line under the rule: its text's em top 7/8 of a 3号 character below the rule's lower edge.
  const firstTop = upperRule.at + LETTER_RULE_THICKNESS / 2 + (7 / 8) * SIZE_3 - BLOCK_TOP;
  const lineTop = firstTop - (BASELINE * PITCH - EM_ABOVE * SIZE_3);
  const bands: Band[] = [{ part: 'space', height: lineTop }];
  const lines = Math.max(1, marks.length);
  for (let i = 0; i < lines; i++) {
    bands.push({ part: i === 0 ? 'docNumber' : 'marks', height: PITCH, ...(marks[i] ? { left: marks[i] } : {}), ...(i === 0 ? { right: docNumber } : {}) });
  }
  const last = emBox(lineTop + (lines - 1) * PITCH, PITCH, SIZE_3);
  bands.push({ part: 'space', height: last.bottom + 2 * PITCH - (lineTop + lines * PITCH) });
  return { style: '信函', bands, height: last.bottom + 2 * PITCH, letterhead: { mark, markSize: size, markTop, upperRule, lowerRule } };
}
