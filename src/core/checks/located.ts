import { YEAR_CLOSE_LOOSE, YEAR_OPEN_LOOSE } from '../doc-number.js';
import { readReply, type Reading } from '../reader/read.js';
import type { SourceLine } from '../reader/lines.js';
import type { Contact } from '../reply.js';

/**
 * Where the parts of a reply sit in its text, by line, as the reader found
 * them. The record says what a reply holds; this says where each part is and
 * how it is written, which is what a format rule reports. A part the reader
 * did not find is absent, and the rule that needs it reports that.
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
  readonly title?: Part;
  readonly salutation?: Part;
  /** The lines between the title (or the top) and the salutation: where a salutation typed twice stands. */
  readonly aboveSalutation: readonly Part[];
  /** Lines between the salutation and the signature: the opening, the body, the closing. */
  readonly body: readonly Part[];
  /** 署名: its first line (a joint signature has more). */
  readonly signature?: Part;
  /** 成文日期, as printed. */
  readonly signedOn?: Part;
  /** A signing date the copy damaged (2018717). */
  readonly dateUnreadable?: Part;
  readonly contact: Partial<Record<keyof Contact, LabelledPart>>;
  /** Footnotes printed below the signature (¹ …). */
  readonly footnotes: readonly Part[];
  readonly cc?: Part;
  readonly printingOrgan?: Part;
  /** The 印发 line, and its date as written. */
  readonly issued?: Part & { readonly date: string };
  /** The first line that carries text. */
  readonly firstLine: number;
  /** A web copy whose full-width punctuation was made half-width on the way. */
  readonly normalised: boolean;
}

/** A doc number in any bracket (or none), with or without 第 and 号: found so that a rule can say what is wrong. */
export const DOC_NUMBER_LIKE = new RegExp(
  `^([\\p{Script=Han}A-Za-z·]*)(\\s*)([${YEAR_OPEN_LOOSE}]?)(\\s*)(\\d{2,4})(\\s*)([${YEAR_CLOSE_LOOSE}]?)(\\s*)(第?)(\\s*)(\\d{1,5})(\\s*)(号?)$`,
  'u',
);

export function layoutOf(reading: Reading): Layout {
  const lineText = (n: number) => reading.lines.find((l) => l.n === n)?.text ?? '';
  const part = (n: number | undefined): Part | undefined => (n === undefined ? undefined : { line: n, text: lineText(n) });
  const labelled = (found: { value: string; line: number } | undefined, label: string): LabelledPart | undefined =>
    found && { line: found.line, text: lineText(found.line), label, value: found.value };
  const before = reading.title?.line ?? reading.addressee?.line ?? reading.opening?.line ?? Infinity;
  // A doc number the reader could not read is still the line above the title shaped like one.
  const docNumber =
    part(reading.docNumber?.how === 'printed' && !reading.info.lines.has(reading.docNumber.line) ? reading.docNumber.line : undefined) ??
    part(reading.lines.find((l) => l.n < before && !reading.info.lines.has(l.n) && DOC_NUMBER_LIKE.test(l.text))?.n);
  const contact: Partial<Record<keyof Contact, LabelledPart>> = {};
  for (const item of reading.contact) contact[item.key] ??= { line: item.line, text: lineText(item.line), label: item.label, value: item.value };
  const title = reading.title && { line: reading.title.line, text: reading.title.lines.map(lineText).join('') };
  return {
    ...optional('result', labelled(reading.result, '办理结果')),
    ...optional('disclosure', labelled(reading.disclosure, '公开属性')),
    ...optional('header', part(reading.header?.line)),
    ...optional('docNumber', docNumber),
    ...optional('title', title),
    ...optional('salutation', reading.addressee && { line: reading.addressee.line, text: salutationText(lineText(reading.addressee.line)) }),
    aboveSalutation: reading.addressee
      ? reading.lines
          .filter((l) => l.n > (reading.title?.lines.at(-1) ?? 0) && l.n < reading.addressee!.line && l.n !== docNumber?.line)
          .map((l) => ({ line: l.n, text: l.text }))
      : [],
    body: reading.body,
    ...optional('signature', reading.signature[0]),
    ...optional('signedOn', reading.dateLine),
    ...optional('dateUnreadable', reading.dateUnreadable),
    contact,
    footnotes: reading.footnotes,
    ...optional('cc', reading.cc && { line: reading.cc.line, text: reading.cc.text }),
    ...optional('printingOrgan', reading.issued?.organ),
    ...optional('issued', reading.issued && { line: reading.issued.line, text: reading.issued.text, date: reading.issued.date }),
    firstLine: reading.lines[0]?.n ?? 1,
    normalised: reading.normalised,
  };
}

/** The parts of a text, read by the one reader of replies. */
export function locate(text: string | readonly SourceLine[]): { reading: Reading; layout: Layout } {
  const reading = readReply(text);
  return { reading, layout: layoutOf(reading) };
}

/** The 主送 as printed, with its colon: the line, or its start when the opening follows on the same line. */
function salutationText(line: string): string {
  return /^.*?[:：]/u.exec(line)?.[0] ?? line;
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}
