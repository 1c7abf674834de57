import type { ReplyInput } from './input.js';
import { isPhoneList, isPostcode } from './phone.js';
import type { Config } from './config.js';
import { parseDate, type IsoDate } from './dates.js';
import { characterFault } from './characters.js';
import { DocNumber } from './doc-number.js';
import { styleOf, type DocStyle } from './style.js';
import { ValidationError, type FieldIssue, type MessageKey } from './errors.js';
import { isRole, parseProposer } from './proposers.js';
import {
  addressed, addressingOf, CONTACT_KEYS, kindOf, type Classification, type Contact, type Kind, type Proposer, type ReplyFields, type UnaddressedFields,
} from './reply.js';

export type { ReplyInput };

/** Field names as the user sees them: flag names and answers-file keys. */
export const FIELD_NAMES = {
  kind: 'kind',
  session: 'session',
  proposalNo: 'proposal-no',
  title: 'title',
  proposers: 'proposer',
  leadUnit: 'lead-unit',
  salutation: 'salutation',
  result: 'result',
  disclosure: 'disclosure',
  signedOn: 'signed-on',
  issuedOn: 'issued-on',
  docNumber: 'doc-number',
  body: 'body',
  cc: 'cc',
  contact: 'contact',
  contactLabels: 'contact-labels',
  header: 'header',
  copyNo: 'copy-no',
  secrecy: 'secrecy',
  urgency: 'urgency',
  annotation: 'annotation',
  style: 'style',
} as const satisfies Record<keyof ReplyInput, string>;

export type InputKey = keyof typeof FIELD_NAMES;

/**
 * A new reply before the archive gives it an id and, when none is given, a doc number (null: the
 * next one is allocated, unless the archive is told to file it without one: CreateOptions.numbering).
 */
export type NewReply = ReplyFields;

/** Required fields that the input does not have yet, in the order prompts ask them. */
export function missingFields(input: ReplyInput): InputKey[] {
  const required: InputKey[] = ['kind', 'session', 'proposalNo', 'title', 'proposers'];
  if (kindOf(input.kind ?? '') === '会办意见') required.push('leadUnit');
  required.push('result', 'disclosure', 'body');
  return required.filter((key) => isBlank(input[key]));
}

/**
 * Checks every field of a new reply at once and builds it with the office's
 * defaults; all problems are reported together in one ValidationError.
 */
export function buildNewReply(input: ReplyInput, config: Config, today: IsoDate): NewReply {
  const issues: FieldIssue[] = missingFields(input).map((key) => ({ field: FIELD_NAMES[key], key: 'field.missing' }));
  const take = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (error) {
      if (error instanceof ValidationError) issues.push(...error.issues);
      else throw error;
      return undefined;
    }
  };
  const kind = input.kind === undefined || isBlank(input.kind) ? undefined : take(() => parseKind(input.kind!));
  const proposalNo = isBlank(input.proposalNo) ? undefined : take(() => parseProposalNo(input.proposalNo!));
  const proposers = take(() => parseProposers(input.proposers ?? [], kind));
  const result = input.result && take(() => oneOf('result', input.result!, config.results));
  const disclosure = input.disclosure && take(() => oneOf('disclosure', input.disclosure!, config.disclosures));
  const signedOn = take(() => (isBlank(input.signedOn) ? today : parseDate(input.signedOn!, 'signed-on')));
  const issuedOn = isBlank(input.issuedOn) ? null : take(() => parseDate(input.issuedOn!, 'issued-on'));
  const docNumber = isBlank(input.docNumber) ? null : take(() => DocNumber.parse(input.docNumber!, config.docPrefix));
  // A contact given is the reply's whole contact: merged with the office's, it would give one person another's phone.
  const contact = take(() => parseContact(input.contact ?? config.contact));
  const style = isBlank(input.style) ? null : take(() => parseStyle(input.style!));
  const classification = take(() =>
    parseClassification({ copyNo: input.copyNo ?? '', secrecy: input.secrecy ?? '', urgency: input.urgency ?? '' }),
  );
  if (signedOn && issuedOn && issuedOn < signedOn) {
    issues.push({ field: 'issued-on', key: 'date.issuedBeforeSigned' });
  }
  // Only a 会办意见 answers a lead unit: a reply to proposers given one is refused, not filed with it.
  if (kind && kind !== '会办意见' && !isBlank(input.leadUnit)) issues.push({ field: FIELD_NAMES.leadUnit, key: 'field.leadUnitOfCohandling' });
  if (issues.length > 0) throw new ValidationError(dedupe(issues));
  return withCleanCharacters({
    ...addressingOf(kind!, kind === '会办意见' ? input.leadUnit!.trim() : null),
    docNumber: docNumber ?? null,
    session: input.session!.trim(),
    proposalNo: proposalNo!,
    proposalTitle: input.title!.trim(),
    proposers: proposers!,
    salutation: blankToNull(input.salutation),
    result: result!,
    disclosure: disclosure!,
    body: normaliseBody(input.body!),
    signedOn: signedOn!,
    issuedOn: issuedOn ?? null,
    organ: config.organ,
    header: input.header === undefined ? config.header : blankToNull(input.header ?? undefined),
    printingOrgan: config.printingOrgan,
    contact: contact ?? {},
    contactLabels: { ...config.contactLabels, ...input.contactLabels },
    cc: (input.cc ?? config.cc).map((c) => c.trim()).filter(Boolean),
    classification: classification ?? {},
    annotation: parseAnnotation(input.annotation ?? ''),
    // Only a layout asked for is the reply's own; without one the office's (config.style) prints it.
    style: style ?? null,
  });
}

