/** Only regular files are read: a device or a FIFO is named and passed by, a link is never passed over without a word. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir, workspace } from '../helpers/cli.js';
import { REPLIES } from '../helpers/corpus.js';
import { expectError, flags, listJson } from './support.js';

const reply004 = join(FIXTURES, 'corpus', REPLIES['004'].file);

describe('reply import of what is not a regular file', () => {
  it('names /dev/zero and a FIFO as not regular files at once, and reads neither', () => {
    const ws = workspace();
    const fifo = join(tempDir(), '答复.txt');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    const run = runCli(ws, ['import', '/dev/zero', fifo]);
    expect(run.stdout).toContain('跳过    /dev/zero：不支持的文件类型');
    expect(run.stdout).toContain(`跳过    ${fifo}：不是普通文件（设备、管道或套接字），未读取`);
    expect(run.code).toBe(1);
    expect(listJson(ws)).toEqual([]);
  });

  it('reads a link to a reply as the reply, and names a link to a folder without following it', () => {
    const ws = workspace();
    const dir = join(tempDir(), 'in');
    mkdirSync(join(dir, 'real'), { recursive: true });
    copyFileSync(reply004, join(dir, 'real', '004.txt'));
    symlinkSync(join(dir, 'real', '004.txt'), join(dir, 'linked.txt'));
    symlinkSync(dir, join(dir, 'loop'));
    const run = runCli(ws, ['import', dir]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain(`跳过    ${join(dir, 'loop')}：是指向文件夹的链接，不跟随`);
    // The link and the file are one reply: filed once, the other named as imported already.
    expect(listJson(ws)).toHaveLength(1);
    expect(run.stdout).toMatch(/已导入过/u);
  });
});

describe('a body from what is not a regular file', () => {
  it('reply new --body /dev/zero is refused in one line, at once', () => {
    const ws = workspace();
    expectError(runCli(ws, ['new', ...flags({ body: '/dev/zero' })]), 1, '/dev/zero 不是普通文件');
    expect(listJson(ws)).toEqual([]);
  });
});
