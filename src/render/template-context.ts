import { parseBody, type BodyTree } from '../core/body.js';
import { replyParts, type Printing } from '../core/reply-parts.js';
import { issueDate, PRINT_MARK_TEXT, type ReplyFields } from '../core/reply.js';

export interface BodyText {
  readonly body: string;
  readonly footnotes: readonly string[];
}

/** What a template sees: the record's fields plus the derived parts of the layout. */
export function templateContext(reply: ReplyFields, render: (tree: BodyTree) => BodyText, printing: Printing) {
  // The parts as the core words them (reply-parts.ts): every template prints these, so that none can disagree.
  const parts = replyParts(reply, printing);
  const { body, footnotes } = render(parseBody(reply.body));
  return {
    ...reply,
    // '' for a reply without a number: the text layouts print no line for it.
    docNumber: parts.docNumber,
    salutation: parts.salutation,
    replyTitle: parts.title,
    issuedOn: issueDate(reply),
    body,
    footnotes,
    contactLines: parts.contact.map(({ label, value }) => ({ label, value })),
    /** 草稿 or 作废 across the pages, or null. */
    mark: printing.mark ? PRINT_MARK_TEXT[printing.mark] : null,
  };
}
