import type { MessageKey } from '../../messages/zh-CN.js';
import { markerOf } from '../body.js';
import { DEFAULT_RESULT_CLASSES } from '../config.js';
import type { NewReply } from '../fields.js';
import { fromSuperscript } from '../numerals.js';
import { deriveSalutation, parseProposer } from '../proposers.js';
import {
  DEFAULT_CONTACT_LABELS,
  missingOf,
  addressingOf,
  type Contact,
  type ContactLabels,
  type NeededField,
  type Proposer,
  type RecordField,
} from '../reply.js';
import type { Reading } from './read.js';
import { titleSaysLetter } from '../style.js';
import { recordedOf } from '../properties.js';
import { restorePunctuation } from './punctuation.js';
import { withRecorded } from './recorded.js';
import { dateOfLine, FOOTNOTE } from './tail.js';

export interface RecordOptions {
  readonly resultClasses?: Readonly<Record<string, string>>;
  /** A document's own properties (a DOCX's custom ones): the record reply wrote there completes what the text says. */
  readonly properties?: Readonly<Record<string, string>>;
}

/** A reading made into a record: what import files, with what it still needs and what it inferred. */
export interface ReadRecord {
  readonly reply: NewReply;
  readonly missing: readonly NeededField[];
  readonly inferred: readonly RecordField[];
  /** Fields the text prints otherwise than the document's recorded properties say (the text's value is taken). */
  readonly differing: readonly RecordField[];
  /** Message keys: what the clerk should look at. */
  readonly warnings: readonly MessageKey[];
}

/** A paragraph ending in none of these continues on the next one (a page break split it). */
const PARAGRAPH_END = /[。！？：；…”’）)」』!?;:]/u;

export function recordOf(reading: Reading, options: RecordOptions = {}): ReadRecord {
  const fix = reading.normalised ? restorePunctuation : (s: string) => s;
  const kind = reading.kind.value;
  const addressee = reading.addressee?.value ?? '';
  const opening = reading.opening ? fix(reading.opening.text) : '';
  const proposers: readonly Proposer[] = kind === '会办意见' ? proposersOfOpening(opening) : reading.proposers;
  const leadUnit = kind === '会办意见' && addressee ? addressee : null;
  const footnotes = new Map<number, string>();
  for (const f of reading.footnotes) {
    const note = footnoteOf(f.text);
    if (note) footnotes.set(note.number, note.text);
  }
  const { body, unmatched } = repairBody(
    reading.body.map((p) => fix(p.text)),
    footnotes,
  );
  const contact: Record<string, string> = {};
  const labels: Partial<Record<keyof ContactLabels, string>> = {};
  for (const item of reading.contact) {
    contact[item.key] = item.value;
    if (!/及/u.test(item.label)) labels[item.key] = item.label;
  }
  const result = resultOf(reading.result?.value, options.resultClasses ?? DEFAULT_RESULT_CLASSES);
  const organ = reading.organ?.value ?? null;
  const salutation = addressee ? `${addressee}：` : null;
  const printingOrgan = reading.issued?.organ?.text ?? organ ?? '';

  const reply: NewReply = {
    ...addressingOf(kind, leadUnit),
    docNumber: reading.docNumber?.value ?? null,
    session: reading.session?.value ?? null,
    proposalNo: reading.proposalNo?.value ?? null,
    proposalTitle: reading.proposalTitle ? fix(reading.proposalTitle.value) : '',
    proposers,
    salutation,
    result,
    disclosure: reading.disclosure?.value ?? '',
    body,
    signedOn: reading.signedOn?.value ?? null,
    issuedOn: null,
    organ,
    header: reading.header?.value ?? null,
    printingOrgan,
    contact: contact as Contact,
    contactLabels: { ...DEFAULT_CONTACT_LABELS, ...labels },
    cc: reading.cc?.list ?? [],
    classification: {},
    annotation: null,
    // A title that calls the reply a letter (…的答复函) says how it was printed; else the archive's default decides.
    style: reading.title && titleSaysLetter(reading.title.value) ? '信函' : null,
  };
  const inferred: RecordField[] = [];
  if (reading.kind.how === 'inferred') inferred.push('kind');
  if (reading.organ?.how === 'inferred') inferred.push('organ');
  if (reading.signedOn?.how === 'inferred') inferred.push('signedOn');
  const recorded = options.properties && recordedOf(options.properties);
  const completed = recorded ? withRecorded(reply, recorded, reading, inferred) : { reply, taken: [], differing: [] };
  const whole = completed.reply;
  const issuedOn = reading.issued ? (dateOfLine(reading.issued.date) ?? null) : null;
  const filed: NewReply = {
    ...whole,
    // The salutation is kept only where it is not the one the addressees give.
    salutation: salutation === null || salutation === deriveSalutation(whole.kind, whole.proposers, whole.leadUnit) ? null : salutation,
    issuedOn: issuedOn === whole.signedOn ? null : issuedOn,
  };

  const known = inferred.filter((f) => !completed.taken.includes(f));

  const warnings: MessageKey[] = [];
  if (reading.normalised) warnings.push('import.warn.punctuation');
  if (reading.dateUnreadable || (reading.dateLine && !reading.signedOn)) warnings.push('import.warn.dateUnreadable');
  if (!filed.proposalTitle) warnings.push('import.warn.proposalTitle');
  if (!filed.result) warnings.push('import.warn.result');
  if (!filed.disclosure) warnings.push('import.warn.disclosure');
  if (!filed.contact.name) warnings.push('import.warn.contact');
  if (unmatched > 0) warnings.push('import.warn.footnotes');
  return { reply: filed, missing: missingOf(filed), inferred: known, differing: completed.differing, warnings };
}

