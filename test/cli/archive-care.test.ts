/**
 * Keeping the archive: a write never starts on a damaged archive; reply backup makes a copy checked
 * whole; reply doctor tells what is wrong, changing nothing.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BIN, CLERK, draftNumberingWorkspace, FIXTURES, runCli, tempDir, workspace } from '../helpers/cli.js';
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

describe('reply doctor and the search index', () => {
  /** The index put out of step with the replies behind the program's back: 2 missing, 3 indexed under other words. */
  function unsettle(file: string): void {
    const raw = new Database(file);
    raw.exec(`
      INSERT INTO replies_fts (replies_fts, rowid, title, proposal_title, proposers, body)
        SELECT 'delete', id, title, proposal_title, proposers, body FROM search_content WHERE id IN (2, 3);
      INSERT INTO replies_fts (rowid, title, proposal_title, proposers, body) VALUES (3, '别的标题', '别的提案', '别人', '别的正文');
    `);
    raw.close();
  }

  it('finds the replies the index does not hold as they are, and says reindex mends it', () => {
    const { ws, file } = archive();
    unsettle(file);
    const before = sha(file);
    const run = runCli(ws, ['doctor']);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('全文索引：2 份答复的索引与其文字不符（如第 2、3 号）');
    expect(run.stdout).toContain('结论：记录完整，只是全文索引与之不符：运行 reply reindex');
    expect(JSON.parse(runCli(ws, ['doctor', '--json']).stdout)).toMatchObject({ whole: false, searchIndex: { unmatched: 2, first: [2, 3] } });
    expect(sha(file)).toBe(before);
    expect(runCli(ws, ['reindex']).code).toBe(0);
    const mended = runCli(ws, ['doctor']);
    expect(mended.code, mended.stdout).toBe(0);
    expect(mended.stdout).toContain('全文索引：与答复的文字一致');
  });

  it('agrees with FTS5’s own check of the index against its content', () => {
    const { ws, file } = archive();
    const fts5Check = () => {
      const raw = new Database(file);
      try {
        raw.exec("INSERT INTO replies_fts (replies_fts, rank) VALUES ('integrity-check', 1)");
        return true;
      } catch {
        return false;
      } finally {
        raw.close();
      }
    };
    expect([fts5Check(), runCli(ws, ['doctor']).code]).toEqual([true, 0]);
    unsettle(file);
    expect([fts5Check(), runCli(ws, ['doctor']).code]).toEqual([false, 1]);
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

  it('is safe while another process writes: each copy is whole and holds what was committed when it was made', async () => {
    const { ws, file } = archive();
    // 150 replies to file: corpus reply 000 under other proposal and doc numbers
    const dir = join(tempDir(), 'in');
    mkdirSync(dir);
    const text = readFileSync(join(FIXTURES, 'corpus', '000_4fb67617f60c5557.txt'), 'utf8');
    for (let i = 1; i <= 150; i++) {
      writeFileSync(join(dir, `${i}.txt`), text.replaceAll('152104', String(160000 + i)).replaceAll('〔2023〕16号', `〔2024〕${i}号`));
    }
    const env = { PATH: process.env.PATH, HOME: ws, NO_COLOR: '1', TZ: 'Asia/Shanghai', REPLY_USER: CLERK };
    const writer = spawn(process.execPath, [BIN, 'import', dir], { cwd: ws, env, stdio: 'ignore' });
    const done = new Promise<number | null>((resolve) => writer.on('exit', resolve));
    const counts: number[] = [];
    let during = 0;
    // Copies while the import runs, and a last one once it has ended (made after its exit is known).
    for (let n = 0, last = false; !last; n++) {
      last = writer.exitCode !== null;
      const running = !last;
      const copy = join(ws, `b${n}.db`);
      const run = runCli(ws, ['backup', copy]);
      expect(run.code, run.stderr).toBe(0);
      if (running && writer.exitCode === null) during++;
      const db = new Database(copy, { readonly: true });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      counts.push((db.prepare('SELECT count(*) AS n FROM replies').get() as { n: number }).n);
      db.close();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(await done).toBe(0);
    expect(during, 'backups made while the import ran').toBeGreaterThanOrEqual(2);
    // never fewer than before, never going back, and the last holds everything
    expect(counts.every((n, i) => n >= 4 && (i === 0 || n >= counts[i - 1]!))).toBe(true);
    expect(counts.at(-1)).toBe(154);
    expect(runCli(ws, ['doctor']).code).toBe(0);
    expect(statSync(file).size).toBeGreaterThan(0);
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
