/**
 * What the clerk reads when something is asked or goes wrong: the help, the hints under a prompt and
 * every refusal are in Chinese, name the field as the clerk calls it and say where a file is wrong.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { theme } from '../../src/cli/prompts-inquirer.js';
import { BIN, runCli, tempDir, workspace } from '../helpers/cli.js';
import { BODY_000, expectError, fileReply } from './support.js';

const COMMANDS = ['new', 'list', 'show', 'edit', 'status', 'render', 'import', 'check', 'search', 'due', 'stats'];

describe('the help is in Chinese', () => {
  it.each([[[]], ...COMMANDS.map((c) => [[c]]), [['proposal', 'add']]])('reply %s --help: headings, usage and defaults', (command) => {
    const run = runCli(tempDir(), [...command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^用法：reply/u);
    expect(run.stdout).toContain('选项：');
    for (const english of ['Usage:', 'Options:', 'Commands:', 'Arguments:', '(default:', '[options]', '[command]', '(choices:']) {
      expect(run.stdout).not.toContain(english);
    }
  });

  it('says a default in Chinese', () => {
    expect(runCli(tempDir(), ['render', '--help']).stdout).toMatch(/--format <format>.*（默认：txt）/u);
    expect(runCli(tempDir(), ['export', '--help']).stdout).toContain('（默认：jsonl）');
  });

  it('aligns its columns by display width: every description of a command starts in one column', () => {
    const lines = runCli(tempDir(), ['--help']).stdout.split('\n');
    const commands = lines.slice(lines.indexOf('命令：') + 1).filter((l) => /^ {2}\S/u.test(l));
    expect(commands.length).toBeGreaterThan(20);
    const starts = new Set(commands.map((l) => stringWidth(/^ {2}\S.*?\s{2,}(?=\S)/u.exec(l)?.[0] ?? '')));
    expect([...starts]).toHaveLength(1);
  });

  it('lists `help` among the commands, and `reply help CMD` is `reply CMD --help`, at any depth', () => {
    expect(runCli(tempDir(), ['--help']).stdout).toMatch(/^\s+help \[命令\]\s+显示某个命令的帮助/mu);
    for (const command of [['new'], ['search'], ['proposal'], ['proposal', 'add'], ['feedback', 'retract']]) {
      const help = runCli(tempDir(), ['help', ...command]);
      expect(help.code).toBe(0);
      expect(help.stdout).toBe(runCli(tempDir(), [...command, '--help']).stdout);
    }
    expect(runCli(tempDir(), ['help', 'proposal', 'add']).stdout).toContain('--assigned-on');
  });

  it('describes `reply new` as filing a draft without a number', () => {
    expect(runCli(tempDir(), ['--help']).stdout).toMatch(/^\s+new \[选项\]\s+起草一份答复并归档为草稿（发文字号在签发时给出）/mu);
  });
});

describe('a mistyped command or flag gets the nearest one', () => {
  it.each([
    [['lsit'], '未知命令 lsit', 'list'],
    [['serch', '长三角'], '未知命令 serch', 'search'],
    [['help', 'lsit'], '未知命令 lsit', 'list'],
    [['list', '--jsn'], '未知选项 --jsn', '--json'],
    [['proposal', 'lst'], '未知命令 lst', 'list'],
    // search takes every other word as a search term, but not a flag typed wrong
    [['search', '长三角', '--yaer', '2023'], '未知选项 --yaer', '--year'],
    [['search', '--', '长三角', '--limt', '5'], '未知选项 --limt', '--limit'],
    [['search', '-研报', '长三角', '--jsn'], '未知选项 --jsn', '--json'],
  ])('reply %s', (args, said, suggestion) => {
    const run = runCli(workspace(), args);
    expectError(run, 2, said, `您是不是要用 ${suggestion}？`);
  });

  it('points to the help of the command the words name', () => {
    expect(runCli(workspace(), ['proposal', 'ad']).stderr).toContain('（reply proposal --help 查看用法）');
    expect(runCli(workspace(), ['search', '长三角', '--yaer', '2023']).stderr).toContain('（reply search --help 查看用法）');
    expect(runCli(workspace(), ['lsit']).stderr).toContain('（reply --help 查看用法）');
  });

  it('says no suggestion when nothing is near', () => {
    const run = runCli(workspace(), ['xyzzyq']);
    expectError(run, 2, '未知命令 xyzzyq');
    expect(run.stderr).not.toContain('是不是');
  });
});

describe('a field at fault is named as the clerk calls it, then by its key', () => {
  it('lists the missing fields of reply new in Chinese', () => {
    const run = runCli(workspace(), ['new', '--no-input', '--kind', '提案答复']);
    expectError(run, 1, '会次 session（缺少）', '提案号 proposal-no（缺少）', '提案人 proposer（缺少）', '办理结果 result（缺少）', '正文 body（缺少）');
  });

  it('names a wrong value of a proposal and of the config by their Chinese names', () => {
    const ws = workspace();
    expectError(runCli(ws, ['proposal', 'add', '--no-input', '--kind', '提案', '--number', '1']), 1, '交办日期 assigned-on（缺少）', '本单位的角色 role（缺少）');
    expectError(runCli(ws, ['new', '--no-input', '--kind', '通知']), 1, '类型 kind（未知的类型「通知」');
    const config = join(ws, 'reply.config.json');
    writeFileSync(config, JSON.stringify({ organ: '上海市普陀区发展和改革委员会', docPrefix: '普发改委', contact: { name: 5 } }));
    expectError(runCli(ws, ['list']), 1, '中 联系人姓名 contact.name 的值无效');
    writeFileSync(config, JSON.stringify({ organ: '上海市普陀区发展和改革委员会' }));
    expectError(runCli(ws, ['list']), 1, '缺少必填项 发文机关代字 docPrefix');
  });

  it('lists the fields --set may change by their Chinese names', () => {
    const ws = workspace();
    fileReply(ws);
    expectError(runCli(ws, ['edit', '1', '--set', 'foo=bar']), 1, 'foo（不能修改此字段，可修改：类型 kind、会次 session、提案号 proposal-no、');
  });

  it('places a value of the wrong type in an answers file by its line, and names its field', () => {
    const ws = workspace();
    writeFileSync(join(ws, 'a.json'), '{\n  "kind": "提案答复",\n  "contact": { "name": "李雷" },\n  "title": 123\n}\n');
    expectError(runCli(ws, ['new', '--answers', 'a.json', '--no-input']), 1, '答案文件 a.json 第 4 行：标题 title 的值类型不对');
    writeFileSync(join(ws, 'b.json'), '{\n  "kind": "提案答复",\n  "colour": "red"\n}\n');
    expectError(runCli(ws, ['new', '--answers', 'b.json', '--no-input']), 1, '未知的键：colour（第 3 行）');
  });

  it('takes the kinds a clerk writes: 政协提案 and 人大代表建议', () => {
    const ws = workspace();
    const filed = JSON.parse(fileReply(ws, { kind: '政协提案' }, ['--json']).stdout) as { kind: string };
    expect(filed.kind).toBe('提案答复');
    const deputy = JSON.parse(fileReply(ws, { kind: '人大代表建议', proposer: '李明代表', 'proposal-no': '2' }, ['--json']).stdout) as { kind: string };
    expect(deputy.kind).toBe('建议答复');
  });
});

describe('an answers file that is not JSON is placed by line and column', () => {
  it.each([
    ['{"title": "关于x的建议",\n  "kind": 提案答复}', '第 2 行第 11 列有无法识别的字符（文字要放在英文双引号 "…" 中）'],
    ['{"title": "关于x的建议"\n "kind": "提案答复"}', '第 2 行第 2 列缺少英文逗号'],
    ['{\n  "title": "关于x的建议",\n  "body-file": "C:\\正文.txt"\n}', '第 3 行第 16 列反斜杠'],
    ['{"title": "关于x的建议', '文字没有结束'],
  ])('%j', (json, said) => {
    const ws = workspace();
    writeFileSync(join(ws, 'answers.json'), json);
    const run = runCli(ws, ['new', '--answers', 'answers.json', '--no-input']);
    expectError(run, 1, '答案文件 answers.json 不是有效的 JSON：', said);
    expect(run.stderr).not.toMatch(/Unexpected|position|token/u);
  });

  it('takes the comments and the trailing comma a person writes', () => {
    const ws = workspace();
    const answers = {
      kind: '提案答复', session: '区政协十五届二次会议', 'proposal-no': '152104', title: '开发长三角一体化智能数据图表研报平台的建议',
      proposer: '朱莺委员', result: '采纳解决', disclosure: '主动公开·全文', 'body-file': BODY_000,
    };
    const text = JSON.stringify(answers, null, 2).replace('{', '{\n  // 朱莺委员的提案\n').replace(/"\n\}$/u, '",\n}');
    writeFileSync(join(ws, 'answers.json'), text);
    const run = runCli(ws, ['new', '--answers', 'answers.json', '--no-input']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
  });
});

describe('a contact in an answers file is the whole contact', () => {
  it('replaces the configured one, never mixes one person with another one\'s phone', () => {
    // The workspace's config gives the office's contact: 宋佩颖, 52564588-2321.
    const ws = workspace();
    expect(readFileSync(join(ws, 'reply.config.json'), 'utf8')).toContain('宋佩颖');
    const answers = {
      kind: '提案答复', session: '区政协十五届二次会议', 'proposal-no': '152104', title: '开发长三角一体化智能数据图表研报平台的建议',
      proposer: '朱莺委员', result: '采纳解决', disclosure: '主动公开·全文', 'body-file': BODY_000, contact: { name: '李雷' },
    };
    writeFileSync(join(ws, 'answers.json'), JSON.stringify(answers));
    const run = runCli(ws, ['new', '--answers', 'answers.json', '--no-input', '--json']);
    expect(run.stderr).toBe('');
    expect((JSON.parse(run.stdout) as { contact: unknown }).contact).toEqual({ name: '李雷' });
    // Without one in the file, the office's contact is the reply's.
    delete (answers as Partial<typeof answers>).contact;
    writeFileSync(join(ws, 'answers.json'), JSON.stringify(answers));
    const plain = JSON.parse(runCli(ws, ['new', '--answers', 'answers.json', '--no-input', '--json']).stdout) as { contact: { name: string; phone: string } };
    expect(plain.contact).toMatchObject({ name: '宋佩颖', phone: '52564588-2321' });
  });
});

describe('a path typed wrong is said as that', () => {
  it('reply import of a path that is not there: 文件或目录不存在, whatever its ending', () => {
    const ws = workspace();
    const run = runCli(ws, ['import', join(ws, 'nonexistent'), join(ws, '答复.txt')]);
    expect(run.code).not.toBe(0);
    expect(run.stdout + run.stderr).toMatch(/nonexistent：文件或目录不存在/u);
    expect(run.stdout + run.stderr).toMatch(/答复\.txt：文件或目录不存在/u);
    expect(run.stdout + run.stderr).not.toContain('不支持的文件类型');
  });

  it('reply render of several replies to a name like a file refuses it and makes no folder', () => {
    const ws = workspace();
    fileReply(ws);
    fileReply(ws, { 'proposal-no': '152105' });
    expectError(runCli(ws, ['render', '1', '2', '--out', 'x.txt']), 2, '--out x.txt 像是文件名');
    expect(existsSync(join(ws, 'x.txt'))).toBe(false);
    writeFileSync(join(ws, 'y.txt'), '');
    expectError(runCli(ws, ['render', '1', '2', '--out', 'y.txt']), 2, '--out y.txt 是一个文件');
    // A folder may still be named with a dot when it is said to be one.
    const run = runCli(ws, ['render', '1', '2', '--out', '2023.05/']);
    expect(run.code).toBe(0);
    expect(existsSync(join(ws, '2023.05'))).toBe(true);
  });
});

/** `script` (util-linux) runs the command on a pseudo-terminal, as the clerk's terminal runs it. */
const hasScript = spawnSync('script', ['--version']).status === 0;

