import type { MessageKey } from '../../messages/zh-CN.js';
import type { IsoDate } from '../dates.js';
import type { Kind, Proposer, ProposerRole } from '../reply.js';
import { findSessions } from '../session.js';
import { findAddressees, type AddresseeCandidate } from './addressee.js';
import { findDocNumber, type DocNumberFound } from './doc-number.js';
import { findInfoTable, infoValue, isInfoLine, isLabelOnly, joinTables, type InfoEntry, type InfoTable } from './info.js';
import { toLines, type Line, type SourceLine } from './lines.js';
import { firstOpening as openingBelow, kindWordIn, numberIn, proposalTitleOf, type Opening } from './opening.js';
import { isNormalisedCopy } from './punctuation.js';
import { simplified } from './simplified.js';
import {
  CC,
  contactItems,
  dateOfLine,
  FOOTNOTE,
  isDamagedDate,
  isDateLine,
  isNote,
  isOrganLine,
  issuedOf,
  type ContactItem,
} from './tail.js';
import { findTitles, titleForm } from './title.js';

/**
 * The tolerant reader of a reply's text, whatever office laid it out: each
 * part is found by evidence (finders that know nothing of each other), and
 * one resolver here picks a consistent set — the title above the addressee,
 * the addressee above the opening, the doc number above the body, the
 * signature above the date. It says for each field what the text says, how
 * (printed, or inferred from elsewhere on the page) and where; a field
 * without a good candidate is left out, never guessed.
 */
export type How = 'printed' | 'inferred';

export interface Found<T> {
  readonly value: T;
  readonly how: How;
  /** 1-based line of the source. */
  readonly line: number;
}

/** A line of the source, or a piece of one (the opening after the addressee's colon). */
export interface Part {
  readonly line: number;
  readonly text: string;
}

export interface Reading {
  /** Whether the text is a reply, and why not. */
  readonly verdict: { readonly reply: true; readonly score: number } | { readonly reply: false; readonly reason: MessageKey };
  readonly title?: Found<string> & { readonly lines: readonly number[] };
  /** Further printings of the title (a page heading, then the document's own). */
  readonly titleLines: readonly number[];
  readonly kind: Found<Kind>;
  readonly session?: Found<string> & { readonly key: string };
  readonly proposalNo?: Found<string>;
  readonly proposalTitle?: Found<string>;
  readonly addressee?: Found<string> & { readonly role: ProposerRole | undefined; readonly anonymised: boolean };
  readonly proposers: readonly Proposer[];
  readonly header?: Found<string>;
  readonly docNumber?: DocNumberFound;
  readonly opening?: Part;
  readonly body: readonly Part[];
  readonly signature: readonly Part[];
  readonly organ?: Found<string>;
  readonly signedOn?: Found<IsoDate>;
  /** The signing date's line, read or not. */
  readonly dateLine?: Part;
  /** A date the copy damaged (2018717): reported, never guessed. */
  readonly dateUnreadable?: Part;
  readonly contact: readonly (ContactItem & { readonly line: number })[];
  readonly footnotes: readonly Part[];
  readonly cc?: Part & { readonly list: readonly string[] };
  readonly issued?: Part & { readonly date: string; readonly organ?: Part };
  readonly result?: Found<string>;
  readonly disclosure?: Found<string>;
  readonly signer?: Found<string>;
  readonly indexNo?: Found<string>;
  readonly info: InfoTable;
  /** A web copy whose full-width punctuation was made half-width. */
  readonly normalised: boolean;
  readonly lines: readonly Line[];
}

/** A found field as text, for reports. */
export interface FoundText {
  readonly value: string;
  readonly how: How;
  readonly line: number;
}

const REPORTED = ['title', 'kind', 'session', 'proposalNo', 'proposalTitle', 'addressee', 'docNumber', 'signedOn', 'organ', 'result', 'disclosure', 'signer', 'indexNo'] as const;

