import type { BodyTree } from '../body.js';
import type { Config } from '../config.js';
import type { IsoDate } from '../dates.js';
import type { MessageKey, Params } from '../errors.js';
import type { ReplyFields } from '../reply.js';
import type { Layout } from './located.js';

/**
 * error: a defect of the published text (the standard or the genre is broken,
 * or the text says something wrong); warning: a matter of house style.
 */
export type Severity = 'error' | 'warning';

/**
 * Every rule the checker knows, with its severity and whether `reply check
 * --fix` repairs it (in an archive reply: the doc number and the dates of a
 * record are kept and printed in the official form, so only the text can hold
 * their faults). The table in docs/commands.md mirrors this one.
 */
export const RULES = {
  'doc-number/missing': { severity: 'error', fix: false },
  'doc-number/brackets': { severity: 'error', fix: false },
  'doc-number/year': { severity: 'error', fix: false },
  'doc-number/serial': { severity: 'error', fix: false },
  'doc-number/spaces': { severity: 'error', fix: false },
  'doc-number/prefix': { severity: 'error', fix: false },
  'doc-number/cited': { severity: 'warning', fix: true },
  'title/missing': { severity: 'error', fix: false },
  'title/shape': { severity: 'error', fix: false },
  'title/session': { severity: 'error', fix: false },
  'salutation/missing': { severity: 'error', fix: false },
  'salutation/colon': { severity: 'error', fix: true },
  'salutation/addressee': { severity: 'error', fix: false },
  'salutation/repeated': { severity: 'error', fix: true },
  'opening/received': { severity: 'warning', fix: false },
  'opening/proposal': { severity: 'warning', fix: false },
  'opening/addressee': { severity: 'error', fix: false },
  'closing/missing': { severity: 'warning', fix: false },
  'closing/addressee': { severity: 'error', fix: false },
  'heading/sequence': { severity: 'error', fix: false },
  'heading/skip': { severity: 'warning', fix: false },
  'heading/brackets': { severity: 'error', fix: true },
  'heading/style': { severity: 'warning', fix: false },
  'punctuation/half-width': { severity: 'error', fix: true },
  'punctuation/normalised': { severity: 'warning', fix: false },
  'text/duplicate': { severity: 'error', fix: false },
  'text/latin-word': { severity: 'error', fix: false },
  'text/placeholder': { severity: 'error', fix: false },
  'text/stop-continues': { severity: 'error', fix: false },
  'text/stale-date': { severity: 'warning', fix: false },
  'date/missing': { severity: 'error', fix: false },
  'date/unreadable': { severity: 'error', fix: false },
  'date/form': { severity: 'error', fix: false },
  'date/spaces': { severity: 'error', fix: true },
  'date/leading-zero': { severity: 'error', fix: true },
  'date/numerals': { severity: 'error', fix: false },
  'date/issued-before-signed': { severity: 'error', fix: false },
  'date/future': { severity: 'error', fix: false },
  'signature/missing': { severity: 'error', fix: false },
  'signature/organ': { severity: 'error', fix: false },
  'contact/missing': { severity: 'warning', fix: false },
  'contact/phone': { severity: 'error', fix: false },
  'contact/postcode': { severity: 'error', fix: false },
  'meta/result': { severity: 'error', fix: false },
  'meta/disclosure': { severity: 'error', fix: false },
} as const satisfies Record<string, { readonly severity: Severity; readonly fix: boolean }>;

export type RuleCode = keyof typeof RULES;

/**
 * Where a finding of an archive reply is for the clerk who edits the record: a
 * line of the body as typed, or the field whose printing the line is (the
 * record's fields are edited as fields, not as lines).
 */
export type Place = { readonly bodyLine: number } | { readonly field: PrintedField };
/** The fields a reply's text prints outside its body, by their names of input (fieldName.*). */
export type PrintedField = 'result' | 'disclosure' | 'header' | 'doc-number' | 'title' | 'salutation' | 'organ' | 'signed-on' | 'contact' | 'cc' | 'printing-organ' | 'issued-on';

/** One thing the checker found: the rule, where (1-based line of the checked text) and what, as a message key. */
export interface Finding {
  readonly code: RuleCode;
  readonly severity: Severity;
  readonly line: number;
  /** An archive reply's: where the line is in the record (its text rendering's line is `line`). */
  readonly place?: Place;
  /** A key of the message catalogue (the core says no sentence itself). */
  readonly key: MessageKey;
  readonly params: Params;
}

/** The rules with a message of their own, `check.<code>`. */
type WithMessage = { [C in RuleCode]: `check.${C}` extends MessageKey ? C : never }[RuleCode];
/** The variants of a rule's message: `salutation/addressee` has `check.salutation/addressee.leadUnit` … */
export type Variant<C extends RuleCode> = MessageKey extends infer K ? (K extends `check.${C}.${infer V}` ? V : never) : never;

/** A finding of a rule; its message is `check.<code>`, or the variant named (`check.<code>.<variant>`): both must be in the catalogue. */
export function finding(code: WithMessage, line: number, params?: Params): Finding;
export function finding<C extends RuleCode>(code: C, line: number, params: Params, variant: Variant<C> | undefined): Finding;
export function finding(code: RuleCode, line: number, params: Params = {}, variant?: string): Finding {
  // The overloads hold the key to the catalogue's.
  const key = (variant ? `check.${code}.${variant}` : `check.${code}`) as MessageKey;
  return { code, severity: RULES[code].severity, line, key, params };
}

/** The body tree of the checked text and where each of its lines sits in that text. */
export interface BodyView {
  readonly tree: BodyTree;
  /** The line of the checked text for a line of the tree (Block.line, Footnote.line). */
  lineOf(treeLine: number): number;
}

/** What every rule reads: the text's parts located, its record and its body tree. */
export interface CheckSubject {
  /** A published file, or a reply of the archive checked through its text rendering. */
  readonly origin: 'file' | 'archive';
  /**
   * A reply not yet given its doc number, whose text has none to check: a draft of the archive, or the
   * tool's own document of one (its record properties carry no number).
   */
  readonly awaitsNumber: boolean;
  readonly layout: Layout;
  /** The record: as filed (archive), or as read back by parsePublished (file). */
  readonly reply: ReplyFields;
  readonly body: BodyView;
  /** An archive reply's: a line of its text rendering as a place in the record. */
  readonly placeOf?: (line: number) => Place | undefined;
}

/** What the rules need from outside the text: the office's config (when a workspace has one) and today. */
export interface CheckContext {
  readonly config?: Config;
  /** The core has no clock: the caller says what day it is. */
  readonly today: IsoDate;
  /** The past reply the checked one was started from (reply new --from): what it carried over is checked. */
  readonly basis?: { readonly id: number; readonly body: string };
}

export type Rule = (subject: CheckSubject, context: CheckContext) => Finding[];