describe('the hints under a list prompt are in Chinese', () => {
  it.skipIf(!hasScript && !process.env.CI)('reply new on a terminal shows ↑↓ 移动 • ⏎ 选定 (skipped outside CI without util-linux script)', () => {
    const ws = workspace();
    // The first question is the kind, a list; Ctrl-C a moment later cancels it.
    const run = spawnSync('sh', ['-c', `(sleep 1.5; printf '\\003') | script -qfec "${process.execPath} ${BIN} new" /dev/null`], {
      cwd: ws,
      env: { PATH: process.env.PATH, HOME: ws, TERM: 'xterm', NO_COLOR: '1' },
      encoding: 'utf8',
      timeout: 20_000,
    });
    const screen = run.stdout.replace(/\x1b\[[0-9;?]*[A-Za-z]/gu, '');
    expect(screen).toContain('类型');
    expect(screen).toContain('↑↓ 移动 • ⏎ 选定');
    expect(screen).not.toMatch(/navigate|select\b/u);
    expect(screen).toContain('已取消，未写入任何内容。');
  });

  it('and under a checkbox (the paragraphs to take from past replies): the keys inquirer names, each in Chinese', () => {
    // The keys @inquirer/checkbox hands its theme, in its order.
    const keys: [string, string][] = [['↑↓', 'navigate'], ['space', 'select'], ['a', 'all'], ['i', 'invert'], ['⏎', 'submit']];
    expect(theme.style.keysHelpTip(keys)).toBe('↑↓ 移动 • 空格 选定 • a 全选 • i 反选 • ⏎ 确认');
  });
});
