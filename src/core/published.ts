import { markerOf } from './body.js';
import { parseDate, type IsoDate } from './dates.js';
import { DocNumber } from './doc-number.js';
import { fromSuperscript } from './numerals.js';
import { deriveSalutation, parseProposer } from './proposers.js';
import {
  DEFAULT_CONTACT_LABELS,
  type Contact,
  type ContactLabels,
  type Kind,
  type Proposer,
  type ReplyFields,
} from './reply.js';

/**
 * Reads the whole text of a published reply (as exported from the published
 * document) back into a record: the reverse of the text render. It repairs
 * what the export did to the text (page-break splits, Markdown marks, a
 * footnote printed between the halves of a split paragraph) and says which
 * fields it could not find.
 */
export type Published =
  | { readonly ok: true; readonly reply: ReplyFields; readonly warnings: readonly string[] }
  | { readonly ok: false; readonly reason: string };

/** The three title shapes of the genre. */
export const TITLE = /^对(.+?)\s*第\s*(\d+)\s*号(提案的答复|提案的会办意见|建议的答复)$/u;
const KIND_OF_TITLE: Record<string, Kind> = { 提案的答复: '提案答复', 提案的会办意见: '会办意见', 建议的答复: '建议答复' };
const DATE = /^(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)$/u;
const ISSUED = /^(?:(.*?)\s+)?(\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日)\s*印发$/u;
const META = /^(办理结果|公开属性)\s*[:：]\s*(.+)$/u;
const DOC_NUMBER_LINE = /^[\p{Script=Han}A-Za-z·]*\s*[〔[【(（]\s*\d{4}\s*[〕\]】)）]\s*第?\s*\d{1,5}\s*号$/u;
const CC = /^抄送\s*[:：]\s*(.+?)。?$/u;
const FOOTNOTE = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(.+)$/u;
/** A paragraph ending in none of these continues on the next one (a page break split it). */
const PARAGRAPH_END = /[。！？：；…”’）)」』]$/u;

/** The labels each line of the contact block goes by, longest first. */
export const CONTACT_LABELS: Readonly<Record<keyof Contact, string>> = {
  name: '联系人姓名|联系人',
  phone: '联系电话|电话',
  address: '承办单位通讯地址|通讯地址|联系地址|地址',
  postcode: '邮政编码|邮编',
};

/** The contact line patterns: label, colon, value (a value pattern for the postcode, or anything). */
export function contactPatterns(postcode: string): { key: keyof Contact; pattern: RegExp }[] {
  return (Object.keys(CONTACT_LABELS) as (keyof Contact)[]).map((key) => ({
    key,
    pattern: new RegExp(`^(${CONTACT_LABELS[key]})\\s*[:：]\\s*(${key === 'postcode' ? postcode : '.*'})$`, 'u'),
  }));
}

/** A postcode on the address line, as some exports print it. */
export function postcodeTail(postcode: string): RegExp {
  return new RegExp(`^(.*?)\\s+(${CONTACT_LABELS.postcode})\\s*[:：]\\s*(${postcode})$`, 'u');
}

const CONTACT_LINES = contactPatterns('\\d{6}');
const POSTCODE_TAIL = postcodeTail('\\d{6}');

/** A line of a published text that carries something, with its 1-based number. */
export interface TextLine {
  readonly line: number;
  readonly text: string;
}

