import { writtenBlocks } from './body.js';
import { simplified } from './reader/simplified.js';
import { findMatches, type Range } from './snippet.js';

/** A paragraph of a reply's body shown for a search: a match, or context around one. */
export interface ShownParagraph {
  /** 1-based, counting headings and paragraphs of the body. */
  readonly index: number;
  /** 1-based line of the body where it starts. */
  readonly line: number;
  readonly text: string;
  readonly heading: boolean;
  /** Where the terms are in its text, in characters; empty for a paragraph of context. */
  readonly matches: readonly Range[];
}

/** The most paragraphs of context asked around a match: a page of text either side is plenty. */
export const MAX_CONTEXT = 20;

/**
 * The paragraphs of a body that hold a term, each with `context` paragraphs before and after (as
 * `rg -C` does with lines), in order, every paragraph once. Groups that do not touch are apart:
 * the index tells where one ends. A term is found in a traditional text by its simplified form.
 */
export function matchingParagraphs(body: string, needles: readonly string[], context = 0): ShownParagraph[] {
  const blocks = writtenBlocks(body).map((b, i) => ({
    index: i + 1,
    line: b.line,
    text: b.text,
    heading: b.heading,
    matches: needles.length ? findMatches(simplified(b.text), needles) : [],
  }));
  const shown = new Set<number>();
  blocks.forEach((b, i) => {
    if (b.matches.length === 0) return;
    for (let j = Math.max(0, i - context); j <= Math.min(blocks.length - 1, i + context); j++) shown.add(j);
  });
  return blocks.filter((_, i) => shown.has(i));
}
