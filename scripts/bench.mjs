// npm run bench — speed and size figures of the archive, import, search and render.
// It prints figures; it passes or fails nothing. docs/commands.md and docs/internals.md quote them.
//   BENCH_SIZES=10000,100000  archive sizes to measure (default: both)
//   BENCH_DIR=path            keep the texts and archives in path/<size> and reuse them on the next run:
//                             the import is then not measured again (its recorded figures are printed)
//   BENCH_IMPORT=1            with BENCH_DIR: measure the load and the import again (fresh archives)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { parseConfig } from '../dist/core/config.js';
import { isoDay } from '../dist/core/dates.js';
import { buildNewReply } from '../dist/core/fields.js';
import { textExporter } from '../dist/render/text.js';
import { openDatabase } from '../dist/store/db.js';
import { SqliteReplies } from '../dist/store/replies.js';
import { syntheticAnswers } from './synthetic.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin', 'reply');
const SIZES = (process.env.BENCH_SIZES ?? '10000,100000').split(',').map(Number);
const config = parseConfig(readFileSync(join(ROOT, 'reply.config.json'), 'utf8'), 'reply.config.json');
const clock = { now: () => new Date() };

/** Queries of 3–6 characters and two terms, and of 1–2 characters, as clerks type them. */
const QUERIES = ['长三角', '数字化转型', '海纳小镇', '营商环境', '桃浦智创城', '人工智能 产业', '长三角 协同创新', '养老服务'];
const SHORT_QUERIES = ['数据', '提案', '园区', '镇', '人才'];

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const ms = (x) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 2 : 1)} ms`);
const mb = (bytes) => `${(bytes / 1e6).toFixed(0)} MB`;
const fileSize = (f) => (existsSync(f) ? statSync(f).size : 0);
const dbSize = (f) => fileSize(f) + fileSize(`${f}-wal`);
const hasCommand = (name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;

function table(title, rows) {
  console.log(`\n${title}`);
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
}

/** Whole-process time of a command, median of several runs. */
function processTime(command, args, options = {}) {
  const times = [];
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    spawnSync(command, args, { stdio: 'ignore', ...options });
    times.push(performance.now() - t0);
  }
  return median(times);
}

/** Writes the published text of N synthetic replies, one file each. */
function writeTexts(dir, n) {
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < n; i++) {
    const draft = buildNewReply(syntheticAnswers(i), config, isoDay(2026, 1, 1));
    const text = textExporter.render({ ...draft, docNumber: draft.docNumber }, {});
    writeFileSync(join(dir, `${String(i).padStart(6, '0')}.txt`), text);
  }
}

/** The floor for import: the same texts into a bare external-content trigram FTS5 table, a transaction each. */
function rawLoad(dbFile, files) {
  const db = new Database(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE docs (id INTEGER PRIMARY KEY, body TEXT NOT NULL);
    CREATE VIRTUAL TABLE docs_fts USING fts5 (body, content = 'docs', content_rowid = 'id', tokenize = 'trigram');`);
  const doc = db.prepare('INSERT INTO docs (body) VALUES (?)');
  const fts = db.prepare('INSERT INTO docs_fts (rowid, body) VALUES (?, ?)');
  const load = db.transaction((text) => fts.run(doc.run(text).lastInsertRowid, text));
  const t0 = performance.now();
  for (const file of files) load(readFileSync(file, 'utf8'));
  const seconds = (performance.now() - t0) / 1000;
  db.close();
  return seconds;
}

/** `reply import` of the folder, run in this process (the CLI's own code path, closing included), a transaction each. */
async function importAll(dbFile, texts, count) {
  const { main } = await import('../dist/cli/index.js');
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const t0 = performance.now();
  const code = await main(['--db', dbFile, '--create', 'import', texts], {
    cwd: ROOT,
    streams: { stdout: sink, stderr: sink, stdinIsTTY: false, stdoutIsTTY: false },
  });
  const seconds = (performance.now() - t0) / 1000;
  if (code !== 0) throw new Error(`reply import exited with ${code}`);
  const db = new Database(dbFile, { readonly: true });
  const { n } = db.prepare('SELECT count(*) AS n FROM replies').get();
  db.close();
  if (n !== count) throw new Error(`reply import filed ${n} replies of ${count} files`);
  return seconds;
}

