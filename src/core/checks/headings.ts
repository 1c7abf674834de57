import type { Heading, HeadingLevel } from '../body.js';
import { toChineseNumeral } from '../numerals.js';
import { finding, type Finding, type Rule } from './types.js';

/** How a heading number is written officially: 一、 （一） 1. （1）. */
export function officialMarker(level: HeadingLevel, value: number, style3: '.' | '、' = '.'): string {
  switch (level) {
    case 1:
      return `${toChineseNumeral(value)}、`;
    case 2:
      return `（${toChineseNumeral(value)}）`;
    case 3:
      return `${value}${style3}`;
    case 4:
      return `（${value}）`;
  }
}

function headings(subject: Parameters<Rule>[0]): Heading[] {
  return subject.body.tree.blocks.filter((b): b is Heading => b.type === 'heading');
}

/**
 * Structure numbers (GB/T 9704-2012 7.3.3: 一、 （一） 1. （1）): each level
 * counts 1, 2, 3 … without gaps or repeats and starts again under each heading
 * of the level above; a level is not used without the one above it.
 */
export const headingSequence: Rule = (subject) => {
  const out: Finding[] = [];
  const last: (number | undefined)[] = [];
  const seen = new Set<HeadingLevel>();
  for (const h of headings(subject)) {
    const { level, value } = h.marker;
    const line = subject.body.lineOf(h.line);
    const previous = last[level];
    const expected = (previous ?? 0) + 1;
    const style3 = h.marker.raw.includes('、') ? '、' : '.';
    if (value !== expected) {
      const params = { actual: h.marker.raw.trim(), expected: officialMarker(level, expected, style3) };
      // Under a new heading of the level above, the count restarts at 1.
      out.push(finding('heading/sequence', line, params, previous === undefined && seen.has(level) ? 'restart' : undefined));
    }
    // A level used without the one above it (一、 then 1、): said once, at the first of the run.
    const parent = last.slice(1, level).findLastIndex((v) => v !== undefined) + 1;
    if (level > 1 && parent < level - 1 && previous === undefined) {
      out.push(finding('heading/skip', line, { actual: h.marker.raw.trim(), missing: officialMarker((parent + 1) as HeadingLevel, 1) }));
    }
    last[level] = value;
    for (let deeper = level + 1; deeper <= 4; deeper++) last[deeper] = undefined;
    seen.add(level);
  }
  return out;
};

/**
 * （一） and （1） take full-width brackets, the same throughout; a half-width
 * "(二)" among full-width ones is a slip.
 */
export const headingBrackets: Rule = (subject) =>
  headings(subject)
    .filter((h) => h.marker.halfWidthBrackets)
    .map((h) =>
      finding('heading/brackets', subject.body.lineOf(h.line), {
        actual: h.marker.raw.trim(),
        expected: officialMarker(h.marker.level, h.marker.value),
      }),
    );

/** Third-level numbers written one way throughout: 1. or 1、, not both. */
export const headingStyle: Rule = (subject) => {
  const level3 = headings(subject).filter((h) => h.marker.level === 3);
  const first = level3[0];
  if (!first) return [];
  const style = (h: Heading) => (h.marker.raw.includes('、') ? '、' : '.');
  const odd = level3.find((h) => style(h) !== style(first));
  return odd ? [finding('heading/style', subject.body.lineOf(odd.line), { actual: odd.marker.raw.trim(), first: first.marker.raw.trim() })] : [];
};

export const headingRules: readonly Rule[] = [headingSequence, headingBrackets, headingStyle];
