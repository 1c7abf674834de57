import type { Inline } from '../body.js';
import { superscript } from '../numerals.js';
import type { CheckSubject } from './types.js';

/** One line's running text, as a rule reads it. */
export interface TextRun {
  readonly line: number;
  readonly text: string;
}

/**
 * The running text of the body, block by block from the body tree (a
 * heading's numbering left out: the heading rules judge it), and the
 * footnotes printed below the signature.
 */
export function bodyTexts({ body, layout }: CheckSubject): TextRun[] {
  const inline = (inlines: readonly Inline[]) =>
    inlines.map((i) => (i.type === 'footnoteRef' ? superscript(i.number) : i.text)).join('');
  const runs: TextRun[] = body.tree.blocks.map((b) => ({
    line: body.lineOf(b.line),
    text: b.type === 'heading' ? inline(b.title) + inline(b.rest) : inline(b.inlines),
  }));
  for (const f of body.tree.footnotes) runs.push({ line: body.lineOf(f.line), text: inline(f.inlines) });
  for (const f of layout.footnotes) runs.push({ line: f.line, text: f.text.replace(/^[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s*/u, '') });
  return runs;
}

/** Chinese text: Han characters and the full-width punctuation that sits among them. */
const CJK = /[\p{Script=Han}\u3000-\u303f\uff01-\uff5e\u2014\u2026\u201c\u201d\u2018\u2019\u00b7]/u;
const HAN = /\p{Script=Han}/u;
/** Full-width marks that close a phrase (…》.) or open one (. “二是…). */
const CLOSING = '》”’）」』';
const OPENING = '《“‘（「『';

export function isCjk(ch: string | undefined): boolean {
  return ch !== undefined && CJK.test(ch);
}

/** The full-width form of each half-width mark the rule knows. */
export const FULL_WIDTH: Readonly<Record<string, string>> = {
  ',': '，',
  ';': '；',
  ':': '：',
  '?': '？',
  '!': '！',
  '(': '（',
  ')': '）',
  '.': '。',
};

/**
 * Half-width punctuation in Chinese text: , ; : ? ! next to Chinese text, and
 * ( ) around or beside Chinese text. `transparent` characters (the `*` of a
 * bold mark in a body as typed) are looked through when finding neighbours.
 * Returns the indices of the marks, in order.
 */
export function halfWidthMarks(text: string, transparent: RegExp = /^$/): number[] {
  const chars = [...text];
  const neighbour = (from: number, step: 1 | -1): string | undefined => {
    for (let i = from + step; i >= 0 && i < chars.length; i += step) {
      if (!transparent.test(chars[i]!)) return chars[i];
    }
    return undefined;
  };
  const found = new Set<number>();
  chars.forEach((ch, i) => {
    if (',;:?!'.includes(ch) && (isCjk(neighbour(i, -1)) || isCjk(neighbour(i, 1)))) found.add(i);
  });
  // A full stop typed half-width (更新. 二是): after Chinese text, and before Chinese text or at the end. Not a
  // decimal point, an abbreviation or a name (3.5亿, No.1, www.gov.cn), nor part of an ellipsis (...).
  chars.forEach((ch, i) => {
    if (ch !== '.' || chars[i - 1] === '.' || chars[i + 1] === '.') return;
    const before = neighbour(i, -1);
    let j = i + 1;
    while (j < chars.length && (/\s/u.test(chars[j]!) || transparent.test(chars[j]!))) j++;
    const after = chars[j];
    const closes = before !== undefined && (HAN.test(before) || CLOSING.includes(before));
    if (closes && (after === undefined || HAN.test(after) || OPENING.includes(after))) found.add(i);
  });
  // Brackets: a pair holding Chinese text or standing beside it; a lone one beside Chinese text.
  const open: number[] = [];
  const paired = new Set<number>();
  chars.forEach((ch, i) => {
    if (ch === '(') open.push(i);
    else if (ch === ')' && open.length) {
      const start = open.pop()!;
      paired.add(start).add(i);
      const inside = chars.slice(start + 1, i).join('');
      if (HAN.test(inside) || HAN.test(neighbour(start, -1) ?? '') || HAN.test(neighbour(i, 1) ?? '')) found.add(start).add(i);
    }
  });
  chars.forEach((ch, i) => {
    if ((ch === '(' || ch === ')') && !paired.has(i) && (HAN.test(neighbour(i, -1) ?? '') || HAN.test(neighbour(i, 1) ?? ''))) {
      found.add(i);
    }
  });
  // Indices into the string (not the code points), for the caller's slicing.
  const offsets: number[] = [];
  let offset = 0;
  chars.forEach((ch, i) => {
    if (found.has(i)) offsets.push(offset);
    offset += ch.length;
  });
  return offsets;
}

/** A few characters either side of a place in a text, for a message. */
export function excerpt(text: string, index: number, length: number, around = 4): string {
  const start = Math.max(0, index - around);
  const end = Math.min(text.length, index + length + around);
  return (start > 0 ? '…' : '') + text.slice(start, end) + (end < text.length ? '…' : '');
}
