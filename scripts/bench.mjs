// npm run bench — prints speed and size figures of the archive and the text render.
// Figures, not pass/fail: the README quotes them. Run after `npm run build`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../dist/store/db.js';
import { SqliteReplies } from '../dist/store/replies.js';
import { parseConfig } from '../dist/core/config.js';
import { buildNewReply } from '../dist/core/fields.js';
import { isoDay } from '../dist/core/dates.js';
import { textExporter } from '../dist/render/text.js';

const ROOT = new URL('..', import.meta.url).pathname;
const COUNT = Number(process.env.BENCH_REPLIES ?? 10_000);
const dir = mkdtempSync(join(tmpdir(), 'reply-bench-'));
const dbFile = join(dir, 'data', 'replies.db');
const config = parseConfig(readFileSync(join(ROOT, 'reply.config.json'), 'utf8'), 'reply.config.json');
const body = readFileSync(join(ROOT, 'data/samples/reply-152104.body.md'), 'utf8');

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)];
const ms = (x) => `${x.toFixed(2)} ms`;

function draft(i) {
  const year = 2015 + (i % 10);
  return buildNewReply(
    {
      kind: '提案答复', session: '区政协十五届二次会议', proposalNo: String(150000 + i), title: `第${i}号提案的标题`,
      proposers: ['朱莺委员'], result: '采纳解决', disclosure: '主动公开·全文', signedOn: `${year}-05-18`, body,
    },
    config,
    isoDay(2026, 1, 1),
  );
}

const repo = new SqliteReplies(openDatabase(dbFile), { now: () => new Date() });
const createTimes = [];
const started = performance.now();
for (let i = 0; i < COUNT; i++) {
  const t0 = performance.now();
  repo.create(draft(i), config.docPrefix);
  createTimes.push(performance.now() - t0);
}
const elapsed = (performance.now() - started) / 1000;
const sample = repo.get(Math.ceil(COUNT / 2));
const renderTimes = [];
for (let i = 0; i < 200; i++) {
  const t0 = performance.now();
  textExporter.render(sample, {});
  renderTimes.push(performance.now() - t0);
}
repo.close();

function wholeProcess(args) {
  const times = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    execFileSync(process.execPath, [join(ROOT, 'bin/reply'), '--db', dbFile, ...args], { cwd: ROOT, stdio: 'ignore' });
    times.push(performance.now() - t0);
  }
  return median(times);
}

const size = (f) => {
  try {
    return statSync(f).size;
  } catch {
    return 0;
  }
};
const rows = [
  ['replies filed', String(COUNT)],
  ['filing rate (each its own transaction)', `${Math.round(COUNT / elapsed)} replies/s`],
  ['filing p50 / p95', `${ms(median(createTimes))} / ${ms(p95(createTimes))}`],
  ['archive size', `${((size(dbFile) + size(dbFile + '-wal')) / 1e6).toFixed(1)} MB`],
  ['text render p50 (one reply, in process)', ms(median(renderTimes))],
  ['reply --help (whole process)', ms(wholeProcess(['--help']))],
  ['reply list --year 2020 (whole process)', ms(wholeProcess(['list', '--year', '2020']))],
  ['reply show <id> (whole process)', ms(wholeProcess(['show', String(Math.ceil(COUNT / 2))]))],
  ['reply render <id> (whole process)', ms(wholeProcess(['render', String(Math.ceil(COUNT / 2))]))],
];
const width = Math.max(...rows.map(([k]) => k.length));
for (const [k, v] of rows) console.log(`${k.padEnd(width)}  ${v}`);
writeFileSync(join(dir, 'done'), '');
rmSync(dir, { recursive: true, force: true });
