import { fromChineseNumeral } from './numerals.js';

/**
 * The body of a reply as a tree. The text is what the clerk writes: paragraphs
 * separated by blank lines, headings recognised by their official numbering,
 * `**…**` for bold run-in phrases and `[^1]` footnotes. Every renderer and the
 * format checker read this tree; nothing else parses the body.
 */
export type Inline =
  | { readonly type: 'text'; readonly text: string }
  | { readonly type: 'bold'; readonly text: string }
  | { readonly type: 'footnoteRef'; readonly label: string; readonly number: number };

export type HeadingLevel = 1 | 2 | 3 | 4;

/** The numbering that opens a heading: 一、 （一） 1. 1、 （1）. */
export interface HeadingMarker {
  readonly level: HeadingLevel;
  /** The marker exactly as written, e.g. "(二) " or "1、". */
  readonly raw: string;
  readonly value: number;
  /** True for ASCII brackets in （一）/（1） markers: the checker reports it. */
  readonly halfWidthBrackets: boolean;
}

export interface Heading {
  readonly type: 'heading';
  readonly marker: HeadingMarker;
  /** The heading proper: up to the first sentence end when text runs on. */
  readonly title: readonly Inline[];
  /** Text that runs on in the same paragraph after the heading. */
  readonly rest: readonly Inline[];
  /** 1-based line in the body text where the block starts. */
  readonly line: number;
}

export interface Paragraph {
  readonly type: 'paragraph';
  readonly inlines: readonly Inline[];
  readonly line: number;
}

export type Block = Heading | Paragraph;

export interface Footnote {
  readonly label: string;
  /** 1-based, in order of first reference. */
  readonly number: number;
  readonly inlines: readonly Inline[];
  readonly line: number;
}

export interface BodyTree {
  readonly blocks: readonly Block[];
  readonly footnotes: readonly Footnote[];
}

const CN = '零〇一二三四五六七八九十百';
const MARKERS: readonly { level: HeadingLevel; pattern: RegExp; numeral: 'cn' | 'arabic' }[] = [
  { level: 1, pattern: new RegExp(`^([${CN}]{1,4})、\\s*`, 'u'), numeral: 'cn' },
  { level: 2, pattern: new RegExp(`^[（(]\\s*([${CN}]{1,4})\\s*[）)]\\s*`, 'u'), numeral: 'cn' },
  { level: 3, pattern: /^(\d{1,2})(?:[.．](?!\d)|、)\s*/u, numeral: 'arabic' },
  { level: 4, pattern: /^[（(]\s*(\d{1,2})\s*[）)]\s*/u, numeral: 'arabic' },
];
const FOOTNOTE_DEF = /^\[\^([^\]\s]+)\]:\s?(.*)$/u;
const MARKDOWN_HEADING = /^#{1,6}\s+/u;
/** Sentence ends after which a heading's run-on text starts. */
const SENTENCE_END = /[。！？]/u;

export function parseBody(text: string): BodyTree {
  const { rawBlocks, rawNotes } = walk(text);
  const numbers = footnoteNumbers(rawBlocks.map((b) => b.text), rawNotes.map((n) => n.label));
  const blocks = rawBlocks.map((b) => toBlock(b.text, b.line, numbers));
  const footnotes = rawNotes
    .map((n) => ({ label: n.label, number: numbers.get(n.label)!, inlines: parseInlines(n.text, numbers), line: n.line }))
    .sort((a, b) => a.number - b.number);
  return { blocks, footnotes };
}

/** A block of the body as written: its lines joined as the tree joins them, ** marks and footnote markers kept. */
export interface WrittenBlock {
  readonly text: string;
  /** 1-based line in the body text where the block starts. */
  readonly line: number;
  readonly heading: boolean;
}

/** The body's blocks (headings and paragraphs, in order, footnotes left out) as written: what a clerk copies. */
export function writtenBlocks(text: string): WrittenBlock[] {
  return walk(text).rawBlocks.map((b) => ({ ...b, heading: markerOf(b.text) !== undefined }));
}

/** The body's footnote definitions as written: [^1]: … */
export function writtenNotes(text: string): string[] {
  return walk(text).rawNotes.map((n) => `[^${n.label}]: ${n.text}`);
}

/** The body's footnote definitions with the line each starts on. */
export function writtenNoteLines(text: string): { readonly text: string; readonly line: number }[] {
  return walk(text).rawNotes.map((n) => ({ text: n.text, line: n.line }));
}

/** The body's lines gathered into blocks and footnote definitions. */
function walk(text: string) {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const rawBlocks: { text: string; line: number }[] = [];
  const rawNotes: { label: string; text: string; line: number }[] = [];
  let current: { text: string; line: number } | undefined;

  const flush = () => {
    if (current) rawBlocks.push(current);
    current = undefined;
  };

  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const line = raw.trim();
    if (line === '') return flush();
    const def = FOOTNOTE_DEF.exec(line);
    if (def) {
      flush();
      rawNotes.push({ label: def[1]!, text: def[2]!.trim(), line: lineNo });
      return;
    }
    const content = line.replace(MARKDOWN_HEADING, '');
    // A numbered heading always starts a block, even without a blank line before it.
    if (current && markerOf(content)) flush();
    if (!current) current = { text: content, line: lineNo };
    else current.text = joinLines(current.text, content);
  });
  flush();
  return { rawBlocks, rawNotes };
}