async function searchFigures(dbFile) {
  const { parseSearchQuery } = await import('../dist/core/search-query.js');
  const repo = new SqliteReplies(openDatabase(dbFile), clock);
  const search = repo.fullText();
  const time = (queries) => {
    const times = [];
    const each = new Map(queries.map((q) => [q, []]));
    for (let round = 0; round < 5; round++) {
      for (const q of queries) {
        const terms = parseSearchQuery(q);
        const t0 = performance.now();
        search.search(terms, { limit: 20 });
        const t = performance.now() - t0;
        times.push(t);
        each.get(q).push(t);
      }
    }
    const detail = [...each].map(([q, ts]) => `${q} ${median(ts).toFixed(1)}`).join(', ');
    return `p50 ${ms(median(times))}, p95 ${ms(p95(times))}  (p50 each, ms: ${detail})`;
  };
  // The first query of a process reads the index from disk; the figures are of a warm process.
  time(QUERIES);
  // reply similar: of a filed reply (ids spread over the archive), and of a proposal's title alone.
  const total = repo.list({ limit: 1 })[0]?.id ?? 1;
  const similarTimes = (probe) => {
    const times = [];
    for (let i = 1; i <= 20; i++) {
      const t0 = performance.now();
      search.similar(probe(i), { limit: 20 });
      times.push(performance.now() - t0);
    }
    return `p50 ${ms(median(times))}, p95 ${ms(p95(times))}`;
  };
  const shapes = worstShapes(search, parseSearchQuery, repo);
  const rows = [
    ['search, 3–6 characters and two terms (in process)', time(QUERIES)],
    ['search, 1–2 characters (in process)', time(SHORT_QUERIES)],
    ['similar, of a filed reply (in process)', similarTimes((i) => Math.max(1, Math.floor((total * i) / 21)))],
    ['similar, of a proposal title (--text, in process)', similarTimes((i) => ({ proposalTitle: `关于推进${QUERIES[i % QUERIES.length]}的建议`, body: '', organ: config.organ }))],
  ];
  repo.close();
  for (const shape of shapes) rows.push([`search, worst ${shape.name} (in process)`, `${ms(shape.worst[0].ms)}  (${shape.of}; slowest: ${shape.worst.map((w) => `${w.label} ${w.ms.toFixed(1)}`).join(', ')})`]);
  return { rows, shapes };
}

/**
 * Filters with and without hits, each asked with a common and a rare term of 3+ characters, a short term, a dense
 * character and two terms (whose full-text MATCH weighs both over every reply).
 */
const FILTER_TERMS = ['长三角', '海纳小镇', '数据', '研', '人工智能 产业'];

/**
 * The slowest queries of each shape, in process: every single character the synthetic replies hold, and each filter
 * (--status, --organ, --proposer) with and without hits. The slowest of each is then timed as a whole process.
 */
function worstShapes(search, parseSearchQuery, repo) {
  const chars = new Set();
  for (const r of repo.list({ limit: 300 })) for (const c of repo.get(r.id).body) if (/\p{Script=Han}/u.test(c)) chars.add(c);
  const proposer = syntheticAnswers(0).proposers[0].replace(/委员$/u, '');
  const filters = [
    ['--status', 'sent', { status: 'sent' }, true],
    ['--status', 'void', { status: 'void' }, false],
    ['--organ', '发展和改革', { organ: '发展和改革' }, true],
    ['--organ', '某某局', { organ: '某某局' }, false],
    ['--proposer', proposer, { proposer }, true],
    ['--proposer', '无此人', { proposer: '无此人' }, false],
  ];
  const timed = (q, filter) => {
    const terms = parseSearchQuery(q);
    search.searchCounted(terms, { limit: 20, ...filter }, 1000);
    const t0 = performance.now();
    search.searchCounted(terms, { limit: 20, ...filter }, 1000);
    return performance.now() - t0;
  };
  const worst = (cases) => cases.map((c) => ({ ...c, ms: timed(c.query, c.filter) })).sort((a, b) => b.ms - a.ms).slice(0, 5);
  const shapes = [
    { name: 'single character', of: `${chars.size} characters`, worst: worst([...chars].map((c) => ({ label: c, query: c, filter: {}, args: [c] }))) },
  ];
  for (const hits of [true, false]) {
    const cases = filters
      .filter((f) => f[3] === hits)
      .flatMap(([flag, value, filter]) => FILTER_TERMS.map((q) => ({ label: `${q} ${flag} ${value}`, query: q, filter, args: [q, flag, value] })));
    shapes.push({ name: `filter ${hits ? 'with' : 'without'} hits`, of: `${cases.length} queries`, worst: worst(cases) });
  }
  return shapes;
}

