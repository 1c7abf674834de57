/**
 * The clerk's terminal: a table fits its width (cut by display width, a Chinese character taking two
 * columns, the title giving first), and a listing longer than the screen goes through a pager.
 * Run on a pseudo-terminal of 80 × 24 made by util-linux `script`.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import stringWidth from 'string-width';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';
import { fileReply, lastingWorkspace } from './support.js';

const hasScript = spawnSync('script', ['--version']).status === 0;
const LONG_TITLE = '关于支持普陀强化“科创会客厅”功能，打造面向长三角开放协同创新生态的建议';

let ws: string;

beforeAll(() => {
  ws = lastingWorkspace('draft');
  fileReply(ws, { title: LONG_TITLE, proposer: ['顾薇玲委员', '朱莺委员', '王东伟委员'] });
  for (let i = 0; i < 30; i++) fileReply(ws, { 'proposal-no': String(152200 + i), title: `第${i + 1}件：${LONG_TITLE}` });
});

afterAll(() => rmSync(ws, { recursive: true, force: true }));

/** `reply ARGS` on a pseudo-terminal COLS wide and 24 rows high; what the screen showed, colour codes removed. */
function onTerminal(args: string[], env: NodeJS.ProcessEnv = {}, cols = 80): string {
  const command = `stty cols ${cols} rows 24; ${[process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ')}`;
  const result = spawnSync('script', ['-qec', command, '/dev/null'], {
    cwd: ws,
    env: { PATH: process.env.PATH, HOME: ws, TERM: 'xterm', TZ: 'Asia/Shanghai', NO_COLOR: '1', PAGER: 'cat', ...env },
    encoding: 'utf8',
    timeout: 30_000,
  });
  expect(result.status, result.stderr).toBe(0);
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
