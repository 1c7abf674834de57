import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir, workspace } from '../helpers/cli.js';
import { expectError, fileReply, flags, lastingWorkspace, listJson } from './support.js';

/** A workspace whose config is `source`. */
function withConfig(source: string): string {
  const ws = tempDir();
  writeFileSync(join(ws, 'reply.config.json'), source);
  return ws;
}

describe('an invalid config', () => {
  it.each([
    {
      what: 'a syntax error',
      source: '{\n  "organ": "上海市普陀区发展和改革委员会",\n  "docPrefix": "普发改委"\n  "cc": []\n}\n',
      fragments: ['第 4 行', '格式错误'],
    },
    { what: 'a missing organ', source: '{ "docPrefix": "普发改委" }', fragments: ['缺少必填项 发文机关 organ'] },
    { what: 'an unknown key', source: '{ "organ": "某机关", "docPrefix": "普发改委", "colour": "red" }', fragments: ['未知的配置项 colour'] },
    {
      what: 'an unknown nested key',
      source: '{ "organ": "某机关", "docPrefix": "普发改委", "contact": { "fax": "1" } }',
      fragments: ['未知的配置项 contact.fax'],
    },
    { what: 'a bad value', source: '{ "organ": "某机关", "docPrefix": "普发改委", "results": [] }', fragments: ['results 的值无效'] },
    {
      what: 'a bad nested value',
      source: '{ "organ": "某机关", "docPrefix": "普发改委", "contact": { "postcode": "2003" } }',
      fragments: ['contact.postcode 的值无效'],
    },
  ])('$what is one line naming the file and the key, exit 1, no stack trace', ({ source, fragments }) => {
    const ws = withConfig(source);
    const run = runCli(ws, ['new', ...flags()]);
    expectError(run, 1, join(ws, 'reply.config.json'), ...fragments);
    expect(existsSync(join(ws, 'data'))).toBe(false);
  });

  it('a syntax error is described in Chinese, not by the parser\'s English code', () => {
    const ws = withConfig('{ "organ": "某机关", "docPrefix": "普发改委", }x');
    const run = runCli(ws, ['new', ...flags()]);
    expectError(run, 1, '第 1 行');
    // The temporary folder's random name may hold such a run of letters: only the message is looked at.
    expect(run.stderr.replaceAll(ws, '')).not.toMatch(/[A-Z][a-z]+[A-Z][a-z]+/); // InvalidSymbol, CommaExpected …
  });

  it('is reported by every command that works in the workspace, list included', () => {
    const ws = withConfig('{ "organ": "某机关", "docPrefix": "普发改委", "colour": "red" }');
    for (const args of [['list'], ['show', '普发改委〔2023〕1号'], ['render', '2023-1']]) {
      expectError(runCli(ws, args), 1, '未知的配置项 colour');
    }
  });
});

describe('no workspace', () => {
  it('new outside any workspace asks for reply init', () => {
    const dir = tempDir();
    expect(existsSync(join(tmpdir(), 'reply.config.json'))).toBe(false); // precondition: no stray workspace above
    expectError(runCli(dir, ['new', ...flags()]), 1, '没有 reply.config.json', 'reply init');
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });

  it('list outside any workspace reads an empty archive and leaves no file behind', () => {
    // Without a config the workspace is the current folder; a command that only reads creates no archive.
    const dir = tempDir();
    const run = runCli(dir, ['list']);
    expect(run).toEqual({ code: 0, stdout: '', stderr: '没有符合条件的答复。\n' });
    expect(existsSync(join(dir, 'data'))).toBe(false);
  });
});

describe('usage errors (exit 2, one line)', () => {
  let ws: string;
  beforeAll(() => {
    ws = lastingWorkspace();
  });
  afterAll(() => rmSync(ws, { recursive: true, force: true }));

  it.each([
    { args: ['--bogus'], fragments: ['未知选项 --bogus'] },
    { args: ['list', '--bogus'], fragments: ['未知选项 --bogus'] },
    { args: ['bogus'], fragments: ['未知命令 bogus'] },
    { args: ['show'], fragments: ['缺少参数', 'id'] },
    { args: ['show', '1', '2'], fragments: ['参数过多'] },
    { args: ['new', '--title'], fragments: ['选项缺少取值', '--title'] },
    { args: ['list', '--status', 'lost'], fragments: ['--status', 'lost'] },
  ])('reply $args', ({ args, fragments }) => {
    expectError(runCli(ws, args), 2, ...fragments);
  });
});

