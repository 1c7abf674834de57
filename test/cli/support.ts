/**
 * Shared pieces of the end-to-end CLI tests: a valid set of `reply new` flags,
 * copies of the corpus answers, a scripted editor and the one assertion every
 * error must pass.
 */
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import { FIXTURES, runCli, withNumbering, workspace, type Run } from '../helpers/cli.js';

export const CORPUS = join(FIXTURES, 'corpus');
/** The body of the real reply 普发改委〔2023〕16号. */
export const BODY_000 = join(CORPUS, '000.body.md');

export type Flags = Record<string, string | readonly string[] | undefined>;

/** A complete, valid set of flags for `reply new` (a proposal reply signed 2023-05-18, no doc number). */
export const BASE_FLAGS: Flags = {
  kind: '提案答复',
  session: '区政协十五届二次会议',
  'proposal-no': '152104',
  title: '开发长三角一体化智能数据图表研报平台的建议',
  proposer: '朱莺委员',
  result: '采纳解决',
  disclosure: '主动公开·全文',
  'signed-on': '2023-05-18',
  body: BODY_000,
};

/** The body of the real reply 普发改委〔2021〕9号, which passes the format check. */
export const BODY_004 = join(CORPUS, '004.body.md');

/**
 * Flags for a reply that passes the format check (no errors, no warnings), so
 * it may be checked and signed: corpus 004 (王东伟委员, signed 2021-04-19),
 * with the workspace's contact and a doc number given out by the archive.
 * BASE_FLAGS' body (corpus 000) has real format errors and cannot be signed
 * without --force.
 */
export const CLEAN_FLAGS: Flags = {
  kind: '提案答复',
  session: '区政协十四届四次会议',
  'proposal-no': '145072',
  title: '以城市数字化转型激发普陀产业高质量发展的新动能',
  proposer: '王东伟委员',
  result: '采纳解决',
  disclosure: '主动公开·全文',
  'signed-on': '2021-04-19',
  body: BODY_004,
};

/** `--name value` pairs from BASE_FLAGS with the given overrides; undefined drops a flag, arrays repeat it. */
export function flags(overrides: Flags = {}): string[] {
  const merged: Flags = { ...BASE_FLAGS, ...overrides };
  const out: string[] = [];
  for (const [name, value] of Object.entries(merged)) {
    if (value === undefined) continue;
    for (const v of typeof value === 'string' ? [value] : value) out.push(`--${name}`, v);
  }
  return out;
}

/** Files a reply with `reply new` and BASE_FLAGS (plus overrides); fails the test unless it succeeds. */
export function fileReply(cwd: string, overrides: Flags = {}, extra: readonly string[] = [], env?: NodeJS.ProcessEnv): Run {
  const run = runCli(cwd, ['new', ...flags(overrides), ...extra], env ? { env } : {});
  expect(run.stderr, `reply new failed: ${run.stderr}`).toBe('');
  expect(run.code).toBe(0);
  return run;
}

/** Files a reply that passes the format check (CLEAN_FLAGS plus overrides); fails the test unless it succeeds. */
export function fileCleanReply(cwd: string, overrides: Flags = {}, extra: readonly string[] = [], env?: NodeJS.ProcessEnv): Run {
  return fileReply(cwd, { ...CLEAN_FLAGS, ...overrides }, extra, env);
}

/** Files a reply that passes the format check and returns its JSON form. */
export function fileCleanReplyJson(cwd: string, overrides: Flags = {}, env?: NodeJS.ProcessEnv): ReplyJson {
  return fileReplyJson(cwd, { ...CLEAN_FLAGS, ...overrides }, env);
}

/** Files a reply and returns its JSON form (`reply new --json`). */
export function fileReplyJson(cwd: string, overrides: Flags = {}, env?: NodeJS.ProcessEnv): ReplyJson {
  return JSON.parse(fileReply(cwd, overrides, ['--json'], env).stdout) as ReplyJson;
}

/** The JSON form of a reply, as far as the tests look into it. */
export interface ReplyJson {
  id: number;
  docNumber: { text: string; prefix: string; year: number; seq: number };
  kind: string;
  status: string;
  title: string;
  session: string;
  proposalNo: string;
  proposalTitle: string;
  proposers: { name: string; role: string }[];
  salutation: string;
  salutationOverride: string | null;
  leadUnit: string | null;
  result: string;
  disclosure: string;
  signedOn: string;
  issuedOn: string;
  organ: string;
  header: string | null;
  printingOrgan: string;
  contact: Record<string, string>;
  contactLabels: Record<string, string>;
  cc: string[];
  footnotes: { number: number; label: string; text: string }[];
  body: string;
  /** The needed fields the record lacks (missingOf), and those the reader inferred. */
  missing: string[];
  inferred: string[];
  createdAt: string;
  updatedAt: string;
}

export interface RevisionJson {
  revision: number;
  at: string;
  change: 'created' | 'edited' | 'status';
  reply: ReplyJson;
}

/** `reply list --json`, parsed. */
export function listJson(cwd: string, args: readonly string[] = [], env?: NodeJS.ProcessEnv): ReplyJson[] {
  const run = runCli(cwd, ['list', '--json', ...args], env ? { env } : {});
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as ReplyJson[];
}

