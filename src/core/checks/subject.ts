import type { MessageKey } from '../../messages/zh-CN.js';
import { parseBody } from '../body.js';
import { recordOf, type RecordOptions } from '../reader/record.js';
import type { SourceLine } from '../reader/lines.js';
import type { ReplyFields } from '../reply.js';
import { layoutOf, locate, type Part } from './located.js';
import type { BodyView, CheckSubject } from './types.js';

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
  return { ok: true, subject: { origin: 'file', layout, reply: { ...reply, docNumber: reply.docNumber }, body: bodyView(layout.body) } };
}

/**
 * A reply of the archive, checked through its text rendering (the lines of
 * `reply render ID --format txt`): the parts are located in that text, the
 * record is the reply as filed.
 */
export function renderedSubject(text: string, reply: ReplyFields): Subject {
  const { reading } = locate(text);
  return { ok: true, subject: { origin: 'archive', layout: layoutOf(reading), reply, body: bodyView(reading.body) } };
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