/** Each field the reader found, with how (printed or inferred) and where: what `reply import --json` reports. */
export function foundFields(reading: Reading): Readonly<Record<string, FoundText>> {
  return Object.fromEntries(
    REPORTED.flatMap((key) => {
      const f = reading[key];
      return f ? [[key, { value: String(f.value), how: f.how, line: f.line }]] : [];
    }),
  );
}

const CLOSING = /感谢|特此(函告|答复|复函)|以上(答复|意见)|希望.{0,20}(意见|建议)|谢谢/u;

export function readReply(input: string | readonly SourceLine[]): Reading {
  const lines = toLines(input);
  const text = lines.map((l) => l.text).join('\n');
  const first = openingBelow(lines);
  const firstOpening = first?.line ?? Infinity;
  const above = findInfoTable(lines, firstOpening);

  const addressees = findAddressees(lines, above.lines, firstOpening);
  const addressee = pickAddressee(addressees, firstOpening);
  const titleUntil = addressee?.line ?? firstOpening;
  const titles = findTitles(lines, titleUntil === Infinity ? Infinity : titleUntil).filter((t) => !t.lines.some((n) => above.lines.has(n)));
  const title = titles[0];
  const opening = openingOf(lines, first, addressee, title?.lines.at(-1) ?? 0);

  // The body starts after the addressee (or with its rest), else with the opening.
  const bodyStart = addressee ? (addressee.rest ? addressee.line : addressee.line + 1) : opening?.line ?? Infinity;
  const tail = readTail(lines, bodyStart);
  // Some portals print the info table below the reply.
  const info = joinTables(above, findInfoTable(lines.filter((l) => l.n >= tail.end && l.n > bodyStart), Infinity));

  const headerUntil = title?.lines[0] ?? titleUntil;
  const header = lines.find((l) => l.n >= headerUntil || (!info.lines.has(l.n) && /^\S.{1,40}文件$/u.test(simplified(l.text))));
  const headerLine = header && header.n < headerUntil ? header : undefined;
  const docNumber = findDocNumber(lines, title?.lines[0] ?? titleUntil, info);
  const body = bodyOf(lines, bodyStart, tail.end, addressee, info, titles.flatMap((t) => t.lines));

  const session = sessionOf(title, opening, body);
  const proposalNo = numberOf(title, opening, info);
  const kind = kindOf(title, addressee, opening, info);
  const proposalTitle = opening && proposalTitleOf(opening.text);
  const organ = tail.organ ?? inferredOrgan(title, headerLine, info);
  const signedOn = tail.signedOn ?? inferredDate(info);

  const score =
    (title ? 3 : 0) + (addressee ? 2 : 0) + (opening ? 2 : 0) + (body.slice(-3).some((p) => CLOSING.test(p.text)) ? 1 : 0) + (tail.dateLine ? 1 : 0);
  const isReply = Boolean(title) || (Boolean(addressee) && Boolean(opening));
  const reason = lines.length === 0 ? 'import.empty' : 'import.notReply';

  return {
    verdict: isReply ? { reply: true, score } : { reply: false, reason },
    ...(title ? { title: { value: title.text, how: 'printed', line: title.lines[0]!, lines: title.lines } } : {}),
    titleLines: titles.flatMap((t) => t.lines),
    kind,
    ...(session ? { session } : {}),
    ...(proposalNo ? { proposalNo } : {}),
    ...(proposalTitle ? { proposalTitle: { value: proposalTitle, how: 'printed', line: opening!.line } } : {}),
    ...(addressee
      ? { addressee: { value: addressee.text, how: 'printed', line: addressee.line, role: addressee.role, anonymised: addressee.anonymised } }
      : {}),
    proposers: addressee?.proposers ?? [],
    ...(headerLine ? { header: { value: headerLine.text, how: 'printed', line: headerLine.n } } : {}),
    ...(docNumber ? { docNumber } : {}),
    ...(opening ? { opening } : {}),
    body,
    signature: tail.signature,
    ...(organ ? { organ } : {}),
    ...(signedOn ? { signedOn } : {}),
    ...(tail.dateLine ? { dateLine: tail.dateLine } : {}),
    ...(tail.dateUnreadable ? { dateUnreadable: tail.dateUnreadable } : {}),
    contact: tail.contact,
    footnotes: tail.footnotes,
    ...(tail.cc ? { cc: tail.cc } : {}),
    ...(tail.issued ? { issued: tail.issued } : {}),
    ...meta(info, docNumber),
    info,
    normalised: isNormalisedCopy(text),
    lines,
  };
}

