import { characterFault } from './characters.js';
import { parseDate, type IsoDate } from './dates.js';
import { DocNumber } from './doc-number.js';
import { parseProposalNo } from './fields.js';
import { isRole } from './proposers.js';
import { KINDS, type Kind, type Proposer, type ReplyFields } from './reply.js';

/**
 * The fields of a record that the reply's own text does not print but a
 * disclosure page prints above it, as an info table: 办理结果, 公开属性. The
 * documents the tool makes carry them as properties (a DOCX's custom
 * properties, a page's <meta>), and the readers of those formats give them
 * back as info-table lines, so that an office's own file reads back whole.
 */
export const PROPERTY_LABELS = ['办理结果', '公开属性'] as const;
export type PropertyLabel = (typeof PROPERTY_LABELS)[number];

export function documentProperties(reply: Pick<ReplyFields, 'result' | 'disclosure'>): { readonly label: PropertyLabel; readonly value: string }[] {
  const all = [
    { label: '办理结果', value: reply.result },
    { label: '公开属性', value: reply.disclosure },
  ] as const;
  return all.filter((p) => p.value.trim() !== '');
}

/** A property as the line a disclosure page prints it in. */
export function propertyLine(label: string, value: string): string | undefined {
  const known = (PROPERTY_LABELS as readonly string[]).includes(label.trim());
  const text = value.replace(/\s+/gu, ' ').trim();
  return known && text ? `${label.trim()}：${text}` : undefined;
}

/** The properties as one text, for a document's keywords: 办理结果：采纳解决；公开属性：主动公开·全文. */
export function propertiesText(reply: Pick<ReplyFields, 'result' | 'disclosure'>): string {
  return documentProperties(reply)
    .map(({ label, value }) => `${label}：${value.replace(/[；;\s]+/gu, ' ').trim()}`)
    .join('；');
}

/** The info-table lines of a keywords text written so; other keywords give none. */
export function propertyLines(keywords: string): string[] {
  return keywords.split(/[；;]/u).flatMap((part) => {
    const m = /^\s*([^:：]+)[:：](.*)$/u.exec(part);
    const line = m ? propertyLine(m[1]!, m[2]!) : undefined;
    return line ? [line] : [];
  });
}

/**
 * The record a DOCX written by reply carries among its custom properties
 * (Word: 文件 › 属性 › 高级属性 › 自定义), so that importing or checking it
 * gives the record it was made from: what the text prints in a form the reader
 * must cut from a sentence (the proposal's title), what it prints by role only
 * (the proposers), and what it does not print at all (办理结果, 公开属性). The
 * names are a file format, not words of the interface: they never change.
 */
export const RECORD_MARK = 'reply';
const RECORD_FORMAT = '1';
export const RECORD_NAMES = {
  kind: '类型',
  docNumber: '发文字号',
  session: '会次',
  proposalNo: '提案编号',
  proposalTitle: '提案标题',
  proposers: '提案人',
  leadUnit: '主办单位',
  signedOn: '成文日期',
  organ: '发文机关',
  result: '办理结果',
  disclosure: '公开属性',
  cc: '抄送',
} as const satisfies Partial<Record<keyof ReplyFields, string>>;

/** A value longer than this is no field of a reply: a property that long is left unread. */
const MAX_PROPERTY = 2_000;

/** What the record's properties say, each field checked as input would check it; a field they do not say well is absent. */
export interface Recorded {
  readonly kind?: Kind;
  readonly docNumber?: DocNumber;
  readonly session?: string;
  readonly proposalNo?: string;
  readonly proposalTitle?: string;
  readonly proposers?: readonly Proposer[];
  readonly leadUnit?: string;
  readonly signedOn?: IsoDate;
  readonly organ?: string;
  readonly result?: string;
  readonly disclosure?: string;
  readonly cc?: readonly string[];
}

/**
 * The properties of a reply's document: the number only where the document
 * prints it (a draft prints none), lists as JSON so that no name is split.
 */
export function recordProperties(reply: ReplyFields, printsNumber: boolean): { readonly name: string; readonly value: string }[] {
  const values: Record<keyof typeof RECORD_NAMES, string> = {
    kind: reply.kind,
    docNumber: printsNumber ? (reply.docNumber?.toString() ?? '') : '',
    session: reply.session ?? '',
    proposalNo: reply.proposalNo ?? '',
    proposalTitle: reply.proposalTitle,
    proposers: reply.proposers.length ? JSON.stringify(reply.proposers.map((p) => [p.name, p.role])) : '',
    leadUnit: reply.leadUnit ?? '',
    signedOn: reply.signedOn ?? '',
    organ: reply.organ ?? '',
    result: reply.result,
    disclosure: reply.disclosure,
    cc: reply.cc.length ? JSON.stringify(reply.cc) : '',
  };
  const named = (Object.keys(RECORD_NAMES) as (keyof typeof RECORD_NAMES)[]).filter((k) => values[k] !== '').map((k) => ({ name: RECORD_NAMES[k], value: values[k] }));
  return [{ name: RECORD_MARK, value: RECORD_FORMAT }, ...named];
}

/** The record a document's custom properties carry, or undefined when reply did not write them. */
export function recordedOf(properties: Readonly<Record<string, string>>): Recorded | undefined {
  if (properties[RECORD_MARK] !== RECORD_FORMAT) return undefined;
  const text = (key: keyof typeof RECORD_NAMES): string | undefined => {
    const value = properties[RECORD_NAMES[key]];
    if (value === undefined || value.length > MAX_PROPERTY) return undefined;
    const trimmed = value.trim();
    return trimmed && characterFault(trimmed, 'one') === undefined ? trimmed : undefined;
  };
  const read = <T>(key: keyof typeof RECORD_NAMES, parse: (value: string) => T | undefined): T | undefined => {
    const value = text(key);
    if (value === undefined) return undefined;
    try {
      return parse(value);
    } catch {
      return undefined;
    }
  };
  const kind = read('kind', (v) => ((KINDS as readonly string[]).includes(v) ? (v as Kind) : undefined));
  const out: Record<string, unknown> = {
    kind,
    docNumber: read('docNumber', (v) => DocNumber.parse(v)),
    session: text('session'),
    proposalNo: read('proposalNo', parseProposalNo),
    proposalTitle: text('proposalTitle'),
    proposers: read('proposers', proposersOf),
    leadUnit: kind === '会办意见' ? text('leadUnit') : undefined,
    signedOn: read('signedOn', (v) => (/^\d{4}-\d{2}-\d{2}$/u.test(v) ? parseDate(v, 'signed-on') : undefined)),
    organ: text('organ'),
    result: text('result'),
    disclosure: text('disclosure'),
    cc: read('cc', (v) => stringList(JSON.parse(v))),
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as Recorded;
}

function proposersOf(value: string): Proposer[] | undefined {
  const list: unknown = JSON.parse(value);
  if (!Array.isArray(list) || list.length === 0 || list.length > 200) return undefined;
  const proposers = list.map((p: unknown) =>
    Array.isArray(p) && typeof p[0] === 'string' && p[0].trim() && isRole(p[1]) ? { name: p[0].trim(), role: p[1] } : undefined,
  );
  return proposers.every((p) => p !== undefined) ? (proposers as Proposer[]) : undefined;
}

function stringList(list: unknown): string[] | undefined {
  if (!Array.isArray(list) || list.length > 200) return undefined;
  const items = list.map((x: unknown) => (typeof x === 'string' ? x.trim() : ''));
  return items.every((x) => x !== '' && characterFault(x, 'one') === undefined) ? items : undefined;
}
