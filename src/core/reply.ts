import type { DocNumber } from './doc-number.js';
import type { IsoDate } from './dates.js';
import { ReplyError } from './errors.js';
import type { DocStyle } from './style.js';

export const KINDS = ['提案答复', '建议答复', '会办意见'] as const;
export type Kind = (typeof KINDS)[number];

/** English names accepted wherever a kind is typed. */
const KIND_ALIASES: Record<string, Kind> = {
  提案答复: '提案答复', 提案: '提案答复', 政协提案: '提案答复', 政协提案答复: '提案答复', proposal: '提案答复', 'proposal-reply': '提案答复',
  建议答复: '建议答复', 建议: '建议答复', 代表建议: '建议答复', 人大代表建议: '建议答复', 代表建议答复: '建议答复',
  suggestion: '建议答复', 'suggestion-reply': '建议答复', deputy: '建议答复',
  会办意见: '会办意见', 会办: '会办意见', 'co-handling': '会办意见', cohandling: '会办意见', joint: '会办意见',
};

export function kindOf(text: string): Kind | undefined {
  return KIND_ALIASES[text.trim().toLowerCase()];
}

/** A reply's life: drafted, checked against the format, signed, sent, published; void ends any of them. */
export const STATUSES = ['draft', 'checked', 'signed', 'sent', 'published', 'void'] as const;
export type Status = (typeof STATUSES)[number];

const STATUS_ALIASES: Record<string, Status> = {
  draft: 'draft', 草稿: 'draft',
  checked: 'checked', 已核稿: 'checked', 核稿: 'checked', 已检查: 'checked',
  signed: 'signed', 已签发: 'signed', 签发: 'signed',
  sent: 'sent', 已发送: 'sent', 发送: 'sent',
  published: 'published', 已公开: 'published', 公开: 'published',
  void: 'void', 作废: 'void', 已作废: 'void',
};

export function statusOf(text: string): Status | undefined {
  return STATUS_ALIASES[text.trim().toLowerCase()];
}

/**
 * Who may follow whom. Signing runs the format check itself, so a draft may
 * be signed without the separate checked step; any live reply may be voided.
 */
const TRANSITIONS: Record<Status, readonly Status[]> = {
  draft: ['checked', 'signed', 'void'],
  checked: ['draft', 'signed', 'void'],
  // A signed reply not yet sent may be taken back to correct it (it keeps its number): see needsReason.
  signed: ['draft', 'checked', 'sent', 'void'],
  sent: ['published', 'void'],
  published: ['void'],
  void: [],
};

export function canTransition(from: Status, to: Status): boolean {
  return TRANSITIONS[from].includes(to);
}

/**
 * The steps that undo what was decided, and need a reason: taking a signed reply back for correction,
 * and voiding a reply.
 */
export function needsReason(from: Status, to: Status): boolean {
  return to === 'void' || (from === 'signed' && (to === 'draft' || to === 'checked'));
}

/** The steps that the format check guards: a reply with check errors is neither checked nor signed. */
export function isGuardedStep(to: Status): boolean {
  return to === 'checked' || to === 'signed';
}

/**
 * Whether a reply may be edited: a void one never, a signed, sent or
 * published one only when forced (its text has gone out under a signature).
 */
export function assertEditable(reply: { readonly id: number; readonly status: Status }, force: boolean, reason?: string): void {
  if (reply.status === 'void') throw new ReplyError('reply.voidFrozen', { id: reply.id });
  if (reply.status === 'draft' || reply.status === 'checked') return;
  if (!force) throw new ReplyError('reply.signedFrozen', { id: reply.id, statusKey: `status.${reply.status}` });
  // A text that went out under a signature is changed only with a reason on the record.
  if (!reason?.trim()) throw new ReplyError('reply.forceNeedsReason', { id: reply.id, statusKey: `status.${reply.status}` }, 2);
}

/** An edit undoes the format check: a checked reply goes back to draft. */
export function statusAfterEdit(status: Status): Status {
  return status === 'checked' ? 'draft' : status;
}

/**
 * What a document of the reply says across its pages. Only a signed text goes out unmarked: a draft or
 * checked one is 草稿 (and prints no number, see draftDocNumber), a void one 作废.
 */
export type PrintMark = 'draft' | 'void';

