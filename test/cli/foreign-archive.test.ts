/**
 * The archive file is the office's record, and only an archive is ever taken for one: another
 * program's database, a file that is not SQLite and an empty file are left byte for byte as they were
 * by every command; a command that only reads writes nothing, not even to upgrade an older archive.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../src/store/migrations.js';
import { FIXTURES, runCli, workspace } from '../helpers/cli.js';
import { expectError, fileCleanReply, flags } from './support.js';

const sha = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

/** Commands that only read the archive, and commands that write to it. */
const READING = [['list'], ['show', '1'], ['search', '答复'], ['stats'], ['due'], ['log'], ['proposal', 'list'], ['render', '1']];
const WRITING = [['new', ...flags()], ['reindex'], ['import', join(FIXTURES, 'corpus')], ['status', '1', 'void', '--reason', '重复']];

/** Another program's SQLite database: a table of its own, some rows. */
function foreignDatabase(file: string): void {
  const db = new Database(file);
  db.exec("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT); INSERT INTO notes (text) VALUES ('会议纪要'), ('通讯录');");
  db.close();
}

describe('a file that is not a reply archive', () => {
  it.each([
    ['another program’s SQLite database', foreignDatabase],
    ['a SQLite database with our table names but another program’s id', (file: string) => {
      const db = new Database(file);
      db.exec('CREATE TABLE replies (x); CREATE TABLE doc_numbers (y); PRAGMA application_id = 1234; PRAGMA user_version = 3;');
      db.close();
    }],
    ['a text file', (file: string) => writeFileSync(file, '这不是数据库。'.repeat(300))],
  ])('is refused by every command in one line, and left byte for byte as it was: %s', (_name, make) => {
    const ws = workspace();
    const file = join(ws, 'other.db');
    make(file);
    const before = sha(file);
    for (const args of [...READING, ...WRITING]) {
      expectError(runCli(ws, ['--db', 'other.db', ...args]), 1, 'other.db 不是 reply 的档案库', '未作任何改动');
      expect(sha(file), args.join(' ')).toBe(before);
    }
  });

  it('an empty file is read as an empty archive, and reading commands leave it empty', () => {
    const ws = workspace();
    const file = join(ws, 'empty.db');
    writeFileSync(file, '');
    expect(runCli(ws, ['--db', 'empty.db', 'list'])).toEqual({ stdout: '', stderr: '没有符合条件的答复。\n', code: 0 });
    for (const args of READING.filter((a) => a[0] !== 'show' && a[0] !== 'render')) runCli(ws, ['--db', 'empty.db', ...args]);
    expect(readFileSync(file)).toHaveLength(0);
  });
});

describe('a command that only reads', () => {
  it('writes nothing to the archive', () => {
    const ws = workspace();
    fileCleanReply(ws);
    const file = join(ws, 'data', 'replies.db');
    const before = sha(file);
    for (const args of READING) expect(runCli(ws, args).code, args.join(' ')).toBe(0);
    expect(sha(file)).toBe(before);
  });

  it('reads an archive of an earlier version from an upgraded copy, leaving the file at its version', () => {
    const ws = workspace();
    const file = join(ws, 'data', 'replies.db');
    // An archive as the version of schema step 2 left it, with the fixture's replies.
    mkdirSync(join(ws, 'data'));
    const raw = new Database(file);
    migrate(raw, file, 2);
    raw.exec(readFileSync(join(FIXTURES, 'archive-v2.sql'), 'utf8'));
    raw.pragma('journal_mode = WAL');
    raw.close();
    const before = sha(file);
    const listed = runCli(ws, ['list', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    expect((JSON.parse(listed.stdout) as unknown[]).length).toBeGreaterThan(0);
    expect(runCli(ws, ['show', '1']).code).toBe(0);
    expect(sha(file)).toBe(before);
    const check = new Database(file, { readonly: true });
    expect(check.pragma('user_version', { simple: true })).toBe(2);
    check.close();
    // The first writing command upgrades it.
    expect(runCli(ws, ['reindex']).code).toBe(0);
    const upgraded = new Database(file, { readonly: true });
    expect(upgraded.pragma('application_id', { simple: true })).toBe(0x52504c59);
    upgraded.close();
  });
});
