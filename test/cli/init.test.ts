import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, type ParseError } from 'jsonc-parser';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, workspace } from '../helpers/cli.js';
import { expectError, fileReplyJson } from './support.js';

const ORGAN = '上海市普陀区发展和改革委员会';
const PREFIX = '普发改委';

describe('reply init', () => {
  it('writes a commented reply.config.json that parses and that the other commands accept', () => {
    const dir = tempDir();
    const run = runCli(dir, ['init', '--organ', ORGAN, '--doc-prefix', PREFIX]);
    const file = join(dir, 'reply.config.json');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`已创建 ${file}，请填写联系人等信息后使用。\n`);

    const source = readFileSync(file, 'utf8');
    expect(source).toMatch(/^\s*\/\/ /m); // commented: it is JSONC, not plain JSON
    expect(() => JSON.parse(source)).toThrow();
    const errors: ParseError[] = [];
    const data = parse(source, errors, { allowTrailingComma: true }) as Record<string, unknown>;
    expect(errors).toEqual([]);
    expect(data).toMatchObject({
      organ: ORGAN,
      docPrefix: PREFIX,
      header: `${ORGAN}文件`,
      printingOrgan: ORGAN,
      cc: [],
    });
    expect(data.results).toContain('采纳解决');
    expect(data.disclosures).toContain('主动公开·全文');
    // A new workspace numbers its replies as they are signed.
    expect(data.numbering).toBe('sign');

    // The written config is a working one: a reply filed with it takes its organ; signing gives it the prefix's first number.
    const reply = fileReplyJson(dir);
    expect(reply.docNumber).toBeNull();
    expect(reply.organ).toBe(ORGAN);
    expect(reply.header).toBe(`${ORGAN}文件`);
    const signed = runCli(dir, ['status', '1', 'signed', '--force', '--reason', '领导已签发']);
    expect(signed.code).toBe(0);
    expect(signed.stderr).toContain('已登记文号 普发改委〔2023〕1号');
  });

  it('refuses to overwrite an existing config without --force, and overwrites it with --force', () => {
    const dir = workspace();
    const file = join(dir, 'reply.config.json');
    const before = readFileSync(file, 'utf8');

    const refused = runCli(dir, ['init', '--organ', '上海市普陀区人民政府', '--doc-prefix', '普府']);
    expectError(refused, 1, file, '已存在', '--force');
    expect(readFileSync(file, 'utf8')).toBe(before);

    const forced = runCli(dir, ['init', '--organ', '上海市普陀区人民政府', '--doc-prefix', '普府', '--force']);
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);
    const after = readFileSync(file, 'utf8');
    expect(after).toContain('"organ": "上海市普陀区人民政府"');
    expect(after).toContain('"docPrefix": "普府"');
  });

  it.each([
    { given: ['--doc-prefix', PREFIX], names: ['organ'], not: 'doc-prefix' },
    { given: ['--organ', ORGAN], names: ['doc-prefix'], not: 'organ（' },
    { given: [], names: ['organ', 'doc-prefix'], not: undefined },
  ])('without a terminal, a missing field ($names) is an error naming it, and nothing is written', ({ given, names, not }) => {
    const dir = tempDir();
    // Answers on stdin must not be taken as prompt answers: stdin is not a terminal.
    const run = runCli(dir, ['init', ...given], { input: `${ORGAN}\n${PREFIX}\n` });
    expectError(run, 1, ...names.map((n) => `${n}（缺少）`));
    if (not) expect(run.stderr).not.toContain(not);
    expect(existsSync(join(dir, 'reply.config.json'))).toBe(false);
  });

  it('--no-input never asks either', () => {
    const dir = tempDir();
    const run = runCli(dir, ['--no-input', 'init', '--organ', ORGAN]);
    expectError(run, 1, 'doc-prefix（缺少）');
    expect(existsSync(join(dir, 'reply.config.json'))).toBe(false);
  });

  it('refuses a doc prefix that could not make a doc number, writing nothing', () => {
    const dir = tempDir();
    const run = runCli(dir, ['init', '--organ', ORGAN, '--doc-prefix', '普发改委2023']);
    expectError(run, 1, /docPrefix|doc-prefix/);
    expect(existsSync(join(dir, 'reply.config.json'))).toBe(false);
  });

  it('a refused --force leaves the existing config as it was', () => {
    const dir = workspace();
    const file = join(dir, 'reply.config.json');
    const before = readFileSync(file, 'utf8');
    const run = runCli(dir, ['init', '--organ', ORGAN, '--doc-prefix', '普 发', '--force']);
    expect(run.code).toBe(1);
    expect(readFileSync(file, 'utf8')).toBe(before);
  });

  it('creates the config in the current folder even inside another workspace', () => {
    const outer = workspace();
    const inner = join(outer, '区府办');
    mkdirSync(inner);
    const run = runCli(inner, ['init', '--organ', '上海市普陀区人民政府', '--doc-prefix', '普府']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(existsSync(join(inner, 'reply.config.json'))).toBe(true);
    // The inner workspace now wins for commands run inside it.
    writeFileSync(join(inner, 'body.md'), '经研究，答复如下。\n');
    const reply = fileReplyJson(inner, { body: join(inner, 'body.md') });
    expect(reply.organ).toBe('上海市普陀区人民政府');
    expect(runCli(inner, ['status', String(reply.id), 'signed', '--force', '--reason', '领导已签发']).stderr).toContain('已登记文号 普府〔2023〕1号');
    expect(existsSync(join(inner, 'data', 'replies.db'))).toBe(true);
  });
});
