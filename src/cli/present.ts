import { chineseDate } from '../core/dates.js';
import { parseBody, plainText } from '../core/body.js';
import { proposerLabel, replyTitle, salutationOf } from '../core/proposers.js';
import { issueDate, type Reply, type Status } from '../core/reply.js';
import { t } from './messages.js';

/** How a reply reads in listings and `show`: derived parts spelled out. */
export function statusLabel(status: Status): string {
  return t(`status.${status}`);
}

export function proposersText(reply: Pick<Reply, 'proposers'>): string {
  return reply.proposers.map(proposerLabel).join('、');
}

export function titleOf(reply: Reply): string {
  return replyTitle(reply.kind, reply.session, reply.proposalNo);
}


/** The JSON form of a reply for scripts: every stored field plus the derived ones. */
export function replyJson(reply: Reply): Record<string, unknown> {
  const tree = parseBody(reply.body);
  return {
    id: reply.id,
    docNumber: reply.docNumber.toJSON(),
    kind: reply.kind,
    status: reply.status,
    title: titleOf(reply),
    session: reply.session,
    proposalNo: reply.proposalNo,
    proposalTitle: reply.proposalTitle,
    proposers: reply.proposers,
    salutation: salutationOf(reply),
    salutationOverride: reply.salutation,
    leadUnit: reply.leadUnit,
    result: reply.result,
    disclosure: reply.disclosure,
    signedOn: reply.signedOn,
    issuedOn: issueDate(reply),
    organ: reply.organ,
    header: reply.header,
    printingOrgan: reply.printingOrgan,
    contact: reply.contact,
    contactLabels: reply.contactLabels,
    cc: reply.cc,
    footnotes: tree.footnotes.map((f) => ({ number: f.number, label: f.label, text: plainText(f.inlines) })),
    body: reply.body,
    createdAt: reply.createdAt,
    updatedAt: reply.updatedAt,
  };
}

export function dateText(date: string): string {
  return chineseDate(date as Parameters<typeof chineseDate>[0]);
}

/** A stored instant shown in local time, to the minute. */
export function timeText(iso: string): string {
  // By hand rather than with date-fns: `reply search` and `list` load this module and need no date library.
  const d = new Date(iso);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
