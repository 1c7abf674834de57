/**
 * The README's first command, `npm install && npm run demo`, in a copy of the workspace it runs in: it
 * must run through on a fresh archive, and again on the one it left.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';

function demo(cwd: string) {
  return spawnSync(process.execPath, [join(ROOT, 'scripts', 'demo.mjs')], {
    cwd,
    encoding: 'utf8',
    env: { PATH: process.env.PATH, HOME: cwd, TZ: 'Asia/Shanghai', NO_COLOR: '1' },
    timeout: 120_000,
  });
}

describe('npm run demo', () => {
  it('files the sample reply as a draft awaiting its number, prints it, imports the samples and counts the year', () => {
    const ws = tempDir();
    cpSync(join(ROOT, 'reply.config.json'), join(ws, 'reply.config.json'));
    cpSync(join(ROOT, 'data', 'samples'), join(ws, 'data', 'samples'), { recursive: true });
    const first = demo(ws);
    expect(first.status, first.stderr).toBe(0);
    expect(first.stderr).toContain('已归档：第 1 号（草稿，签发时给文号）');
    expect(first.stdout).toContain('朱莺委员：');
    expect(existsSync(join(ws, 'data', 'replies.db'))).toBe(true);
    const again = demo(ws);
    expect(again.status, again.stderr).toBe(0);
  }, 240_000);
});
