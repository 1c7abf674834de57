import type { MessageKey } from '../../messages/zh-CN.js';
import { parseBody, writtenBlocks, writtenNoteLines } from '../body.js';
import { recordedOf } from '../properties.js';
import { recordOf, type RecordOptions } from '../reader/record.js';
import type { Line, SourceLine } from '../reader/lines.js';
import type { ReplyFields } from '../reply.js';
import { layoutOf, locate, type Layout, type Part } from './located.js';
import type { BodyView, CheckSubject, Place, PrintedField } from './types.js';

export type Subject = { readonly ok: true; readonly subject: CheckSubject } | { readonly ok: false; readonly reason: MessageKey };

/**
 * A published reply as a file: its parts and its record, both from the one
 * reader of replies. A part it did not find is absent from the layout (a rule
 * reports it); nothing is invented to fill it.
 */
export function fileSubject(text: string | readonly SourceLine[], options: RecordOptions = {}): Subject {
  const { reading, layout } = locate(text);
  if (!reading.verdict.reply) return { ok: false, reason: reading.verdict.reason };
  const { reply } = recordOf(reading, options);
  const recorded = options.properties ? recordedOf(options.properties) : undefined;
  const awaitsNumber = recorded !== undefined && recorded.docNumber === undefined && reply.docNumber === null;
  return { ok: true, subject: { origin: 'file', awaitsNumber, layout, reply: { ...reply, docNumber: reply.docNumber }, body: bodyView(layout.body) } };
}

/**
 * A reply of the archive, checked through its text rendering (the lines of
 * `reply render ID --format txt`): the parts are located in that text, the
 * record is the reply as filed.
 */
export function renderedSubject(text: string, reply: ReplyFields): Subject {
  const { reading } = locate(text);
  const layout = layoutOf(reading);
  const bodyLines = bodyLinesOf(reading.lines, reply.body, layout.title?.line ?? 0);
  const fields = printedFields(layout);
  const placeOf = (line: number): Place | undefined => {
    const bodyLine = bodyLines.get(line);
    if (bodyLine !== undefined) return { bodyLine };
    const field = fields.get(line);
    return field ? { field } : undefined;
  };
  return { ok: true, subject: { origin: 'archive', awaitsNumber: reply.docNumber === null, layout, reply, body: bodyView(reading.body), placeOf } };
}

/** What a line holds for comparing a printed line with the body as typed: its letters and digits only. */
function lineKey(text: string): string {
  return text
    .replace(/\[\^[^\]\s]+\]:?/gu, '')
    .replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]/gu, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The line of the body as typed that each line of its text rendering prints:
 * the body's blocks and notes in order, each the next printed line below the
 * title with the same text (the text rendering prints a block a line, its
 * notes as ¹ … below the signature).
 */
function bodyLinesOf(printed: readonly Line[], body: string, after: number): Map<number, number> {
  const map = new Map<number, number>();
  const typed = [...writtenBlocks(body).map((b) => ({ line: b.line, key: lineKey(b.text) })), ...writtenNoteLines(body).map((n) => ({ line: n.line, key: lineKey(n.text) }))];
  let at = printed.findIndex((l) => l.n > after);
  if (at < 0) return map;
  for (const block of typed) {
    if (!block.key) continue;
    const found = printed.findIndex((l, i) => i >= at && lineKey(l.text) === block.key);
    if (found < 0) continue;
    map.set(printed[found]!.n, block.line);
    at = found + 1;
  }
  return map;
}

/** The lines of the text rendering that print a field of the record. */
function printedFields(layout: Layout): Map<number, PrintedField> {
  const parts: [Part | undefined, PrintedField][] = [
    [layout.result, 'result'], [layout.disclosure, 'disclosure'], [layout.header, 'header'], [layout.docNumber, 'doc-number'],
    [layout.title, 'title'], [layout.salutation, 'salutation'], [layout.signature, 'organ'], [layout.signedOn, 'signed-on'],
    ...Object.values(layout.contact).map((p): [Part | undefined, PrintedField] => [p, 'contact']),
    [layout.cc, 'cc'], [layout.printingOrgan, 'printing-organ'], [layout.issued, 'issued-on'],
  ];
  const map = new Map<number, PrintedField>();
  for (const [part, field] of parts) if (part && !map.has(part.line)) map.set(part.line, field);
  return map;
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