/** The fields `reply edit --set` understands, and how each reads its value. */
export const EDITABLE = [
  FIELD_NAMES.kind, FIELD_NAMES.session, FIELD_NAMES.proposalNo, FIELD_NAMES.title, FIELD_NAMES.proposers, FIELD_NAMES.leadUnit,
  FIELD_NAMES.salutation, FIELD_NAMES.result, FIELD_NAMES.disclosure, FIELD_NAMES.signedOn, FIELD_NAMES.issuedOn, FIELD_NAMES.docNumber,
  // The config gives these to a new reply; a record may still differ.
  'organ', FIELD_NAMES.header, 'printing-organ', FIELD_NAMES.cc,
  ...CONTACT_KEYS.map((k) => `contact.${k}` as const),
  FIELD_NAMES.copyNo, FIELD_NAMES.secrecy, FIELD_NAMES.urgency, FIELD_NAMES.annotation, FIELD_NAMES.style,
] as const;
export type EditableField = (typeof EDITABLE)[number];

export interface FieldEdit {
  readonly field: string;
  readonly value: string;
}

/** Applies `field=value` edits; an empty value clears an optional field. All problems are reported together. */
export function applyEdits(reply: ReplyFields, edits: readonly FieldEdit[], config: Config): ReplyFields {
  const issues: FieldIssue[] = [];
  // Edits apply one by one: on the way, the kind may not yet agree with the lead unit (both are being changed).
  let next: UnaddressedFields = reply;
  for (const { field, value } of edits) {
    try {
      next = applyEdit(next, field, value, config);
    } catch (error) {
      if (error instanceof ValidationError) issues.push(...error.issues);
      else throw error;
    }
  }
  if (next.issuedOn && next.signedOn && next.issuedOn < next.signedOn) issues.push({ field: 'issued-on', key: 'date.issuedBeforeSigned' });
  if (next.kind === '会办意见' && !next.leadUnit) issues.push({ field: 'lead-unit', key: 'field.missing' });
  const settled = addressed(next);
  if (!settled) issues.push({ field: 'lead-unit', key: 'field.leadUnitOfCohandling' });
  if (issues.length > 0 || !settled) throw new ValidationError(dedupe(issues));
  return withCleanCharacters(settled);
}

/**
 * The reply, if no field holds a character no document may (characters.ts): a control character, a
 * direction override, a noncharacter, or a line break in a field of one line. Refused, never dropped
 * silently: the clerk sees what was pasted and where.
 */
function withCleanCharacters(reply: ReplyFields): ReplyFields {
  const issues: FieldIssue[] = [];
  for (const [field, get] of FIELD_VALUES) {
    const texts = stringsOf(get(reply));
    for (const text of texts) {
      const fault = characterFault(text, field === 'body' ? 'many' : 'one');
      if (fault) {
        issues.push({ field, key: fault.kind === 'forbidden' ? 'field.forbiddenCharacter' : 'field.lineBreak', params: { code: fault.code } });
        break;
      }
    }
  }
  if (issues.length > 0) throw new ValidationError(issues);
  return reply;
}

/** Every string in a field's value: the value itself, the items of a list, the values of a record. */
function stringsOf(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsOf);
  if (value && typeof value === 'object') return Object.values(value).flatMap(stringsOf);
  return [];
}

