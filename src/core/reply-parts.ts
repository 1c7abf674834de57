import { parseBody, type Block, type BodyTree, type Inline } from './body.js';
import { chineseDate } from './dates.js';
import { superscript } from './numerals.js';
import { replyTitle, salutationOf } from './proposers.js';
import { CONTACT_KEYS, issueDate, printMark, type ContactKey, type PrintMark, type ReplyFields, type Status } from './reply.js';

/**
 * A reply's parts as every layout prints them, in the order of the page: the
 * text and Markdown templates, the Word and HTML pages, and the checker, which
 * reads a reply of the archive in its published text (replyText). Each part
 * is worded here once, so that no two outputs can disagree.
 */
export interface ReplyParts {
  /** 办理结果：… and 公开属性：…, those known: the text prints them above the 版头, Word and HTML keep them as properties. */
  readonly properties: readonly string[];
  /** 发文机关标志, or null for an organ that prints none. */
  readonly header: string | null;
  /** The doc number as printed; '' for a reply without one; a draft's place for it (draftDocNumber). */
  readonly docNumber: string;
  readonly title: string;
  readonly salutation: string;
  // The body, between the salutation and the signature, is the body tree (parseBody): each layout sets it its own way.
  /** 署名 and the date in Chinese, those known. */
  readonly signature: readonly string[];
  /** 附注 in its round brackets, or null. */
  readonly annotation: string | null;
  /** 联系人姓名：宋佩颖 …, the keys that have a value, in their order. */
  readonly contact: readonly { readonly key: ContactKey; readonly label: string; readonly value: string; readonly line: string }[];
  /** 抄送：区政协提案委，区人大代表工委。, or null when copied to nobody. */
  readonly cc: string | null;
  /** The 印发 line: the printing organ, and 2023年5月18日印发 ('' when no date is known). */
  readonly issued: { readonly organ: string; readonly date: string };
}

/**
 * How a document of a reply is printed: its mark across the pages (printMark; none for a record with no
 * state, such as a file being checked, or when the final text is asked for), and the office's prefix,
 * which a draft without a number of its own shows in the place of its number.
 */
export interface Printing {
  readonly mark: PrintMark | null;
  readonly officePrefix?: string;
}

export const FINAL: Printing = { mark: null };

export function printingOf(status: Status | undefined, options: { readonly final?: boolean; readonly officePrefix?: string }): Printing {
  const mark = status === undefined || options.final ? null : printMark(status);
  return { mark, ...(options.officePrefix !== undefined ? { officePrefix: options.officePrefix } : {}) };
}

/**
 * The doc number line of a draft: the number is given at signing (and a numbered draft's may still
 * change), so the line shows only where it goes, as a clerk fills it in by hand: 普发改委〔　〕号.
 */
export function draftDocNumber(prefix: string | undefined): string {
  return `${prefix ?? ''}〔　〕号`;
}

export function replyParts(reply: ReplyFields, printing: Printing = FINAL): ReplyParts {
  const date = issueDate(reply);
  return {
    properties: [reply.result && `办理结果：${reply.result}`, reply.disclosure && `公开属性：${reply.disclosure}`].filter(Boolean),
    header: reply.header,
    docNumber:
      printing.mark === 'draft' ? draftDocNumber(reply.docNumber?.prefix ?? printing.officePrefix) : (reply.docNumber?.toString() ?? ''),
    title: replyTitle(reply.kind, reply.session, reply.proposalNo),
    salutation: salutationOf(reply),
    signature: [reply.organ ?? '', reply.signedOn ? chineseDate(reply.signedOn) : ''].filter(Boolean),
    annotation: reply.annotation ? `（${reply.annotation}）` : null,
    contact: CONTACT_KEYS.filter((key) => reply.contact[key]).map((key) => {
      const label = reply.contactLabels[key];
      const value = reply.contact[key]!;
      return { key, label, value, line: `${label}：${value}` };
    }),
    cc: reply.cc.length ? `抄送：${reply.cc.join('，')}。` : null,
    issued: { organ: reply.printingOrgan, date: date ? `${chineseDate(date)}印发` : '' },
  };
}

/** The body tree as the published plain text: numbering as written, ¹ markers, no marks. */
export function bodyAsText(tree: BodyTree): { body: string; footnotes: string[] } {
  const inline = (inlines: readonly Inline[]) =>
    inlines.map((i) => (i.type === 'footnoteRef' ? superscript(i.number) : i.text)).join('');
  const block = (b: Block) => (b.type === 'heading' ? b.marker.raw + inline(b.title) + inline(b.rest) : inline(b.inlines));
  return {
    body: tree.blocks.map(block).join('\n\n'),
    footnotes: tree.footnotes.map((f) => `${superscript(f.number)} ${inline(f.inlines)}`),
  };
}

/**
 * A reply in its published plain text, as `reply render --format txt` prints it with the built-in
 * templates: every part known, one blank line between parts and between paragraphs.
 */
export function replyText(reply: ReplyFields): string {
  const parts = replyParts(reply);
  const { body, footnotes } = bodyAsText(parseBody(reply.body));
  return tidyText(
    [
      ...parts.properties,
      parts.header ?? '',
      parts.docNumber,
      parts.title,
      parts.salutation,
      body,
      ...parts.signature,
      parts.annotation ?? '',
      ...parts.contact.map((c) => c.line),
      ...footnotes,
      parts.cc ?? '',
      parts.issued.organ,
      parts.issued.date,
    ].join('\n\n'),
  );
}

/** Trailing spaces go, runs of blank lines (left by empty optional parts) fold into one. */
export function tidyText(text: string): string {
  return (
    text
      .replace(/[ \t]+$/gm, '')
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  );
}
