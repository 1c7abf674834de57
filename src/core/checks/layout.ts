import { contactPatterns, contentLines, postcodeTail, TITLE } from '../published.js';
import type { Contact } from '../reply.js';
import { readDateText } from './date-text.js';

/**
 * Where the parts of a reply sit in its published text, by line. The record
 * (parsePublished) says what a reply holds; this says where each part is and
 * how it is written, which is what a format rule reports. It is tolerant on
 * purpose: a doc number in 【】, a date in Chinese numerals or a salutation
 * without its colon is found, so that a rule can say what is wrong with it.
 */
export interface Part {
  /** 1-based line in the checked text. */
  readonly line: number;
  /** The line's text without Markdown heading marks and surrounding blanks. */
  readonly text: string;
}

export interface LabelledPart extends Part {
  readonly label: string;
  readonly value: string;
}

export interface Layout {
  readonly result?: LabelledPart;
  readonly disclosure?: LabelledPart;
  /** 发文机关标志 (…文件). */
  readonly header?: Part;
  readonly docNumber?: Part;
  readonly title: Part;
  readonly salutation: Part;
  /** Lines between the salutation and the signature: the opening, the body, the closing. */
  readonly body: readonly Part[];
  readonly signature: Part;
  /** 成文日期 */
  readonly signedOn: Part;
  readonly contact: Partial<Record<keyof Contact, LabelledPart>>;
  /** Footnotes printed below the signature (¹ …). */
  readonly footnotes: readonly Part[];
  readonly cc?: Part;
  readonly printingOrgan?: Part;
  /** The 印发 line, and its date as written. */
  readonly issued?: Part & { readonly date: string };
  /** The first line that carries text. */
  readonly firstLine: number;
}

export type Located = { readonly ok: true; readonly layout: Layout } | { readonly ok: false; readonly reason: string };

export { TITLE };
/** Any line that reads as the title of a reply, well formed or not. */
const TITLE_LIKE = /^[^。：:；;]{0,80}(提案|建议)[^。：:；;]{0,20}(答复|意见)$/u;
const META = /^(办理结果|公开属性)\s*[:：]\s*(.*)$/u;
/** A doc number in any bracket (or none), with or without 第 and 号. */
export const DOC_NUMBER_LIKE =
  /^([\p{Script=Han}A-Za-z·]*)(\s*)([〔[【(（〈<［{｛]?)(\s*)(\d{2,4})(\s*)([〕\]】)）〉>］}｝]?)(\s*)(第?)(\s*)(\d{1,5})(\s*)(号?)$/u;
const CC = /^抄送\s*[:：]\s*(.*)$/u;
const FOOTNOTE = /^[⁰¹²³⁴⁵⁶⁷⁸⁹]+\s*\S/u;
// Tolerant where the parser is strict: a malformed postcode is still found, so a rule can report it.
const CONTACT_LINES = contactPatterns('.*');
const POSTCODE_TAIL = postcodeTail('\\S*');