function applyEdit(r: UnaddressedFields, field: string, raw: string, config: Config): UnaddressedFields {
  const value = raw.trim();
  const required = (): string => {
    if (!value) throw new ValidationError([{ field, key: 'field.missing' }]);
    return value;
  };
  switch (field as EditableField) {
    case 'kind': return { ...r, kind: parseKind(required()) };
    case 'session': return { ...r, session: required() };
    case 'proposal-no': return { ...r, proposalNo: parseProposalNo(required()) };
    case 'title': return { ...r, proposalTitle: required() };
    case 'proposer': return { ...r, proposers: parseProposers(splitList(required()), r.kind) };
    case 'lead-unit': return { ...r, leadUnit: value || null };
    case 'salutation': return { ...r, salutation: value || null };
    case 'result': return { ...r, result: oneOf('result', required(), config.results) };
    case 'disclosure': return { ...r, disclosure: oneOf('disclosure', required(), config.disclosures) };
    case 'signed-on': return { ...r, signedOn: parseDate(required(), 'signed-on') };
    case 'issued-on': return { ...r, issuedOn: value ? parseDate(value, 'issued-on') : null };
    // The number is optional: an empty value files the reply without one.
    case 'doc-number': return { ...r, docNumber: value ? DocNumber.parse(value, r.docNumber?.prefix ?? config.docPrefix) : null };
    case 'organ': return { ...r, organ: required() };
    // As in the config and an answers file, false says the organ prints no header; it is no header's text.
    case 'header': return { ...r, header: value && value !== 'false' ? value : null };
    case 'printing-organ': return { ...r, printingOrgan: required() };
    case 'cc': return { ...r, cc: splitList(value) };
    case 'contact.name':
    case 'contact.phone':
    case 'contact.address':
    case 'contact.postcode': {
      const key = field.slice('contact.'.length) as keyof Contact;
      return { ...r, contact: parseContact({ ...r.contact, [key]: value }) };
    }
    case 'copy-no': return { ...r, classification: parseClassification({ ...r.classification, copyNo: value }) };
    case 'secrecy': return { ...r, classification: parseClassification({ ...r.classification, secrecy: value }) };
    case 'urgency': return { ...r, classification: parseClassification({ ...r.classification, urgency: value }) };
    case 'annotation': return { ...r, annotation: parseAnnotation(value) };
    case 'style': return { ...r, style: value ? parseStyle(value) : null };
    default:
      throw new ValidationError([{ field, key: 'field.notEditable', params: { keys: EDITABLE.join(', ') } }]);
  }
}

/** Each field a clerk decides, by the name `--set` uses, and how to read it off a reply. */
const FIELD_VALUES: readonly (readonly [string, (r: ReplyFields) => unknown])[] = [
  ['kind', (r) => r.kind],
  ['doc-number', (r) => r.docNumber?.toString() ?? null],
  ['session', (r) => r.session],
  ['proposal-no', (r) => r.proposalNo],
  ['title', (r) => r.proposalTitle],
  ['proposer', (r) => r.proposers],
  ['lead-unit', (r) => r.leadUnit],
  ['salutation', (r) => r.salutation],
  ['result', (r) => r.result],
  ['disclosure', (r) => r.disclosure],
  ['signed-on', (r) => r.signedOn],
  ['issued-on', (r) => r.issuedOn],
  ['organ', (r) => r.organ],
  ['header', (r) => r.header],
  ['printing-organ', (r) => r.printingOrgan],
  ['contact', (r) => r.contact],
  ['contact-labels', (r) => r.contactLabels],
  ['cc', (r) => r.cc],
  ['copy-no', (r) => r.classification.copyNo ?? null],
  ['secrecy', (r) => r.classification.secrecy ?? null],
  ['urgency', (r) => r.classification.urgency ?? null],
  ['annotation', (r) => r.annotation],
  ['style', (r) => r.style],
  ['body', (r) => r.body],
];

/**
 * A reply's fields as lines `name: value` (the names `--set` uses, in the table's order), the body
 * left out: what `reply diff` compares line by line, the body on its own.
 */
export function fieldLines(r: ReplyFields): string {
  return FIELD_VALUES.filter(([name]) => name !== 'body')
    .map(([name, value]) => {
      const v = value(r);
      return `${name}: ${v === null ? '' : typeof v === 'string' ? v : JSON.stringify(v)}`;
    })
    .join('\n') + '\n';
}

/** The fields, by their user-facing names, in which two states of a reply differ. */
export function changedFields(a: ReplyFields, b: ReplyFields): string[] {
  return FIELD_VALUES.filter(([, value]) => JSON.stringify(value(a)) !== JSON.stringify(value(b))).map(([name]) => name);
}

export function parseKind(text: string): Kind {
  const kind = kindOf(text);
  if (!kind) throw new ValidationError([{ field: 'kind', key: 'kind.unknown', params: { value: text } }]);
  return kind;
}

