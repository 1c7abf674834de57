// Reading speed of the tolerant reply reader (npm run bench calls it; `node scripts/bench-read.mjs` runs it alone):
//   - the reader alone, in process, over the 21 real replies of other offices (test/fixtures/corpus-wild)
//     and over synthetic replies in the published layout (~3,000 characters each);
//   - `reply import` of the wild set, in process (the CLI's own code path), copied 50 times over so that
//     each copy is a file of its own (the sha256 differs: the page's view counter does) and all but the
//     first of each are recognised as copies of a reply already filed.
// It prints figures; it passes or fails nothing. The 10,000 and 100,000 reply import rates are in bench.mjs.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import Database from 'better-sqlite3';
import { parseConfig } from '../dist/core/config.js';
import { isoDay } from '../dist/core/dates.js';
import { buildNewReply } from '../dist/core/fields.js';
import { parsePublished } from '../dist/core/published.js';
import { textExporter } from '../dist/render/text.js';
import { syntheticAnswers } from './synthetic.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const WILD = join(ROOT, 'test', 'fixtures', 'corpus-wild');
const config = parseConfig(readFileSync(join(ROOT, 'reply.config.json'), 'utf8'), 'reply.config.json');
const COPIES = Number(process.env.BENCH_WILD_COPIES ?? 50);

function rate(texts, seconds = 3) {
  for (const t of texts) parsePublished(t);
  let n = 0;
  const t0 = performance.now();
  while (performance.now() - t0 < seconds * 1000) for (const t of texts) (parsePublished(t), n++);
  const ms = (performance.now() - t0) / n;
  return `${ms.toFixed(3)} ms a reply (${Math.round(1000 / ms)} replies/s)`;
}

const wild = readdirSync(WILD).filter((f) => f.endsWith('.txt')).map((f) => readFileSync(join(WILD, f), 'utf8'));
const synthetic = Array.from({ length: 200 }, (_, i) => {
  const draft = buildNewReply(syntheticAnswers(i), config, isoDay(2026, 1, 1));
  return textExporter.render({ ...draft }, {});
});

const dir = mkdtempSync(join(tmpdir(), 'reply-bench-read-'));
try {
  const texts = join(dir, 'texts');
  mkdirSync(texts);
  let files = 0;
  for (let copy = 0; copy < COPIES; copy++) {
    // Each copy as a page seen on another day: its view counter differs, the reply does not.
    wild.forEach((text, i) => writeFileSync(join(texts, `${copy}-${i}.txt`), `浏览次数:${copy + 1}\n${text}`));
    files += wild.length;
  }
  const { main } = await import('../dist/cli/index.js');
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const dbFile = join(dir, 'replies.db');
  const t0 = performance.now();
  const code = await main(['--db', dbFile, '--create', 'import', texts], { cwd: ROOT, streams: { stdout: sink, stderr: sink, stdinIsTTY: false, stdoutIsTTY: false } });
  const seconds = (performance.now() - t0) / 1000;
  const db = new Database(dbFile, { readonly: true });
  const { n } = db.prepare('SELECT count(*) AS n FROM replies').get();
  db.close();
  const rows = [
    ['reader, 21 real replies of other offices (in process)', rate(wild)],
    ['reader, synthetic replies in the published layout (in process)', rate(synthetic)],
    [`reply import of the wild set × ${COPIES} (${files} files, in process)`, `${Math.round(files / seconds)} files/s (${seconds.toFixed(1)} s); ${n} filed, the copies of one reply recognised (exit ${code})`],
  ];
  console.log('\nreading replies');
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
