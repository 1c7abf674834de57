import { markerOf } from '../body.js';
import { salutationOf } from '../proposers.js';
import type { ReplyFields } from '../reply.js';
import { repeatsSalutation } from './salutation.js';
import { datesInText } from './date-text.js';
import { citedDocNumbers } from './doc-number.js';
import { officialMarker } from './headings.js';
import { FULL_WIDTH, halfWidthMarks } from './text-runs.js';

/**
 * What `reply check --fix` repairs: only what is mechanical and safe, where
 * the right form follows from the wrong one alone. Half-width punctuation in
 * Chinese text becomes full-width, a heading's brackets full-width, a cited
 * doc number takes 〔〕 without 第 or leading zeros, a date in the text loses
 * its spaces and leading zeros, the salutation gets its full-width colon, and
 * a salutation typed again at the head of the body goes.
 * Doubled words, stray English words and full stops are left to the clerk:
 * which word goes is a decision.
 */
export function fixReply(reply: ReplyFields): ReplyFields {
  return { ...reply, body: fixBody(withoutSalutation(reply.body, salutationOf(reply))), salutation: reply.salutation === null ? null : fixSalutation(reply.salutation) };
}

/** The body without the salutation typed again as its first paragraph (it prints on its own line already). */
function withoutSalutation(body: string, salutation: string): string {
  const m = /^\s*([^\n]*)\n(?:[ \t]*\n)*/u.exec(body);
  if (!m || !repeatsSalutation(m[1]!, salutation)) return body;
  return body.slice(m[0].length);
}

/** The body as typed (Markdown marks, **bold**, [^n] notes), repaired line by line. */
export function fixBody(body: string): string {
  return body.split('\n').map(fixLine).join('\n');
}

export function fixSalutation(text: string): string {
  const trimmed = text.trim();
  if (trimmed.endsWith(':')) return trimmed.slice(0, -1).trimEnd() + '：';
  return /[：；;，,。]$/u.test(trimmed) ? trimmed : trimmed + '：';
}

function fixLine(line: string): string {
  const note = /^(\[\^[^\]\s]+\]:\s?)(.*)$/u.exec(line);
  if (note) return note[1]! + fixText(note[2]!);
  const mark = /^#{1,6}\s+/u.exec(line)?.[0] ?? '';
  const rest = line.slice(mark.length);
  const marker = markerOf(rest);
  if (!marker) return mark + fixText(rest);
  const head = marker.halfWidthBrackets ? officialMarker(marker.level, marker.value) : marker.raw;
  return mark + head + fixText(rest.slice(marker.raw.length));
}

/** Running text: cited doc numbers, then dates, then punctuation (a doc number's brackets are its own). */
export function fixText(text: string): string {
  let out = text;
  for (const c of citedDocNumbers(out).reverse()) out = out.slice(0, c.index) + c.official + out.slice(c.index + c.text.length);
  for (const d of datesInText(out).reverse()) {
    if (d.spaces || d.leadingZero) out = out.slice(0, d.index) + d.official + out.slice(d.index + d.text.length);
  }
  const marks = halfWidthMarks(out, /\*/);
  // A full-width mark holds its own space: the blanks typed after the half-width one (更新. 二是) go with it.
  for (const i of marks.reverse()) out = out.slice(0, i) + FULL_WIDTH[out[i]!]! + out.slice(i + 1).replace(/^[ \t]+(?=[^\sA-Za-z0-9])/u, '');
  return out;
}
