// Reading speed by file format (npm run bench calls it; `node scripts/bench-formats.mjs` runs it alone):
//   - for each format, 1,000 files of synthetic replies (~3,000 characters) read as import reads them (the file's
//     reader, then the tolerant reply reader; in process, one after another): .txt, .docx, .html, .mht, .ofd, and,
//     where LibreOffice is installed, text PDFs and .doc (LibreOffice makes 100 of each, each copied 10 times with
//     bytes after its end, so that each file is a file of its own);
//   - the rates of what needs a helper program, apart: .rtf through LibreOffice (one call a core for the run), and
//     scanned pages through tesseract (one a core), where installed;
//   - `reply import` of a mixed folder of all these (1,000 files), in process, the CLI's own code path.
// It prints figures; it passes or fails nothing. docs/commands.md and docs/internals.md quote them.
//   BENCH_FORMAT_FILES=1000   files a format
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import JSZip from 'jszip';
import { parseConfig } from '../dist/core/config.js';
import { isoDay } from '../dist/core/dates.js';
import { buildNewReply } from '../dist/core/fields.js';
import { readForImport } from '../dist/cli/import-read.js';
import { convertAll } from '../dist/cli/sources.js';
import { renderDocx } from '../dist/render/docx.js';
import { renderPdfs } from '../dist/render/pdf.js';
import { htmlExporter, textExporter } from '../dist/render/text.js';
import { syntheticAnswers } from './synthetic.mjs';

const ROOT = new URL('..', import.meta.url).pathname;
const FILES = Number(process.env.BENCH_FORMAT_FILES ?? 1000);
const config = parseConfig(readFileSync(join(ROOT, 'reply.config.json'), 'utf8'), 'reply.config.json');
const hasCommand = (name) => spawnSync('sh', ['-c', `command -v ${name}`]).status === 0;
const soffice = hasCommand('soffice');
const ocr = hasCommand('tesseract') && hasCommand('pdftoppm');

const replies = Array.from({ length: FILES }, (_, i) => buildNewReply(syntheticAnswers(i), config, isoDay(2026, 1, 1)));
const dir = mkdtempSync(join(tmpdir(), 'reply-bench-formats-'));

/** An .ofd as OFD writers lay a reply out: A4, one text object a printed line of 28 characters, 22 lines a page. */
async function ofdOf(text) {
  const lines = [];
  for (const paragraph of text.split('\n').filter((l) => l.trim())) {
    const chars = [...('\u3000\u3000' + paragraph.trim())];
    for (let i = 0; i < chars.length; i += 28) lines.push(chars.slice(i, i + 28).join('').replace(/^\u3000+/u, (s) => s));
  }
  const pages = [];
  for (let i = 0; i < lines.length; i += 22) pages.push(lines.slice(i, i + 22));
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const zip = new JSZip();
  const ns = 'xmlns:ofd="http://www.ofdspec.org/2016"';
  zip.file('OFD.xml', `<ofd:OFD ${ns} Version="1.0"><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>`);
  zip.file(
    'Doc_0/Document.xml',
    `<ofd:Document ${ns}><ofd:CommonData><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox></ofd:PageArea></ofd:CommonData><ofd:Pages>${pages
      .map((_, p) => `<ofd:Page ID="${p + 1}" BaseLoc="Pages/Page_${p}/Content.xml"/>`)
      .join('')}</ofd:Pages></ofd:Document>`,
  );
  pages.forEach((page, p) => {
    const objects = page
      .map((line, k) => {
        const indent = line.startsWith('\u3000\u3000') ? 2 : 0;
        const textOf = line.replace(/^\u3000+/u, '');
        return `<ofd:TextObject ID="${k + 10}" Boundary="${27 + indent * 5.6} ${37 + k * 10.5} 156 8" Size="5.6"><ofd:TextCode X="0" Y="6" DeltaX="g ${Math.max(0, [...textOf].length - 1)} 5.6">${escape(textOf)}</ofd:TextCode></ofd:TextObject>`;
      })
      .join('');
    zip.file(`Doc_0/Pages/Page_${p}/Content.xml`, `<ofd:Page ${ns}><ofd:Content><ofd:Layer ID="2">${objects}</ofd:Layer></ofd:Content></ofd:Page>`);
  });
  return zip.generateAsync({ type: 'nodebuffer' });
}

function mhtOf(html) {
  return `MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary="b"\r\n\r\n--b\r\nContent-Type: text/html; charset="utf-8"\r\nContent-Transfer-Encoding: base64\r\n\r\n${Buffer.from(html).toString('base64').replace(/.{76}/g, '$&\r\n')}\r\n--b--\r\n`;
}

