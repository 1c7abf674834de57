/** Shared pieces of the tests of the paged renders (PDF, printed HTML). */
import { spawnSync } from 'node:child_process';
import { parseBody } from '../../src/core/body.js';
import { toChineseNumeral } from '../../src/core/numerals.js';
import { layoutPages } from '../../src/render/layout.js';
import { corpusRecord, type CompleteFields } from '../helpers/corpus.js';

export function tool(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return result.stdout;
}

export const squash = (text: string) => text.replace(/\s+/g, '');

/** The non-blank lines of one page as pdftotext reads them, without spaces. */
export function pageText(file: string, page: number): string[] {
  return tool('pdftotext', ['-f', String(page), '-l', String(page), file, '-']).split('\n').map(squash).filter(Boolean);
}

/** The bottom of the text block: 297 − 35 mm, in points. */
export const BLOCK_BOTTOM = ((297 - 35) / 25.4) * 72;

/** How far down the page (in points, from the top) the first word holding `text` ends. */
export function bottomOf(file: string, page: number, text: string): number {
  const xml = tool('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', file, '-']);
  const m = new RegExp(`yMax="([\\d.]+)">[^<]*${text}`).exec(xml);
  if (!m) throw new Error(`「${text}」 is not on page ${page} of ${file}`);
  return Number(m[1]);
}

export function pageCount(file: string): number {
  return Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', [file]))![1]);
}

/**
 * Replies whose last page is full to the brim with the 版记 under the text
 * (fit-…), and the same with one line more, so that the 版记 takes a page of
 * its own (alone-…); with 抄送 (cc) and without (plain). The body is one-line
 * paragraphs; layoutPages finds how many.
 */
export function edgeRecords(): Record<string, CompleteFields> {
  const out: Record<string, CompleteFields> = {};
  const line = (i: number) => {
    const mark = `第${toChineseNumeral(i + 1)}段`;
    return mark + '长'.repeat(26 - mark.length);
  };
  // Without the contact block, so that a few lines of body still leave the first page room for the 版记.
  for (const [kind, base] of [['cc', { ...corpusRecord('002'), contact: {} }], ['plain', { ...corpusRecord('000'), contact: {} }]] as const) {
    let previous: CompleteFields | undefined;
    for (let n = 1; n < 60; n++) {
      const record = { ...base, body: Array.from({ length: n }, (_, i) => line(i)).join('\n\n') + '\n' };
      const layout = layoutPages(record, parseBody(record.body));
      if (layout.imprintAlone && previous) {
        out[`fit-${kind}`] = previous;
        out[`alone-${kind}`] = record;
        break;
      }
      // The longest body whose 版记 still fits: less than a line is left above it (a fraction on the first page).
      previous = record;
    }
  }
  return out;
}

/**
 * The layout measures Latin letters and digits with Times New Roman's widths: the PDF only has the pages
 * it says when that font, or its metric twin Liberation Serif (Debian: fonts-liberation2), is installed.
 */
export function requireLatinFont(fontconfig: string): void {
  const family = spawnSync('fc-match', ['-f', '%{family}', 'Times New Roman'], { encoding: 'utf8', env: { ...process.env, FONTCONFIG_FILE: fontconfig } }).stdout;
  if (!/Times New Roman|Liberation Serif/.test(family)) {
    throw new Error(`Times New Roman is set in ${family || 'no font'}: install Liberation Serif (Debian: fonts-liberation2), as .ci/run does`);
  }
}

/**
 * The share of a page's pixels in light grey (230–239 of 255, at 20 dpi): the 草稿 or 作废 mark across a
 * draft's page. The text's own edges give about 1% there; a marked page 9% (measured on a one-page reply).
 */
export function lightGreyShare(file: string, page: number): number {
  const pgm = spawnSync('pdftoppm', ['-gray', '-r', '20', '-f', String(page), '-l', String(page), file], { maxBuffer: 1 << 26 });
  if (pgm.status !== 0) throw new Error(`pdftoppm failed: ${pgm.stderr}`);
  const bytes = pgm.stdout as Buffer;
  const header = /^P5\s+\d+\s+\d+\s+\d+\s/.exec(bytes.subarray(0, 64).toString('latin1'))![0].length;
  let grey = 0;
  for (let i = header; i < bytes.length; i++) if (bytes[i]! >= 230 && bytes[i]! <= 239) grey++;
  return grey / (bytes.length - header);
}

