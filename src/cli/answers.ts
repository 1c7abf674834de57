import { dirname, resolve } from 'node:path';
import { ReplyError } from '../core/errors.js';
import { CONTACT_KEYS, type Contact } from '../core/reply.js';
import type { ReplyInput } from '../core/fields.js';
import type { ProposalInput } from '../core/proposal.js';
import { readText } from './files.js';

/** Answers-file keys (the flag names) and their camelCase spellings, mapped to input fields. */
const KEYS: Record<string, keyof ReplyInput | 'bodyFile'> = {
  kind: 'kind',
  session: 'session',
  'proposal-no': 'proposalNo', proposalNo: 'proposalNo',
  title: 'title', 'proposal-title': 'title', proposalTitle: 'title',
  proposer: 'proposers', proposers: 'proposers',
  'lead-unit': 'leadUnit', leadUnit: 'leadUnit',
  salutation: 'salutation',
  result: 'result',
  disclosure: 'disclosure',
  'signed-on': 'signedOn', signedOn: 'signedOn',
  'issued-on': 'issuedOn', issuedOn: 'issuedOn',
  'doc-number': 'docNumber', docNumber: 'docNumber',
  body: 'body',
  'body-file': 'bodyFile', bodyFile: 'bodyFile',
  cc: 'cc',
  contact: 'contact',
  'contact-labels': 'contactLabels', contactLabels: 'contactLabels',
  header: 'header',
};

/** The flags a user gave, as input: those not given are left out, so that an answers file's values stand. */
export function givenOnly<T>(fields: Record<string, unknown>): T {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as T;
}

/** Reads an answers file into the same input the flags give; `body-file` is relative to it. */
export function readAnswers(file: string, base: string): ReplyInput {
  const data = readObject(file, base, Object.keys(KEYS));

  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    const field = KEYS[key]!;
    const bad = () => new ReplyError('answers.badValue', { file, key });
    if (value === null) continue;
    if (field === 'bodyFile') {
      if (typeof value !== 'string') throw bad();
      out.body = readText(value, dirname(resolve(base, file)));
    } else if (field === 'proposers' || field === 'cc') {
      const list = Array.isArray(value) ? value : [value];
      if (!list.every((v) => typeof v === 'string' || (field === 'proposers' && isProposerObject(v)))) throw bad();
      out[field] = list;
    } else if (field === 'contact' || field === 'contactLabels') {
      if (typeof value !== 'object' || Array.isArray(value)) throw bad();
      out[field] = contactOf(value as Record<string, unknown>, bad);
    } else if (field === 'header' && value === false) {
      out.header = null;
    } else {
      if (typeof value !== 'string' && typeof value !== 'number') throw bad();
      // A number in JSON loses leading zeros; proposal numbers are kept as written only when quoted.
      out[field] = String(value);
    }
  }
  return out as ReplyInput;
}

/** Proposal answers-file keys (the flag names) and their camelCase spellings. */
const PROPOSAL_KEYS: Record<string, keyof ProposalInput> = {
  kind: 'kind',
  session: 'session',
  number: 'number', 'proposal-no': 'number', proposalNo: 'number',
  title: 'title',
  proposer: 'proposers', proposers: 'proposers',
  'assigned-on': 'assignedOn', assignedOn: 'assignedOn',
  role: 'role',
  'lead-unit': 'leadUnit', leadUnit: 'leadUnit',
  'due-on': 'dueOn', dueOn: 'dueOn',
};

/** Reads a proposal's answers file into the same input the flags give. */
export function readProposalAnswers(file: string, base: string): ProposalInput {
  const data = readObject(file, base, Object.keys(PROPOSAL_KEYS));
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    const field = PROPOSAL_KEYS[key]!;
    const bad = () => new ReplyError('answers.badValue', { file, key });
    if (value === null) continue;
    if (field === 'proposers') {
      const list = Array.isArray(value) ? value : [value];
      if (!list.every((v) => typeof v === 'string' || isProposerObject(v))) throw bad();
      out[field] = list;
    } else {
      if (typeof value !== 'string' && typeof value !== 'number') throw bad();
      out[field] = String(value);
    }
  }
  return out as ProposalInput;
}

/** A JSON object with only the keys given. */
function readObject(file: string, base: string, keys: readonly string[]): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(readText(file, base));
  } catch (error) {
    if (error instanceof ReplyError) throw error;
    throw new ReplyError('answers.badJson', { file, detail: (error as Error).message });
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ReplyError('answers.notObject', { file });
  const unknown = Object.keys(data).filter((k) => !keys.includes(k));
  if (unknown.length) throw new ReplyError('answers.unknownKeys', { file, keys: unknown.join(', ') });
  return data as Record<string, unknown>;
}

function isProposerObject(v: unknown): v is { name: string; role?: string } {
  return !!v && typeof v === 'object' && typeof (v as { name?: unknown }).name === 'string';
}

function contactOf(value: Record<string, unknown>, bad: () => Error): Contact {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) {
    if (!(CONTACT_KEYS as readonly string[]).includes(k) || (typeof v !== 'string' && typeof v !== 'number')) throw bad();
    out[k] = String(v);
  }
  return out;
}