/** 100 files made by LibreOffice of the first replies' DOCX, each copied to fill `FILES`, bytes after its end making each a file of its own. */
function viaLibreOffice(to) {
  const made = join(dir, `made-${to}`);
  mkdirSync(made, { recursive: true });
  const sources = join(dir, `docx-${to}`);
  mkdirSync(sources, { recursive: true });
  return async () => {
    for (let i = 0; i < Math.min(100, FILES); i++) writeFileSync(join(sources, `${i}.docx`), await renderDocx(replies[i], {}));
    spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, `profile-${to}`)}`, '--convert-to', to, '--outdir', made, ...readdirSync(sources).map((f) => join(sources, f))], { timeout: 600_000 });
    const out = readdirSync(made).map((f) => readFileSync(join(made, f)));
    return Array.from({ length: FILES }, (_, i) => Buffer.concat([out[i % out.length], Buffer.from(`\n%${i}\n`)]));
  };
}

async function writeFormat(name, ext, make) {
  const folder = join(dir, name);
  mkdirSync(folder, { recursive: true });
  const files = [];
  for (const [i, bytes] of (await make()).entries()) {
    const file = join(folder, `${String(i).padStart(4, '0')}${ext}`);
    writeFileSync(file, bytes);
    files.push(file);
  }
  return files;
}

async function readRate(files) {
  const converted = await convertAll(files);
  const t0 = performance.now();
  let read = 0;
  for (const file of files) if ((await readForImport(file, undefined, converted)).parsed?.ok) read++;
  const seconds = (performance.now() - t0) / 1000;
  return { rate: files.length / seconds, read };
}

const rows = [];
const formats = [
  ['txt', '.txt', async () => replies.map((r) => textExporter.render(r, {}))],
  ['docx', '.docx', async () => Promise.all(replies.map((r) => renderDocx(r, {})))],
  ['html', '.html', async () => Promise.all(replies.map((r) => htmlExporter.render(r, {})))],
  ['mht', '.mht', async () => Promise.all(replies.map(async (r) => mhtOf(await htmlExporter.render(r, {}))))],
  ['ofd', '.ofd', async () => Promise.all(replies.map((r) => ofdOf(textExporter.render(r, {}))))],
  ...(soffice
    ? [
        ['text PDF (LibreOffice)', '.pdf', async () => {
          const pdfs = [];
          await renderPdfs(replies.slice(0, Math.min(100, FILES)), {}, (i, pdf) => void (pdfs[i] = Buffer.from(pdf)));
          return Array.from({ length: FILES }, (_, i) => Buffer.concat([pdfs[i % pdfs.length], Buffer.from(`\n%${i}\n`)]));
        }],
        ['doc (Word 97, word-extractor)', '.doc', viaLibreOffice('doc')],
      ]
    : []),
];
const mixed = join(dir, 'mixed');
mkdirSync(mixed);
try {
  for (const [name, ext, make] of formats) {
    const files = await writeFormat(name.split(' ')[0], ext, make);
    const { rate, read } = await readRate(files);
    rows.push([`${name}: ${files.length} files`, `${Math.round(rate)} files/s (${read} read as replies)`]);
    // The mixed folder takes an even share of each format.
    files.slice(0, Math.ceil(FILES / formats.length)).forEach((f, i) => writeFileSync(join(mixed, `${name.split(' ')[0]}-${i}${ext}`), readFileSync(f)));
  }
  if (soffice) {
    const rtf = await writeFormat('rtf', '.rtf', async () => {
      const made = await viaLibreOffice('rtf')();
      return made.slice(0, 40).map((b, i) => Buffer.concat([b.subarray(0, b.lastIndexOf('}') + 1), Buffer.from(`\n{\\*\\bench ${i}}`)]));
    });
    const t0 = performance.now();
    const converted = await convertAll(rtf);
    const { read } = await readRate(rtf.filter((f) => converted.docx.has(f)));
    const seconds = (performance.now() - t0) / 1000;
    rows.push([`rtf through LibreOffice: ${rtf.length} files, ${availableParallelism()} calls`, `${(rtf.length / seconds).toFixed(1)} files/s (${read} read as replies)`]);
  } else rows.push(['rtf, doc, text PDF', 'soffice is not installed: not measured']);
  if (ocr && soffice) {
    const pages = join(dir, 'scans');
    mkdirSync(pages);
    spawnSync('pdftoppm', ['-r', '150', '-gray', '-png', '-l', '8', join(dir, 'text', '0000.pdf'), join(pages, 'p')]);
    const scans = readdirSync(pages).map((f) => join(pages, f));
    const t0 = performance.now();
    await Promise.all(scans.map((f) => readForImport(f, undefined)));
    const seconds = (performance.now() - t0) / 1000;
    rows.push([`scanned pages by OCR: ${scans.length} pages side by side`, `${(scans.length / seconds).toFixed(2)} pages/s`]);
  } else rows.push(['scanned pages by OCR', 'tesseract or pdftoppm is not installed: not measured']);

  const { main } = await import('../dist/cli/index.js');
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  const count = readdirSync(mixed).length;
  const t0 = performance.now();
  const code = await main(['--db', join(dir, 'mixed.db'), '--create', 'import', mixed], { cwd: ROOT, streams: { stdout: sink, stderr: sink, stdinIsTTY: false, stdoutIsTTY: false } });
  const seconds = (performance.now() - t0) / 1000;
  rows.push([`reply import of a mixed folder: ${count} files of ${formats.length} formats (in process)`, `${Math.round(count / seconds)} files/s (${seconds.toFixed(1)} s, exit ${code})`]);

  console.log('\nreading by file format (read as import reads: the format, then the reply)');
  const width = Math.max(...rows.map(([k]) => k.length));
  for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
