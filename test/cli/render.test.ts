import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli, workspace } from '../helpers/cli.js';
import { copyAnswers, expectError, lastingWorkspace } from './support.js';

const GOLDEN = join(ROOT, 'test', 'golden');
const FILE_STEM = '普发改委〔2023〕16号 对区政协十五届二次会议 第152104号提案的答复';

/** A workspace holding the real reply 普发改委〔2023〕16号 (corpus 000) as record 1. */
function withReply(): string {
  const ws = workspace();
  const run = runCli(ws, ['new', '--answers', copyAnswers(join(ws, 'answers'))]);
  expect(run.code, run.stderr).toBe(0);
  return ws;
}

function ok(ws: string, args: string[]) {
  const run = runCli(ws, args);
  expect(run.code, run.stderr).toBe(0);
  return run;
}

/** One archive for the tests that only read it: the real reply 普发改委〔2023〕16号 as record 1. */
let ws: string;
beforeAll(() => {
  ws = lastingWorkspace();
  const run = runCli(ws, ['new', '--answers', copyAnswers(join(ws, 'answers'))]);
  expect(run.code, run.stderr).toBe(0);
});
afterAll(() => rmSync(ws, { recursive: true, force: true }));

describe('reply render to stdout', () => {
  it('prints the official text layout by default (txt), as published', () => {
    const run = ok(ws, ['render', '1']);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(readFileSync(join(GOLDEN, '000.txt'), 'utf8'));
    expect(ok(ws, ['render', '1', '--format', 'txt']).stdout).toBe(run.stdout);
  });

  it('prints Markdown with --format md, and finds the reply by any doc number form', () => {
    const md = readFileSync(join(GOLDEN, '000.md'), 'utf8');
    expect(ok(ws, ['render', '1', '--format', 'md']).stdout).toBe(md);
    expect(ok(ws, ['render', '普发改委[2023]16号', '--format', 'md']).stdout).toBe(md);
    expect(ok(ws, ['render', '2023-16', '--format', 'md']).stdout).toBe(md);
  });

  it('refuses an unknown format as a usage error, naming the formats there are', () => {
    expectError(runCli(ws, ['render', '1', '--format', 'odt']), 2, '不支持的格式「odt」', 'txt', 'md', 'html', 'docx', 'pdf');
  });

  it('refuses an unknown reply', () => {
    expectError(runCli(ws, ['render', '2']), 1, '找不到答复「2」');
    expectError(runCli(ws, ['render', '2023-17']), 1, '找不到答复「普发改委〔2023〕17号」');
  });
});

describe('reply render --out', () => {
  it('writes a file (folders made as needed), says so on stderr and prints nothing', () => {
    const run = ok(ws, ['render', '1', '--out', 'out/答复.txt']);
    const file = join(ws, 'out', '答复.txt');
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`已写入 ${file}\n`);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(GOLDEN, '000.txt'), 'utf8'));
  });

  it('names the file from doc number and title when --out is a folder (trailing slash)', () => {
    const run = ok(ws, ['render', '1', '--format', 'md', '--out', 'exports/']);
    const file = join(ws, 'exports', `${FILE_STEM}.md`);
    expect(run.stderr).toBe(`已写入 ${file}\n`);
    expect(readdirSync(join(ws, 'exports'))).toEqual([`${FILE_STEM}.md`]);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(GOLDEN, '000.md'), 'utf8'));
  });

  it('names the file the same way for an existing folder without a slash', () => {
    mkdirSync(join(ws, 'existing'));
    ok(ws, ['render', '1', '--out', 'existing']);
    expect(readdirSync(join(ws, 'existing'))).toEqual([`${FILE_STEM}.txt`]);
  });

  it('refuses to overwrite a file without --force, and overwrites it with --force', () => {
    const file = join(ws, 'reply.txt');
    writeFileSync(file, '旧内容\n');
    expectError(runCli(ws, ['render', '1', '--out', 'reply.txt']), 1, `文件 ${file} 已存在`, '--force');
    expect(readFileSync(file, 'utf8')).toBe('旧内容\n');

    const forced = ok(ws, ['render', '1', '--out', 'reply.txt', '--force']);
    expect(forced.stderr).toBe(`已写入 ${file}\n`);
    expect(readFileSync(file, 'utf8')).toBe(readFileSync(join(GOLDEN, '000.txt'), 'utf8'));
  });

  it('refuses to overwrite the named file in a folder without --force', () => {
    mkdirSync(join(ws, 'again'));
    const file = join(ws, 'again', `${FILE_STEM}.txt`);
    writeFileSync(file, '旧内容\n');
    expectError(runCli(ws, ['render', '1', '--out', 'again/']), 1, file, '--force');
    expect(readFileSync(file, 'utf8')).toBe('旧内容\n');
  });

  it('refuses a path it cannot write', () => {
    writeFileSync(join(ws, 'plain'), '');
    expectError(runCli(ws, ['render', '1', '--out', 'plain/sub/reply.txt']), 1, '无法写入文件');
  });
});

describe('reply render with workspace templates', () => {
  it('uses templates/txt/proposal.hbs of the workspace over the built-in one, for that format only', () => {
    const ws = withReply();
    mkdirSync(join(ws, 'templates', 'txt'), { recursive: true });
    writeFileSync(join(ws, 'templates', 'txt', 'proposal.hbs'), '本单位格式 {{docNumber}}|{{proposalTitle}}|{{salutation}}\n');
    expect(ok(ws, ['render', '1']).stdout).toBe('本单位格式 普发改委〔2023〕16号|开发长三角一体化智能数据图表研报平台的建议|朱莺委员：\n');
    expect(ok(ws, ['render', '1', '--format', 'md']).stdout).toBe(readFileSync(join(GOLDEN, '000.md'), 'utf8'));
  });

  it('finds the workspace templates from a subfolder, and a workspace partial overrides the built-in partial', () => {
    const ws = withReply();
    mkdirSync(join(ws, 'templates', 'txt'), { recursive: true });
    writeFileSync(join(ws, 'templates', 'txt', '_tail.hbs'), '（本单位落款）');
    const sub = join(ws, '草稿');
    mkdirSync(sub);
    const out = ok(sub, ['render', '1']).stdout;
    expect(out.trimEnd().endsWith('（本单位落款）')).toBe(true);
    expect(out).toContain('普发改委〔2023〕16号');
    expect(existsSync(join(sub, 'data'))).toBe(false);
  });

  it('reports a broken workspace template on one line', () => {
    const ws = withReply();
    mkdirSync(join(ws, 'templates', 'txt'), { recursive: true });
    writeFileSync(join(ws, 'templates', 'txt', 'proposal.hbs'), '{{#if docNumber}}未闭合');
    const run = runCli(ws, ['render', '1']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^错误：[^\n]*proposal\.hbs[^\n]*\n$/u);
  });
});
