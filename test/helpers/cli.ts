import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin', 'reply');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

export interface Run {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

/** Runs the built CLI as a user would: a separate process, stdin not a terminal, no colour. */
export function runCli(cwd: string, args: readonly string[], options: { input?: string; env?: NodeJS.ProcessEnv } = {}): Run {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: cwd, NO_COLOR: '1', TZ: 'Asia/Shanghai', ...options.env };
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env, input: options.input ?? '', encoding: 'utf8' });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status ?? -1 };
}

const made: string[] = [];
afterEach(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reply-test-'));
  made.push(dir);
  return dir;
}

/** A temporary copy of the fixture workspace (a config for 上海市普陀区发展和改革委员会, no archive yet). */
export function workspace(): string {
  const dir = tempDir();
  cpSync(join(FIXTURES, 'workspace'), dir, { recursive: true });
  return dir;
}
