import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import Database from 'better-sqlite3';
import { beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/store/db.js';
import { BIN, draftNumberingWorkspace, ROOT, tempDir } from '../helpers/cli.js';
import { fileCleanReplyJson, signingWorkspace } from '../cli/support.js';
import { isoDay } from '../../src/core/dates.js';
import { DocNumber } from '../../src/core/doc-number.js';
import { buildNewReply } from '../../src/core/fields.js';
import { textExporter } from '../../src/render/text.js';
import { workspaceConfig } from '../helpers/corpus.js';
// @ts-expect-error: a plain JavaScript module of the benchmark
import { syntheticAnswers } from '../../scripts/synthetic.mjs';

const PROCESSES = 16;

/** The .ts files under a folder. */
function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/**
 * bin/reply runs dist/, which `npm test` builds before any test starts. A test must not build it
 * itself: the build empties dist/bundle first, and the CLI calls of the other test workers, running
 * at the same time, then find its chunks gone. A stale build is refused instead.
 */
function assertBuilt(): void {
  const src = join(ROOT, 'src');
  const stale = sources(src)
    .filter((ts) => !ts.endsWith('.d.ts'))
    .filter((ts) => {
      const js = join(ROOT, 'dist', relative(src, ts).replace(/\.ts$/, '.js'));
      return !existsSync(js) || statSync(js).mtimeMs < statSync(ts).mtimeMs;
    });
  if (stale.length > 0) throw new Error(`dist/ is older than ${relative(ROOT, stale[0]!)}: run npm run build (npm test does)`);
}

/**
 * Loaded with --import before bin/reply: loads the CLI and the store, says it is
 * ready, then waits for the go file, so that all processes hit the archive together.
 */
const BARRIER = `
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const dir = process.env.REPLY_TEST_BARRIER;
for (const url of JSON.parse(process.env.REPLY_TEST_PRELOAD)) await import(url);
writeFileSync(join(dir, 'ready-' + process.pid), '');
const deadline = Date.now() + 30000;
while (!existsSync(join(dir, 'go'))) {
  if (Date.now() > deadline) throw new Error('barrier: no go signal');
  await new Promise((resolve) => setTimeout(resolve, 2));
}
`;

interface Outcome {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

async function waitFor(condition: () => boolean, ms: number, what: string): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Starts PROCESSES `reply new` at once in one workspace and returns what each said. */
async function createAtOnce(ws: string): Promise<Outcome[]> {
  writeFileSync(join(ws, 'body.txt'), '您提出的提案收悉，现将办理情况答复如下：\n\n一、并发写入\n\n正文。\n');
  return atOnce(ws, 'new', (i) => [
    'new',
    '--kind', '提案答复',
    '--session', '区政协十五届二次会议',
    '--proposal-no', String(152100 + i),
    '--title', `并发提案${i}`,
    '--proposer', '朱莺委员',
    '--result', '采纳解决',
    '--disclosure', '主动公开·全文',
    '--signed-on', '2023-05-18',
    '--body', 'body.txt',
    '--json',
  ]);
}

/** Starts PROCESSES runs of one command at once (the arguments of each from its index) and returns what each said. */
async function atOnce(ws: string, command: string, argsOf: (i: number) => string[]): Promise<Outcome[]> {
  const barrier = tempDir();
  const barrierFile = join(barrier, 'barrier.mjs');
  writeFileSync(barrierFile, BARRIER);
  const preload = ['dist/cli/index.js', `dist/cli/commands/${command}.js`, 'dist/store/db.js', 'dist/store/replies.js'].map((f) =>
    pathToFileURL(join(ROOT, f)).href,
  );
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: ws,
    NO_COLOR: '1',
    TZ: 'Asia/Shanghai',
    REPLY_TEST_BARRIER: barrier,
    REPLY_TEST_PRELOAD: JSON.stringify(preload),
  };
  const runs = Array.from({ length: PROCESSES }, (_, i) => run(ws, ['--import', pathToFileURL(barrierFile).href, BIN, ...argsOf(i)], env));
  const ready = () => readdirSync(barrier).filter((f) => f.startsWith('ready-')).length;
  try {
    await waitFor(() => ready() === PROCESSES, 40_000, 'all processes to be ready');
  } finally {
    // Release them even on a timeout, so no process is left waiting.
    writeFileSync(join(barrier, 'go'), '');
  }
  return Promise.all(runs);
}

function checkOutcomes(ws: string, outcomes: readonly Outcome[]): void {
  for (const [i, o] of outcomes.entries()) {
    expect({ process: i, code: o.code, signal: o.signal, stderr: o.stderr }).toEqual({ process: i, code: 0, signal: null, stderr: '' });
  }
  const replies = outcomes.map(
    (o) => JSON.parse(o.stdout) as { id: number; proposalNo: string; docNumber: { text: string; prefix: string; year: number; seq: number } },
  );
  const seqs = replies.map((r) => r.docNumber.seq).sort((a, b) => a - b);
  expect(seqs).toEqual(Array.from({ length: PROCESSES }, (_, i) => i + 1));
  expect(new Set(replies.map((r) => r.id)).size).toBe(PROCESSES);
  for (const r of replies) {
    expect(r.docNumber.prefix).toBe('普发改委');
    expect(r.docNumber.year).toBe(2023);
    expect(r.docNumber.text).toBe(`普发改委〔2023〕${r.docNumber.seq}号`);
  }

  const db = new Database(join(ws, 'data', 'replies.db'), { readonly: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
    // A new reply is its row: revisions hold only states that a later change replaced.
    expect({ replies: count('replies'), revisions: count('revisions'), doc_numbers: count('doc_numbers') }).toEqual({
      replies: PROCESSES,
      revisions: 0,
      doc_numbers: PROCESSES,
    });
    // What each process reported is what the archive holds.
    const rows = db.prepare('SELECT id, proposal_no, doc_prefix, doc_year, doc_seq FROM replies ORDER BY id').all() as {
      id: number;
      proposal_no: string;
      doc_prefix: string;
      doc_year: number;
      doc_seq: number;
    }[];
    expect(rows.map((r) => ({ id: r.id, proposalNo: r.proposal_no, seq: r.doc_seq })).sort((a, b) => a.id - b.id)).toEqual(
      replies.map((r) => ({ id: r.id, proposalNo: r.proposalNo, seq: r.docNumber.seq })).sort((a, b) => a.id - b.id),
    );
    const ledger = db.prepare('SELECT seq, reply_id FROM doc_numbers ORDER BY seq').all() as { seq: number; reply_id: number }[];
    expect(ledger.map((l) => l.seq)).toEqual(seqs);
    for (const l of ledger) expect(rows.find((r) => r.id === l.reply_id)?.doc_seq).toBe(l.seq);
    // Each reply stands as it was created, each by an event of its own.
    const changes = db.prepare('SELECT r.id, e.type FROM replies r JOIN events e ON e.id = r.event_id ORDER BY r.id').all();
    expect(changes).toEqual(rows.map((r) => ({ id: r.id, type: 'created' })));
    expect(db.prepare('SELECT count(DISTINCT event_id) AS n FROM replies').get()).toEqual({ n: rows.length });
  } finally {
    db.close();
  }
}

describe('concurrent filing through the CLI', () => {
  beforeAll(() => assertBuilt());

  // Filing gives numbers in an office that numbers its drafts.
  it(`gives ${PROCESSES} processes filing at once into a new archive the numbers 1..${PROCESSES}`, async () => {
    const ws = draftNumberingWorkspace();
    expect(existsSync(join(ws, 'data', 'replies.db'))).toBe(false);
    checkOutcomes(ws, await createAtOnce(ws));
  }, 60_000);

  it(`gives ${PROCESSES} processes filing at once into an existing archive the numbers 1..${PROCESSES}`, async () => {
    const ws = draftNumberingWorkspace();
    openDatabase(join(ws, 'data', 'replies.db')).close();
    checkOutcomes(ws, await createAtOnce(ws));
  }, 60_000);

  it(`gives ${PROCESSES} drafts signed at once, in an office numbering at signing, the numbers 1..${PROCESSES}`, async () => {
    const ws = signingWorkspace();
    for (let i = 0; i < PROCESSES; i++) expect(fileCleanReplyJson(ws, { 'proposal-no': String(145000 + i) }).docNumber).toBeNull();
    const outcomes = await atOnce(ws, 'status', (i) => ['status', String(i + 1), 'signed', '--json']);
    for (const [i, o] of outcomes.entries()) expect({ process: i, code: o.code, stderr: o.stderr }).toEqual({ process: i, code: 0, stderr: '' });
    const seqs = outcomes.map((o) => (JSON.parse(o.stdout) as { docNumber: { seq: number } }).docNumber.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: PROCESSES }, (_, i) => i + 1));
    const db = new Database(join(ws, 'data', 'replies.db'), { readonly: true });
    try {
      expect(db.prepare('SELECT seq FROM doc_numbers ORDER BY seq').all().map((r) => (r as { seq: number }).seq)).toEqual(seqs);
    } finally {
      db.close();
    }
  }, 60_000);
});

