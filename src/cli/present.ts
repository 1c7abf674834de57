import { chineseDate } from '../core/dates.js';
import { parseBody, plainText } from '../core/body.js';
import { proposerLabel, replyTitle, salutationOf } from '../core/proposers.js';
import { issueDate, missingOf, type RecordField, type Reply, type ReplyFields, type Status } from '../core/reply.js';
import type { Finding } from '../core/checks/index.js';
import type { StatusNote } from '../core/ports.js';
import { hasMessage, t } from './messages.js';

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

/** The doc number as messages name a reply by it: 普发改委〔2023〕16号, or 无文号. */
export function numberText(reply: Pick<Reply, 'docNumber'>): string {
  return reply.docNumber?.toString() ?? t('label.noDocNumber');
}

/** A record field by its Chinese name: 会次, 成文日期, 署名 … */
export function fieldLabel(field: RecordField): string {
  return t(`record.${field}`);
}

/** A field's value as `show` names it beside the field: 区政协十五届二次会议, 2023年5月18日, 朱莺委员. */
export function fieldValueText(reply: Reply, field: RecordField): string {
  switch (field) {
    case 'docNumber':
      return reply.docNumber?.toString() ?? '';
    case 'signedOn':
      return reply.signedOn ? dateText(reply.signedOn) : '';
    case 'proposers':
      return proposersText(reply);
    default:
      return reply[field] ?? '';
  }
}


/** The JSON form of a reply for scripts: every stored field plus the derived ones. */
/** A status change as the JSON output gives it: what a forced change went past, each finding's message in the catalogue's words. */
export function statusChangeJson<C extends StatusNote>(change: C): Omit<C, 'overridden'> & { overridden?: { code: string; line: number; message: string }[] } {
  const { overridden, ...rest } = change;
  if (!overridden) return rest;
  return { ...rest, overridden: overridden.map((o) => ({ code: o.code, line: o.line, message: 'message' in o ? o.message : hasMessage(o.key) ? t(o.key, o.params) : o.key })) };
}

export function replyJson(reply: Reply): Record<string, unknown> {
  const tree = parseBody(reply.body);
  return {
    id: reply.id,
    docNumber: reply.docNumber?.toJSON() ?? null,
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
    classification: reply.classification,
    annotation: reply.annotation,
    style: reply.style,
    footnotes: tree.footnotes.map((f) => ({ number: f.number, label: f.label, text: plainText(f.inlines) })),
    body: reply.body,
    missing: missingOf(reply),
    inferred: reply.inferred,
    createdAt: reply.createdAt,
    updatedAt: reply.updatedAt,
    // Every field of the record is in the JSON: one added to ReplyFields and left out here does not compile.
  } satisfies Record<keyof ReplyFields | Exclude<keyof Reply, 'version'>, unknown> & Record<string, unknown>;
}

/** 2023年5月18日; '' for a date not known. */
/** A file's size as the clerk reads it: 104.8 (MB). */
export function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}

export function dateText(date: string | null): string {
  return date ? chineseDate(date as Parameters<typeof chineseDate>[0]) : '';
}

/** A stored instant shown in local time, to the minute. */
/** Who did it; 未记录 where the archive did not record it (an older version asked nobody). */
export function operatorText(operator: string | null): string {
  return operator ?? t('label.operatorUnknown');
}

export function timeText(iso: string): string {
  // By hand rather than with date-fns: `reply search` and `list` load this module and need no date library.
  const d = new Date(iso);
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(d.getFullYear(), 4)}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** Where a finding is, as the clerk finds it: 正文第 5 行, or the field (成文日期) of an archive reply; 第 12 行 of a file. */
export function findingPlace(f: Pick<Finding, 'line' | 'place'>): string {
  if (!f.place) return t('check.line', { line: f.line });
  if ('bodyLine' in f.place) return t('check.bodyLine', { line: f.place.bodyLine });
  return t(`fieldName.${f.place.field}`);
}
