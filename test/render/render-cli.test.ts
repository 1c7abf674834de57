/**
 * `reply render` end to end (the built CLI): PDFs of many replies from one
 * LibreOffice call, and a workspace's own Word styles.
 */
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { BUILTIN_TEMPLATES } from '../../src/render/templates.js';
import { FIXTURES, runCli, tempDir, workspace } from '../helpers/cli.js';
import { pageCount } from './paged.js';

const CORPUS = join(FIXTURES, 'corpus');

function archiveOfCorpus(): string {
  const ws = workspace();
  const run = runCli(ws, ['import', CORPUS]);
  expect(run.code, run.stderr).toBe(0);
  return ws;
}

/**
 * A stand-in for soffice that logs each call and "converts" every .docx it is
 * given into a small PDF in --outdir, naming each on stdout as soffice does.
 */
function fakeSoffice(): { path: string; log: string } {
  const dir = tempDir();
  const log = join(dir, 'calls.log');
  const script = `#!/bin/sh
echo "$@" >> "${log}"
out=""; prev=""
for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done
for a in "$@"; do case "$a" in *.docx)
  b=$(basename "$a" .docx); echo "convert $a -> $out/$b.pdf using filter : writer_pdf_Export"
  printf '%%PDF-1.4 %s\\n' "$b" > "$out/$b.pdf";;
esac; done
`;
  writeFileSync(join(dir, 'soffice'), script);
  chmodSync(join(dir, 'soffice'), 0o755);
  return { path: dir, log };
}

describe('reply render --format pdf of several replies', () => {
  it('converts all of them in one soffice call, writing and reporting each file', () => {
    const ws = archiveOfCorpus();
    const soffice = fakeSoffice();
    const env = { PATH: `${soffice.path}:${process.env.PATH}` };
    const run = runCli(ws, ['render', '--all', '--format', 'pdf', '--out', 'out'], { env });
    expect(run.code, run.stderr).toBe(0);
    const calls = readFileSync(soffice.log, 'utf8').trim().split('\n');
    expect(calls).toHaveLength(1);
    expect(calls[0]!.match(/\.docx/g)).toHaveLength(4);
    expect(calls[0]).toMatch(/--headless .*--convert-to pdf --outdir /);
    const files = readdirSync(join(ws, 'out')).sort();
    expect(files).toHaveLength(4);
    expect(files.every((f) => f.endsWith('.pdf'))).toBe(true);
    // Each file is the PDF of its own reply, and each is reported as written.
    for (const file of files) expect(readFileSync(join(ws, 'out', file), 'utf8')).toMatch(/^%PDF-1\.4 \d\n$/);
    expect(new Set(files.map((f) => readFileSync(join(ws, 'out', f), 'utf8'))).size).toBe(4);
    expect(run.stderr.trim().split('\n')).toHaveLength(4);
    for (const file of files) expect(run.stderr).toContain(`已写入 ${join(ws, 'out', file)}`);
  });

  it('overwrites nothing without --force, and does not start soffice then', () => {
    const ws = archiveOfCorpus();
    const soffice = fakeSoffice();
    const env = { PATH: `${soffice.path}:${process.env.PATH}` };
    mkdirSync(join(ws, 'out'));
    const kept = join(ws, 'out', '普发改委〔2023〕16号 对区政协十五届二次会议 第152104号提案的答复.pdf');
    writeFileSync(kept, 'kept');
    const run = runCli(ws, ['render', '--all', '--format', 'pdf', '--out', 'out'], { env });
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('已存在');
    expect(existsSync(soffice.log)).toBe(false);
    expect(readdirSync(join(ws, 'out'))).toHaveLength(1);
    expect(readFileSync(kept, 'utf8')).toBe('kept');
  });

  it('makes real PDFs with LibreOffice', () => {
    const ws = archiveOfCorpus();
    const run = runCli(ws, ['render', '--year', '2023', '--format', 'pdf', '--out', 'out']);
    expect(run.code, run.stderr).toBe(0);
    const files = readdirSync(join(ws, 'out'));
    expect(files).toHaveLength(2);
    for (const file of files) expect(pageCount(join(ws, 'out', file))).toBeGreaterThan(3);
  });
});

describe('a workspace’s Word styles (templates/docx/styles.xml)', () => {
  it('replace the built-in ones in the DOCX', async () => {
    const ws = archiveOfCorpus();
    mkdirSync(join(ws, 'templates', 'docx'), { recursive: true });
    const builtin = readFileSync(join(BUILTIN_TEMPLATES, 'docx', 'styles.xml'), 'utf8');
    writeFileSync(join(ws, 'templates', 'docx', 'styles.xml'), builtin.replace('<w:color w:val="FF0000"/>', '<w:color w:val="C00000"/>'));
    const run = runCli(ws, ['render', '2023-16', '--format', 'docx', '--out', 'a.docx']);
    expect(run.code, run.stderr).toBe(0);
    const styles = await (await JSZip.loadAsync(readFileSync(join(ws, 'a.docx')))).file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/w:styleId="ReplyHeader".*?<w:color w:val="C00000"\/>/s);
    expect(styles).not.toContain('FF0000');
  });

  it('that are broken give one line naming the file, and nothing is written', () => {
    const ws = archiveOfCorpus();
    mkdirSync(join(ws, 'templates', 'docx'), { recursive: true });
    writeFileSync(join(ws, 'templates', 'docx', 'styles.xml'), '<w:styles><w:style>');
    const run = runCli(ws, ['render', '2023-16', '--format', 'docx', '--out', 'a.docx']);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(join(ws, 'templates', 'docx', 'styles.xml'));
    expect(existsSync(join(ws, 'a.docx'))).toBe(false);
  });
});
