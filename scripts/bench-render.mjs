// Rendering speed (npm run bench calls it; `node scripts/bench-render.mjs` runs it alone):
//   - DOCX of one reply in process (renderDocx over synthetic replies; target under 20 ms);
//   - `reply render --all --format docx --out DIR` of 1,000 replies through the real CLI, whole process,
//     beside pandoc converting the same 1,000 texts (the Markdown render) to DOCX, one process each, where
//     pandoc is installed;
//   - the PDF of 50 replies in one LibreOffice call (`--format pdf`), beside one call per reply, where
//     soffice is installed.
// It prints figures; it passes or fails nothing. docs/commands.md and docs/internals.md quote them.
//   BENCH_RENDER_COUNT=1000   replies in the batch
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { parseConfig } from '../dist/core/config.js';
import { isoDay } from '../dist/core/dates.js';
import { buildNewReply } from '../dist/core/fields.js';
import { renderDocx } from '../dist/render/docx.js';
import { textExporter } from '../dist/render/text.js';
import { syntheticAnswers } from './synthetic.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const BIN = join(ROOT, 'bin', 'reply');
const COUNT = Number(process.env.BENCH_RENDER_COUNT ?? 1000);
const config = parseConfig(readFileSync(join(ROOT, 'reply.config.json'), 'utf8'), 'reply.config.json');

const sorted = (xs) => [...xs].sort((a, b) => a - b);
const median = (xs) => sorted(xs)[Math.floor(xs.length / 2)];
const p95 = (xs) => sorted(xs)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))];
const ms = (x) => (x >= 1000 ? `${(x / 1000).toFixed(1)} s` : `${x.toFixed(1)} ms`);
const hasCommand = (name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
const record = (i) => {
  const draft = buildNewReply(syntheticAnswers(i), config, isoDay(2026, 1, 1));
  return { ...draft, docNumber: draft.docNumber };
};

function table(title, rows) {
  console.log(`\n${title}`);
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
}

/** Runs a command to completion; fails loudly, since a figure of a failed run means nothing. */
function run(command, args, options = {}) {
  const t0 = performance.now();
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 1 << 26, ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.slice(0, 4).join(' ')} failed: ${result.stderr}`);
  return performance.now() - t0;
}

const rows = [];

// DOCX in process: warm up, then time each of 200 different replies.
const replies = Array.from({ length: 200 }, (_, i) => record(i));
for (const r of replies.slice(0, 20)) await renderDocx(r);
const docxTimes = [];
for (const r of replies) {
  const t0 = performance.now();
  await renderDocx(r);
  docxTimes.push(performance.now() - t0);
}
rows.push(['DOCX of one reply, in process (200 synthetic replies of ~3,000 characters)', `p50 ${ms(median(docxTimes))}, p95 ${ms(p95(docxTimes))} (target < 20 ms)`]);

// A workspace with COUNT replies, filed by `reply import` of their published texts.
const dir = mkdtempSync(join(tmpdir(), 'reply-bench-render-'));
try {
  const ws = join(dir, 'ws');
  mkdirSync(ws);
  cpSync(join(ROOT, 'reply.config.json'), join(ws, 'reply.config.json'));
  const texts = join(dir, 'texts');
  mkdirSync(texts);
  for (let i = 0; i < COUNT; i++) writeFileSync(join(texts, `${String(i).padStart(5, '0')}.txt`), textExporter.render(record(i), {}));
  run(process.execPath, [BIN, 'import', texts], { cwd: ws });

  const docxBatch = run(process.execPath, [BIN, 'render', '--all', '--format', 'docx', '--out', join(dir, 'docx')], { cwd: ws });
  const made = readdirSync(join(dir, 'docx')).length;
  rows.push([`reply render --all --format docx, ${COUNT} replies (whole process)`, `${ms(docxBatch)} (${ms(docxBatch / made)} a reply, ${made} files)`]);

  if (hasCommand('pandoc')) {
    run(process.execPath, [BIN, 'render', '--all', '--format', 'md', '--out', join(dir, 'md')], { cwd: ws });
    const sources = readdirSync(join(dir, 'md')).map((f) => join(dir, 'md', f));
    mkdirSync(join(dir, 'pandoc'));
    const t0 = performance.now();
    for (const [i, file] of sources.entries()) run('pandoc', ['-f', 'markdown', '-t', 'docx', '-o', join(dir, 'pandoc', `${i}.docx`), file]);
    const pandoc = performance.now() - t0;
    const version = spawnSync('pandoc', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0];
    rows.push([`${version}: the same ${sources.length} Markdown texts to DOCX, a process each`, `${ms(pandoc)} (${ms(pandoc / sources.length)} a reply)`]);
  } else {
    rows.push(['pandoc', 'not installed: install it to time it beside reply render']);
  }

  if (hasCommand('soffice')) {
    // The PDF of 50 replies: one LibreOffice call for all, against one call (one process) per reply for 5 of them.
    const pdfWs = join(dir, 'pdf-ws');
    mkdirSync(pdfWs);
    cpSync(join(ROOT, 'reply.config.json'), join(pdfWs, 'reply.config.json'));
    const few = join(dir, 'few');
    mkdirSync(few);
    for (const f of readdirSync(texts).slice(0, 50)) cpSync(join(texts, f), join(few, f));
    run(process.execPath, [BIN, 'import', few], { cwd: pdfWs });
    const batch = run(process.execPath, [BIN, 'render', '--all', '--format', 'pdf', '--out', join(dir, 'pdf')], { cwd: pdfWs });
    let single = 0;
    for (let id = 1; id <= 5; id++) single += run(process.execPath, [BIN, 'render', String(id), '--format', 'pdf', '--out', join(dir, 'pdf1', `${id}.pdf`)], { cwd: pdfWs });
    rows.push(['reply render --all --format pdf, 50 replies in one LibreOffice call', `${ms(batch)} (${ms(batch / 50)} a reply)`]);
    rows.push(['reply render ID --format pdf, one reply a call', `${ms(single / 5)} a reply`]);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
table('Rendering', rows);