export function printMark(status: Status): PrintMark | null {
  if (status === 'void') return 'void';
  return status === 'draft' || status === 'checked' ? 'draft' : null;
}

/** The words of the mark, as they stand across the page. */
export const PRINT_MARK_TEXT: Readonly<Record<PrintMark, string>> = { draft: '草稿', void: '作废' };

/** A reply that has gone out: it counts as the office's answer. */
export function isAnswered(status: Status): boolean {
  return status === 'sent' || status === 'published';
}

/** 委员 (CPPCC member), 代表 (People's Congress deputy) or a group such as 经济委员会. */
export type ProposerRole = '委员' | '代表' | '集体';

export interface Proposer {
  readonly name: string;
  readonly role: ProposerRole;
}

/** The parts of a contact block, in the order it prints them. */
export const CONTACT_KEYS = ['name', 'phone', 'address', 'postcode'] as const;
export type ContactKey = (typeof CONTACT_KEYS)[number];

export type Contact = { readonly [K in ContactKey]?: string };

/** The labels of the contact block; offices word them differently (联系人姓名 / 联系人 …). */
export type ContactLabels = { readonly [K in ContactKey]: string };

export const DEFAULT_CONTACT_LABELS: ContactLabels = {
  name: '联系人姓名',
  phone: '联系电话',
  address: '通讯地址',
  postcode: '邮政编码',
};

/**
 * Whom a reply answers: a 提案答复 or 建议答复 its proposers, a 会办意见 the unit that leads
 * the handling (null only for an imported one that does not name it). A reply to proposers has no
 * lead unit: the two cannot disagree.
 */
export type Addressing =
  | { readonly kind: Exclude<Kind, '会办意见'>; readonly leadUnit: null }
  | { readonly kind: '会办意见'; readonly leadUnit: string | null };

/** Everything a clerk decides about a reply; the archive adds id, status and times. */
export type ReplyFields = CommonFields & Addressing;

/** The addressing of a reply of a kind: the lead unit is kept for a 会办意见 only. */
export function addressingOf(kind: Kind, leadUnit: string | null): Addressing {
  return kind === '会办意见' ? { kind, leadUnit } : { kind, leadUnit: null };
}

/** Fields whose kind and lead unit are not yet known to agree: a record being read or edited. */
export type UnaddressedFields<F extends Addressing = ReplyFields> = DistributiveOmit<F, 'kind' | 'leadUnit'> & {
  readonly kind: Kind;
  readonly leadUnit: string | null;
};

/**
 * The fields with their kind and lead unit agreeing, or undefined when they do not: a reply to
 * proposers with a lead unit.
 */
export function addressed<F extends Addressing>(fields: UnaddressedFields<F>): F | undefined {
  if (fields.kind !== '会办意见' && fields.leadUnit !== null) return undefined;
  return fields as unknown as F;
}

/** The fields every kind of reply has. */
interface CommonFields {
  /** null: a reply filed without a number (an imported one that printed none); GB/T 9704 allows it. */
  readonly docNumber: DocNumber | null;
  /** 区政协十五届二次会议; null when not known (see missingOf). */
  readonly session: string | null;
  /** As written: 152104, 0690 (leading zeros kept); null when not known. */
  readonly proposalNo: string | null;
  readonly proposalTitle: string;
  readonly proposers: readonly Proposer[];
  /** Overrides the salutation derived from the proposers or lead unit. */
  readonly salutation: string | null;
  readonly result: string;
  readonly disclosure: string;
  readonly body: string;
  /** 成文日期; null when not known. */
  readonly signedOn: IsoDate | null;
  /** 印发日期; null means the signed date. */
  readonly issuedOn: IsoDate | null;
  /** 署名 and 发文机关 as filed, so a later change of config changes no record; null when not known. */
  readonly organ: string | null;
  /** 发文机关标志 (…文件), or null for an organ that prints none. */
  readonly header: string | null;
  readonly printingOrgan: string;
  readonly contact: Contact;
  readonly contactLabels: ContactLabels;
  /** 抄送 */
  readonly cc: readonly string[];
  /** 份号, 密级和保密期限 and 紧急程度, those the document has (GB/T 9704 7.2.1–7.2.3). */
  readonly classification: Classification;
  /** 附注, printed in round brackets under the date (7.3.7), without them; null when there is none. */
  readonly annotation: string | null;
  /**
   * The layout the reply is printed in (文件 or 信函), as it was filed: the office's style when it was
   * drafted, 信函 for an imported one whose title says 函 (…的答复函); null when nothing said (defaultStyle).
   */
  readonly style: DocStyle | null;
}