/** The heading marker that opens a line, if any. */
export function markerOf(text: string): HeadingMarker | undefined {
  for (const { level, pattern, numeral } of MARKERS) {
    const m = pattern.exec(text);
    if (!m) continue;
    const value = numeral === 'cn' ? fromChineseNumeral(m[1]!) : Number(m[1]);
    if (value === undefined || value < 1) continue;
    return { level, raw: m[0], value, halfWidthBrackets: /^\(|\)\s*$/.test(m[0]) };
  }
  return undefined;
}

/**
 * A body as plain running text, as a snippet shows it: no bold marks, no footnote
 * markers, each note's text without its label.
 */
export function plainBody(text: string): string {
  return text
    .replace(/\*\*/gu, '')
    .replace(/^\[\^[^\]\s]+\]:[ \t]*/gmu, '')
    .replace(/\[\^[^\]\s]+\]/gu, '');
}

/** Plain text of inline runs: bold marks dropped, footnote references as given. */
export function plainText(inlines: readonly Inline[], ref: (n: number) => string = () => ''): string {
  return inlines.map((i) => (i.type === 'footnoteRef' ? ref(i.number) : i.text)).join('');
}

function toBlock(text: string, line: number, numbers: Map<string, number>): Block {
  const marker = markerOf(text);
  if (!marker) return { type: 'paragraph', inlines: parseInlines(text, numbers), line };
  const [title, rest] = splitRunIn(parseInlines(text.slice(marker.raw.length), numbers));
  return { type: 'heading', marker, title, rest, line };
}

/**
 * A heading runs on when text follows its first sentence end: the title is
 * up to that end (a bold run holding it stays whole), the rest is the run-on.
 */
function splitRunIn(inlines: Inline[]): [Inline[], Inline[]] {
  for (let i = 0; i < inlines.length; i++) {
    const run = inlines[i]!;
    if (run.type === 'footnoteRef') continue;
    const end = SENTENCE_END.exec(run.text);
    if (!end) continue;
    if (run.type === 'bold') return nonEmptyRest(inlines.slice(0, i + 1), inlines.slice(i + 1), inlines);
    const head = run.text.slice(0, end.index + 1);
    const tail = run.text.slice(end.index + 1);
    const title = [...inlines.slice(0, i), { type: 'text', text: head } as const];
    const rest = [...(tail ? [{ type: 'text', text: tail } as const] : []), ...inlines.slice(i + 1)];
    return nonEmptyRest(title, rest, inlines);
  }
  return [inlines, []];
}

/** A heading whose only text after the sentence end is a footnote marker does not run on. */
function nonEmptyRest(title: Inline[], rest: Inline[], all: Inline[]): [Inline[], Inline[]] {
  return rest.some((r) => r.type !== 'footnoteRef') ? [title, rest] : [all, []];
}

const INLINE = /\*\*(.+?)\*\*|\[\^([^\]\s]+)\]/gu;

function parseInlines(text: string, numbers: Map<string, number>): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  const pushText = (t: string) => {
    if (!t) return;
    const prev = out[out.length - 1];
    if (prev?.type === 'text') out[out.length - 1] = { type: 'text', text: prev.text + t };
    else out.push({ type: 'text', text: t });
  };
  for (const m of text.matchAll(INLINE)) {
    pushText(text.slice(last, m.index));
    last = m.index + m[0].length;
    if (m[1] !== undefined) {
      out.push({ type: 'bold', text: m[1] });
    } else {
      const number = numbers.get(m[2]!);
      if (number === undefined) pushText(m[0]);
      else out.push({ type: 'footnoteRef', label: m[2]!, number });
    }
  }
  pushText(text.slice(last));
  return out;
}

/** Footnotes are numbered in order of first reference; a reference without a definition stays text. */
function footnoteNumbers(texts: string[], defined: string[]): Map<string, number> {
  const known = new Set(defined);
  const numbers = new Map<string, number>();
  for (const t of texts) {
    for (const m of t.matchAll(/\[\^([^\]\s]+)\]/gu)) {
      const label = m[1]!;
      if (known.has(label) && !numbers.has(label)) numbers.set(label, numbers.size + 1);
    }
  }
  // A note nobody refers to is still the clerk's text: it follows the referenced ones.
  for (const label of defined) if (!numbers.has(label)) numbers.set(label, numbers.size + 1);
  return numbers;
}

/** Lines of one paragraph join without a space, except between two Latin words. */
function joinLines(a: string, b: string): string {
  return /[A-Za-z0-9,.;:]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b;
}
