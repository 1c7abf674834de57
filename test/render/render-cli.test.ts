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

describe('reply render --style: the 文件 or the letter layout', () => {
  const withStyle = (ws: string, style: string) => {
    const file = join(ws, 'reply.config.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\}\s*$/u, `  "style": "${style}",\n}\n`));
    return ws;
  };
  const html = (ws: string, args: string[] = []) => {
    const run = runCli(ws, ['render', '1', '--format', 'html', ...args]);
    expect(run.code, run.stderr).toBe(0);
    return run.stdout;
  };
  const isLetter = (page: string) => page.includes('<div class="letterhead"');

  it('prints the office’s replies in the 文件 layout unless told', () => {
    const page = html(archiveOfCorpus());
    expect(isLetter(page)).toBe(false);
    expect(page).toContain('<span class="centre">上海市普陀区发展和改革委员会文件</span>');
  });

  it('prints a letter with --style 信函 (or letter): the organ’s name without 文件, the doc number flush right', () => {
    const ws = archiveOfCorpus();
    for (const style of ['信函', 'letter']) {
      const page = html(ws, ['--style', style]);
      expect(isLetter(page)).toBe(true);
      expect(page).toContain('>上海市普陀区发展和改革委员会</p>');
      expect(page).toContain('<span class="right">普发改委〔2023〕16号</span>');
      // No page number on the first page, the 版记 without its 印发 line.
      expect(page).toMatch(/@page :first \{\n  margin-top: 30mm;\n  @bottom-right \{ content: none; \}/);
      expect(page).not.toContain('class="issued');
    }
  });

  it('takes the office’s style from the config, for the replies it signs; another organ’s reply keeps the 文件 layout', () => {
    const ws = withStyle(archiveOfCorpus(), '信函');
    expect(isLetter(html(ws))).toBe(true);
    expect(isLetter(html(ws, ['--style', '文件']))).toBe(false);
    // Reply 3 of the corpus is the 会办意见 of 上海市普陀区人民政府.
    const other = runCli(ws, ['render', '3', '--format', 'html']);
    expect(other.stdout).toContain('上海市普陀区人民政府文件');
    expect(isLetter(other.stdout)).toBe(false);
  });

  it('refuses a style it does not know, in one line naming the two, and writes nothing', () => {
    const ws = archiveOfCorpus();
    const run = runCli(ws, ['render', '1', '--format', 'docx', '--style', '公告', '--out', 'out.docx']);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toBe('错误：不支持的版式「公告」，可用：文件、信函');
    expect(existsSync(join(ws, 'out.docx'))).toBe(false);
  });

  it('refuses a config whose style is neither, naming the key', () => {
    const run = runCli(withStyle(archiveOfCorpus(), '公函'), ['render', '1']);
    expect(run.code).not.toBe(0);
    expect(run.stderr).toContain('style');
  });
});

describe('reply edit --set copy-no, secrecy, urgency, annotation: the optional elements of the 版头 and the 附注', () => {
  it('shows and prints them: the marks flush left above the 标志, the 附注 in brackets under the date', () => {
    const ws = archiveOfCorpus();
    const edit = runCli(ws, ['edit', '1', '--set', 'copy-no=000001', '--set', 'secrecy=秘密★1年', '--set', 'urgency=特急', '--set', 'annotation=此件公开发布', '--force', '--reason', '补记份号、密级与附注']);
    expect(edit.code, edit.stderr).toBe(0);
    const show = runCli(ws, ['show', '1']).stdout;
    for (const [label, value] of [['份号', '000001'], ['密级和保密期限', '秘密★1年'], ['紧急程度', '特急'], ['附注', '（此件公开发布）']] as const) {
      expect(show).toMatch(new RegExp(`${label}\\s+${value.replace(/[()（）★]/g, '\\$&')}`));
    }
    const html = runCli(ws, ['render', '1', '--format', 'html']).stdout;
    expect(html).toContain('<div class="band marks" style="height: 28.9pt; line-height: 28.9pt"><span class="left">000001</span></div>');
    expect(html).toContain('<span class="left">特急</span>');
    expect(html).toContain('<p class="annotation"><span class="l">（此件公开发布）</span></p>');
  });

  it('refuses a 份号 that is not six digits at most, in one line naming the field, and changes nothing', () => {
    const ws = archiveOfCorpus();
    const run = runCli(ws, ['edit', '1', '--set', 'copy-no=第一份', '--force', '--reason', '补记份号']);
    expect(run.code).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain('份号「第一份」应为不超过 6 位的阿拉伯数字');
    expect(runCli(ws, ['show', '1']).stdout).not.toContain('份号');
  });
});

describe('a reply imported as a letter prints as one', () => {
  it('takes 信函 from a title that says 函 (…建议的答复函, …的复函): 8 of the 21 real replies, which render as letters by default', () => {
    const ws = workspace();
    expect(runCli(ws, ['import', join(FIXTURES, 'corpus-wild')]).code).toBe(0);
    const replies = JSON.parse(runCli(ws, ['list', '--json']).stdout) as { id: number; style: string | null }[];
    expect(replies).toHaveLength(21);
    const letters = replies.filter((r) => r.style === '信函');
    expect(letters).toHaveLength(8);
    expect(replies.filter((r) => r.style !== '信函').every((r) => r.style === null)).toBe(true);
    const letter = runCli(ws, ['render', String(letters[0]!.id), '--format', 'html']).stdout;
    expect(letter).toContain('<div class="letterhead"');
    const other = replies.find((r) => r.style === null)!;
    expect(runCli(ws, ['render', String(other.id), '--format', 'html']).stdout).not.toContain('<div class="letterhead"');
    // The clerk may say otherwise, and take it back.
    expect(runCli(ws, ['edit', String(letters[0]!.id), '--set', 'style=文件', '--force', '--reason', '本机关按文件格式重印']).code).toBe(0);
    expect(runCli(ws, ['render', String(letters[0]!.id), '--format', 'html']).stdout).not.toContain('<div class="letterhead"');
  });
});
