/**
 * An archive kept where the clerk may read but not write (a shared drive, a copy on a disc, a file
 * set read-only) is read as any other; a write is refused before anything is written, in one line
 * that says what may not be written. A folder that cannot hold a new archive is said as such.
 *
 * File modes bind every user but root, whose privilege ignores them: run as root, the CLI runs in a
 * user namespace of its own (`unshare -U`), where it owns the files as before but has no privilege
 * over them, so the modes bind it as they bind a clerk.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { BIN, CLERK, FIXTURES, runCli, type Run, workspace } from '../helpers/cli.js';
import { expectError } from './support.js';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const CORPUS = join(FIXTURES, 'corpus');

const asRoot = process.getuid?.() === 0;
/** Whether the CLI can be run without root's privilege over files. */
const unprivileged = !asRoot || spawnSync('unshare', ['-U', 'true']).status === 0;
if (!unprivileged && !process.env.CI) console.warn('read-only-archive.test.ts: skipped, as root without `unshare -U` (CI runs it)');

/** The CLI run as the owner of the files, without any privilege over them. */
function unprivilegedCli(cwd: string, args: readonly string[]): Run {
  const command = asRoot ? ['unshare', '-U', process.execPath] : [process.execPath];
  const env = { PATH: process.env.PATH, HOME: cwd, NO_COLOR: '1', TZ: 'Asia/Shanghai', REPLY_USER: CLERK };
  const result = spawnSync(command[0]!, [...command.slice(1), BIN, ...args], { cwd, env, encoding: 'utf8' });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status ?? -1 };
}

/** Modes set by a test, set back after it so that its folder can be removed. */
const restore: [string, number][] = [];
afterEach(() => {
  while (restore.length) {
    const [path, mode] = restore.pop()!;
    chmodSync(path, mode);
  }
});
function readOnly(path: string, mode: number): void {
  restore.push([path, 0o755]);
  chmodSync(path, mode);
}

/** A workspace whose archive holds the corpus, its file and (with `folder`) its folder then made read-only. */
function readOnlyArchive(options: { file: boolean; folder: boolean }): { ws: string; file: string } {
  const ws = workspace();
  expect(runCli(ws, ['import', CORPUS]).code).toBe(0);
  const file = join(ws, 'data', 'replies.db');
  if (options.file) readOnly(file, 0o444);
  if (options.folder) readOnly(join(ws, 'data'), 0o555);
  return { ws, file };
}

describe.skipIf(!unprivileged)('an archive nobody may write', () => {
  it('is read by every reading command, and nothing is made beside it', () => {
    const { ws, file } = readOnlyArchive({ file: true, folder: true });
    const before = sha(file);
    for (const args of [['list'], ['show', '1'], ['search', '长三角'], ['stats'], ['doctor'], ['export', '--format', 'jsonl']]) {
      const run = unprivilegedCli(ws, args);
      expect(run.code, `${args.join(' ')}: ${run.stderr}`).toBe(0);
    }
    expect(unprivilegedCli(ws, ['search', '长三角']).stdout).toContain('普发改委〔2023〕16号');
    expect(sha(file)).toBe(before);
    expect(existsSync(`${file}-shm`)).toBe(false);
  });

  it('refuses a write in one line that names the read-only file, and writes nothing', () => {
    const { ws, file } = readOnlyArchive({ file: true, folder: false });
    const before = sha(file);
    for (const args of [['reindex'], ['status', '1', 'void', '--reason', '重复'], ['import', CORPUS]]) {
      expectError(unprivilegedCli(ws, args), 1, `无法写入档案库 ${file}：档案库文件是只读的，请检查它的写权限`);
    }
    expect(sha(file)).toBe(before);
  });

  it('refuses a write where the folder may not be written, which the -wal and -shm files need', () => {
    const { ws, file } = readOnlyArchive({ file: false, folder: true });
    const before = sha(file);
    expectError(unprivilegedCli(ws, ['reindex']), 1, `无法写入档案库 ${file}：它所在的文件夹 ${join(ws, 'data')} 不可写`);
    expect(sha(file)).toBe(before);
  });

  it('says why a new archive cannot be made in a folder nobody may write', () => {
    const ws = workspace();
    readOnly(ws, 0o555);
    expectError(unprivilegedCli(ws, ['import', '--db', 'sub/replies.db', '--create', CORPUS]), 1, `没有在 ${join(ws, 'sub')} 建立文件夹或文件的权限`);
  });
});

describe('a folder that cannot hold an archive', () => {
  it('is said to be no folder when a file stands in its place', () => {
    const ws = workspace();
    writeFileSync(join(ws, 'notes'), '会议纪要');
    expectError(runCli(ws, ['import', '--db', 'notes/replies.db', '--create', CORPUS]), 1, `无法写入档案库 ${join(ws, 'notes', 'replies.db')}：${join(ws, 'notes')} 或它的上级不是文件夹`);
  });
});
