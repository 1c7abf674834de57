/**
 * The clerk's terminal: a table fits its width (cut by display width, a Chinese character taking two
 * columns, the title giving first), and a listing longer than the screen goes through a pager.
 * Run on a pseudo-terminal of 80 × 24 made by util-linux `script`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';
import { fileReply, lastingWorkspace, runOk } from './support.js';

const hasScript = spawnSync('script', ['--version']).status === 0;
const hasLess = spawnSync('sh', ['-c', 'command -v less']).status === 0;
const LONG_TITLE = '关于支持普陀强化“科创会客厅”功能，打造面向长三角开放协同创新生态的建议';

let ws: string;

beforeAll(() => {
  ws = lastingWorkspace('draft');
  fileReply(ws, { title: LONG_TITLE, proposer: ['顾薇玲委员', '朱莺委员', '王东伟委员'] });
  for (let i = 0; i < 30; i++) fileReply(ws, { 'proposal-no': String(152200 + i), title: `第${i + 1}件：${LONG_TITLE}` });
  // A reply whose check finds long messages, and proposals whose listing has ten columns.
  writeFileSync(join(ws, 'slips.md'), '朱莺委员：\n\n一是组建专班。我委于2026年2月30日成立专班，推进推进数据更新. 二是完善机制，长三角长三角协同。\n');
  fileReply(ws, { 'proposal-no': '152300', body: join(ws, 'slips.md') });
  for (const number of ['152104', '152105']) {
    runOk(ws, [
      'proposal', 'add', '--kind', '提案', '--session', '区政协十五届二次会议', '--number', number, '--title', LONG_TITLE,
      '--proposer', '顾薇玲委员', '--proposer', '王东伟委员', '--assigned-on', '2023-03-01', '--role', '主办',
    ]);
  }
});

afterAll(() => rmSync(ws, { recursive: true, force: true }));

/** `reply ARGS` on a pseudo-terminal COLS wide and 24 rows high; what the screen showed, colour codes removed. */
function onTerminal(args: string[], env: NodeJS.ProcessEnv = {}, cols = 80, status = 0): string {
  const command = `stty cols ${cols} rows 24; ${[process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ')}`;
  const result = spawnSync('script', ['-qec', command, '/dev/null'], {
    cwd: ws,
    env: { PATH: process.env.PATH, HOME: ws, TERM: 'xterm', TZ: 'Asia/Shanghai', NO_COLOR: '1', PAGER: 'cat', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(result.status, result.stderr).toBe(status);
  return result.stdout.replace(/\r\n/g, '\n').replace(/\x1b\[[0-9;?]*[A-Za-z]/gu, '');
}

describe.skipIf(!hasScript && !process.env.CI)('a table fits the terminal (skipped outside CI without util-linux script)', () => {
  it('reply list on 80 columns: no line wider, the title cut with an ellipsis, the other columns whole', () => {
    const lines = onTerminal(['list']).trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(30);
    for (const line of lines) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
    const row = lines.find((l) => /^1\s/u.test(l))!;
    // The doc number, date and status are whole; the title gave first, then the names.
    expect(row).toMatch(/^1\s+普发改委〔2023〕1号\s+2023年5月18日\s+顾薇玲\S*…\s+关于\S*…\s+草稿\s+采纳解决$/u);
  });

  it('on a wider terminal, as much of the title as fits', () => {
    const wide = onTerminal(['list'], {}, 200).split('\n').find((l) => /^1\s/u.test(l))!;
    expect(wide).toContain(LONG_TITLE);
    expect(wide).toContain('顾薇玲委员、朱莺委员、王东伟委员');
  });

  it('not on a terminal, every value whole: a file or a pipe has no width', () => {
    expect(runCli(ws, ['list']).stdout).toContain(LONG_TITLE);
  });

  const fits = (screen: string) => {
    for (const line of screen.trimEnd().split('\n')) expect(stringWidth(line), line).toBeLessThanOrEqual(80);
  };

  it('reply check on 80 columns: each message wrapped whole under its column, no word of it lost', () => {
    const screen = onTerminal(['check', '32'], {}, 80, 1);
    fits(screen);
    const run = runCli(ws, ['check', '32']);
    const messages = run.stdout.split('\n').slice(1).filter(Boolean).map((l) => l.trim().split(/\s{2,}/u)[2]!);
    expect(messages.length).toBeGreaterThan(3);
    // The message, its lines joined again, is the whole message a pipe gets.
    const joined = screen.split('\n').map((l) => l.replace(/[a-z-]+\/[a-z-]+/gu, '').trim()).join('');
    for (const message of messages) expect(joined.replace(/\s+/gu, '')).toContain(message.replace(/\s+/gu, ''));
    expect(screen).not.toContain('…」');
  });

  it('reply proposal list on 80 columns leaves out the day assigned, the kind and the role before it cuts a date', () => {
    const screen = onTerminal(['proposal', 'list']);
    fits(screen);
    const [head, row] = screen.trimEnd().split('\n');
    expect(head).toContain('办理期限');
    expect(head).not.toContain('交办日期');
    expect(row).toContain('2023年6月1日');
    expect(onTerminal(['proposal', 'list'], {}, 200).split('\n')[0]).toContain('交办日期');
    expect(runCli(ws, ['proposal', 'list']).stdout.split('\n')[0]).toContain('交办日期');
  });

  it('the help on 80 columns: Chinese descriptions wrapped by display width', () => {
    for (const args of [['--help'], ['new', '--help'], ['search', '--help']]) {
      const screen = onTerminal(args);
      fits(screen);
      expect(screen).toContain('选项：');
    }
  });
});

describe.skipIf(!hasScript && !process.env.CI)('a long listing goes through a pager (skipped outside CI without util-linux script)', () => {
  it('uses $PAGER on a terminal when the listing is longer than the screen', () => {
    const seen = join(ws, 'paged.txt');
    rmSync(seen, { force: true });
    onTerminal(['list'], { PAGER: `cat > '${seen}'` });
    const paged = readFileSync(seen, 'utf8');
    expect(paged.split('\n').length).toBeGreaterThan(30);
    expect(paged).toContain('普发改委〔2023〕1号');
  });

  it('prints directly with --no-pager, or when the pager cannot be started', () => {
    const seen = join(ws, 'never.txt');
    rmSync(seen, { force: true });
    expect(onTerminal(['--no-pager', 'list'], { PAGER: `cat > '${seen}'` })).toContain('普发改委〔2023〕1号');
    expect(() => readFileSync(seen)).toThrow();
    expect(onTerminal(['list'], { PAGER: 'no-such-pager-xyz' })).toContain('普发改委〔2023〕1号');
  });

  it.skipIf(!hasLess && !process.env.CI)('without $PAGER it is less -FRX: a screenful, then the rest on a key (skipped outside CI without less)', () => {
    const command = `stty cols 80 rows 24; '${process.execPath}' '${BIN}' list`;
    // q reaches less through the terminal, as a clerk's key would.
    const result = spawnSync('script', ['-qec', command, '/dev/null'], {
      cwd: ws,
      env: { PATH: process.env.PATH, HOME: ws, TERM: 'xterm', TZ: 'Asia/Shanghai', NO_COLOR: '1' },
      input: 'q',
      encoding: 'utf8',
      timeout: 30_000,
    });
    expect(result.status, result.stderr).toBe(0);
    const rows = result.stdout.replace(/\x1b\[[0-9;?]*[A-Za-z]/gu, '').split(/\r?\n/u).filter((l) => /^\d+\s/u.test(l.trim()));
    // The listing has 32 rows; less showed the first screen of them, and quit on q.
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(24);
  });

  it('a short listing is printed directly', () => {
    const seen = join(ws, 'short.txt');
    rmSync(seen, { force: true });
    expect(onTerminal(['list', '--limit', '3'], { PAGER: `cat > '${seen}'` })).toContain('编号');
    expect(() => readFileSync(seen)).toThrow();
  });
});

describe('a reader that stops early', () => {
  it('reply list | head: the closed pipe ends the command quietly, no stack trace', () => {
    const result = spawnSync('sh', ['-c', `'${process.execPath}' '${BIN}' list --all | head -c 10 > /dev/null; '${process.execPath}' '${BIN}' show 1 | head -c 1 > /dev/null`], {
      cwd: ws,
      env: { PATH: process.env.PATH, HOME: ws, TZ: 'Asia/Shanghai' },
      encoding: 'utf8',
    });
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });
});
