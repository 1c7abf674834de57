import { foldText } from './search-query.js';

/** A trigram of a reply and how much it says about the reply. */
export interface TrigramWeight {
  readonly term: string;
  readonly weight: number;
}

/** A proposal title says more about a reply than a sentence of its body. */
const TITLE_WEIGHT = 3;
/** Letters and digits only: a trigram with punctuation or a space in it says nothing. */
const WORDY = /^[\p{L}\p{N}]{3}$/u;

/**
 * The trigrams of a reply's proposal title and body (folded as the index folds
 * them), each weighted by how often it occurs, title occurrences counting
 * more; the heaviest first, at most `max`.
 */
export function trigramWeights(proposalTitle: string, body: string, max = 300): TrigramWeight[] {
  const weights = new Map<string, number>();
  const count = (text: string, weight: number) => {
    const chars = [...foldText(text)];
    for (let i = 0; i + 3 <= chars.length; i++) {
      const term = chars[i]! + chars[i + 1]! + chars[i + 2]!;
      if (WORDY.test(term)) weights.set(term, (weights.get(term) ?? 0) + weight);
    }
  };
  count(proposalTitle, TITLE_WEIGHT);
  count(body, 1);
  // Ties keep the order of first occurrence (Map order), so the choice is stable.
  return [...weights]
    .map(([term, weight]) => ({ term, weight }))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, max);
}

/**
 * The trigrams that tell a reply apart: weight × idf, keeping only those that
 * some other reply shares (document frequency ≥ 2) and that are not common
 * (document frequency below `common`). `df` maps a term to the number of
 * replies that hold it, counted up to `common`.
 */
export function distinctiveTrigrams(
  candidates: readonly TrigramWeight[],
  df: ReadonlyMap<string, number>,
  total: number,
  common: number,
  count = 32,
): string[] {
  return candidates
    .map((c) => ({ term: c.term, n: df.get(c.term) ?? 0, weight: c.weight }))
    .filter((c) => c.n >= 2 && c.n < common)
    .map((c) => ({ term: c.term, score: c.weight * Math.log(1 + total / c.n) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, count)
    .map((c) => c.term);
}
