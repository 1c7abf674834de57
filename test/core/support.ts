/**
 * Shared helpers of the core's unit tests: the reference corpus and the
 * errors the core throws, caught so that a test can state what it expects.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseConfig, type Config } from '../../src/core/config.js';
import { ReplyError, ValidationError, type FieldIssue } from '../../src/core/errors.js';
import type { ReplyInput } from '../../src/core/fields.js';

export const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures');
export const CORPUS = join(FIXTURES, 'corpus');

export type BodyId = '000' | '001' | '002' | '004';

/** The clean body of a published reply, as a clerk would have typed it. */
export function corpusBody(id: BodyId): string {
  return readFileSync(join(CORPUS, `${id}.body.md`), 'utf8');
}

/** The config of a test workspace, read as the CLI reads it. */
export function workspaceConfig(name: 'workspace' | 'workspace-government'): Config {
  const file = join(FIXTURES, name, 'reply.config.json');
  return parseConfig(readFileSync(file, 'utf8'), file);
}

const ANSWER_KEYS: Record<string, keyof ReplyInput> = {
  kind: 'kind',
  session: 'session',
  'proposal-no': 'proposalNo',
  title: 'title',
  proposer: 'proposers',
  'lead-unit': 'leadUnit',
  result: 'result',
  disclosure: 'disclosure',
  'signed-on': 'signedOn',
  'doc-number': 'docNumber',
  cc: 'cc',
  contact: 'contact',
  'contact-labels': 'contactLabels',
  header: 'header',
};

/**
 * The input of a corpus reply, taken from its answers file. Only the plain
 * mapping of keys is done here (the CLI's reader is not under test).
 */
export function corpusInput(id: BodyId): ReplyInput {
  const data = JSON.parse(readFileSync(join(CORPUS, `${id}.answers.json`), 'utf8')) as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data)) {
    if (key === 'body-file') out.body = readFileSync(join(CORPUS, value as string), 'utf8');
    else if (key === 'proposer') out.proposers = Array.isArray(value) ? value : [value];
    else if (key === 'header' && value === false) out.header = null;
    else {
      const field = ANSWER_KEYS[key];
      if (!field) throw new Error(`unmapped answers key ${key}`);
      out[field] = value;
    }
  }
  return out as ReplyInput;
}

/** The issues of the ValidationError that `fn` throws; fails when it throws none. */
export function issuesOf(fn: () => unknown): FieldIssue[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ValidationError) return [...error.issues];
    throw error;
  }
  throw new Error('expected a ValidationError, but nothing was thrown');
}

/** The ReplyError that `fn` throws; fails when it throws none. */
export function replyErrorOf(fn: () => unknown): ReplyError {
  try {
    fn();
  } catch (error) {
    if (error instanceof ReplyError) return error;
    throw error;
  }
  throw new Error('expected a ReplyError, but nothing was thrown');
}

/** The keys of the issues, by field: { 'doc-number': 'docNumber.badSeq' }. */
export function issueKeys(issues: readonly FieldIssue[]): Record<string, string> {
  return Object.fromEntries(issues.map((i) => [i.field, i.key]));
}
