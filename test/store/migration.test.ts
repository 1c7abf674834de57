import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/dates.js';
import { parseSearchQuery } from '../../src/core/search-query.js';
import { openDatabase } from '../../src/store/db.js';
import { SqliteHandling } from '../../src/store/handling.js';
import { migrate, SCHEMA_VERSION } from '../../src/store/migrations.js';
import { SqliteReplies } from '../../src/store/replies.js';
import { FIXTURES, tempDir } from '../helpers/cli.js';
import { FakeClock } from '../helpers/clock.js';

/**
 * test/fixtures/archive-v2.sql holds the rows of a real archive made by the
 * previous version (schema step 2): replies 1–4 imported from the corpus
 * (sent, with their sources), reply 5 filed, edited, signed and voided (3
 * revisions). Each test loads them into an archive of the first two schema
 * steps and opens it with the current code, which migrates it.
 */
const FIXTURE = join(FIXTURES, 'archive-v2.sql');

type Row = Record<string, unknown>;

interface Snapshot {
  replies: Row[];
  revisions: Row[];
  sources: Row[];
  docNumbers: Row[];
}

const opened: Database.Database[] = [];
afterEach(() => {
  while (opened.length) {
    const db = opened.pop()!;
    if (db.open) db.close();
  }
});

function track(db: Database.Database): Database.Database {
  opened.push(db);
  return db;
}

/** Every stored row of the tables that hold the archive's records, in a stable order. */
function snapshot(db: Database.Database): Snapshot {
  const all = (sql: string) => db.prepare(sql).all() as Row[];
  return {
    replies: all('SELECT * FROM replies ORDER BY id'),
    revisions: all('SELECT * FROM revisions ORDER BY reply_id, revision'),
    sources: all('SELECT * FROM sources ORDER BY id'),
    docNumbers: all('SELECT * FROM doc_numbers ORDER BY prefix, year, seq'),
  };
}

/** The ids whose searchable text contains `text`, straight from the rows (what the index must find). */
function containing(db: Database.Database, text: string): number[] {
  return (
    db
      .prepare(
        `SELECT id FROM replies
         WHERE instr(body, @t) OR instr(proposal_title, @t) OR instr(proposer_names, @t)
         ORDER BY id`,
      )
      .all({ t: text }) as { id: number }[]
  ).map((r) => r.id);
}

let file: string;
let before: Snapshot;

beforeEach(() => {
  file = join(tempDir(), 'replies.db');
  const raw = track(new Database(file));
  migrate(raw, file, 2);
  raw.exec(readFileSync(FIXTURE, 'utf8'));
  expect(raw.pragma('user_version', { simple: true })).toBe(2);
  before = snapshot(raw);
  raw.close();
});

function open(): { db: Database.Database; repo: SqliteReplies } {
  const db = track(openDatabase(file));
  return { db, repo: new SqliteReplies(db, new FakeClock(new Date('2026-12-01T02:00:00.000Z'))) };
}