/** The addressee nearest above the opening (or on its line); without an opening, the best one. */
function pickAddressee(candidates: readonly AddresseeCandidate[], opening: number): AddresseeCandidate | undefined {
  if (candidates.length === 0) return undefined;
  if (opening !== Infinity) {
    const near = candidates.filter((a) => a.line === opening || (a.line < opening && opening - a.line <= 4));
    return near.at(-1);
  }
  return [...candidates].sort((a, b) => b.score - a.score || a.line - b.line)[0];
}

function openingOf(
  lines: readonly Line[],
  first: Opening | undefined,
  addressee: AddresseeCandidate | undefined,
  after: number,
): Part | undefined {
  if (addressee?.rest) return { line: addressee.line, text: addressee.rest };
  const from = addressee?.line ?? after;
  const o = first && first.line > from ? first : (openingBelow(lines, from) ?? first);
  return o && { line: o.line, text: o.text };
}

interface Tail {
  /** The first line that is no longer body. */
  readonly end: number;
  readonly signature: Part[];
  readonly organ?: Found<string>;
  readonly signedOn?: Found<IsoDate>;
  readonly dateLine?: Part;
  readonly dateUnreadable?: Part;
  readonly contact: (ContactItem & { line: number })[];
  readonly footnotes: Part[];
  readonly cc?: Part & { list: string[] };
  readonly issued?: Part & { date: string; organ?: Part };
}

/**
 * Below the body: the date (the first line after the body's start that is a
 * date, or a damaged one), the organ lines above it, then contact, notes,
 * footnotes, 抄送 and 印发. Without a date, the tail is what trails the last
 * paragraph: contact lines and notes.
 */
