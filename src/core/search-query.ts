/**
 * What a clerk types after `reply search`, read into terms. Pure: the store
 * turns the terms into an FTS5 query (quoting every one of them), so nothing
 * typed here is ever FTS5 or SQL syntax.
 *
 *   数据 平台            two terms, both must occur (AND)
 *   "智能 数据"          a phrase: the words and the space between them, as one piece
 *   -作废               a term that must not occur
 *   -"留作 参考"         a phrase that must not occur
 *
 * Anything else (AND, OR, NEAR(, *, ^, :, parentheses, a lone ") is text to find.
 */
export interface SearchTerm {
  /** The text to find, as typed (control characters removed). */
  readonly text: string;
  /** Typed in double quotes (it may then hold spaces). */
  readonly phrase: boolean;
  /** Typed with a leading `-`: replies that contain it are left out. */
  readonly negated: boolean;
}

/** Control characters, lone surrogates and non-characters never reach a query. */
const UNSAFE = /[\p{Cc}\p{Cs}\uFFFE\uFFFF]/gu;
const SPACE = /\s/u;

export function parseSearchQuery(input: string): SearchTerm[] {
  const text = input.replace(UNSAFE, ' ');
  const terms: SearchTerm[] = [];
  const seen = new Set<string>();
  const add = (raw: string, phrase: boolean, negated: boolean) => {
    const value = phrase ? raw.trim() : raw;
    if (!value) return;
    const key = `${negated ? '-' : '+'}${foldText(value)}`;
    if (seen.has(key)) return;
    seen.add(key);
    terms.push({ text: value, phrase, negated });
  };

  let i = 0;
  while (i < text.length) {
    if (SPACE.test(text[i]!)) {
      i++;
      continue;
    }
    let negated = false;
    // A dash negates what follows it; a dash on its own is text.
    if (text[i] === '-' && i + 1 < text.length && !SPACE.test(text[i + 1]!)) {
      negated = true;
      i++;
    }
    if (text[i] === '"') {
      const close = text.indexOf('"', i + 1);
      const end = close < 0 ? text.length : close;
      add(text.slice(i + 1, end), true, negated);
      i = end + 1;
      continue;
    }
    // A word runs to the next space or double quote (which opens a phrase).
    let end = i;
    while (end < text.length && text[end] !== '"' && !SPACE.test(text[end]!)) end++;
    add(text.slice(i, end), false, negated);
    i = end;
  }
  return terms;
}

const PAIR = /[\uD800-\uDBFF][\uDC00-\uDFFF]/g;

/** The number of characters (code points), as the trigram tokenizer counts them. */
export function charLength(text: string): number {
  // Each surrogate pair is two UTF-16 units and one character (a lone surrogate counts as one, as for…of counts it).
  return text.length - (text.match(PAIR)?.length ?? 0);
}

/**
 * Case folding one character to one character, as the index does (FTS5 folds
 * case and keeps diacritics): offsets in the folded text are offsets in the text.
 */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  // As many characters before as after: every character folded to one character.
  if (lower === text || charLength(lower) === charLength(text)) return lower;
  let out = '';
  for (const ch of text) {
    const folded = ch.toLowerCase();
    out += charLength(folded) === 1 ? folded : ch;
  }
  return out;
}