/** A class (A类, A) through the table; any other result as printed. */
function resultOf(printed: string | undefined, classes: Readonly<Record<string, string>>): string {
  if (!printed) return '';
  const m = /^([A-Za-zＡ-Ｚａ-ｚ])\s*类?$/u.exec(printed.trim());
  if (!m) return printed.trim();
  const letter = String.fromCharCode(m[1]!.charCodeAt(0) >= 0xff21 ? m[1]!.charCodeAt(0) - 0xfee0 : m[1]!.charCodeAt(0)).toUpperCase();
  return classes[letter] ?? printed.trim();
}

/**
 * The body as the clerk would have typed it: paragraphs joined where a page
 * break split them, footnote markers as [^n] with their notes at the end.
 * Returns how many markers had no note (they stay as printed).
 */
export function repairBody(lines: readonly string[], footnotes: Map<number, string>): { body: string; unmatched: number } {
  const paragraphs: string[] = [];
  for (const raw of lines) {
    if (raw === '') continue;
    const note = footnoteOf(raw);
    if (note) {
      // A note printed at the foot of a page, between the halves of a split paragraph.
      footnotes.set(note.number, note.text);
      continue;
    }
    const last = paragraphs[paragraphs.length - 1];
    if (last !== undefined && !PARAGRAPH_END.test(last.at(-1)!) && !markerOf(last) && !markerOf(raw)) {
      // A bold stretch the break split (…**组建重点** | **专班**。) is one stretch again.
      paragraphs[paragraphs.length - 1] = last.endsWith('**') && raw.startsWith('**') ? last.slice(0, -2) + raw.slice(2) : last + raw;
    } else {
      paragraphs.push(raw);
    }
  }
  let unmatched = 0;
  const text = paragraphs
    .map((p) =>
      p.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹]+/gu, (marks) => {
        const n = fromSuperscript(marks)!;
        if (footnotes.has(n)) return `[^${n}]`;
        unmatched++;
        return marks;
      }),
    )
    .join('\n\n');
  const notes = [...footnotes].sort(([a], [b]) => a - b).map(([n, t]) => `[^${n}]: ${t}`);
  return { body: [text, ...notes].filter(Boolean).join('\n\n') + '\n', unmatched };
}

function footnoteOf(line: string): { number: number; text: string } | undefined {
  const m = FOOTNOTE.exec(line);
  if (!m) return undefined;
  return { number: fromSuperscript(m[1]!)!, text: m[2]!.trim() };
}

/** 顾薇玲等委员提出的… / 经济委员会提出的… / 民盟普陀区委等单位提出的… in a 会办意见's opening. */
function proposersOfOpening(opening: string): Proposer[] {
  const m = /^(.+?)(等(?:\d+个|多个|几个)?(?:单位)?)?(委员|代表)?提出的/u.exec(opening);
  if (!m) return [];
  const name = m[1]!;
  if (m[3]) return [{ name, role: m[3] as '委员' | '代表' }];
  try {
    return [parseProposer(name, '会办意见')];
  } catch {
    return [];
  }
}
