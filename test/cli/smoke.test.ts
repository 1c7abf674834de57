/**
 * The CLI as a user starts it: bin/reply, a process of its own. The other CLI
 * tests call the same built code in this process (runCli); these hold that
 * the program itself starts, exits with its code and prints as they see.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli, workspace } from '../helpers/cli.js';
import { flags } from './support.js';

const spawned = (cwd: string, args: readonly string[]) => runCli(cwd, args, { spawn: true });

describe('bin/reply, a process of its own', () => {
  it('prints its help in Chinese and exits 0', () => {
    const run = spawned(workspace(), ['--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('提案答复的起草、归档、检索与公文排版');
  });

  it('files a reply, lists it, and renders it, as the same calls do in process', () => {
    const ws = workspace();
    const filed = spawned(ws, ['new', ...flags()]);
    expect(filed.code, filed.stderr).toBe(0);
    const list = spawned(ws, ['list', '--json']);
    expect(list.stdout).toBe(runCli(ws, ['list', '--json']).stdout);
    expect(spawned(ws, ['render', '1', '--format', 'txt']).stdout).toBe(runCli(ws, ['render', '1', '--format', 'txt']).stdout);
  });

  it('imports a folder with its reading threads', () => {
    const ws = workspace();
    const run = spawned(ws, ['import', join(FIXTURES, 'corpus')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('导入 4（完整 4，待补充 0）');
  });

  it('says a bad input in one line and exits 1, a usage error 2, without a stack trace', () => {
    const ws = workspace();
    const bad = spawned(ws, ['show', '99']);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const usage = spawned(ws, ['list', '--nope']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).not.toMatch(/\n\s+at /u);
  });
});
