import type { SourceLine } from '../core/reader/lines.js';
import { superscript } from '../core/numerals.js';

/**
 * A run of text placed on a page, as a PDF's text layer, an OFD page and
 * tesseract's words give it: where it starts, where its baseline is (from the
 * top of the page, growing down), how wide it is and its font size, all in
 * one unit (points, millimetres or pixels: only ratios to the size matter).
 */
export interface Run {
  readonly text: string;
  readonly x: number;
  readonly baseline: number;
  readonly width: number;
  readonly size: number;
}

export interface PlacedPage {
  readonly width?: number;
  readonly height: number;
  readonly runs: readonly Run[];
}

/** One printed line: its runs joined, where it stands on the page. */
interface Row {
  page: number;
  text: string;
  left: number;
  right: number;
  baseline: number;
  size: number;
}

/**
 * The lines of placed pages as a reader of the page sees them: runs on one
 * baseline are a line (superscript note numbers kept on the line they mark),
 * page numbers and running heads dropped, a line centred or set right in the
 * text block said so, and the lines of a paragraph (the first indented, the
 * others filling the block to its right edge, a page break between them or
 * not) joined into one — so a PDF's text reads as the file it was printed from.
 */
export function placedLines(pages: readonly PlacedPage[]): SourceLine[] {
  const rows = dropFurniture(pages.map((page, i) => rowsOf(page.runs, i)), pages).flat();
  if (rows.length === 0) return [];
  const block = textBlock(rows, pages[0]?.width);
  const out: (SourceLine & { row: Row })[] = [];
  for (const row of rows) {
    const align = alignOf(row, block);
    const into = align === 'left' ? continued(out, row, block) : align === 'center' ? titleAbove(out, row, block) : undefined;
    if (into) {
      into.row.right = row.right;
      into.row.page = row.page;
      into.row.baseline = row.baseline;
      // Words of Latin text a line break parted are two words.
      const space = /[A-Za-z]$/u.test(into.text) && /^[A-Za-z]/u.test(row.text) ? ' ' : '';
      Object.assign(into, { text: into.text + space + row.text, ...(align === 'center' ? { align } : {}) });
      continue;
    }
    out.push({ text: row.text, ...(align !== 'left' ? { align } : {}), size: Math.round(row.size * 2) / 2, row });
  }
  return out.map(({ row: _row, ...line }) => line);
}

/** Runs on one baseline, within a third of their size, are a line; a raised run of digits a third smaller is a note mark on the line below it. */
function rowsOf(runs: readonly Run[], page: number): Row[] {
  const sorted = runs.filter((r) => r.text !== '' && r.size > 0).sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  const groups: Run[][] = [];
  for (const run of sorted) {
    const last = groups[groups.length - 1];
    if (last && Math.abs(run.baseline - last[0]!.baseline) <= 0.35 * Math.max(run.size, last[0]!.size)) last.push(run);
    else groups.push([run]);
  }
  const rows: Row[] = [];
  for (let i = 0; i < groups.length; i++) {
    let group = groups[i]!;
    const next = groups[i + 1];
    if (next && isNoteMark(group, next)) {
      group = [...next, ...group.map((r) => ({ ...r, text: superscript(Number(r.text.trim())) }))];
      i++;
    }
    const row = rowOf(group, page);
    if (row.text) rows.push(row);
  }
  return rows;
}

function isNoteMark(marks: readonly Run[], line: readonly Run[]): boolean {
  const size = Math.max(...line.map((r) => r.size));
  const baseline = line[0]!.baseline;
  return marks.every((m) => /^\s*\d{1,2}\s*$/u.test(m.text) && m.size < 0.8 * size && m.baseline > baseline - size && m.baseline < baseline);
}

/** Chinese characters and punctuation, which take no space beside Latin text but the one a layout engine adds. */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019\u00b7]/u;
/** A gap wider than this many characters is a column or a cell apart, kept as a space whatever stands beside it. */
const WIDE_GAP = 1.5;

function rowOf(group: readonly Run[], page: number): Row {
  const runs = [...group].sort((a, b) => a.x - b.x);
  const size = Math.max(...runs.map((r) => r.size));
  const visible = runs.filter((r) => r.text.trim());
  let text = '';
  let end = -Infinity;
  for (const [i, run] of visible.entries()) {
    const gap = run.x - end;
    if (text && gap > WIDE_GAP * size) text += ' ';
    else if (text && gap > 0.15 * size && spaced(text, run.text, runs, visible[i - 1]!, run)) text += ' ';
    text += run.text;
    end = Math.max(end, run.x + run.width);
  }
  return {
    page,
    text: text.replace(/\s+/gu, ' ').trim(),
    left: Math.min(...visible.map((r) => r.x)),
    right: Math.max(...visible.map((r) => r.x + r.width)),
    // The line's own baseline, not a raised note mark's.
    baseline: runs.find((r) => r.size === size)!.baseline,
    size,
  };
}

/**
 * Whether the gap between two runs is a space the writer typed. Between two
 * words of Latin text it is. Between Chinese and Latin text a layout engine
 * sets space of its own: Word a gap with no character in it, LibreOffice a
 * space run a fifth of a character wide (自 2018 年 for 自2018年, measured on
 * its PDFs), where a typed space is a quarter or more; only the typed one is
 * kept. Between two Chinese characters only a space run is a space.
 */
function spaced(before: string, after: string, runs: readonly Run[], a: Run, b: Run): boolean {
  const latin = !CJK.test(before.at(-1)!) && !CJK.test(after[0]!);
  if (latin) return true;
  const mixed = CJK.test(before.at(-1)!) !== CJK.test(after[0]!);
  return runs.some(
    (r) => !r.text.trim() && r.x >= a.x + a.width - 0.1 * a.size && r.x <= b.x && (!mixed || r.width >= 0.23 * r.size),
  );
}