export function locate(text: string): Located {
  const lines = contentLines(text);
  const titleAt = lines.findIndex((p) => TITLE.test(p.text) || (TITLE_LIKE.test(p.text) && !p.text.includes('收悉')));
  if (titleAt < 0) return { ok: false, reason: 'import.noTitle' };
  const title = lines[titleAt]!;

  let result: LabelledPart | undefined;
  let disclosure: LabelledPart | undefined;
  let header: Part | undefined;
  let docNumber: Part | undefined;
  for (const p of lines.slice(0, titleAt)) {
    const meta = META.exec(p.text);
    if (meta) {
      const part = { ...p, label: meta[1]!, value: meta[2]!.trim() };
      if (meta[1] === '办理结果') result = part;
      else disclosure = part;
    } else if (DOC_NUMBER_LIKE.test(p.text)) docNumber = p;
    else if (p.text.endsWith('文件')) header = p;
  }

  const salutation = lines[titleAt + 1];
  if (!salutation || !isSalutation(salutation.text, lines[titleAt + 2]?.text)) return { ok: false, reason: 'import.noSalutation' };

  const dateAt = lines.findIndex((p, i) => i > titleAt + 2 && readDateText(p.text) !== undefined);
  if (dateAt < 0) return { ok: false, reason: 'import.noDate' };
  const signedOn = lines[dateAt]!;
  const signature = lines[dateAt - 1]!;
  const body = lines.slice(titleAt + 2, dateAt - 1);

  const contact: Partial<Record<keyof Contact, LabelledPart>> = {};
  const footnotes: Part[] = [];
  let cc: Part | undefined;
  let printingOrgan: Part | undefined;
  let issued: (Part & { date: string }) | undefined;
  for (let i = dateAt + 1; i < lines.length; i++) {
    const p = lines[i]!;
    const is = issuedOf(p.text);
    if (is) {
      issued = { ...p, date: is.date };
      const before = lines[i - 1]!;
      if (is.organ) printingOrgan = { line: p.line, text: is.organ };
      else if (i > dateAt + 1 && !isTailLine(before.text)) printingOrgan = before;
      continue;
    }
    if (CC.test(p.text)) {
      cc = p;
      continue;
    }
    if (FOOTNOTE.test(p.text)) {
      footnotes.push(p);
      continue;
    }
    for (const c of contactOf(p)) contact[c.key] = c.part;
  }

  return {
    ok: true,
    layout: {
      ...(result ? { result } : {}),
      ...(disclosure ? { disclosure } : {}),
      ...(header ? { header } : {}),
      ...(docNumber ? { docNumber } : {}),
      title,
      salutation,
      body,
      signature,
      signedOn,
      contact,
      footnotes,
      ...(cc ? { cc } : {}),
      ...(printingOrgan ? { printingOrgan } : {}),
      ...(issued ? { issued } : {}),
      firstLine: lines[0]!.line,
    },
  };
}

/**
 * 主送: a short line ending with a colon (either width); or, without its colon,
 * a short line before an opening that says 收悉 or 提出的.
 */
function isSalutation(text: string, next: string | undefined): boolean {
  if (text.length > 40 || text.includes('收悉') || /[。！？]/u.test(text)) return false;
  if (/[:：]$/u.test(text)) return true;
  return text.length <= 30 && next !== undefined && /收悉|提出的/u.test(next);
}

function contactOf(p: Part): { key: keyof Contact; part: LabelledPart }[] {
  const tail = POSTCODE_TAIL.exec(p.text);
  if (tail) {
    return [
      ...contactOf({ line: p.line, text: tail[1]! }),
      { key: 'postcode', part: { line: p.line, text: p.text, label: tail[2]!, value: tail[3]! } },
    ];
  }
  for (const { key, pattern } of CONTACT_LINES) {
    const m = pattern.exec(p.text);
    if (m) return [{ key, part: { line: p.line, text: p.text, label: m[1]!, value: m[2]!.trim() } }];
  }
  return [];
}

/** 2023年5月18日印发, or with the printing organ before it: 上海市…办公室  2025 年 3 月 6 日印发. */
function issuedOf(text: string): { organ?: string; date: string } | undefined {
  const m = /^(.*?)\s*印发$/u.exec(text);
  if (!m) return undefined;
  const rest = m[1]!;
  if (readDateText(rest)) return { date: rest };
  for (const space of rest.matchAll(/\s+/gu)) {
    const date = rest.slice(space.index + space[0].length);
    if (readDateText(date)) return { organ: rest.slice(0, space.index), date };
  }
  return undefined;
}

/** Lines of the tail that are not the printing organ standing before its 印发 date. */
function isTailLine(text: string): boolean {
  return contactOf({ line: 0, text }).length > 0 || CC.test(text) || readDateText(text) !== undefined || FOOTNOTE.test(text);
}
