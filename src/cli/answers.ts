import { dirname, resolve } from 'node:path';
import { ReplyError } from '../core/errors.js';
import { FIELD_NAMES, type ReplyInput } from '../core/fields.js';
import { PROPOSAL_INPUT, readInput, REPLY_INPUT } from '../core/input.js';
import { MAX_JSON_DEPTH, readJsonText } from '../core/json-text.js';
import { PROPOSAL_FIELD_NAMES, type ProposalInput } from '../core/proposal.js';
import { readText } from './files.js';

/**
 * The keys an answers file may use for each input field: its flag name (proposal-no) and its
 * camelCase spelling (proposalNo), both from the field table, and a few names of old.
 */
function keysOf<K extends string>(names: Readonly<Record<K, string>>, extra: Readonly<Record<string, K | 'bodyFile'>> = {}): Map<string, K | 'bodyFile'> {
  const keys = new Map<string, K | 'bodyFile'>(Object.entries(extra) as [string, K | 'bodyFile'][]);
  for (const [field, flag] of Object.entries(names) as [K, string][]) keys.set(field, field).set(flag, field);
  return keys;
}

const REPLY_KEYS = keysOf(FIELD_NAMES, { 'proposal-title': 'title', proposalTitle: 'title', 'body-file': 'bodyFile', bodyFile: 'bodyFile' });
const PROPOSAL_KEYS = keysOf(PROPOSAL_FIELD_NAMES, { 'proposal-no': 'number', proposalNo: 'number' });

/**
 * The input the flags give: each field's flag (named in the field table, as commander spells its
 * option: proposal-no → proposalNo), read through the same schema as an answers file.
 */
export function flagsInput(options: Readonly<Record<string, unknown>>, body?: string): ReplyInput {
  // --body names the file (or - for standard input) the body is read from: the text is given here.
  const { body: _file, ...rest } = options;
  return fromFlags(REPLY_INPUT, FIELD_NAMES, rest, body === undefined ? {} : { body }) as ReplyInput;
}

export function proposalFlagsInput(options: Readonly<Record<string, unknown>>): ProposalInput {
  return fromFlags(PROPOSAL_INPUT, PROPOSAL_FIELD_NAMES, options, {}) as ProposalInput;
}

function fromFlags(
  schema: typeof REPLY_INPUT | typeof PROPOSAL_INPUT,
  names: Readonly<Record<string, string>>,
  options: Readonly<Record<string, unknown>>,
  extra: Record<string, unknown>,
): unknown {
  const given: Record<string, unknown> = { ...extra };
  for (const [field, flag] of Object.entries(names)) {
    const value = options[flag.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())];
    if (value !== undefined) given[field] = value;
  }
  const read = readInput(schema, given);
  // Commander gives every flag as text: a value of another shape is a bug, not a user's mistake.
  if (!read.ok) throw new Error(`flag ${read.key ?? '?'} does not fit the input schema`);
  return read.input;
}

/** Reads an answers file into the same input the flags give; `body-file` is relative to it. */
export function readAnswers(file: string, base: string): ReplyInput {
  const fields = renamed(readObject(file, base), REPLY_KEYS, file);
  const { bodyFile, ...rest } = fields.values;
  if (bodyFile !== undefined) {
    if (typeof bodyFile !== 'string') throw new ReplyError('answers.badValue', { file, ...placed(fields.text, fields.keyOf.get('bodyFile')!) });
    rest.body = readText(bodyFile, dirname(resolve(base, file)));
  }
  return read(REPLY_INPUT, { ...fields, values: rest }, file) as ReplyInput;
}

/** Reads a proposal's answers file into the same input the flags give. */
export function readProposalAnswers(file: string, base: string): ProposalInput {
  const fields = renamed(readObject(file, base), PROPOSAL_KEYS, file);
  return read(PROPOSAL_INPUT, fields, file) as ProposalInput;
}

/** The file's values under their input fields (a null is a value not given), and the key each came by. */
function renamed({ data, text }: { data: Record<string, unknown>; text: string }, keys: ReadonlyMap<string, string>, file: string) {
  const unknown = Object.keys(data).filter((k) => !keys.has(k));
  if (unknown.length) throw new ReplyError('answers.unknownKeys', { file, keys: unknown.join(', '), line: keyLine(text, unknown[0]!) });
  const values: Record<string, unknown> = {};
  const keyOf = new Map<string, string>();
  for (const [key, value] of Object.entries(data)) {
    if (value === null) continue;
    values[keys.get(key)!] = value;
    keyOf.set(keys.get(key)!, key);
  }
  return { values, keyOf, text };
}

function read(
  schema: typeof REPLY_INPUT | typeof PROPOSAL_INPUT,
  { values, keyOf, text }: { values: Record<string, unknown>; keyOf: ReadonlyMap<string, string>; text: string },
  file: string,
): unknown {
  const result = readInput(schema, values);
  if (result.ok) return result.input;
  const field = result.key ?? result.unknown[0] ?? '';
  throw new ReplyError('answers.badValue', { file, ...placed(text, keyOf.get(field) ?? field) });
}

/** A JSON object and its text; a fault in the text is placed by line and column. */
function readObject(file: string, base: string): { data: Record<string, unknown>; text: string } {
  const text = readText(file, base);
  const read = readJsonText(text);
  if ('tooDeep' in read) throw new ReplyError('answers.tooDeep', { file, max: MAX_JSON_DEPTH });
  if (!read.ok) throw new ReplyError('answers.badJson', { file, ...read.fault });
  const data = read.data;
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ReplyError('answers.notObject', { file });
  return { data: data as Record<string, unknown>, text };
}

/**
 * The line of the file a top-level key stands on (1 when it is not found): a scan of the text that
 * skips strings and counts the depth, so that a key of the same name inside contact is not taken.
 */
export function keyLine(text: string, key: string): number {
  let depth = 0;
  let line = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\n') line++;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') depth--;
    else if (c === '"') {
      const start = i;
      for (i++; i < text.length && text[i] !== '"'; i++) if (text[i] === '\\') i++;
      if (depth === 1 && /^\s*:/u.test(text.slice(i + 1, i + 64))) {
        try {
          if (JSON.parse(text.slice(start, i + 1)) === key) return line;
        } catch {
          // not a string JSON reads: not the key
        }
      }
    }
  }
  return 1;
}

/** The key a field is given by in the file, as the file spells it, and the line it stands on. */
function placed(text: string, key: string): { key: string; line: number } {
  return { key, line: keyLine(text, key) };
}
