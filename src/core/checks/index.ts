import { dateRules } from './dates.js';
import { docNumberRules } from './doc-number.js';
import { formulaRules } from './formulas.js';
import { headingRules } from './headings.js';
import { salutationRules } from './salutation.js';
import { tailRules } from './tail.js';
import { textRules } from './text.js';
import { titleRules } from './title.js';
import type { CheckContext, CheckSubject, Finding, Rule } from './types.js';

export { fixReply } from './fix.js';
export { fileSubject, renderedSubject, type Subject } from './subject.js';
export { RULES, type CheckContext, type CheckSubject, type Finding, type Place, type RuleCode, type Severity } from './types.js';

/** Every rule, group by group, in the order of the parts of a reply. */
export const ALL_RULES: readonly Rule[] = [
  ...docNumberRules,
  ...titleRules,
  ...salutationRules,
  ...formulaRules,
  ...headingRules,
  ...textRules,
  ...dateRules,
  ...tailRules,
];

/** All findings of a reply, in the order of its lines (errors before warnings on one line). */
export function checkSubject(subject: CheckSubject, context: CheckContext, rules: readonly Rule[] = ALL_RULES): Finding[] {
  const { placeOf } = subject;
  const findings = rules.flatMap((rule) => rule(subject, context)).map((f) => {
    const place = placeOf?.(f.line);
    return place ? { ...f, place } : f;
  });
  return findings
    .map((f, i) => ({ f, i }))
    .sort((x, y) => x.f.line - y.f.line || rank(x.f) - rank(y.f) || x.i - y.i)
    .map(({ f }) => f);
}

function rank(f: Finding): number {
  return f.severity === 'error' ? 0 : 1;
}
