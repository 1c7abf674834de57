import { foldText } from './search-query.js';

/** A stretch of text, in characters (code points): start inclusive, end exclusive. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

/** A piece of text to show, with where the matches are in it. */
export interface Snippet {
  readonly text: string;
  readonly matches: readonly Range[];
}

/** Which part of a reply a snippet was taken from. */
export type SnippetField = 'body' | 'proposalTitle' | 'proposers' | 'title' | 'contact' | 'cc';

export interface FieldSnippet extends Snippet {
  readonly field: SnippetField;
}

/** How much text a snippet shows, and how much of it before the first match. */
const WIDTH = 80;
const BEFORE = 20;
const ELLIPSIS = '…';
/** Any UTF-16 surrogate: text holding none has one unit per character. */
const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * Text as it is shown: the index's U+0001 sentinels and other control
 * characters dropped, every run of white space (line breaks included) one space.
 */
export function displayText(text: string): string {
  return text
    .replace(/[\p{Cc}]+/gu, (run) => (/[\t\n\v\f\r]/.test(run) ? ' ' : ''))
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * Every place where one of the needles occurs, ignoring case; overlapping and
 * touching matches are merged. Offsets count characters (code points).
 */
export function findMatches(text: string, needles: readonly string[]): Range[] {
  const folded = foldText(text);
  const found: Range[] = [];
  if (!SURROGATE.test(folded) && !needles.some((n) => SURROGATE.test(n))) {
    // Every character one UTF-16 unit: offsets in the string are offsets in characters (indexOf is native and fast).
    for (const needle of needles) {
      const n = foldText(needle);
      if (n.length === 0) continue;
      for (let i = folded.indexOf(n); i >= 0; i = folded.indexOf(n, i + 1)) found.push({ start: i, end: i + n.length });
    }
  } else {
    const hay = [...folded];
    for (const needle of needles) {
      const n = [...foldText(needle)];
      if (n.length === 0 || n.length > hay.length) continue;
      outer: for (let i = 0; i + n.length <= hay.length; i++) {
        for (let j = 0; j < n.length; j++) if (hay[i + j] !== n[j]) continue outer;
        found.push({ start: i, end: i + n.length });
      }
    }
  }
  found.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: { start: number; end: number }[] = [];
  for (const r of found) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  return merged;
}

/**
 * About WIDTH characters of the text around its first match (the start of the
 * text when nothing matches), with … where text was cut, and the matches inside.
 */
export function makeSnippet(text: string, needles: readonly string[], width = WIDTH): Snippet {
  const shown = displayText(text);
  // Characters as an array only where some take two UTF-16 units; else the string's own offsets are characters.
  const chars = SURROGATE.test(shown) ? [...shown] : undefined;
  const length = chars ? chars.length : shown.length;
  const matches = findMatches(shown, needles);
  const first = matches[0];
  let start = first ? Math.max(0, first.start - BEFORE) : 0;
  const end = Math.min(length, start + width);
  start = Math.max(0, Math.min(start, end - width));
  const lead = start > 0 ? ELLIPSIS : '';
  const tail = end < length ? ELLIPSIS : '';
  const shift = lead.length - start;
  const inside = matches
    .filter((m) => m.end > start && m.start < end)
    .map((m) => ({ start: Math.max(m.start, start) + shift, end: Math.min(m.end, end) + shift }));
  return { text: lead + (chars ? chars.slice(start, end).join('') : shown.slice(start, end)) + tail, matches: inside };
}

/**
 * The snippet of a search hit: from the first part of the reply that holds a
 * match, in the order body, proposal title, proposers, title, contact, 抄送
 * (each as it is shown: 联系人姓名：宋佩颖); the start of the body when none
 * does (a query of exclusions only).
 */
export function hitSnippet(fields: Readonly<Record<SnippetField, string>>, needles: readonly string[], width = WIDTH): FieldSnippet {
  const order: SnippetField[] = ['body', 'proposalTitle', 'proposers', 'title', 'contact', 'cc'];
  for (const field of order) {
    const snippet = makeSnippet(fields[field], needles, width);
    if (snippet.matches.length > 0) return { field, ...snippet };
  }
  return { field: 'body', ...makeSnippet(fields.body, [], width) };
}

/** Cuts a snippet into plain and matched pieces, for painting the matches. */
export function splitSnippet(snippet: Snippet): { text: string; match: boolean }[] {
  const chars = [...snippet.text];
  const pieces: { text: string; match: boolean }[] = [];
  let at = 0;
  for (const m of snippet.matches) {
    if (m.start > at) pieces.push({ text: chars.slice(at, m.start).join(''), match: false });
    pieces.push({ text: chars.slice(m.start, m.end).join(''), match: true });
    at = m.end;
  }
  if (at < chars.length) pieces.push({ text: chars.slice(at).join(''), match: false });
  return pieces;
}