function readTail(lines: readonly Line[], bodyStart: number): Tail {
  const after = lines.filter((l) => l.n > bodyStart);
  // A date that is the value of a label (日期 / 2025-12-16) belongs to the page, not to the signature.
  const dateAt = after.findIndex((l, i) => isDateLine(l.text) && !(i > 0 && isLabelOnly(after[i - 1]!.text)));
  const contact: (ContactItem & { line: number })[] = [];
  const footnotes: Part[] = [];
  let cc: Tail['cc'];
  let issued: Tail['issued'];
  const take = (l: Line, i: number, list: readonly Line[]): boolean => {
    const is = issuedOf(l.text);
    if (is) {
      const before = list[i - 1];
      const organ = is.organ ? { line: l.n, text: is.organ } : before && isOrganLine(before.text) ? { line: before.n, text: before.text } : undefined;
      issued = { line: l.n, text: l.text, date: is.date, ...(organ ? { organ } : {}) };
      return true;
    }
    const c = CC.exec(l.text);
    if (c) {
      cc = { line: l.n, text: l.text, list: c[1]!.split(/[，,、]/u).map((s) => s.trim()).filter(Boolean) };
      return true;
    }
    if (FOOTNOTE.test(l.text)) {
      footnotes.push({ line: l.n, text: l.text });
      return true;
    }
    const items = contactItems(l.text);
    if (items.length) {
      contact.push(...items.map((item) => ({ ...item, line: l.n })));
      return true;
    }
    return isNote(l.text);
  };

  if (dateAt < 0) {
    // No date: trailing contact lines and notes end the body.
    // No date: trailing contact lines and notes end the body, and an organ's line above them signs it.
    let end = after.length;
    const trailing = (text: string) => contactItems(text).length > 0 || isNote(text) || isInfoLine(text);
    while (end > 0 && (trailing(after[end - 1]!.text) || (end > 1 && isLabelOnly(after[end - 2]!.text)))) end--;
    after.slice(end).forEach((l, i, list) => take(l, i, list));
    const signer = end > 1 ? after[end - 1] : undefined;
    if (signer && isOrganLine(signer.text)) {
      return {
        end: signer.n,
        signature: [{ line: signer.n, text: signer.text }],
        organ: { value: signer.text.trim(), how: 'printed', line: signer.n },
        contact,
        footnotes,
      };
    }
    return { end: after[end]?.n ?? Infinity, signature: [], contact, footnotes };
  }

  const dateLine = after[dateAt]!;
  const date = dateOfLine(dateLine.text);
  // Above the date: the organ (one line, or two for joint organs), with contact lines or notes between.
  let top = dateAt;
  const organLines: Line[] = [];
  for (let i = dateAt - 1; i >= 0 && dateAt - i <= 4; i--) {
    const l = after[i]!;
    if (isOrganLine(l.text) && organLines.length < 2) {
      organLines.unshift(l);
      top = i;
    } else if (contactItems(l.text).length > 0 || isNote(l.text)) {
      // A phone line may stand above the signature (14), or between it and the date.
      top = i;
    } else break;
  }
  after.slice(top, dateAt).forEach((l, i, list) => {
    if (!organLines.includes(l)) take(l, i, list);
  });
  const rest = after.slice(dateAt + 1);
  rest.forEach((l, i) => take(l, i, rest));
  const organText = organLines.map((l) => l.text.trim()).join('、');
  return {
    end: after[top]!.n,
    signature: organLines.map((l) => ({ line: l.n, text: l.text })),
    ...(organLines.length ? { organ: { value: organText, how: 'printed' as const, line: organLines[0]!.n } } : {}),
    ...(date ? { signedOn: { value: date, how: 'printed' as const, line: dateLine.n } } : {}),
    ...(isDamagedDate(dateLine.text) ? { dateUnreadable: { line: dateLine.n, text: dateLine.text } } : { dateLine: { line: dateLine.n, text: dateLine.text } }),
    contact,
    footnotes,
    ...(cc ? { cc } : {}),
    ...(issued ? { issued } : {}),
  };
}

function bodyOf(
  lines: readonly Line[],
  start: number,
  end: number,
  addressee: AddresseeCandidate | undefined,
  info: InfoTable,
  titleLines: readonly number[],
): Part[] {
  const out: Part[] = [];
  for (const l of lines) {
    if (l.n < start || l.n >= end) continue;
    if (addressee && l.n === addressee.line) {
      out.push({ line: l.n, text: addressee.rest });
      continue;
    }
    if (info.lines.has(l.n) || titleLines.includes(l.n)) continue;
    out.push({ line: l.n, text: l.text });
  }
  return out;
}

/** The session the title names, else the opening, else the first lines of the body. */
function sessionOf(
  title: { text: string; lines: readonly number[] } | undefined,
  opening: Part | undefined,
  body: readonly Part[],
): (Found<string> & { key: string }) | undefined {
  const places: Part[] = [
    ...(title ? [{ line: title.lines[0]!, text: title.text }] : []),
    ...(opening ? [opening] : []),
    ...body.slice(0, 3),
  ];
  for (const p of places) {
    const m = findSessions(p.text)[0];
    if (m) return { value: m.text.replace(/\s+/gu, ''), how: 'printed', line: p.line, key: m.key };
  }
  return undefined;
}

/** The proposal's number: the title's 第N号, else the opening's (第062号提案, (第75号)), else the record's 建议号. */
function numberOf(
  title: { text: string; lines: readonly number[] } | undefined,
  opening: Part | undefined,
  info: InfoTable,
): Found<string> | undefined {
  const inTitle = title && numberIn(title.text);
  if (inTitle) return { value: inTitle.value, how: 'printed', line: title.lines[0]! };
  if (opening) {
    const form = simplified(opening.text);
    const m = /第\s*([A-Za-z]{0,4}\d{1,16}[A-Za-z\d]*)\s*号\s*(?:[)）]|提案|建议|议案|代表建议)/u.exec(form);
    if (m) return { value: m[1]!, how: 'printed', line: opening.line };
  }
  const entry = infoValue(info, '建议号', '提案号');
  const n = entry && /^第?\s*([A-Za-z]{0,4}\d{1,16}[A-Za-z\d]*)\s*号?$/u.exec(entry.value);
  if (entry && n) return { value: n[1]!, how: 'printed', line: entry.line };
  return undefined;
}