/** A word of a page as pdftotext -bbox reads it, in points from the page's top left. */
export interface Word {
  readonly text: string;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}

export function words(file: string, page: number): Word[] {
  const xml = tool('pdftotext', ['-f', String(page), '-l', String(page), '-bbox', file, '-']);
  return [...xml.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    text: m[5]!,
    xMin: Number(m[1]),
    yMin: Number(m[2]),
    xMax: Number(m[3]),
    yMax: Number(m[4]),
  }));
}

export const MM = 72 / 25.4;

/**
 * The line of words that holds `text` (words on the same baseline joined), with its characters' em box in
 * millimetres from the paper's top. poppler sets a word's box 0.95 em above its baseline and 0.35 below
 * (its defaults for fonts whose descriptor it does not trust: the box is 1.3 em high at every size), and a
 * Chinese character's em square runs from 0.88 em above the baseline to 0.12 below.
 */
export function lineOf(file: string, page: number, text: string) {
  const all = words(file, page);
  const hit = all.find((w) => w.text.includes(text)) ?? all.find((w) => text.startsWith(w.text) && w.text.length > 1);
  if (!hit) throw new Error(`「${text}」 is not on page ${page} of ${file}`);
  const same = all.filter((w) => Math.abs(w.yMax - hit.yMax) < 0.5);
  const size = (hit.yMax - hit.yMin) / 1.3;
  const baseline = hit.yMax - 0.35 * size;
  return {
    text: same.map((w) => w.text).join(''),
    size,
    baseline: baseline / MM,
    top: (baseline - 0.88 * size) / MM,
    bottom: (baseline + 0.12 * size) / MM,
    left: Math.min(...same.map((w) => w.xMin)) / MM,
    right: Math.max(...same.map((w) => w.xMax)) / MM,
  };
}

/** A red line drawn across the page: its top and bottom edges, left and right ends, in millimetres. */
export interface RedLine {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/**
 * The red lines of a page longer than 100 mm (rules, not characters), from its image at 600 dpi: the rows
 * whose red pixels run that long, grouped where they touch.
 */
export function redLines(file: string, page: number, dpi = 600): RedLine[] {
  const ppm = spawnSync('pdftoppm', ['-r', String(dpi), '-f', String(page), '-l', String(page), file], { maxBuffer: 1 << 30 });
  if (ppm.status !== 0) throw new Error(`pdftoppm failed: ${ppm.stderr}`);
  const bytes = ppm.stdout as Buffer;
  const header = /^P6\s+(\d+)\s+(\d+)\s+\d+\s/.exec(bytes.subarray(0, 64).toString('latin1'))!;
  const [width, height] = [Number(header[1]), Number(header[2])];
  const start = header[0].length;
  const mm = (px: number) => (px * 25.4) / dpi;
  const lines: { top: number; bottom: number; left: number; right: number }[] = [];
  let previous = -2;
  for (let y = 0; y < height; y++) {
    let first = -1;
    let last = -1;
    let count = 0;
    for (let x = 0; x < width; x++) {
      const i = start + (y * width + x) * 3;
      if (bytes[i]! > 180 && bytes[i + 1]! < 100 && bytes[i + 2]! < 100) {
        count++;
        if (first < 0) first = x;
        last = x;
      }
    }
    if (mm(count) < 100) continue;
    const line = lines[lines.length - 1];
    if (line && y === previous + 1) {
      line.bottom = y + 1;
      line.left = Math.min(line.left, first);
      line.right = Math.max(line.right, last + 1);
    } else {
      lines.push({ top: y, bottom: y + 1, left: first, right: last + 1 });
    }
    previous = y;
  }
  return lines.map((l) => ({ top: mm(l.top), bottom: mm(l.bottom), left: mm(l.left), right: mm(l.right) }));
}