/** Several proposers may come in one string, separated by 、 or commas. */
export function splitList(text: string): string[] {
  return text.split(/[、，,；;]/u).map((s) => s.trim()).filter(Boolean);
}

export function parseProposers(items: ReplyInput['proposers'] & {}, kind: Kind | undefined): Proposer[] {
  const out: Proposer[] = [];
  for (const item of items) {
    if (typeof item === 'string') {
      out.push(...splitList(item).map((s) => parseProposer(s, kind)));
    } else {
      const role = item.role?.trim();
      if (role !== undefined && !isRole(role)) {
        throw new ValidationError([{ field: 'proposer', key: 'proposer.badRole', params: { value: role } }]);
      }
      out.push(role ? { name: item.name.trim(), role } : parseProposer(item.name, kind));
    }
  }
  if (out.length === 0) throw new ValidationError([{ field: 'proposer', key: 'field.missing' }]);
  return out;
}

export function parseProposalNo(text: string): string {
  const value = text.trim().replace(/^第/u, '').replace(/号$/u, '');
  if (!/^\d{1,12}$/.test(value)) {
    throw new ValidationError([{ field: 'proposal-no', key: 'proposalNo.bad', params: { value: text } }]);
  }
  return value;
}

function oneOf(field: string, value: string, allowed: readonly string[]): string {
  const v = value.trim();
  if (!allowed.includes(v)) {
    throw new ValidationError([{ field, key: 'field.notAllowed', params: { value: v, allowed: allowed.join('、') } }]);
  }
  return v;
}

function parseContact(contact: Contact): Contact {
  const out: Record<string, string> = {};
  for (const key of CONTACT_KEYS) {
    const v = contact[key]?.trim();
    if (v) out[key] = v;
  }
  if (out.postcode && !isPostcode(out.postcode)) {
    throw new ValidationError([{ field: 'contact.postcode', key: 'contact.badPostcode', params: { value: out.postcode } }]);
  }
  if (out.phone && !isPhoneList(out.phone)) {
    throw new ValidationError([{ field: 'contact.phone', key: 'contact.badPhone', params: { value: out.phone } }]);
  }
  return out;
}

/** GB/T 9704 7.2.1: 份号 is the copy's number, in (up to six) Arabic digits. */
const COPY_NO = /^[0-9]{1,6}$/;
/** 7.2.2: 绝密, 机密 or 秘密, with the period after ★ when one is given (秘密★1年, 机密★长期). */
const SECRECY = /^(?:绝密|机密|秘密)(?:★\S{1,12})?$/u;
/** 7.2.3: 特急 or 加急 (and for a telegram 特提 or 平急). */
const URGENCY = /^(?:特急|加急|特提|平急)$/u;

/** The marks above the 标志, each checked against what the standard allows; an empty one is none. */
function parseClassification(given: Classification): Classification {
  const out: { -readonly [K in keyof Classification]: string } = {};
  const issues: FieldIssue[] = [];
  const check = (key: keyof Classification, field: string, pattern: RegExp, message: MessageKey) => {
    const value = given[key]?.trim();
    if (!value) return;
    if (pattern.test(value)) out[key] = value;
    else issues.push({ field, key: message, params: { value } });
  };
  check('copyNo', FIELD_NAMES.copyNo, COPY_NO, 'field.badCopyNo');
  check('secrecy', FIELD_NAMES.secrecy, SECRECY, 'field.badSecrecy');
  check('urgency', FIELD_NAMES.urgency, URGENCY, 'field.badUrgency');
  if (issues.length) throw new ValidationError(issues);
  return out;
}

function parseStyle(value: string): DocStyle {
  const style = styleOf(value);
  if (!style) throw new ValidationError([{ field: FIELD_NAMES.style, key: 'field.badStyle', params: { value } }]);
  return style;
}

/** 附注 as kept: its words, without the round brackets it prints in (a clerk may type them). */
function parseAnnotation(value: string): string | null {
  const text = value.trim().replace(/^[（(]([^（()）]*)[）)]$/u, '$1').trim();
  return text || null;
}

/** Line ends normalised, trailing blanks trimmed, one final newline. */
export function normaliseBody(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trim() + '\n';
}

export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

function blankToNull(value: string | undefined): string | null {
  return value && value.trim() ? value.trim() : null;
}

/** One issue a field: the first said is the one to fix. */
export function dedupe(issues: FieldIssue[]): FieldIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => (seen.has(i.field) ? false : (seen.add(i.field), true)));
}