describe('every error is one line starting with 错误：, without stack frames', () => {
  // expectError, used by every test of an error in these files, checks exactly this; here the
  // errors that no other file provokes, and the --debug switch that adds the stack.
  let ws: string;
  beforeAll(() => {
    ws = lastingWorkspace();
    fileReply(ws, { 'doc-number': '2023-16' });
  });
  afterAll(() => rmSync(ws, { recursive: true, force: true }));

  it.each([
    { name: 'several bad fields', args: ['new', ...flags({ 'signed-on': '明天', result: '好', proposer: '张三委员、' })], code: 1 },
    { name: 'no such day, doc number 0', args: ['new', ...flags({ 'issued-on': '2023-02-30', 'doc-number': '2023-0' })], code: 1 },
    { name: 'show an unknown doc number', args: ['--no-input', 'show', '2023-99'], code: 1 },
    { name: 'an archive under a file', args: ['--db', join('reply.config.json', 'x.db'), 'list'], code: 1 },
    { name: 'a bad --year', args: ['list', '--year', 'x'], code: 2 },
  ])('$name', ({ args, code }) => {
    expectError(runCli(ws, args), code);
  });

  it('--debug adds the stack after the one-line message', () => {
    const run = runCli(ws, ['--debug', 'show', '404']);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe('');
    const [first, ...rest] = run.stderr.trimEnd().split('\n');
    expect(first).toBe('错误：找不到答复「404」');
    expect(rest.length).toBeGreaterThan(0);
    expect(rest.some((line) => /^\s+at /.test(line))).toBe(true);
  });

  it('--debug shows the stack of a field error too, and works after the command name', () => {
    const run = runCli(ws, ['new', '--debug', ...flags({ result: '好' })]);
    expect(run.code).toBe(1);
    expect(run.stderr.split('\n')[0]).toMatch(/^错误：字段有误.*result/u);
    expect(run.stderr).toMatch(/^\s+at /m);
  });
});

describe('choosing the archive file', () => {
  it('--db PATH --create puts a new archive there (relative to the current folder), and only there', () => {
    const ws = workspace();
    fileReply(ws, {}, ['--db', 'archive/其他.db', '--create']);
    expect(existsSync(join(ws, 'archive', '其他.db'))).toBe(true);
    expect(existsSync(join(ws, 'data', 'replies.db'))).toBe(false);
    expect(listJson(ws, ['--db', 'archive/其他.db']).map((r) => r.title)).toEqual(['对区政协十五届二次会议 第152104号提案的答复']);
    // the default archive does not have it
    expect(listJson(ws)).toEqual([]);
  });

  it('$REPLY_DB chooses the archive, and --db wins over it', () => {
    const ws = workspace();
    const envDb = join(tempDir(), 'env.db');
    fileReply(ws, {}, ['--create'], { REPLY_DB: envDb });
    expect(existsSync(envDb)).toBe(true);
    expect(existsSync(join(ws, 'data', 'replies.db'))).toBe(false);
    expect(listJson(ws, [], { REPLY_DB: envDb })).toHaveLength(1);

    fileReply(ws, { title: '第二件' }, ['--db', 'flag.db', '--create'], { REPLY_DB: envDb });
    expect(existsSync(join(ws, 'flag.db'))).toBe(true);
    expect(listJson(ws, [], { REPLY_DB: envDb })).toHaveLength(1);
    expect(listJson(ws, ['--db', 'flag.db'])).toHaveLength(1);
  });

  it('an archive named by --db that is not there is refused by reading and by writing commands that look in it, and not made', () => {
    const ws = workspace();
    for (const args of [['show', '1'], ['list'], ['status', '1', 'checked'], ['edit', '1', '--set', 'result=留作参考'], ['feedback', '1', '满意']]) {
      expectError(runCli(ws, ['--db', 'missing.db', ...args]), 1, 'missing.db');
      expect(existsSync(join(ws, 'missing.db')), args.join(' ')).toBe(false);
    }
  });

  it('a mistyped --db never starts a second archive: a writing command is refused unless told --create', () => {
    const ws = workspace();
    fileReply(ws);
    for (const args of [['new', ...flags({ title: '第二件' })], ['reindex'], ['import', join(FIXTURES, 'corpus')]]) {
      expectError(runCli(ws, ['--db', 'data/replise.db', ...args]), 1, 'data/replise.db 不存在', '--create');
      expectError(runCli(ws, args, { env: { REPLY_DB: join(ws, 'data', 'replise.db') } }), 1, '--create');
    }
    expect(existsSync(join(ws, 'data', 'replise.db'))).toBe(false);
  });

  it('a writing command refused before it writes makes no archive', () => {
    const ws = workspace();
    expectError(runCli(ws, ['status', '1', 'checked']), 1, '1');
    expectError(runCli(ws, ['new', '--proposal', '152104', '--no-input']), 1, '152104');
    expectError(runCli(ws, ['proposal', 'extend', '152104', '--months', '1', '--reason', '需协调']), 1, '152104');
    expect(existsSync(join(ws, 'data', 'replies.db'))).toBe(false);
  });

  it('refuses an archive that cannot be opened, on one line', () => {
    const ws = workspace();
    mkdirSync(join(ws, 'folder.db'));
    expectError(runCli(ws, ['--db', 'folder.db', 'list']), 1, '无法打开档案库', 'folder.db');
  });

  it('refuses a file that is not an archive, on one line', () => {
    const ws = workspace();
    writeFileSync(join(ws, 'notes.db'), '这不是数据库'.repeat(200));
    expectError(runCli(ws, ['--db', 'notes.db', 'list']), 1, 'notes.db');
  });
});