/** Texts, raw load and import of n replies in dir, or those a previous run kept there (BENCH_DIR). */
async function prepare(dir, n, keep) {
  const texts = join(dir, 'texts');
  const rawFile = join(dir, 'raw.db');
  const dbFile = join(dir, 'data', 'replies.db');
  const recordFile = join(dir, 'import.json');
  const t0 = performance.now();
  const written = existsSync(texts) && readdirSync(texts).length === n;
  if (!written) {
    rmSync(texts, { recursive: true, force: true });
    writeTexts(texts, n);
  }
  const files = readdirSync(texts).sort().map((f) => join(texts, f));
  const generated = written ? undefined : (performance.now() - t0) / 1000;
  if (keep && existsSync(recordFile) && existsSync(dbFile) && process.env.BENCH_IMPORT !== '1') {
    return { texts, rawFile, dbFile, generated, ...JSON.parse(readFileSync(recordFile, 'utf8')), reused: true };
  }
  for (const f of [rawFile, dbFile]) for (const x of ['', '-wal', '-shm']) rmSync(f + x, { force: true });
  const rawSeconds = rawLoad(rawFile, files);
  const seconds = await importAll(dbFile, texts, n);
  const db = new Database(dbFile);
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  const record = { rawSeconds, seconds, rawSize: dbSize(rawFile), size: dbSize(dbFile) };
  if (keep) writeFileSync(recordFile, JSON.stringify(record));
  return { texts, rawFile, dbFile, generated, ...record, reused: false };
}

for (const n of SIZES) {
  const keep = Boolean(process.env.BENCH_DIR);
  const dir = keep ? join(process.env.BENCH_DIR, String(n)) : mkdtempSync(join(tmpdir(), `reply-bench-${n}-`));
  mkdirSync(dir, { recursive: true });
  try {
    const { texts, dbFile, generated, rawSeconds, seconds, rawSize, size, reused } = await prepare(dir, n, keep);
    const repo = new SqliteReplies(openDatabase(dbFile), clock);
    const sample = repo.get(Math.ceil(n / 2));
    const renders = [];
    for (let i = 0; i < 200; i++) {
      const t0 = performance.now();
      textExporter.render(sample, {});
      renders.push(performance.now() - t0);
    }
    repo.close();
    const search = await searchFigures(dbFile);

    const recorded = reused ? ' (recorded earlier)' : '';
    const rows = [
      ['synthetic replies (published text, ~3,000 characters)', `${n}${generated !== undefined ? ` (written in ${generated.toFixed(0)} s)` : ' (kept)'}`],
      ['raw trigram FTS5 load, a transaction each (the floor)', `${Math.round(n / rawSeconds)} replies/s (${rawSeconds.toFixed(0)} s), ${mb(rawSize)}${recorded}`],
      ['reply import (in process): read, parse, file with source', `${Math.round(n / seconds)} replies/s (${seconds.toFixed(0)} s), ${Math.round((100 * rawSeconds) / seconds)}% of the floor's rate${recorded}`],
      ['archive size', mb(size)],
      ['text render of one reply (in process)', `p50 ${ms(median(renders))}`],
      ...search.rows,
      ['reply list --year 2020 (whole process)', ms(processTime(process.execPath, [BIN, '--db', dbFile, 'list', '--year', '2020']))],
      ['reply list --limit 20 (whole process)', ms(processTime(process.execPath, [BIN, '--db', dbFile, 'list', '--limit', '20']))],
      ['reply show (whole process)', ms(processTime(process.execPath, [BIN, '--db', dbFile, 'show', '1']))],
      ['reply render (whole process)', ms(processTime(process.execPath, [BIN, '--db', dbFile, 'render', '1']))],
    ];
    if (existsSync(join(ROOT, 'dist', 'cli', 'commands', 'search.js'))) {
      for (const q of [...QUERIES, ...SHORT_QUERIES]) {
        const reply = processTime(process.execPath, [BIN, '--db', dbFile, 'search', q]);
        const rg = hasCommand('rg') ? processTime('rg', ['-l', '--fixed-strings', q.split(' ')[0], texts]) : undefined;
        rows.push([`reply search ${q} (whole process)`, `${ms(reply)}${rg !== undefined ? `   ripgrep ${ms(rg)}` : ''}`]);
      }
      // The slowest of each shape in process, as a whole process: the worst of them is the figure (target < 0.2 s).
      for (const shape of search.shapes) {
        const times = shape.worst.map((w) => ({ label: w.label, t: processTime(process.execPath, [BIN, '--db', dbFile, 'search', ...w.args]) }));
        times.sort((a, b) => b.t - a.t);
        rows.push([`reply search, worst ${shape.name} (whole process)`, `${ms(times[0].t)}  (${times.map((x) => `${x.label} ${ms(x.t)}`).join(', ')})`]);
      }
    }
    table(`${n} replies`, rows);
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}
if (!hasCommand('rg')) console.log('\n(ripgrep is not installed: install it to time it beside reply search)');
await import('./bench-read.mjs'); // reading: the reader alone and the import of real replies of other offices
await import('./bench-render.mjs'); // rendering: DOCX in process, 1,000 replies by the CLI beside pandoc, PDF in one LibreOffice call
await import('./bench-formats.mjs'); // reading by file format: 1,000 files each, LibreOffice and OCR apart, a mixed folder