/**
 * The marks of a document that GB/T 9704 prints above its 标志 when it has them, one a line in this
 * order: 份号 (the copy's number, up to six Arabic digits: 000001), 密级和保密期限 (秘密★1年) and
 * 紧急程度 (特急, 加急).
 */
export interface Classification {
  readonly copyNo?: string;
  readonly secrecy?: string;
  readonly urgency?: string;
}

export const CLASSIFICATION_KEYS = ['copyNo', 'secrecy', 'urgency'] as const satisfies readonly (keyof Classification)[];

/** The marks' lines, top to bottom. */
export function classificationLines(c: Classification): string[] {
  return CLASSIFICATION_KEYS.map((key) => c[key]).filter((v): v is string => Boolean(v));
}

export type Reply = ReplyFields & RecordState;

/** What the archive adds to the fields of a reply it holds. */
interface RecordState {
  readonly id: number;
  readonly status: Status;
  /**
   * The fields whose value was inferred rather than read as printed (the organ taken from a page
   * header …), as the import said; a field the clerk edits since is no longer among them.
   */
  readonly inferred: readonly RecordField[];
  /**
   * The number of the event that made this state (the archive's log orders every change by it): a
   * change names the version it was made on, and is refused when the reply has changed since.
   */
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** A reply as listings show it: every field but the body. */
export type ReplySummary = DistributiveOmit<Reply, 'body'>;

/** Omit over each member of a union, so that what tells the members apart is kept. */
export type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** 印发日期: the issued date, else the signed date; null when neither is known. */
export function issueDate(reply: Pick<ReplyFields, 'issuedOn' | 'signedOn'>): IsoDate | null {
  return reply.issuedOn ?? reply.signedOn;
}

/** The fields of a record that a reader may not find (missing) or may only infer (inferred). */
export const RECORD_FIELDS = [
  'kind', 'docNumber', 'session', 'proposalNo', 'proposalTitle', 'proposers', 'signedOn', 'organ', 'result', 'disclosure',
] as const satisfies readonly (keyof ReplyFields)[];
export type RecordField = (typeof RECORD_FIELDS)[number];

export function isRecordField(value: unknown): value is RecordField {
  return typeof value === 'string' && (RECORD_FIELDS as readonly string[]).includes(value);
}

/**
 * The fields a complete record has, in the order a clerk completes them. The
 * doc number is not among them: a reply may be filed without one.
 */
export const NEEDED_FIELDS = ['proposers', 'session', 'proposalNo', 'signedOn', 'organ'] as const satisfies readonly RecordField[];
export type NeededField = (typeof NEEDED_FIELDS)[number];

/** Whether a needed field has no value ('' for a text: values are kept trimmed); the store's `incomplete` filter says the same in SQL. */
const LACKS: { readonly [F in NeededField]: (r: Pick<ReplyFields, NeededField>) => boolean } = {
  proposers: (r) => r.proposers.length === 0,
  session: (r) => r.session === null,
  proposalNo: (r) => r.proposalNo === null,
  signedOn: (r) => r.signedOn === null,
  organ: (r) => r.organ === null,
};

/** The needed fields a record lacks, in NEEDED_FIELDS' order; [] for a complete one. */
export function missingOf(reply: Pick<ReplyFields, NeededField>): NeededField[] {
  return NEEDED_FIELDS.filter((field) => LACKS[field](reply));
}

/**
 * The inferred fields that stay inferred when a record changes from `before`
 * to `after`: a field whose value changed was set by the clerk.
 */
export function stillInferred(inferred: readonly RecordField[], before: ReplyFields, after: ReplyFields): RecordField[] {
  return inferred.filter((field) => JSON.stringify(before[field]) === JSON.stringify(after[field]));
}

/** What signing needs beyond the format check: a reply goes out under a doc number and a date. */
export function unsignable(reply: Pick<ReplyFields, 'docNumber' | 'signedOn'>): ('docNumber' | 'signedOn')[] {
  const lacking: ('docNumber' | 'signedOn')[] = [];
  if (reply.docNumber === null) lacking.push('docNumber');
  if (reply.signedOn === null) lacking.push('signedOn');
  return lacking;
}