/** The lines that carry text: BOM and Markdown heading marks dropped, blank and rule lines skipped. */
export function contentLines(text: string): TextLine[] {
  return text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((raw, i) => ({ line: i + 1, text: raw.replace(/^#{1,6}\s+/u, '').trim() }))
    .filter((p) => p.text !== '' && !/^(-{3,}|\*{3,}|_{3,})$/.test(p.text));
}

export function parsePublished(text: string): Published {
  const lines = contentLines(text).map((l) => l.text);

  const titleAt = lines.findIndex((l) => TITLE.test(l));
  if (titleAt < 0) return { ok: false, reason: 'import.noTitle' };
  const [, session, proposalNo, what] = TITLE.exec(lines[titleAt]!)!;
  const kind = KIND_OF_TITLE[what!]!;
  const warnings: string[] = [];

  // Above the title: 办理结果, 公开属性, the organ's header, the doc number.
  const meta = new Map<string, string>();
  let header: string | null = null;
  let docNumber: DocNumber | undefined;
  for (const line of lines.slice(0, titleAt)) {
    const m = META.exec(line);
    if (m) meta.set(m[1]!, m[2]!.trim());
    else if (DOC_NUMBER_LINE.test(line)) docNumber = DocNumber.parse(line);
    else if (line.endsWith('文件')) header = line;
  }
  if (!docNumber) return { ok: false, reason: 'import.noDocNumber' };

  const salutationLine = lines[titleAt + 1];
  // The 主送 is a short line ending with a colon; the opening (…收悉，…如下：) ends with one too.
  if (!salutationLine || !/[:：]$/u.test(salutationLine) || salutationLine.length > 40 || salutationLine.includes('收悉')) {
    return { ok: false, reason: 'import.noSalutation' };
  }
  const addressee = salutationLine.replace(/\s*[:：]$/u, '');

  // Below the body: the signature, the date, contact lines, footnotes, 抄送, the 印发 line.
  const dateAt = lines.findIndex((l, i) => i > titleAt + 2 && DATE.test(l));
  if (dateAt < 0) return { ok: false, reason: 'import.noDate' };
  const organ = lines[dateAt - 1]!;
  const signedOn = readDate(lines[dateAt]!);
  const bodyLines = lines.slice(titleAt + 2, dateAt - 1);

  const contact: Record<string, string> = {};
  const labels: Partial<Record<keyof ContactLabels, string>> = {};
  const footnotes = new Map<number, string>();
  let cc: string[] = [];
  let printingOrgan = organ;
  let issuedOn: IsoDate | null = null;
  for (let i = dateAt + 1; i < lines.length; i++) {
    const line = lines[i]!;
    const issued = ISSUED.exec(line);
    if (issued) {
      issuedOn = readDate(issued[2]!);
      printingOrgan = issued[1] ?? (i > dateAt + 1 && !isTailLine(lines[i - 1]!) ? lines[i - 1]! : organ);
      continue;
    }
    const c = CC.exec(line);
    if (c) {
      cc = c[1]!.split(/[，,、]/u).map((s) => s.trim()).filter(Boolean);
      continue;
    }
    const note = footnoteOf(line);
    if (note) {
      footnotes.set(note.number, note.text);
      continue;
    }
    for (const { key, value, label } of contactOf(line)) {
      contact[key] = value;
      labels[key] = label;
    }
  }

  const { body, notes } = repairBody(bodyLines, footnotes);
  const opening = body.split('\n')[0] ?? '';
  const proposers = kind === '会办意见' ? proposersOfOpening(opening) : proposersOfSalutation(addressee, kind);
  const leadUnit = kind === '会办意见' ? addressee : null;
  const proposalTitle = proposalTitleOf(opening);
  if (!proposalTitle) warnings.push('import.warn.proposalTitle');
  if (proposers.length === 0) warnings.push('import.warn.proposers');
  if (!meta.has('办理结果')) warnings.push('import.warn.result');
  if (!meta.has('公开属性')) warnings.push('import.warn.disclosure');
  if (!contact.name) warnings.push('import.warn.contact');
  if (notes > 0) warnings.push('import.warn.footnotes');

  const salutation = `${addressee}：`;
  const reply: ReplyFields = {
    kind,
    docNumber,
    session: session!.trim(),
    proposalNo: proposalNo!,
    proposalTitle: proposalTitle ?? '',
    proposers,
    salutation: salutation === deriveSalutation(kind, proposers, leadUnit) ? null : salutation,
    leadUnit,
    result: meta.get('办理结果') ?? '',
    disclosure: meta.get('公开属性') ?? '',
    body,
    signedOn,
    issuedOn: issuedOn === signedOn ? null : issuedOn,
    organ,
    header,
    printingOrgan,
    contact,
    contactLabels: { ...DEFAULT_CONTACT_LABELS, ...labels },
    cc,
  };
  return { ok: true, reply, warnings };
}

/**
 * The body as the clerk would have typed it: paragraphs joined where a page
 * break split them, footnote markers as [^n] with their notes at the end.
 * Returns how many markers had no note (they stay as printed).
 */
function repairBody(lines: readonly string[], footnotes: Map<number, string>): { body: string; notes: number } {
  const paragraphs: string[] = [];
  for (const raw of lines) {
    const note = footnoteOf(raw);
    if (note) {
      // A note printed at the foot of a page, between the halves of a split paragraph.
      footnotes.set(note.number, note.text);
      continue;
    }
    const last = paragraphs[paragraphs.length - 1];
    if (last !== undefined && !PARAGRAPH_END.test(last) && !markerOf(last) && !markerOf(raw)) {
      paragraphs[paragraphs.length - 1] = last + raw;
    } else {
      paragraphs.push(raw);
    }
  }
  let missing = 0;
  const text = paragraphs
    .map((p) =>
      p.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/gu, (marks) => {
        const n = fromSuperscript(marks)!;
        if (footnotes.has(n)) return `[^${n}]`;
        missing++;
        return marks;
      }),
    )
    .join('\n\n');
  const notes = [...footnotes].sort(([a], [b]) => a - b).map(([n, t]) => `[^${n}]: ${t}`);
  return { body: [text, ...notes].join('\n\n') + '\n', notes: missing };
}

function footnoteOf(line: string): { number: number; text: string } | undefined {
  const m = FOOTNOTE.exec(line);
  if (!m) return undefined;
  return { number: fromSuperscript(m[1]!)!, text: m[2]!.trim() };
}

function contactOf(line: string): { key: keyof Contact; value: string; label: string }[] {
  const tail = POSTCODE_TAIL.exec(line);
  if (tail) return [...contactOf(tail[1]!), { key: 'postcode', value: tail[3]!, label: tail[2]! }];
  for (const { key, pattern } of CONTACT_LINES) {
    const m = pattern.exec(line);
    if (m) return [{ key, value: m[2]!.trim(), label: m[1]! }];
  }
  return [];
}

/** Lines of the tail that are not the printing organ standing before its 印发 date. */
function isTailLine(line: string): boolean {
  return contactOf(line).length > 0 || CC.test(line) || DATE.test(line) || FOOTNOTE.test(line);
}

function readDate(text: string): IsoDate {
  return parseDate(text, 'date');
}

/** 朱莺委员 / 经济委员会 / 张三、李四委员 (persons before the last share its role). */
function proposersOfSalutation(addressee: string, kind: Kind): Proposer[] {
  const names = addressee.replace(/^尊敬的/u, '').split(/[、，,]/u).map((s) => s.trim()).filter(Boolean);
  const last = names.length ? parseProposer(names[names.length - 1]!, kind) : undefined;
  return names.map((name, i) => {
    const p = parseProposer(name, kind);
    return i < names.length - 1 && last && last.role !== '集体' && p.role !== '集体' ? { name: p.name, role: last.role } : p;
  });
}

/** 顾薇玲等委员提出的… / 经济委员会提出的… in a 会办意见's opening. */
function proposersOfOpening(opening: string): Proposer[] {
  const m = /^(.+?)(等)?(委员|代表)?提出的/u.exec(opening);
  if (!m) return [];
  const name = m[1]!;
  if (m[3]) return [{ name, role: m[3] as '委员' | '代表' }];
  return [parseProposer(name, '会办意见')];
}

/** 《…》 (also after 关于) or the 关于… phrase, between 提出的 and 的提案/建议收悉. */
function proposalTitleOf(opening: string): string | undefined {
  const m = /提出的(.+?)的(?:提案|建议)收悉/u.exec(opening);
  if (!m) return undefined;
  const quoted = /^(?:关于)?《(.+)》$/u.exec(m[1]!);
  return quoted ? quoted[1]! : m[1]!;
}
