import { bodyTexts, excerpt, FULL_WIDTH, halfWidthMarks } from './text-runs.js';
import { PLACEHOLDER } from '../scaffold.js';
import { STALE_EXCERPT, staleMentions } from '../reuse.js';
import { makeSnippet } from '../snippet.js';
import { finding, type Finding, type Rule } from './types.js';

/**
 * A placeholder of the scaffold (【请在此写明下一步举措】) left in the body: a reply filed with it
 * would be signed and printed with it. An error, so that checking and signing refuse it.
 */
export const placeholder: Rule = (subject) =>
  bodyTexts(subject).flatMap(({ line, text }) => {
    const m = PLACEHOLDER.exec(text);
    return m ? [finding('text/placeholder', line, { placeholder: m[0] })] : [];
  });

/**
 * Punctuation in Chinese text is full-width (GB/T 15834): a half-width comma
 * or bracket among Chinese characters is a typing slip that shows in print.
 * One finding per line, naming the marks and how many.
 */
export const halfWidthPunctuation: Rule = (subject) => {
  const out: Finding[] = [];
  // A web copy normalised on the way lost every full-width mark: said once, not blamed on the office per comma.
  if (subject.origin === 'file' && subject.layout.normalised) {
    const first = bodyTexts(subject).find(({ text }) => halfWidthMarks(text).length > 0);
    return [finding('punctuation/normalised', first?.line ?? subject.layout.firstLine)];
  }
  for (const { line, text } of bodyTexts(subject)) {
    const marks = halfWidthMarks(text);
    if (!marks.length) continue;
    const kinds = [...new Set(marks.map((i) => text[i]!))];
    out.push(
      finding('punctuation/half-width', line, {
        marks: kinds.map((k) => `「${k}」`).join(''),
        full: kinds.map((k) => `「${FULL_WIDTH[k]}」`).join(''),
        count: marks.length,
        excerpt: excerpt(text, marks[0]!, 1),
      }),
    );
  }
  return out;
};

/**
 * A word typed twice (城市城市): two to four Chinese characters repeated at
 * once. Reduplicated single characters (常常, 层层) and 一X一X (一步一步,
 * 一项一项) are the language, not a slip.
 */
const DOUBLED = /(\p{Script=Han}{2,4})\1/gu;

function isSlip(word: string): boolean {
  return new Set(word).size > 1 && !(word.length === 2 && word.startsWith('一'));
}

export const duplicatedWord: Rule = (subject) => {
  const out: Finding[] = [];
  for (const { line, text } of bodyTexts(subject)) {
    // Each slip of the line: a paragraph that has one often has more (推进推进 … 长三角长三角).
    for (const m of text.matchAll(DOUBLED)) {
      if (isSlip(m[1]!)) out.push(finding('text/duplicate', line, { word: m[1]!, excerpt: excerpt(text, m.index, m[0].length) }));
    }
  }
  return out;
};

/**
 * An English word left in Chinese text (政策 and 行动方案): lowercase Latin
 * letters between Chinese text. Names and abbreviations (G60, AR/VR, 5G)
 * are capitalised or carry digits and are left alone.
 */
const LATIN_WORD = /(?<=[\p{Script=Han}\u3000-\u303f\uff01-\uff5e“”]\s*)[a-z]{2,}(?=\s*[\p{Script=Han}\u3000-\u303f\uff01-\uff5e“”])/gu;
/** Loanwords written in lowercase in Chinese text (随申办app): a matter of style, not a stray word. */
const LOANWORDS = new Set(['app', 'wifi', 'email', 'vlog', 'blog']);

export const latinWord: Rule = (subject) => {
  const out: Finding[] = [];
  for (const { line, text } of bodyTexts(subject)) {
    const m = [...text.matchAll(LATIN_WORD)].find((w) => !LOANWORDS.has(w[0]));
    if (m) out.push(finding('text/latin-word', line, { word: m[0], excerpt: excerpt(text, m.index, m[0].length) }));
  }
  return out;
};

/**
 * A full stop after a word that leads into a sentence (下一步。将聚焦…): the
 * sentence goes on, the stop should be a comma. Only words that cannot stand
 * as a sentence of their own are judged, so a short real sentence is not.
 */
const LEAD_INS = [
  '下一步', '下阶段', '下一阶段', '同时', '此外', '另外', '目前', '当前', '近年来', '近期', '今后', '为此', '对此',
  '因此', '首先', '其次', '再次', '最后', '一方面', '另一方面', '截至目前', '总之', '例如', '比如', '其中', '与此同时',
];
const STOP_AFTER_LEAD_IN = new RegExp(`(?<=^|[。！？；：，、])(${LEAD_INS.join('|')})。(?=[^\\s。！？”’])`, 'gu');

export const stopContinues: Rule = (subject) => {
  const out: Finding[] = [];
  for (const { line, text } of bodyTexts(subject)) {
    const m = text.match(new RegExp(STOP_AFTER_LEAD_IN.source, 'u'));
    if (m && m.index !== undefined) {
      out.push(finding('text/stop-continues', line, { word: m[1]!, excerpt: excerpt(text, m.index, m[0].length + 1) }));
    }
  }
  return out;
};

/**
 * A reply started from a past one (reply new --from) still says, in a sentence carried over as it
 * was, a year or date older than itself, or 今年 meaning the old year: its figures may be the old
 * ones. A warning: a history (自2018年以来) may stand, but each is for the clerk to look at.
 */
export const staleDate: Rule = (subject, context) => {
  if (!context.basis) return [];
  const asOf = subject.reply.signedOn ?? context.today;
  return staleMentions(subject.reply.body, context.basis.body, asOf).map((m) =>
    finding('text/stale-date', subject.body.lineOf(m.line), { mention: m.text, basis: context.basis!.id, sentence: makeSnippet(m.sentence, [], STALE_EXCERPT).text }),
  );
};

export const textRules: readonly Rule[] = [placeholder, halfWidthPunctuation, duplicatedWord, latinWord, stopContinues, staleDate];