/** `reply show ID --json`, parsed. */
export function showJson(cwd: string, id: string | number): ReplyJson {
  const run = runCli(cwd, ['show', String(id), '--json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as ReplyJson;
}

/** `reply show ID --history --json`, parsed. */
export function historyJson(cwd: string, id: string | number): RevisionJson[] {
  const run = runCli(cwd, ['show', String(id), '--history', '--json']);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  return JSON.parse(run.stdout) as RevisionJson[];
}

/**
 * Runs the CLI and expects it to succeed quietly: exit 0, nothing on standard error but, when it signs
 * a reply that has no number yet, the one line naming the number it was given.
 */
export function runOk(cwd: string, args: readonly string[], env?: NodeJS.ProcessEnv): Run {
  const run = runCli(cwd, args, env ? { env } : {});
  expectQuiet(run, args);
  return run;
}

/** Exit 0 and a quiet standard error (see runOk). */
export function expectQuiet(run: Run, args: readonly string[]): void {
  const signs = args[0] === 'status' && ['signed', '签发', '已签发'].includes(args[2] ?? '');
  if (signs) expect(run.stderr, run.stderr).toMatch(/^(已登记文号 \S+号\n)?$/u);
  else expect(run.stderr, run.stderr).toBe('');
  expect(run.code, run.stderr).toBe(0);
}

/**
 * Every error: the given exit code, nothing on stdout, and on stderr exactly
 * one line that starts with 错误： and carries no stack frame; each fragment
 * must appear in it.
 */
export function expectError(run: Run, code: number, ...fragments: (string | RegExp)[]): void {
  const where = `stderr was: ${JSON.stringify(run.stderr)}`;
  expect(run.stderr, where).toMatch(/^错误：[^\n]+\n$/u);
  expect(run.stderr, where).not.toMatch(/^\s*at /m);
  expect(run.stderr, where).not.toMatch(/\bat .*:\d+:\d+\)?$/m);
  for (const fragment of fragments) {
    if (typeof fragment === 'string') expect(run.stderr, where).toContain(fragment);
    else expect(run.stderr, where).toMatch(fragment);
  }
  expect(run.stdout, `stdout should be empty; ${where}`).toBe('');
  expect(run.code, where).toBe(code);
}

/** Copies a corpus reply's answers file and its body file into `dir`; returns the answers file's path. */
export function copyAnswers(dir: string, id: '000' | '001' | '004' = '000'): string {
  mkdirSync(dir, { recursive: true });
  const answers = join(dir, `${id}.answers.json`);
  copyFileSync(join(CORPUS, `${id}.answers.json`), answers);
  copyFileSync(join(CORPUS, `${id}.body.md`), join(dir, `${id}.body.md`));
  return answers;
}

/** A corpus reply's answers, read as JSON. */
export function corpusAnswers(id: '000' | '001' | '004'): Record<string, unknown> {
  return JSON.parse(readFileSync(join(CORPUS, `${id}.answers.json`), 'utf8')) as Record<string, unknown>;
}

/** Line ends normalised, trailing blanks trimmed, one final newline: how the archive keeps a body. */
export function normalised(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').replace(/[ \t]+$/gm, '').trim() + '\n';
}

/**
 * A scripted $EDITOR: a node script that saves what it was given to `seen`
 * and replaces the file with `text`. Returns the EDITOR value and the file
 * that will hold what the editor saw.
 */
export function scriptedEditor(dir: string, text: string): { editor: string; seen: string } {
  const script = join(dir, 'fake-editor.mjs');
  const seen = join(dir, 'editor-saw.txt');
  writeFileSync(
    script,
    `import { readFileSync, writeFileSync } from 'node:fs';
const file = process.argv[2];
writeFileSync(${JSON.stringify(seen)}, readFileSync(file, 'utf8'));
writeFileSync(file, ${JSON.stringify(text)});
`,
  );
  return { editor: `"${process.execPath}" "${script}"`, seen };
}

/**
 * A copy of the fixture workspace that outlives single tests (for a suite that
 * seeds its archive once in beforeAll); the caller removes it in afterAll.
 */
export function lastingWorkspace(numbering?: 'draft'): string {
  const dir = mkdtempSync(join(tmpdir(), 'reply-test-'));
  cpSync(join(FIXTURES, 'workspace'), dir, { recursive: true });
  // An office that numbers its drafts as they are filed, where a test needs numbers on drafts.
  return numbering ? withNumbering(dir, numbering) : dir;
}

/** A tiny RFC 4180 reader: quoted cells, doubled quotes, CRLF or LF rows. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') row.push(cell), (cell = '');
    else if (ch === '\r' && text[i + 1] === '\n') continue;
    else if (ch === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else cell += ch;
  }
  if (cell !== '' || row.length) row.push(cell), rows.push(row);
  return rows;
}

/** A workspace whose office numbers its replies as they are signed (numbering "sign", as `reply init` writes it). */
export function signingWorkspace(): string {
  return withNumbering(workspace(), 'sign');
}
