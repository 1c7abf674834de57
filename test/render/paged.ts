/** Shared pieces of the tests of the paged renders (PDF, printed HTML). */
import { spawnSync } from 'node:child_process';
import { parseBody } from '../../src/core/body.js';
import { toChineseNumeral } from '../../src/core/numerals.js';
import type { ReplyFields } from '../../src/core/reply.js';
import { layoutPages } from '../../src/render/layout.js';
import { corpusRecord } from '../helpers/corpus.js';

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
export function edgeRecords(): Record<string, ReplyFields> {
  const out: Record<string, ReplyFields> = {};
  const line = (i: number) => {
    const mark = `第${toChineseNumeral(i + 1)}段`;
    return mark + '长'.repeat(26 - mark.length);
  };
  for (const [kind, base] of [['cc', corpusRecord('002')], ['plain', corpusRecord('000')]] as const) {
    let previous: ReplyFields | undefined;
    for (let n = 1; n < 60; n++) {
      const record = { ...base, body: Array.from({ length: n }, (_, i) => line(i)).join('\n\n') + '\n' };
      const layout = layoutPages(record, parseBody(record.body));
      if (layout.imprintAlone && previous) {
        out[`fit-${kind}`] = previous;
        out[`alone-${kind}`] = record;
        break;
      }
      previous = layout.lastPageLines + layout.imprintLines === 22 ? record : undefined;
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
