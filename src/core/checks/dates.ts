import { datesInText, readDateText } from './date-text.js';
import type { Part } from './located.js';
import { bodyTexts, excerpt } from './text-runs.js';
import { finding, type Finding, type Rule } from './types.js';

/**
 * 成文日期 and 印发日期 (GB/T 9704-2012 7.3.5.1, 7.4.4): Arabic numerals, the
 * year in full, month and day without leading zeros, no spaces: 2023年5月18日.
 */
function dateLine(part: Part, text: string, whatKey: string): Finding[] {
  const date = readDateText(text);
  const params = { value: text, whatKey };
  if (!date) return [finding('date/form', part.line, params)];
  if (date.form === 'chinese') return [finding('date/numerals', part.line, params)];
  if (date.form === 'iso') return [finding('date/form', part.line, params)];
  const out: Finding[] = [];
  if (!date.date) out.push(finding('date/form', part.line, params, 'noSuchDay'));
  if (date.spaces) out.push(finding('date/spaces', part.line, params));
  if (date.leadingZero) out.push(finding('date/leading-zero', part.line, params));
  return out;
}

export const signatureDates: Rule = ({ layout }) => [
  ...(layout.signedOn
    ? dateLine(layout.signedOn, layout.signedOn.text, 'label.signedOn')
    : layout.dateUnreadable
      ? [finding('date/unreadable', layout.dateUnreadable.line, { value: layout.dateUnreadable.text })]
      : [finding('date/missing', layout.signature?.line ?? layout.body.at(-1)?.line ?? layout.firstLine)]),
  ...(layout.issued ? dateLine(layout.issued, layout.issued.date, 'label.issuedOn') : []),
];

/** The 印发 date is the day of printing: not before the day the reply was signed. */
export const issuedAfterSigned: Rule = ({ layout }) => {
  const signed = layout.signedOn && readDateText(layout.signedOn.text)?.date;
  const issued = layout.issued && readDateText(layout.issued.date)?.date;
  if (!signed || !issued || !layout.issued || !layout.signedOn || issued >= signed) return [];
  return [finding('date/issued-before-signed', layout.issued.line, { issued: layout.issued.date, signed: layout.signedOn.text })];
};

/** A reply is not signed on a day still to come. */
export const signedNotFuture: Rule = ({ layout }, { today }) => {
  const { signedOn } = layout;
  const signed = signedOn && readDateText(signedOn.text)?.date;
  return signedOn && signed && signed > today ? [finding('date/future', signedOn.line, { value: signedOn.text })] : [];
};

/** Dates in the text (2022年8月, 2023年5月18日) are days that exist, written the same way: no spaces, no leading zeros. */
export const datesInBody: Rule = (subject) => {
  const out: Finding[] = [];
  for (const { line, text } of bodyTexts(subject)) {
    const dates = datesInText(text);
    for (const d of dates.filter((x) => !x.exists)) {
      out.push(finding('date/form', line, { value: d.text, excerpt: excerpt(text, d.index, d.text.length) }, 'noSuchDayText'));
    }
    const spaced = dates.find((d) => d.spaces);
    if (spaced) out.push(finding('date/spaces', line, { value: spaced.text, excerpt: excerpt(text, spaced.index, spaced.text.length) }, 'text'));
    const zero = dates.find((d) => d.leadingZero);
    if (zero) out.push(finding('date/leading-zero', line, { value: zero.text, excerpt: excerpt(text, zero.index, zero.text.length) }, 'text'));
  }
  return out;
};

export const dateRules: readonly Rule[] = [signatureDates, issuedAfterSigned, signedNotFuture, datesInBody];