describe('concurrent imports of one folder', () => {
  it(`files each reply once when ${PROCESSES} processes import the same folder at once, and says the others were imported already`, async () => {
    const ws = draftNumberingWorkspace();
    const dir = join(ws, 'in');
    mkdirSync(dir);
    const FILES = 30;
    for (let i = 0; i < FILES; i++) {
      const reply = buildNewReply(syntheticAnswers(i), workspaceConfig('workspace'), isoDay(2026, 1, 1));
      writeFileSync(join(dir, `${String(i).padStart(3, '0')}.txt`), textExporter.render({ ...reply, docNumber: DocNumber.of('普发改委', 2023, i + 1) }, {}) as string);
    }
    const outcomes = await atOnce(ws, 'import', () => ['import', 'in', '--json']);
    const reports = outcomes.flatMap((o) => {
      expect(o.code, o.stderr).toBe(0);
      return JSON.parse(o.stdout) as { file: string; outcome: string; reason?: string }[];
    });
    expect(reports.filter((r) => r.outcome === 'conflict')).toEqual([]);
    const filed = reports.filter((r) => r.outcome === 'filed').map((r) => r.file).sort();
    expect(filed).toEqual(Array.from({ length: FILES }, (_, i) => join('in', `${String(i).padStart(3, '0')}.txt`)));
    const skipped = reports.filter((r) => r.outcome === 'skipped');
    expect(skipped).toHaveLength(FILES * (PROCESSES - 1));
    for (const r of skipped) expect(r.reason).toMatch(/^已导入过（第 \d+ 号）$/u);
  }, 120_000);
});

