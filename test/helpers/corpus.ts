import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readAnswers } from '../../src/cli/answers.js';
import { parseConfig, type Config } from '../../src/core/config.js';
import { isoDay, type IsoDate } from '../../src/core/dates.js';
import type { DocNumber } from '../../src/core/doc-number.js';
import { buildNewReply } from '../../src/core/fields.js';
import { addressed, type ReplyFields, type UnaddressedFields } from '../../src/core/reply.js';
import { FIXTURES } from './cli.js';

export const CORPUS = join(FIXTURES, 'corpus');

/** The published replies of the corpus and the workspace each was filed in. */
export const REPLIES = {
  '000': { file: '000_4fb67617f60c5557.txt', workspace: 'workspace' },
  '001': { file: '001_70d0034a1d17f697.txt', workspace: 'workspace' },
  '002': { file: '002_a164b7bb32c782c3.txt', workspace: 'workspace-government' },
  '004': { file: '004_c7071f7df36f8e71.txt', workspace: 'workspace' },
} as const;
export type CorpusId = keyof typeof REPLIES;

export function workspaceConfig(name: string): Config {
  const file = join(FIXTURES, name, 'reply.config.json');
  return parseConfig(readFileSync(file, 'utf8'), file);
}

/** A record with every field: what each corpus reply is. */
export type CompleteFields = ReplyFields & { readonly docNumber: DocNumber; readonly signedOn: IsoDate };

/** The record holding the data of a corpus reply, built from its answers file as `reply new` does. */
export function corpusRecord(id: CorpusId): CompleteFields {
  const input = readAnswers(join(CORPUS, `${id}.answers.json`), CORPUS);
  const draft = buildNewReply(input, workspaceConfig(REPLIES[id].workspace), isoDay(2026, 1, 1));
  return { ...draft, docNumber: draft.docNumber!, signedOn: draft.signedOn! };
}

export function published(id: CorpusId): string {
  return readFileSync(join(CORPUS, REPLIES[id].file), 'utf8');
}

/**
 * A record with some fields changed, kind and lead unit among them: a test states a legal record, and
 * one whose kind and lead unit disagree is a mistake of the test.
 */
export function changed(base: ReplyFields, overrides: Partial<UnaddressedFields>): ReplyFields {
  const next = addressed({ ...base, ...overrides } as UnaddressedFields);
  if (!next) throw new Error(`a ${String(overrides.kind ?? base.kind)} has no lead unit`);
  return next;
}