/** A page number as offices print it: — 1 —, -1-, 1, 第1页, 第 1 页 共 3 页, 1/3 (and — 1 — as OCR reads it: 一1一). */
const PAGE_NUMBER = /^(?:[—–－\-一]{0,2}\s*\d{1,4}\s*[—–－\-一]{0,2}|第\s*\d{1,4}\s*页(?:\s*[，,]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})$/u;
/**
 * Page numbers and running heads stand in these shares of the page's height
 * at its top and foot: above and below the text block (on A4 after GB/T 9704
 * it starts at 12% and ends at 88%; Word's default margins at 8.5% and 91.5%).
 */
const HEAD = 0.11;
const FOOT = 0.1;

function dropFurniture(pages: Row[][], placed: readonly PlacedPage[]): Row[][] {
  const inMargin = (row: Row) => {
    const h = placed[row.page]!.height;
    return row.baseline < HEAD * h || row.baseline > (1 - FOOT) * h;
  };
  // A line in the margin printed on most pages at the same height is a running head or foot.
  const seen = new Map<string, number>();
  for (const rows of pages) for (const row of rows) if (inMargin(row)) seen.set(headKey(row), (seen.get(headKey(row)) ?? 0) + 1);
  const running = (row: Row) => pages.length >= 2 && (seen.get(headKey(row)) ?? 0) >= Math.max(2, pages.length / 2);
  return pages.map((rows) => rows.filter((row) => !(inMargin(row) && (PAGE_NUMBER.test(row.text) || running(row)))));
}

function headKey(row: Row): string {
  return `${row.text.replace(/\d+/gu, '#')}@${Math.round(row.baseline / Math.max(row.size, 1))}`;
}

interface Block {
  readonly left: number;
  readonly right: number;
  /** The body's font size: the size most characters are set in. */
  readonly size: number;
}

/** The text block: where most lines of the body's size start, and the right edge its full lines reach. */
function textBlock(rows: readonly Row[], pageWidth: number | undefined): Block {
  const weight = new Map<number, number>();
  for (const r of rows) weight.set(Math.round(r.size), (weight.get(Math.round(r.size)) ?? 0) + r.text.length);
  const size = [...weight].sort((a, b) => b[1] - a[1])[0]![0];
  const body = rows.filter((r) => Math.abs(Math.round(r.size) - size) <= Math.max(1, size * 0.1));
  const lefts = new Map<number, number>();
  for (const r of body) lefts.set(Math.round(r.left), (lefts.get(Math.round(r.left)) ?? 0) + 1);
  // A margin is where many lines start; a stray line set further left (a table, a stamp) is not it.
  const margins = [...lefts].filter(([, n]) => n >= Math.max(2, body.length * 0.1)).map(([x]) => x);
  const left = margins.length ? Math.min(...margins) : Math.min(...body.map((r) => r.left));
  const rights = body.map((r) => r.right).sort((a, b) => a - b);
  let right = rights[Math.floor((rights.length - 1) * 0.9)]!;
  // A short reply may have no full line to measure: its margins are then taken as even, as offices set them.
  if (pageWidth !== undefined && right < pageWidth - left - 3 * size) right = pageWidth - left;
  return { left, right: Math.max(right, left + size), size };
}

function alignOf(row: Row, block: Block): 'left' | 'center' | 'right' {
  const leftGap = row.left - block.left;
  const rightGap = block.right - row.right;
  const centre = (block.left + block.right) / 2;
  // A paragraph's first line indented two characters may end as far from the edge: it is no centred line.
  const indented = Math.abs(row.size - block.size) <= 0.1 * block.size && Math.abs(leftGap - 2 * row.size) <= 0.3 * row.size;
  if (!indented && leftGap >= row.size && Math.abs(leftGap - rightGap) <= Math.max(0.75 * row.size, 4)) return 'center';
  // A signature is set toward the right: the date four characters from the edge, the organ centred over it.
  if (row.left > centre || (leftGap > 4 * row.size && leftGap > rightGap)) return 'right';
  return 'left';
}

/** The line this row continues: the one before it filled the block to its right edge and this one starts at the left edge, in the same size. */
function continued(out: readonly (SourceLine & { row: Row })[], row: Row, block: Block): (SourceLine & { row: Row }) | undefined {
  if (row.left > block.left + 0.5 * row.size) return undefined;
  // Across a page break the notes printed at the foot of the page stand between the halves.
  for (let i = out.length - 1; i >= 0; i--) {
    const line = out[i]!;
    const prev = line.row;
    const sameSize = Math.abs(prev.size - row.size) <= 0.1 * row.size;
    if (!sameSize) {
      if (prev.page !== row.page && prev.size < row.size) continue;
      return undefined;
    }
    if (line.align) return undefined;
    const full = prev.right >= block.right - 2 * row.size;
    const near = prev.page === row.page ? row.baseline - prev.baseline <= 2.2 * row.size : row.page === prev.page + 1;
    return full && near ? line : undefined;
  }
  return undefined;
}

/**
 * The title line this centred row goes on: a title set larger than the body
 * over several lines (the first may fill the block, so it does not look
 * centred), one line's pitch above, in the same size.
 */
function titleAbove(out: readonly (SourceLine & { row: Row })[], row: Row, block: Block): (SourceLine & { row: Row }) | undefined {
  const line = out[out.length - 1];
  if (!line || line.align === 'right' || row.size < 1.1 * block.size) return undefined;
  const prev = line.row;
  const same = prev.page === row.page && Math.abs(prev.size - row.size) <= 0.05 * row.size && row.baseline - prev.baseline <= 1.8 * row.size;
  return same ? line : undefined;
}