describe('opening an archive of schema step 2', () => {
  it('the fixture is what it claims to be: 5 replies, 3 revisions of reply 5, 4 sources, 5 doc numbers', () => {
    expect(before.replies.map((r) => [r.id, r.status])).toEqual([
      [1, 'sent'],
      [2, 'sent'],
      [3, 'sent'],
      [4, 'sent'],
      [5, 'void'],
    ]);
    expect(before.revisions.map((r) => [r.reply_id, r.revision, r.change])).toEqual([
      [5, 1, 'created'],
      [5, 2, 'edited'],
      [5, 3, 'status'],
    ]);
    expect(before.sources.map((s) => s.reply_id)).toEqual([1, 2, 3, 4]);
    expect(before.docNumbers).toHaveLength(5);
  });

  it('migrates it to the current schema version', () => {
    const { db } = open();
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(SCHEMA_VERSION).toBe(3);
    for (const table of ['status_changes', 'proposals', 'deadlines', 'feedback']) {
      expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?").get(table), table).toEqual({ n: 1 });
    }
  });

  it('keeps every reply, revision, source and doc number, unchanged', () => {
    const { db, repo } = open();
    expect(snapshot(db)).toEqual(before);
    // and through the repository, as the CLI reads them
    expect(repo.get(1)!.docNumber.toString()).toBe('普发改委〔2023〕16号');
    expect(repo.get(3)!.docNumber.toString()).toBe('普府〔2025〕19号');
    expect(repo.get(5)).toMatchObject({ status: 'void', result: '留作参考' });
    expect(repo.history(5).map((r) => [r.revision, r.change, r.reply.status])).toEqual([
      [1, 'created', 'draft'],
      [2, 'edited', 'draft'],
      [3, 'status', 'signed'],
      [4, 'status', 'void'],
    ]);
    expect(repo.sourceOf(2)!.text).toBe(before.sources[1]!.text);
    // a change logged before the migration has no entry in the new status log
    expect(repo.statusChanges(5)).toEqual([]);
  });

  it('keeps the schema’s other parts: the signed-date index, the search view and the index triggers', () => {
    const { db } = open();
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE tbl_name = 'replies' OR name = 'search_content'").all() as { name: string }[]).map(
      (r) => r.name,
    );
    for (const name of ['replies_signed_on', 'replies_keep', 'replies_fts_insert', 'replies_fts_before_update', 'replies_fts_after_update', 'search_content']) {
      expect(names, name).toContain(name);
    }
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // the full-text index still matches its content, row for row
    expect(() => db.exec("INSERT INTO replies_fts (replies_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
  });

  it('the search index still finds the corpus phrases, and follows a new edit', () => {
    const { db, repo } = open();
    const search = (query: string) =>
      repo
        .fullText()
        .search(parseSearchQuery(query), { limit: 100 })
        .map((h) => h.reply.id)
        .sort((a, b) => a - b);
    for (const phrase of ['海纳小', '未来产业', '科创会客厅', '长三角', '数据']) {
      const expected = containing(db, phrase);
      expect(expected.length, phrase).toBeGreaterThan(0);
      expect(search(phrase), phrase).toEqual(expected);
    }
    expect(search('顾薇玲')).toEqual([3]);

    // 绿色低碳 is only in the body of reply 2; an edit replaces that body
    expect(search('绿色低碳')).toEqual([2]);
    expect(search('低空经济示范区')).toEqual([]);
    const two = repo.get(2)!;
    repo.update(2, { ...two, body: '迁移之后改写的正文：推进低空经济示范区建设。\n' }, two.updatedAt);
    expect(search('低空经济示范区')).toEqual([2]);
    expect(search('绿色低碳')).toEqual([]);
    // its proposal title (…发展“未来产业”) is still found
    expect(search('未来产业')).toEqual([2]);
    expect(() => db.exec("INSERT INTO replies_fts (replies_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
  });

  it('accepts the statuses checked and published, and still no other', () => {
    const { db, repo } = open();
    const one = repo.get(1)!;
    expect(repo.setStatus(1, 'published', one.updatedAt).status).toBe('published');
    const { id: _id, status: _status, createdAt: _c, updatedAt: _u, ...fields } = repo.get(4)!;
    const draft = repo.create({ ...fields, docNumber: null, signedOn: '2026-11-30' as IsoDate, issuedOn: null }, '普发改委');
    expect(repo.setStatus(draft.id, 'checked', draft.updatedAt).status).toBe('checked');
    expect(() => db.prepare("UPDATE replies SET status = 'archived' WHERE id = 2").run()).toThrow(/CHECK constraint failed/);
    expect(repo.get(2)!.status).toBe('sent');
  });

  it('still refuses to delete replies, doc numbers, revisions and sources, or to change a revision', () => {
    const { db } = open();
    expect(() => db.prepare('DELETE FROM replies WHERE id = 1').run()).toThrow('replies are never deleted');
    expect(() => db.prepare('DELETE FROM doc_numbers WHERE reply_id = 1').run()).toThrow('doc numbers are never released');
    expect(() => db.prepare('DELETE FROM revisions WHERE reply_id = 5').run()).toThrow('revisions are never deleted');
    expect(() => db.prepare("UPDATE revisions SET change = 'edited' WHERE reply_id = 5").run()).toThrow('revisions are never changed');
    expect(() => db.prepare('DELETE FROM sources WHERE id = 1').run()).toThrow('sources are never deleted');
    expect(snapshot(db)).toEqual(before);
  });

  it('the new tables work on the migrated archive: a proposal and feedback on an imported reply', () => {
    const { db } = open();
    const handling = new SqliteHandling(db, new FakeClock());
    const proposal = handling.addProposal({
      kind: '提案', session: '区政协十五届二次会议', number: '152104', title: '开发长三角一体化智能数据图表研报平台的建议',
      proposers: [{ name: '朱莺', role: '委员' }], assignedOn: '2023-03-01' as IsoDate, dueOn: '2023-06-01' as IsoDate, role: '主办', leadUnit: null,
    });
    handling.addFeedback({ replyId: 1, rating: '不满意', note: null, receivedOn: '2023-06-20' as IsoDate, reopenDueOn: '2023-07-20' as IsoDate });
    expect(handling.proposal(proposal.id)!.deadlines.map((d) => [d.dueOn, d.cause])).toEqual([
      ['2023-06-01', 'assigned'],
      ['2023-07-20', 'reopened'],
    ]);
  });

  it('a second open changes nothing', () => {
    const first = open();
    const schema = (db: Database.Database) => db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name').all();
    const afterFirst = { schema: schema(first.db), data: snapshot(first.db) };
    first.db.close();

    const second = open();
    expect(second.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(schema(second.db)).toEqual(afterFirst.schema);
    expect(snapshot(second.db)).toEqual(afterFirst.data);
    expect(afterFirst.data).toEqual(before);
  });
});
