import { parseBody } from '../core/body.js';
import { salutationOf } from '../core/proposers.js';
import { issueDate, type ReplyFields } from '../core/reply.js';

export interface BodyText {
  readonly body: string;
  readonly footnotes: readonly string[];
}

/** What a template sees: the record's fields plus the derived parts of the layout. */
export function templateContext(reply: ReplyFields, render: (tree: ReturnType<typeof parseBody>) => BodyText) {
  const { body, footnotes } = render(parseBody(reply.body));
  const labels = reply.contactLabels;
  const contactLines = (['name', 'phone', 'address', 'postcode'] as const)
    .filter((key) => reply.contact[key])
    .map((key) => ({ label: labels[key], value: reply.contact[key]! }));
  return {
    ...reply,
    // '' for a reply without a number: the text layouts print no line for it.
    docNumber: reply.docNumber?.toString() ?? '',
    salutation: salutationOf(reply),
    issuedOn: issueDate(reply),
    body,
    footnotes,
    contactLines,
  };
}
