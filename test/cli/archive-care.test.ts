/**
 * Keeping the archive: a write never starts on a damaged archive; reply backup makes a copy checked
 * whole; reply doctor tells what is wrong, changing nothing.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftNumberingWorkspace, FIXTURES, runCli, workspace } from '../helpers/cli.js';
import { expectError, fileReply, flags, listJson } from './support.js';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** A workspace with the corpus imported: an archive of a few hundred KB. */
function archive(): { ws: string; file: string } {
  const ws = workspace();
  expect(runCli(ws, ['import', join(FIXTURES, 'corpus')]).code).toBe(0);
  return { ws, file: join(ws, 'data', 'replies.db') };
}

/** 8 KB overwritten in the middle of the file, as a failing disk or a stray write leaves it. */
function damage(file: string): void {
  const middle = Math.floor(statSync(file).size / 2 / 4096) * 4096;
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(8192, 0x41), 0, 8192, middle);
  closeSync(fd);
}

describe('a damaged archive', () => {
  it('is refused by every writing command in one line, before it writes', () => {
    const { ws, file } = archive();
    damage(file);
    const before = sha(file);
    for (const args of [['new', ...flags()], ['reindex'], ['import', join(FIXTURES, 'corpus')], ['status', '1', 'void', '--reason', '重复']]) {
      expectError(runCli(ws, args), 1, '已损坏', 'reply doctor');
      expect(sha(file), args[0]).toBe(before);
    }
  });

  it('is found by reply doctor, which exits 1 and changes nothing', () => {
    const { ws, file } = archive();
    damage(file);
    const before = sha(file);
    const run = runCli(ws, ['doctor']);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^页面完整性：发现问题：/mu);
    expect(run.stdout).toContain('结论：档案库有问题');
    expect(sha(file)).toBe(before);
    expect(JSON.parse(runCli(ws, ['doctor', '--json']).stdout)).toMatchObject({ whole: false });
  });
});

describe('reply doctor on a whole archive', () => {
  it('says so and exits 0', () => {
    const { ws } = archive();
    const run = runCli(ws, ['doctor']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('页面完整性：通过');
    expect(run.stdout).toContain('记录之间的引用：完整');
    expect(run.stdout).toContain('结论：档案库完整');
  });

  it('tells the serials never given below a year’s last, which are no fault', () => {
    const ws = draftNumberingWorkspace();
    fileReply(ws);
    fileReply(ws, { 'doc-number': '2023-5', title: '跳号' });
    const run = runCli(ws, ['doctor']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('文号：普发改委〔2023〕有 3 个从未使用的号（第一个为 2号）');
  });

  it('needs an archive to look at', () => {
    expectError(runCli(workspace(), ['doctor']), 1, '不存在');
  });
});

describe('reply backup', () => {
  it('copies the archive into a file that opens as the same archive, checked whole', () => {
    const { ws } = archive();
    const run = runCli(ws, ['backup', '备份/2026-12-03.db']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^已备份到 .*备份\/2026-12-03\.db：4 份答复，[\d.]+ MB，完整性检查通过\n$/u);
    expect(listJson(ws, ['--db', '备份/2026-12-03.db'])).toEqual(listJson(ws));
    expect(existsSync(join(ws, '备份', '2026-12-03.db.partial'))).toBe(false);
  });

  it('overwrites nothing unless --force, and refuses to copy the archive onto itself', () => {
    const { ws, file } = archive();
    expect(runCli(ws, ['backup', 'b.db']).code).toBe(0);
    expectError(runCli(ws, ['backup', 'b.db']), 1, 'b.db');
    expect(runCli(ws, ['backup', 'b.db', '--force']).code).toBe(0);
    expectError(runCli(ws, ['backup', file]), 2, '就是档案库本身');
  });

  it('refuses a damaged archive and leaves no copy behind', () => {
    const { ws, file } = archive();
    damage(file);
    const run = runCli(ws, ['backup', 'b.db']);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/损坏|未通过完整性检查/u);
    expect(existsSync(join(ws, 'b.db'))).toBe(false);
    expect(existsSync(join(ws, 'b.db.partial'))).toBe(false);
  });
});
