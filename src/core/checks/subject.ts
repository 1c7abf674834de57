import { parseBody } from '../body.js';
import { parsePublished } from '../published.js';
import type { ReplyFields } from '../reply.js';
import { officialDate, readDateText } from './date-text.js';
import { DOC_NUMBER_LIKE, TITLE, locate, type Layout, type Part } from './layout.js';
import type { BodyView, CheckSubject } from './types.js';

export type Subject = { readonly ok: true; readonly subject: CheckSubject } | { readonly ok: false; readonly reason: string };

/**
 * A published reply as a file: its parts located in its own lines, its record
 * read by parsePublished. The parser reads well-formed replies; the parts a
 * rule is there to report (a title of another shape, a doc number in 【】, a
 * date in Chinese numerals, a salutation without its colon) are put in the
 * form it reads first, so that the record is still had and the rule still
 * sees the text as written.
 */
export function fileSubject(text: string): Subject {
  const located = locate(text);
  if (!located.ok) return located;
  const { layout } = located;
  const readable = readableText(layout, text);
  if (!readable.ok) return readable;
  const parsed = parsePublished(readable.text);
  if (!parsed.ok) return { ok: false, reason: parsed.reason };
  return { ok: true, subject: { origin: 'file', layout, reply: parsed.reply, body: bodyView(layout.body) } };
}

/**
 * A reply of the archive, checked through its text rendering (the lines of
 * `reply render ID --format txt`): the parts are located in that text, the
 * record is the reply as filed.
 */
export function renderedSubject(text: string, reply: ReplyFields): Subject {
  const located = locate(text);
  if (!located.ok) return located;
  return { ok: true, subject: { origin: 'archive', layout: located.layout, reply, body: bodyView(located.layout.body) } };
}

/**
 * The body tree of the lines between the salutation and the signature. Each
 * line of a published text is a paragraph (or a page-split half of one), so
 * each becomes a block; the tree's lines map back to the text's.
 */
function bodyView(lines: readonly Part[]): BodyView {
  const tree = parseBody(lines.map((p) => p.text).join('\n\n'));
  return {
    tree,
    lineOf: (treeLine) => lines[Math.floor((treeLine - 1) / 2)]?.line ?? lines[lines.length - 1]?.line ?? 1,
  };
}

/** The text with the located parts in the forms parsePublished reads. */
function readableText(layout: Layout, text: string): { ok: true; text: string } | { ok: false; reason: string } {
  const replaced = new Map<number, string>();
  const title = readableTitle(layout.title.text);
  if (!title) return { ok: false, reason: 'import.noTitle' };
  replaced.set(layout.title.line, title);
  // A reply without a doc number is still checked: a stand-in keeps the parser going.
  const docNumber = layout.docNumber ? readableDocNumber(layout.docNumber.text) : undefined;
  if (layout.docNumber) replaced.set(layout.docNumber.line, docNumber ?? '文〔2000〕1号');
  else replaced.set(layout.title.line, `文〔2000〕1号\n\n${title}`);
  replaced.set(layout.salutation.line, layout.salutation.text.replace(/\s*[:：]?$/u, '：'));
  replaced.set(layout.signedOn.line, readableDate(layout.signedOn.text));
  if (layout.issued) {
    const organ = layout.printingOrgan?.line === layout.issued.line ? `${layout.printingOrgan.text}  ` : '';
    replaced.set(layout.issued.line, `${organ}${readableDate(layout.issued.date)}印发`);
  }
  const lines = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line, i) => replaced.get(i + 1) ?? line);
  return { ok: true, text: lines.join('\n') };
}

/** The title in the shape the parser reads (对{会次} 第{N}号…), when its parts can be told. */
function readableTitle(text: string): string | undefined {
  if (TITLE.test(text)) return text;
  const m = /^(?:对|关于)?(.*?)\s*第?\s*(\d+)\s*号\s*(提案|建议)\s*的?\s*(答复|会办意见|意见)$/u.exec(text);
  if (!m) return undefined;
  const what = m[3] === '建议' ? '建议的答复' : m[4] === '答复' ? '提案的答复' : '提案的会办意见';
  return `对${m[1]!.trim() || '会议'} 第${m[2]}号${what}`;
}

function readableDocNumber(text: string): string | undefined {
  const m = DOC_NUMBER_LIKE.exec(text);
  if (!m) return undefined;
  const year = m[5]!.length === 4 ? m[5]! : String(2000 + (Number(m[5]) % 100));
  return `${m[1] || '文'}〔${year}〕${Number(m[11])}号`;
}

/** Any readable date as 2023年5月18日; one that does not exist as a stand-in (a rule reports it). */
function readableDate(text: string): string {
  const date = readDateText(text)?.date;
  return date ? officialDate(date) : '2000年1月1日';
}
