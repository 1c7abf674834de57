import { parseBody } from '../core/body.js';
import { replyTitle, salutationOf } from '../core/proposers.js';
import { CONTACT_KEYS, issueDate, type ReplyFields } from '../core/reply.js';

export interface BodyText {
  readonly body: string;
  readonly footnotes: readonly string[];
}

/** What a template sees: the record's fields plus the derived parts of the layout. */
export function templateContext(reply: ReplyFields, render: (tree: ReturnType<typeof parseBody>) => BodyText) {
  const { body, footnotes } = render(parseBody(reply.body));
  const labels = reply.contactLabels;
  const contactLines = CONTACT_KEYS
    .filter((key) => reply.contact[key])
    .map((key) => ({ label: labels[key], value: reply.contact[key]! }));
  return {
    ...reply,
    // '' for a reply without a number: the text layouts print no line for it.
    docNumber: reply.docNumber?.toString() ?? '',
    salutation: salutationOf(reply),
    // The title as the core words it (proposers.ts): every template prints this one, so that none can disagree.
    replyTitle: replyTitle(reply.kind, reply.session, reply.proposalNo),
    issuedOn: issueDate(reply),
    body,
    footnotes,
    contactLines,
  };
}