describe('opening a new archive while another process has it locked', () => {
  it('waits for the lock to put the file in WAL mode (SQLite runs no busy handler for that), then opens it', async () => {
    const file = join(tempDir(), 'replies.db');
    new Database(file).close(); // a file still in rollback-journal mode, as a new archive is
    // Another process writes to it for 400 ms (a reserved lock: others may still read). Converting reads the file's
    // header, then must write it: a reader that cannot become a writer gets SQLITE_BUSY at once, without the busy
    // handler (SQLite's way of avoiding a deadlock), which is how 16 processes creating one archive failed.
    const holder = spawn(process.execPath, [
      '-e',
      `const D = require(${JSON.stringify(createRequire(import.meta.url).resolve('better-sqlite3'))});
       const db = new D(${JSON.stringify(file)}); db.exec('BEGIN IMMEDIATE'); db.exec('CREATE TABLE held (x)');
       process.stdout.write('locked\\n');
       setTimeout(() => { db.exec('COMMIT'); db.close(); }, 400);`,
    ]);
    await new Promise<void>((done, fail) => {
      holder.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && done());
      holder.on('error', fail);
    });
    const started = Date.now();
    const db = openDatabase(file);
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(Date.now() - started).toBeGreaterThan(100);
    } finally {
      db.close();
      await new Promise((done) => (holder.exitCode === null ? holder.on('exit', done) : done(undefined)));
    }
  });
});
