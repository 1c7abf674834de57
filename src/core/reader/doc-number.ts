import { DocNumber, YEAR_CLOSE, YEAR_OPEN } from '../doc-number.js';
import type { InfoTable } from './info.js';
import type { Line } from './lines.js';
import { simplified } from './simplified.js';

/**
 * 发文字号 above the body, in 〔〕 [] 【】 () （）, with a class suffix
 * (A类) kept apart; or in the page's info table (发文字号: …, even split over
 * lines). A number cited inside the body is never the reply's own.
 */
export interface DocNumberFound {
  readonly value: DocNumber;
  /** As printed. */
  readonly text: string;
  readonly line: number;
  /** 办理结果 class printed after the number: A, B or C (as printed, full-width letters too; the record maps it). */
  readonly resultClass?: string;
  readonly how: 'printed' | 'inferred';
}

/** A year in brackets, as the parser takes them. */
const BRACKETED = new RegExp(`[${YEAR_OPEN}].*[${YEAR_CLOSE}]`, 'u');
const CLASS = /^(.*?号)\s*[(（]\s*([A-CＡ-Ｃ])\s*类\s*[)）]$/u;

/** A doc number on a line of its own (with its class suffix), or undefined. */
export function docNumberOfLine(text: string): { value: DocNumber; resultClass?: string } | undefined {
  const form = simplified(text).replace(/\s+/gu, ' ').trim();
  const classed = CLASS.exec(form);
  const number = classed ? classed[1]! : form;
  if (!BRACKETED.test(number) || !/号$/u.test(number)) return undefined;
  try {
    const value = DocNumber.parse(number);
    return classed ? { value, resultClass: classed[2]! } : { value };
  } catch {
    return undefined;
  }
}

/** The doc number printed above the body (lines before `before`), else the info table's. */
export function findDocNumber(lines: readonly Line[], before: number, info: InfoTable): DocNumberFound | undefined {
  for (const line of lines) {
    if (line.n >= before) break;
    if (info.lines.has(line.n)) continue;
    const found = docNumberOfLine(line.text);
    if (found) return { ...found, text: line.text, line: line.n, how: 'printed' };
  }
  for (const entry of info.entries) {
    if (entry.label !== '发文字号' && entry.label !== '文号') continue;
    // The value, or the value with the lines after it: a narrow cell wraps 普发改委〔2023〕 / 16号.
    const at = lines.findIndex((l) => l.n === entry.line);
    for (let take = 0; take <= 2; take++) {
      const text = [entry.value, ...lines.slice(at + 1, at + 1 + take).map((l) => l.text)].join('').trim();
      const found = text && docNumberOfLine(text);
      if (found) return { ...found, text, line: entry.line, how: 'printed' };
    }
  }
  return undefined;
}
