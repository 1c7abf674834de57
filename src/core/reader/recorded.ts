import type { NewReply } from '../fields.js';
import type { Recorded } from '../properties.js';
import { proposerLabel } from '../proposers.js';
import { addressingOf, type Proposer, type RecordField } from '../reply.js';
import type { Reading } from './read.js';

/** A field the record's properties may give; cc and the lead unit are not among the fields import reports. */
type RecordedField = RecordField | 'cc' | 'leadUnit';

export interface WithRecorded {
  readonly reply: NewReply;
  /** The fields taken from the properties: the text gave none, or only part of what it prints. */
  readonly taken: readonly RecordedField[];
  /** The fields the text prints otherwise than the properties say: the text's stand. */
  readonly differing: readonly RecordField[];
}

/**
 * The record read from a document's text (with the fields the reader only
 * inferred), completed by the record reply wrote into the document's properties. The text is what was signed and what a
 * leader edits in Word, so it decides: a property is taken where the text
 * says nothing of the field, where the reader only inferred it, or, for what
 * the reader cuts from a sentence, where the text prints the property's value
 * whole (the proposal's title inside the opening, the proposers' names whose
 * roles only the property says); where the text prints something else (a doc
 * number, a date or a title changed in Word), the text's value stands and the
 * field is reported.
 */
export function withRecorded(read: NewReply, recorded: Recorded, reading: Reading, inferred: readonly RecordField[]): WithRecorded {
  const printed = reading.lines.map((l) => l.text).join('\n').replace(/\s+/gu, '');
  const prints = (forms: readonly string[]) => forms.length > 0 && forms.every((f) => printed.includes(f.replace(/\s+/gu, '')));
  const taken: RecordedField[] = [];
  const differing: RecordField[] = [];
  /** `whole`: the forms the property's value prints in, for a field the reader cuts from a sentence (the title) or reads without what the property adds (the proposers' roles). */
  const decide = <T>(field: RecordedField, text: T, property: T | undefined, same: (a: T, b: T) => boolean, empty: (v: T) => boolean, whole?: (v: T) => string[]): T => {
    if (property === undefined || same(text, property)) return text;
    if (empty(text) || (inferred as readonly string[]).includes(field) || (whole && prints(whole(property)))) {
      taken.push(field);
      return property;
    }
    if (field !== 'cc' && field !== 'leadUnit') differing.push(field);
    return text;
  };
  const blank = (v: string | null) => v === null || v === '';
  const equal = <T>(a: T, b: T) => a === b;

  const kind = decide('kind', read.kind, recorded.kind, equal, () => false);
  const leadUnit = kind === '会办意见' ? decide('leadUnit', read.leadUnit, recorded.leadUnit, equal, blank) : null;
  const reply: NewReply = {
    ...read,
    ...addressingOf(kind, leadUnit),
    docNumber: decide('docNumber', read.docNumber, recorded.docNumber, (a, b) => (a && b ? a.equals(b) : a === b), (d) => d === null),
    session: decide('session', read.session, recorded.session, equal, blank),
    proposalNo: decide('proposalNo', read.proposalNo, recorded.proposalNo, equal, blank),
    proposalTitle: decide('proposalTitle', read.proposalTitle, recorded.proposalTitle, equal, blank, (t) => [t]),
    proposers: decide('proposers', read.proposers, recorded.proposers, sameProposers, (ps) => ps.length === 0, (ps) => printedNames(ps, printed)),
    signedOn: decide('signedOn', read.signedOn, recorded.signedOn, equal, (d) => d === null),
    organ: decide('organ', read.organ, recorded.organ, equal, blank),
    result: decide('result', read.result, recorded.result, equal, blank),
    disclosure: decide('disclosure', read.disclosure, recorded.disclosure, equal, blank),
    cc: decide('cc', read.cc, recorded.cc, (a, b) => a.join('\n') === b.join('\n'), (units) => units.length === 0),
  };
  return { reply, taken, differing };
}

/**
 * The forms proposers print in: each name, or, where the text names the first and 等 for the rest (a 会办意见's
 * opening: 顾薇玲等委员提出的…, 民盟普陀区委等单位提出的…), the first and 等.
 */
function printedNames(proposers: readonly Proposer[], printed: string): string[] {
  const first = proposers[0]?.name.replace(/\s+/gu, '');
  if (proposers.length > 1 && first && printed.includes(`${first}等`)) return [`${first}等`];
  return proposers.map((p) => p.name);
}

function sameProposers(a: readonly Proposer[], b: readonly Proposer[]): boolean {
  return a.map(proposerLabel).join('、') === b.map(proposerLabel).join('、') && a.every((p, i) => p.role === b[i]?.role);
}
