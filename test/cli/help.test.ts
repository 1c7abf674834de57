import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir } from '../helpers/cli.js';

const COMMANDS = {
  init: '在当前目录创建 reply.config.json',
  new: '起草一份答复并归档为草稿',
  list: '列出答复，最新的在前',
  show: '查看一份答复的全部字段与正文',
  edit: '修改一份答复',
  status: '变更状态',
  render: '按公文格式输出答复',
};

describe('reply --help', () => {
  it('lists every command with its description and the global options, exit 0', () => {
    const run = runCli(tempDir(), ['--help']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('提案答复的起草、归档、检索与公文排版');
    for (const [name, description] of Object.entries(COMMANDS)) {
      expect(run.stdout).toMatch(new RegExp(`^\\s+${name}\\b.*${description}`, 'mu'));
    }
    for (const option of ['--db <path>', '--no-input', '--debug', '--version', '--help']) expect(run.stdout).toContain(option);
    expect(runCli(tempDir(), ['-h']).stdout).toBe(run.stdout);
  });

  it('gives list, search and similar the same selection flags, said the same way', () => {
    const flagLines = (cmd: string) =>
      runCli(tempDir(), [...cmd.split(' '), '--help'])
        .stdout.split('\n')
        .filter((l) => /^\s+--(year|kind|result|organ|proposer|status|incomplete|json)\b/u.test(l))
        .map((l) => l.trim().replace(/\s+/gu, ' '));
    const list = flagLines('list');
    expect(list).toHaveLength(8);
    expect(flagLines('search')).toEqual(list);
    expect(flagLines('similar')).toEqual(list);
  });

  it.each([
    ['init', ['--organ', '--doc-prefix', '--force']],
    ['new', ['--kind', '--session', '--proposal-no', '--title', '--proposer', '--lead-unit', '--result', '--disclosure',
      '--signed-on', '--issued-on', '--doc-number', '--cc', '--body', '--answers', '--edit', '--json']],
    ['list', ['--year', '--status', '--kind', '--result', '--proposer', '--json', '--csv']],
    ['show', ['<id>', '--history', '--json']],
    ['edit', ['<id>', '--set', '--body', '--force', '--reason', '--json']],
    ['status', ['<id>', '<status>', '--json']],
    ['render', ['[ids...]', '--format', '--out', '--force', '--all', '--year', '--status', '--stamped']],
  ])('reply %s --help describes its options, exit 0', (command, options) => {
    const run = runCli(tempDir(), [command, '--help']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`reply ${command}`);
    expect(run.stdout).toContain(COMMANDS[command as keyof typeof COMMANDS]);
    for (const option of options) expect(run.stdout).toContain(option);
  });

  it('needs no workspace and writes nothing', () => {
    const dir = tempDir();
    expect(runCli(dir, ['new', '--help']).code).toBe(0);
    expect(runCli(dir, ['list', '-h']).code).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('reply --version', () => {
  it('prints the package version', () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    for (const flag of ['--version', '-V']) {
      expect(runCli(tempDir(), [flag])).toEqual({ stdout: `${version}\n`, stderr: '', code: 0 });
    }
  });
});

describe('reply with no command', () => {
  it('shows the usage on stderr and exits 2', () => {
    const run = runCli(tempDir(), []);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    for (const name of Object.keys(COMMANDS)) expect(run.stderr).toMatch(new RegExp(`^\\s+${name}\\b`, 'm'));
  });
});

describe('docs/commands.md documents every command', () => {
  it('has a section with an example for each command that --help lists', () => {
    const help = runCli(tempDir(), ['--help']).stdout;
    const commands = [...help.slice(help.indexOf('命令：')).matchAll(/^\s{2}(\w+)/gm)].map((m) => m[1]!);
    expect(commands).toEqual(expect.arrayContaining(['init', 'new', 'list', 'show', 'edit', 'status', 'render', 'import', 'check', 'search', 'similar', 'reindex']));
    const readme = readFileSync(join(ROOT, 'docs', 'commands.md'), 'utf8');
    for (const command of commands) {
      const section = new RegExp('^### `reply ' + command + '`', 'm');
      const example = new RegExp('^reply ' + command + '\\b', 'm');
      expect(readme, command).toMatch(section);
      expect(readme, command).toMatch(example);
    }
  });

  it('and the other way: each section is a command that exists, and names every flag the command takes', () => {
    const docs = readFileSync(join(ROOT, 'docs', 'commands.md'), 'utf8');
    const sections = [...docs.matchAll(/^### `reply ([\w ]+?)`/gmu)];
    expect(sections.length).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const [i, m] of sections.entries()) {
      const words = m[1]!.trim().split(' ');
      // reply help prints the program's help: its flags are the global ones, documented apart.
      if (words[0] === 'help') continue;
      const help = runCli(tempDir(), [...words, '--help']);
      expect(help.code, m[1]).toBe(0);
      const text = docs.slice(m.index, sections[i + 1]?.index ?? docs.length);
      // A command of subcommands (proposal, feedback) documents theirs in its section.
      const subcommands = help.stdout.includes('命令：') ? [...help.stdout.slice(help.stdout.indexOf('命令：')).matchAll(/^\s{2}(\w+)/gmu)].map((c) => c[1]!) : [];
      for (const command of [words, ...subcommands.filter((c) => c !== 'help').map((c) => [...words, c])]) {
        const own = command === words ? help : runCli(tempDir(), [...command, '--help']);
        const flags = [...own.stdout.matchAll(/^\s+(?:-\w, )?(--[\w-]+)/gmu)].map((f) => f[1]!).filter((f) => f !== '--help');
        for (const flag of flags) if (!text.includes(flag)) missing.push(`${command.join(' ')} ${flag}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe('the README is for the clerk', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');

  it('starts with what reply does and the quick start: its first screen holds the two commands, how to put reply on the PATH and the start of the task guide', () => {
    // A terminal's 24 lines.
    const firstScreen = readme.split('\n').slice(0, 24).join('\n');
    expect(firstScreen).toContain('## 一件提案从交办到反馈');
    expect(firstScreen).toContain('**登记交办**');
    expect(firstScreen).toMatch(/^# reply/u);
    expect(firstScreen).toContain('## 快速开始');
    expect(firstScreen).toContain('npm install && npm run demo');
    expect(firstScreen).toContain('npm test');
    expect(firstScreen).toContain('npm install -g .');
    expect(firstScreen).toContain('reply init');
  });

  it('then guides a proposal task by task, from 登记 to 反馈, each step with its command', () => {
    const guide = readme.slice(readme.indexOf('## 一件提案从交办到反馈'));
    expect(readme.indexOf('## 一件提案从交办到反馈')).toBeGreaterThan(readme.indexOf('## 快速开始'));
    let at = 0;
    for (const [step, command] of [
      ['登记交办', 'reply proposal add'], ['起草', 'reply new --proposal'], ['核稿', 'reply status 3 checked'],
      ['签发', 'reply status 3 signed'], ['输出、发送', 'reply status 3 sent'], ['反馈', 'reply feedback 3'], ['台账', '--xlsx'],
    ] as const) {
      const found = guide.indexOf(`**${step}`, at);
      expect(found, step).toBeGreaterThan(-1);
      expect(guide.indexOf(command, found), command).toBeGreaterThan(found);
      at = found;
    }
  });

  it('leaves the reference and the internals to docs/, and is short', () => {
    expect(readme).toContain('docs/commands.md');
    expect(readme).toContain('docs/internals.md');
    expect(Buffer.byteLength(readme)).toBeLessThan(12_000);
    expect(readme).not.toContain('## 开发');
  });

  it('shows only commands that exist: every `reply X` it names is a command of reply --help', () => {
    const help = runCli(tempDir(), ['--help']).stdout;
    const commands = new Set([...help.slice(help.indexOf('命令：')).matchAll(/^\s{2}(\w+)/gm)].map((m) => m[1]!));
    for (const [, name] of readme.matchAll(/`?reply ([a-z]+)\b/gu)) expect(commands, name).toContain(name);
  });
});