/** The kind the title names, else the addressee's role, else the opening's word, else the page's category. */
function kindOf(
  title: { text: string; lines: readonly number[] } | undefined,
  addressee: AddresseeCandidate | undefined,
  opening: Part | undefined,
  info: InfoTable,
): Found<Kind> {
  const inTitle = title && kindWordIn(titleForm(title.text));
  if (title && inTitle) return { value: inTitle, how: 'printed', line: title.lines[0]! };
  if (addressee?.role) return { value: addressee.role === '代表' ? '建议答复' : '提案答复', how: 'printed', line: addressee.line };
  const inOpening = opening && kindWordIn(opening.text);
  if (opening && inOpening) return { value: inOpening, how: 'printed', line: opening.line };
  for (const e of info.entries) {
    const category = kindWordIn(e.value);
    if (category) return { value: category, how: 'inferred', line: e.line };
  }
  // Nothing says: a 提案 is the commoner, and the record says it was not read.
  return { value: '提案答复', how: 'inferred', line: addressee?.line ?? opening?.line ?? 1 };
}

/** No signature printed: the organ before 关于/对 in the title, the header (…文件), the info table's publisher. */
function inferredOrgan(
  title: { text: string; lines: readonly number[] } | undefined,
  header: Line | undefined,
  info: InfoTable,
): Found<string> | undefined {
  if (title) {
    const m = /^(.+?)\s*(?:关于|對|对)/u.exec(title.text);
    if (m && isOrganLine(m[1]!)) return { value: m[1]!.trim(), how: 'inferred', line: title.lines[0]! };
  }
  if (header) return { value: header.text.replace(/文件$/u, '').trim(), how: 'inferred', line: header.n };
  const entry = infoValue(info, '公开主体', '发文机关', '发布机构', '发布单位');
  if (entry && isOrganLine(entry.value)) return { value: entry.value, how: 'inferred', line: entry.line };
  const bullet = info.bullets.find((b) => isOrganLine(b.value));
  if (bullet) return { value: bullet.value, how: 'inferred', line: bullet.line };
  return undefined;
}

/** No date printed below the body: the info table's 成文日期 (or 答复时间); never the publication date. */
function inferredDate(info: InfoTable): Found<IsoDate> | undefined {
  const entry = infoValue(info, '成文日期', '答复时间');
  const date = entry && dateOfLine(entry.value.replace(/\s+\d{1,2}:\d{2}(:\d{2})?$/u, ''));
  return date ? { value: date, how: 'inferred', line: entry.line } : undefined;
}

/** 办理结果, 公开属性 (公开类型, 公开方式), 签发人, 索引号 from the table; a class after the doc number. */
function meta(info: InfoTable, docNumber: DocNumberFound | undefined): Partial<Pick<Reading, 'result' | 'disclosure' | 'signer' | 'indexNo'>> {
  const found = (e: InfoEntry | undefined): Found<string> | undefined => e && { value: e.value, how: 'printed', line: e.line };
  const result = found(infoValue(info, '办理结果')) ?? (docNumber?.resultClass ? { value: `${docNumber.resultClass}类`, how: 'printed', line: docNumber.line } : undefined);
  const disclosure = found(infoValue(info, '公开属性', '公开类型', '公开方式'));
  const signer = found(infoValue(info, '签发人'));
  const indexNo = found(infoValue(info, '索引号', '信息索引号'));
  return {
    ...(result ? { result } : {}),
    ...(disclosure ? { disclosure } : {}),
    ...(signer ? { signer } : {}),
    ...(indexNo ? { indexNo } : {}),
  };
}