describe('a config saved by another editor', () => {
  it('GBK (Notepad’s “ANSI” on a Chinese Windows) is named as an encoding, not blamed on a key; one with a BOM is read', () => {
    const ws = workspace();
    const file = join(ws, 'reply.config.json');
    const utf8 = readFileSync(file, 'utf8');
    writeFileSync(file, iconv.encode(utf8, 'gbk'));
    expectError(runCli(ws, ['list']), 1, '不是 UTF-8 编码', '另存为');
    writeFileSync(file, '\uFEFF' + utf8);
    expect(runCli(ws, ['list']).code).toBe(0);
  });

  it('one nested thousands deep is refused in one line, not with a stack overflow', () => {
    const ws = workspace();
    const file = join(ws, 'reply.config.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\}\s*$/u, `, "x": ${'['.repeat(100_000)}${']'.repeat(100_000)} }`));
    expectError(runCli(ws, ['list']), 1, '嵌套超过 32 层');
  });
});

describe('finding the workspace', () => {
  it('uses the nearest reply.config.json upward from a subfolder, and its archive', () => {
    const ws = workspace();
    const deep = join(ws, '2023', '五月');
    mkdirSync(deep, { recursive: true });
    const run = runCli(deep, ['new', ...flags()]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('已归档：第 1 号');
    expect(existsSync(join(ws, 'data', 'replies.db'))).toBe(true);
    expect(existsSync(join(deep, 'data'))).toBe(false);
    expect(listJson(ws).map((r) => r.id)).toEqual([1]);
  });

  it('a nearer workspace wins over an outer one', () => {
    const outer = workspace();
    const inner = join(outer, '区府');
    const deeper = join(inner, '草稿');
    mkdirSync(deeper, { recursive: true });
    const config = readFileSync(join(outer, 'reply.config.json'), 'utf8')
      .replace('"organ": "上海市普陀区发展和改革委员会"', '"organ": "上海市普陀区人民政府"')
      .replace('"docPrefix": "普发改委"', '"docPrefix": "普府"');
    writeFileSync(join(inner, 'reply.config.json'), config);
    const run = runCli(deeper, ['new', ...flags(), '--json']);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ organ: '上海市普陀区人民政府' });
    // and its office's numbering: the number given at signing is 普府's
    expect(runCli(deeper, ['status', '1', 'signed', '--force', '--reason', '试签']).stderr).toContain('已登记文号 普府〔2023〕1号');
    expect(existsSync(join(inner, 'data', 'replies.db'))).toBe(true);
    expect(existsSync(join(outer, 'data'))).toBe(false);
  });
});
