import { YEAR_CLOSE, YEAR_OPEN } from '../doc-number.js';
import { DOC_NUMBER_LIKE } from './located.js';
import { bodyTexts } from './text-runs.js';
import { finding, type Finding, type Rule, type RuleCode, type Variant } from './types.js';

/**
 * 发文字号 (GB/T 9704-2012 7.2.4): the organ's 代字, the year in full in
 * 六角括号 〔〕, the serial without 第 and without leading zeros, then 号:
 * 普发改委〔2023〕16号.
 */
export const docNumberLine: Rule = ({ layout, awaitsNumber }, { config }) => {
  const part = layout.docNumber;
  // A reply filed without a number gets one when it is signed (or goes out without one, as GB/T 9704 allows).
  if (!part && awaitsNumber) return [];
  if (!part) return [finding('doc-number/missing', layout.title?.line ?? layout.firstLine)];
  const m = DOC_NUMBER_LIKE.exec(part.text)!;
  const [, prefix, s1, open, s2, year, s3, close, s4, di, s5, serial, s6, hao] = m;
  const out: Finding[] = [];
  const at = <C extends RuleCode>(code: C, params: Record<string, string> = {}, variant?: Variant<C>) =>
    out.push(finding(code, part.line, { value: part.text, ...params }, variant));
  if (open !== '〔' || close !== '〕') at('doc-number/brackets', { brackets: `${open}${close}` }, open || close ? undefined : 'none');
  if (year!.length !== 4) at('doc-number/year', { year: year! });
  if (di) at('doc-number/serial', {}, 'di');
  else if (serial!.length > 1 && serial!.startsWith('0')) at('doc-number/serial', { serial: serial! }, 'zero');
  else if (!hao) at('doc-number/serial', {}, 'hao');
  if ([s1, s2, s3, s4, s5, s6].some((s) => s !== '')) at('doc-number/spaces');
  if (!prefix) at('doc-number/prefix', {}, 'none');
  else if (config && prefix !== config.docPrefix) at('doc-number/prefix', { prefix, expected: config.docPrefix });
  return out;
};

/**
 * A doc number cited in the text (根据普府[2023]5号文件): the same form as in
 * the header, 〔〕 and no 第 or leading zeros.
 */
export const CITED = new RegExp(
  `([\\p{Script=Han}]{1,12}?)(\\s*)([${YEAR_OPEN}])(\\s*)(\\d{4})(\\s*)([${YEAR_CLOSE}])(\\s*)(第?)(\\s*)(\\d{1,5})(\\s*)号`,
  'gu',
);

const LEAD_IN = /^(?:根据|依据|按照|参照|依照|对照|贯彻|落实|印发|通过|详见|见)+/u;

/** The cited doc numbers of a text that are not in the official form, with that form. */
export function citedDocNumbers(text: string): { index: number; text: string; official: string }[] {
  const out: { index: number; text: string; official: string }[] = [];
  for (const m of text.matchAll(CITED)) {
    const [whole, found, s1, open, s2, year, s3, close, s4, di, s5, serial, s6] = m;
    // The words that lead into a citation are not the organ's 代字.
    const lead = LEAD_IN.exec(found!)?.[0] ?? '';
    const prefix = found!.slice(lead.length);
    const official = `${prefix}〔${year}〕${Number(serial)}号`;
    const wrong = open !== '〔' || close !== '〕' || di !== '' || (serial!.length > 1 && serial!.startsWith('0'));
    const spaced = [s1, s2, s3, s4, s5, s6].some((s) => s !== '');
    if (wrong || spaced) out.push({ index: m.index + lead.length, text: whole.slice(lead.length), official });
  }
  return out;
}

export const citedInText: Rule = (subject) => {
  const out: Finding[] = [];
  for (const { line, text } of bodyTexts(subject)) {
    const cited = citedDocNumbers(text);
    if (cited.length) out.push(finding('doc-number/cited', line, { value: cited[0]!.text, official: cited[0]!.official }));
  }
  return out;
};

export const docNumberRules: readonly Rule[] = [docNumberLine, citedInText];
