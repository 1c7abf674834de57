import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IsoDate } from '../../src/core/dates.js';
import type { SearchFilter } from '../../src/core/ports.js';
import { parseSearchQuery } from '../../src/core/search-query.js';
import { replyTitle } from '../../src/core/proposers.js';
import type { Kind } from '../../src/core/reply.js';
import { sessionKey } from '../../src/core/session.js';
import { openDatabase } from '../../src/store/db.js';
import { SqliteHandling } from '../../src/store/handling.js';
import { isWhole } from '../../src/core/health.js';
import { SqliteCare } from '../../src/store/care.js';
import { incompleteSql } from '../../src/store/columns.js';
import { APPLICATION_ID, migrate, SCHEMA_VERSION } from '../../src/store/migrations.js';
import { ANSWERING_BY_KEY, ANSWERING_BY_TEXT, SqliteReplies } from '../../src/store/replies.js';
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

/** The columns step 4 adds to the replies table (their values are checked on their own). */
const STEP_4_COLUMNS = ['inferred', 'session_key', 'search_shadow'];

/** A snapshot without step 4's new columns: what an archive of an earlier step holds. */
function asBefore(s: Snapshot): Snapshot {
  return { ...s, replies: s.replies.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !STEP_4_COLUMNS.includes(k)))) };
}

/** Whether the archive keeps one event log (schema step 6 on): its records then take their times and changes from it. */
const logged = (db: Database.Database) => db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'events'").get() !== undefined;

const without = (row: Row, key: string) => Object.fromEntries(Object.entries(row).filter(([k]) => k !== key));

/**
 * A reply without the columns of steps 11 and 12 when they hold what a reply filed before has (no marks
 * above the 标志, no 附注, no layout of its own): any other value stays in the snapshot and shows as a change.
 */
const beforeStep11 = (row: Row) =>
  row.classification === '{}' && row.annotation === null && row.style === null
    ? without(without(without(row, 'classification'), 'annotation'), 'style')
    : row;

/**
 * Every stored row of the tables that hold the archive's records, in a stable order, as the tables
 * of step 5 held them: from step 6 on, a row's time and change are read from its event. Whatever the
 * schema, a migration must leave this unchanged.
 */
function snapshot(db: Database.Database): Snapshot {
  const all = (sql: string) => db.prepare(sql).all() as Row[];
  const events = logged(db);
  return {
    replies: events
      ? all('SELECT r.*, e.type AS last_change FROM replies r JOIN events e ON e.id = r.event_id ORDER BY r.id').map((r) =>
          // the stored title (step 7) is the kind, session and number as worded, the search aside (step 14) the contact
          // and 抄送 as searchAside reads them: each checked on its own
          beforeStep11(without(without(without(r, 'event_id'), 'title'), 'search_aside')),
        )
      : all('SELECT * FROM replies ORDER BY id'),
    revisions: events
      ? all('SELECT r.reply_id, r.revision, e.at, e.type AS change, r.snapshot FROM revisions r JOIN events e ON e.id = r.event_id ORDER BY 1, 2')
      : all('SELECT * FROM revisions ORDER BY reply_id, revision'),
    sources: all('SELECT * FROM sources ORDER BY id'),
    docNumbers: all('SELECT * FROM doc_numbers ORDER BY prefix, year, seq'),
  };
}

/** Whether the events keep who and why (schema step 8 on): the reasons are then the events', and a reopening names its answer by key. */
const explained = (db: Database.Database) =>
  (db.prepare('PRAGMA table_info(events)').all() as { name: string }[]).some((c) => c.name === 'reason');

/** The status changes, proposals, deadlines and feedback (schema step 3 on), as step 5 held them. */
function handlingRows(db: Database.Database): Row[][] {
  const events = logged(db);
  const why = explained(db);
  return (
    events
      ? [
          `SELECT c.reply_id, e.at, c.from_status, c.to_status, ${why ? 'e' : 'c'}.reason, c.overridden FROM status_changes c JOIN events e ON e.id = c.event_id`,
          'SELECT id, kind, session, number, title, proposers, assigned_on, role, lead_unit, created_at FROM proposals',
          why
            ? `SELECT d.proposal_id, e.at, d.due_on, d.cause, coalesce('feedback:' || d.feedback_id, e.reason) AS reason
               FROM deadlines d JOIN events e ON e.id = d.event_id`
            : 'SELECT d.proposal_id, e.at, d.due_on, d.cause, d.reason FROM deadlines d JOIN events e ON e.id = d.event_id',
          'SELECT f.id, f.reply_id, f.rating, f.note, f.received_on, e.at FROM feedback f JOIN events e ON e.id = f.event_id',
        ]
      : ['SELECT * FROM status_changes', 'SELECT * FROM proposals', 'SELECT * FROM deadlines', 'SELECT * FROM feedback']
  ).map((sql) => db.prepare(`${sql} ORDER BY 1, 2`).all() as Row[]);
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

/** A new archive file holding the fixture's rows, migrated as far as schema step `step` (file is set to it). */
function fixtureAt(step: number): Database.Database {
  file = join(tempDir(), 'replies.db');
  const raw = track(new Database(file));
  migrate(raw, file, 2);
  raw.exec(readFileSync(FIXTURE, 'utf8'));
  migrate(raw, file, step);
  return raw;
}

/** The archive opened with the current code after `sql` changed its rows as the older version left them. */
function openAfter(sql: string): ReturnType<typeof open> {
  const raw = track(new Database(file));
  raw.exec(sql);
  raw.close();
  return open();
}

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
    expect(SCHEMA_VERSION).toBe(18);
    for (const table of ['status_changes', 'proposals', 'deadlines', 'feedback', 'events', 'reply_bases']) {
      expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?").get(table), table).toEqual({ n: 1 });
    }
  });

  it('keeps every reply, revision, source and doc number, unchanged', () => {
    const { db, repo } = open();
    expect(asBefore(snapshot(db))).toEqual(before);
    // and through the repository, as the CLI reads them
    expect(repo.get(1)!.docNumber!.toString()).toBe('普发改委〔2023〕16号');
    expect(repo.get(3)!.docNumber!.toString()).toBe('普府〔2025〕19号');
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
    repo.update(2, { ...two, body: '迁移之后改写的正文：推进低空经济示范区建设。\n' }, two.version);
    expect(search('低空经济示范区')).toEqual([2]);
    expect(search('绿色低碳')).toEqual([]);
    // its proposal title (…发展“未来产业”) is still found
    expect(search('未来产业')).toEqual([2]);
    expect(() => db.exec("INSERT INTO replies_fts (replies_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
  });

  it('accepts the statuses checked and published, and still no other', () => {
    const { db, repo } = open();
    const one = repo.get(1)!;
    expect(repo.setStatus(1, 'published', one.version).status).toBe('published');
    const { id: _id, status: _status, createdAt: _c, updatedAt: _u, ...fields } = repo.get(4)!;
    const draft = repo.create({ ...fields, docNumber: null, signedOn: '2026-11-30' as IsoDate, issuedOn: null }, '普发改委');
    expect(repo.setStatus(draft.id, 'checked', draft.version).status).toBe('checked');
    expect(() => db.prepare("UPDATE replies SET status = 'archived' WHERE id = 2").run()).toThrow(/CHECK constraint failed/);
    expect(repo.get(2)!.status).toBe('sent');
  });

  it('still refuses to delete replies, doc numbers, revisions and sources, or to change a revision', () => {
    const { db } = open();
    expect(() => db.prepare('DELETE FROM replies WHERE id = 1').run()).toThrow('replies are never deleted');
    expect(() => db.prepare('DELETE FROM doc_numbers WHERE reply_id = 1').run()).toThrow('doc numbers are never released');
    expect(() => db.prepare('DELETE FROM revisions WHERE reply_id = 5').run()).toThrow('revisions are never deleted');
    expect(() => db.prepare("UPDATE revisions SET snapshot = '{}' WHERE reply_id = 5").run()).toThrow('revisions are never changed');
    expect(() => db.prepare('DELETE FROM events').run()).toThrow('events are never deleted');
    expect(() => db.prepare("UPDATE events SET at = '2000-01-01T00:00:00.000Z'").run()).toThrow('events are never changed');
    expect(() => db.prepare('DELETE FROM sources WHERE id = 1').run()).toThrow('sources are never deleted');
    expect(asBefore(snapshot(db))).toEqual(before);
  });

  it('the new tables work on the migrated archive: a proposal and feedback on an imported reply', () => {
    const { db } = open();
    const handling = new SqliteHandling(db, new FakeClock());
    const proposal = handling.addProposal({
      kind: '提案', session: '区政协十五届二次会议', number: '152104', title: '开发长三角一体化智能数据图表研报平台的建议',
      proposers: [{ name: '朱莺', role: '委员' }], assignedOn: '2023-03-01' as IsoDate, firstDueOn: '2023-06-01' as IsoDate, role: '主办', leadUnit: null,
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
    expect(asBefore(afterFirst.data)).toEqual(before);
  });
});

/**
 * An archive of schema step 3, as that version left it: the fixture's rows
 * (step 2) opened by step 3, then a proposal, feedback, a logged status change
 * and a published reply, which only step 3 has. Opened with the current code,
 * it becomes step 4: replies may lack a doc number, a signed date, a session…
 */
describe('opening an archive of schema step 3', () => {
  let before3: Snapshot & { extra: Row[][] };
  const extra = handlingRows;

  beforeEach(() => {
    const raw = fixtureAt(3);
    raw.exec(`
      UPDATE replies SET status = 'published', updated_at = '2026-01-02T00:00:00.000Z', last_change = 'status' WHERE id = 2;
      INSERT INTO status_changes (reply_id, at, from_status, to_status, reason, overridden)
        VALUES (2, '2026-01-02T00:00:00.000Z', 'sent', 'published', NULL, NULL);
      INSERT INTO proposals (kind, session, number, title, proposers, assigned_on, role, lead_unit, created_at)
        VALUES ('提案', '区政协十五届二次会议', '152104', '开发长三角一体化智能数据图表研报平台的建议', '[{"name":"朱莺","role":"委员"}]',
                '2023-03-01', '主办', NULL, '2026-01-01T00:00:00.000Z');
      INSERT INTO deadlines (proposal_id, at, due_on, cause, reason) VALUES (1, '2026-01-01T00:00:00.000Z', '2023-06-01', 'assigned', NULL);
      INSERT INTO feedback (reply_id, rating, note, received_on, at) VALUES (1, '满意', NULL, '2023-06-20', '2026-01-03T00:00:00.000Z');
    `);
    expect(raw.pragma('user_version', { simple: true })).toBe(3);
    before3 = { ...snapshot(raw), extra: extra(raw) };
    raw.close();
  });

  it('keeps every row of every table, ids included; the new columns say nothing inferred and hold each session’s key', () => {
    const { db } = open();
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const after = snapshot(db);
    expect({ ...asBefore(after), extra: extra(db) }).toEqual(before3);
    expect(after.replies.map((r) => r.inferred)).toEqual(['[]', '[]', '[]', '[]', '[]']);
    expect(after.replies.map((r) => r.session_key)).toEqual(after.replies.map((r) => sessionKey(String(r.session))));
    expect(after.replies[0]!.session_key).toBe('政协:区:15:2');
    // The corpus is in simplified script: no reply needs a shadow for search.
    expect(after.replies.map((r) => r.search_shadow)).toEqual([null, null, null, null, null]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(() => db.exec("INSERT INTO replies_fts (replies_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
  });

  it('reads the replies, their revisions and the step-3 statuses as before', () => {
    const { repo } = open();
    expect(repo.get(1)).toMatchObject({ docNumber: expect.objectContaining({ prefix: '普发改委', year: 2023, seq: 16 }), signedOn: '2023-05-18', inferred: [] });
    expect(repo.get(2)!.status).toBe('published');
    // an older version recorded nobody: the operator is unknown, never invented
    expect(repo.statusChanges(2)).toEqual([{ event: expect.any(Number), at: '2026-01-02T00:00:00.000Z', operator: null, from: 'sent', to: 'published' }]);
    // snapshots written before step 4 (a doc number object, a date, no inferred list) still read
    expect(repo.history(5).map((r) => [r.revision, r.reply.docNumber?.toString(), r.reply.signedOn !== null, r.reply.inferred])).toEqual([
      [1, '普发改委〔2024〕3号', true, []],
      [2, '普发改委〔2024〕3号', true, []],
      [3, '普发改委〔2024〕3号', true, []],
      [4, '普发改委〔2024〕3号', true, []],
    ]);
  });

  it('keeps the dependants: the date index (now with undated replies last), the session index, the view and the triggers', () => {
    const { db } = open();
    const names = (db.prepare("SELECT name FROM sqlite_master WHERE tbl_name = 'replies' OR name = 'search_content'").all() as { name: string }[]).map(
      (r) => r.name,
    );
    for (const name of ['replies_signed_on', 'replies_session', 'replies_keep', 'replies_fts_insert', 'replies_fts_before_update', 'replies_fts_after_update', 'search_content']) {
      expect(names, name).toContain(name);
    }
    expect(() => db.prepare('DELETE FROM replies WHERE id = 1').run()).toThrow('replies are never deleted');
    const plan = (sql: string) => (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('; ');
    expect(plan("SELECT id FROM replies ORDER BY coalesce(signed_on, '') DESC, id DESC")).toMatch(/replies_signed_on/);
    expect(plan("SELECT id FROM replies WHERE session_key = '政协:区:15:2' AND proposal_no = '152104'")).toMatch(/replies_session/);
    // Step 13: a status's replies, newest first (what list counts as hidden void, and lists by --status), without a table scan.
    expect(plan("SELECT id FROM replies WHERE status = 'void' ORDER BY coalesce(signed_on, '') DESC, id DESC")).toMatch(/USING (COVERING )?INDEX replies_status/);
  });

  it('takes replies without a doc number, a date, a session or a number, which search finds and lists last', () => {
    const { db, repo } = open();
    const { id: _id, status: _s, inferred: _i, createdAt: _c, updatedAt: _u, ...fields } = repo.get(4)!;
    const bare = repo.create(
      { ...fields, docNumber: null, signedOn: null, session: null, proposalNo: null, body: '迁移之后导入的无文号答复：推进低空经济示范区建设。\n' },
      '普发改委',
      { numbering: 'none', status: 'sent', inferred: ['organ'] },
    );
    expect(repo.get(bare.id)).toMatchObject({ docNumber: null, signedOn: null, session: null, proposalNo: null, inferred: ['organ'] });
    expect(db.prepare('SELECT count(*) AS n FROM doc_numbers WHERE reply_id = ?').get(bare.id)).toEqual({ n: 0 });
    expect(repo.summaries({}).map((r) => r.id).at(-1)).toBe(bare.id);

    const search = (query: string) =>
      repo.fullText().search(parseSearchQuery(query), { limit: 100 }).map((h) => [h.reply.id, h.hit]);
    expect(search('低空经济示范区')).toEqual([[bare.id, 'text']]);
    // its title leaves out what it lacks
    expect(db.prepare('SELECT title FROM search_content WHERE id = ?').get(bare.id)).toEqual({ title: '对提案的答复\u0001\u0001' });
    for (const phrase of ['海纳小', '未来产业', '科创会客厅', '长三角']) {
      expect(search(phrase).map(([id]) => id).sort(), phrase).toEqual(containing(db, phrase));
    }
    expect(search('顾薇玲')).toEqual([[3, 'text']]);
    // the index follows an edit that completes it
    const completed = repo.update(bare.id, { ...repo.get(bare.id)!, session: '区政协十五届二次会议', proposalNo: '152999', signedOn: '2026-11-30' as IsoDate }, bare.version);
    expect(db.prepare('SELECT title FROM search_content WHERE id = ?').get(bare.id)).toEqual({ title: '对区政协十五届二次会议 第152999号提案的答复\u0001\u0001' });
    expect(search('152999')).toEqual([[bare.id, 'title']]);
    expect(completed.inferred).toEqual(['organ']);
    expect(repo.summaries({}).map((r) => r.id)[0]).toBe(bare.id);
    expect(() => db.exec("INSERT INTO replies_fts (replies_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
  });

  it('a step-3 archive holding a reply without session or number (none should) is re-indexed under the new title', () => {
    const { db, repo } = openAfter("UPDATE replies SET session = '' WHERE id = 4");
    expect(() => db.exec("INSERT INTO replies_fts (replies_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    expect(repo.fullText().search(parseSearchQuery('对第'), { limit: 10 }).map((h) => h.reply.id)).toEqual([4]);
  });

  it('a step-3 archive holding a reply in traditional script is indexed with its simplified form too', () => {
    const { db, repo } = openAfter("UPDATE replies SET body = body || '縣教育體育局對龍陵縣縣城規劃區學校布局工作高度重視。' WHERE id = 4");
    expect(() => db.exec("INSERT INTO replies_fts (replies_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    const found = (q: string) => repo.fullText().search(parseSearchQuery(q), { limit: 10 }).map((h) => h.reply.id);
    expect(found('龙陵县县城规划区')).toEqual([4]);
    expect(found('龍陵縣縣城規劃區')).toEqual([4]);
    expect(repo.get(4)!.body).toContain('縣教育體育局');
  });
});

describe('opening an archive of schema step 4', () => {
  beforeEach(() => {
    const raw = fixtureAt(4);
    // Reply 4 printed its number zero-padded; reply 3's session names no sitting (it has no key).
    raw.exec(`
      UPDATE replies SET proposal_no = '0' || proposal_no WHERE id = 4;
      UPDATE replies SET session = '专题协商会', session_key = NULL WHERE id = 3;
    `);
    expect(raw.pragma('user_version', { simple: true })).toBe(4);
    before = snapshot(raw);
    raw.close();
  });

  const plan = (db: Database.Database, sql: string) =>
    (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all({ proposals: '[]' }) as { detail: string }[]).map((r) => r.detail).join('; ');

  it('keeps every row, and keys the session index by the number without its leading zeros', () => {
    const { db } = open();
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(snapshot(db)).toEqual(before);
    const index = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'replies_session'").get() as { sql: string };
    expect(index.sql).toContain("ltrim(proposal_no, '0')");
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('finds the replies to a proposal by one search of both columns of the index, never a walk of the sitting', () => {
    const { db } = open();
    for (const sql of [ANSWERING_BY_KEY, ANSWERING_BY_TEXT]) {
      expect(plan(db, sql)).toMatch(/SEARCH r USING INDEX replies_session \(session_key=\? AND <expr>=\?\)/);
      expect(plan(db, sql)).not.toMatch(/SCAN r/);
    }
  });

  it('answers by the key and by the text as before: 57 finds the reply printed 057', () => {
    const { repo } = open();
    const four = repo.get(4)!;
    const three = repo.get(3)!;
    const number = (n: string | null) => n!.replace(/^0+/u, '');
    expect(repo.answering([{ session: four.session!, number: number(four.proposalNo) }]).map((r) => r.id)).toEqual([4]);
    expect(repo.answering([{ session: '专题协商会', number: '00' + three.proposalNo }]).map((r) => r.id)).toEqual([3]);
  });
});

/**
 * An archive of schema step 5, as that version wrote it: reply 2 published after an edit (a revision
 * each, the status change logged at the time of its revision), a proposal extended twice in one
 * millisecond (the second nudged 1 ms on), and a 不满意 on reply 1 with the reopening it caused, both
 * at one time. Opened with the current code, it keeps one event log.
 */
describe('opening an archive of schema step 5', () => {
  let before5: Snapshot & { extra: Row[][] };
  const T = (n: number) => `2026-11-30T00:00:00.00${n}Z`;
  let twoCreated: string;

  beforeEach(() => {
    const raw = fixtureAt(5);
    const two = raw.prepare('SELECT * FROM replies WHERE id = 2').get() as Row;
    twoCreated = String(two.updated_at);
    expect(twoCreated < T(0)).toBe(true);
    const state = (over: Row) => JSON.stringify({ id: 2, status: two.status, createdAt: two.created_at, updatedAt: two.updated_at, ...over });
    raw.prepare('INSERT INTO revisions (reply_id, revision, at, change, snapshot) VALUES (2, 1, ?, ?, ?)').run(two.updated_at, 'created', state({}));
    raw.prepare("INSERT INTO revisions (reply_id, revision, at, change, snapshot) VALUES (2, 2, ?, 'edited', ?)").run(T(1), state({ updatedAt: T(1) }));
    raw.exec(`
      UPDATE replies SET result = '留作参考', updated_at = '${T(2)}', last_change = 'status', status = 'published' WHERE id = 2;
      INSERT INTO status_changes (reply_id, at, from_status, to_status, reason, overridden) VALUES (2, '${T(2)}', 'sent', 'published', NULL, NULL);
      INSERT INTO proposals (kind, session, number, title, proposers, assigned_on, role, lead_unit, created_at)
        VALUES ('提案', '区政协十五届二次会议', '152104', '开发长三角一体化智能数据图表研报平台的建议', '[{"name":"朱莺","role":"委员"}]',
                '2023-03-01', '主办', NULL, '${T(0)}');
      INSERT INTO deadlines (proposal_id, at, due_on, cause, reason) VALUES
        (1, '${T(0)}', '2023-06-01', 'assigned', NULL),
        (1, '${T(3)}', '2023-06-20', 'extended', '需协调'),
        (1, '${T(4)}', '2023-06-30', 'extended', '仍需协调'),
        (1, '${T(5)}', '2023-07-20', 'reopened', 'feedback:1');
      INSERT INTO feedback (reply_id, rating, note, received_on, at) VALUES (1, '不满意', NULL, '2023-06-20', '${T(5)}');
    `);
    expect(raw.pragma('user_version', { simple: true })).toBe(5);
    before5 = { ...snapshot(raw), extra: handlingRows(raw) };
    raw.close();
  });

  const events = (db: Database.Database) => db.prepare('SELECT id, at, type FROM events ORDER BY id').all() as { id: number; at: string; type: string }[];

  it('keeps every record, its time and its change; nothing is left without its event', () => {
    const { db } = open();
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect({ ...snapshot(db), extra: handlingRows(db) }).toEqual(before5);
    expect(db.prepare('SELECT count(*) AS n FROM replies WHERE event_id IS NULL').get()).toEqual({ n: 0 });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    expect(() => db.exec("INSERT INTO replies_fts (replies_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    // No column of the old keys is left: the times are the events'.
    for (const table of ['revisions', 'status_changes', 'deadlines', 'feedback']) {
      const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
      expect(columns, table).toContain('event_id');
      expect(columns, table).not.toContain('at');
    }
  });

  it('numbers the events in the order of their times: one for each state, deadline and feedback', () => {
    const { db } = open();
    const log = events(db);
    expect(log.map((e) => e.id)).toEqual(log.map((_, i) => i + 1));
    expect(log.map((e) => e.at)).toEqual([...log.map((e) => e.at)].sort());
    // 5 replies' states (reply 5 has 4, reply 2 has 3, the others 1 each), 4 deadlines and 1 feedback
    expect(log).toHaveLength(4 + 3 + 3 + 4 + 1);
    // at one time, the feedback comes before the reopening it caused
    const at5 = log.filter((e) => e.at === T(5)).map((e) => e.type);
    expect(at5).toEqual(['feedback', 'deadline']);
  });

  it('makes a status revision and its logged change one event, which history pairs by it', () => {
    const { repo } = open();
    const history = repo.history(2);
    expect(history.map((h) => [h.revision, h.change, h.at])).toEqual([
      [1, 'created', twoCreated],
      [2, 'edited', T(1)],
      [3, 'status', T(2)],
    ]);
    expect(history.map((h) => h.reply.version)).toEqual([...history.map((h) => h.reply.version)].sort((a, b) => a - b));
    const [change] = repo.statusChanges(2);
    expect(change).toMatchObject({ from: 'sent', to: 'published', at: T(2), event: history[2]!.reply.version });
    expect(repo.get(2)!.version).toBe(history[2]!.reply.version);
  });

  it('keeps the deadlines in the order given, and the answer that reopened the proposal', () => {
    const { db } = open();
    const handling = new SqliteHandling(db, new FakeClock(new Date(T(5))));
    const deadlines = handling.proposal(1)!.deadlines;
    expect(deadlines.map((d) => [d.cause, d.dueOn])).toEqual([
      ['assigned', '2023-06-01'],
      ['extended', '2023-06-20'],
      ['extended', '2023-06-30'],
      ['reopened', '2023-07-20'],
    ]);
    expect(deadlines.map((d) => d.event)).toEqual([...deadlines.map((d) => d.event)].sort((a, b) => a - b));
    const [answer] = handling.feedback(1);
    expect(answer).toMatchObject({ id: 1, rating: '不满意', at: T(5) });
    expect(answer!.event).toBeLessThan(deadlines[3]!.event);
    // A new extension at the very same time is ordered after them, by its event alone.
    const extended = handling.extend(1, '2023-08-01' as IsoDate, '再次协调');
    expect(extended.deadlines.at(-1)).toMatchObject({ cause: 'extended', dueOn: '2023-08-01', at: T(5) });
    expect(extended.deadlines.at(-1)!.event).toBeGreaterThan(deadlines[3]!.event);
  });

  it('goes on editing a migrated reply on the version it names, and refuses a stale one', () => {
    const { repo } = open();
    const two = repo.get(2)!;
    const edited = repo.update(2, { ...two, result: '解决或采纳' }, two.version);
    expect(edited.version).toBeGreaterThan(two.version);
    expect(() => repo.update(2, { ...two, result: '正在解决' }, two.version)).toThrow();
    expect(repo.history(2).map((h) => h.change)).toEqual(['created', 'edited', 'status', 'edited']);
  });
});

/** An archive of schema step 6, whose search view worded the reply title in SQL. */
describe('opening an archive of schema step 6', () => {
  beforeEach(() => {
    const raw = fixtureAt(6);
    // Reply 3 has no session and reply 4 no number: the title leaves each out.
    raw.exec("UPDATE replies SET session = '' WHERE id = 3; UPDATE replies SET proposal_no = '' WHERE id = 4;");
    expect(raw.pragma('user_version', { simple: true })).toBe(6);
    raw.close();
  });

  it('stores each reply’s title as replyTitle words it, which is what the view said, and search finds it', () => {
    const { db, repo } = open();
    const rows = db.prepare('SELECT id, kind, session, proposal_no, title FROM replies ORDER BY id').all() as Record<string, string>[];
    for (const r of rows) expect(r.title, String(r.id)).toBe(replyTitle(r.kind as Kind, r.session!, r.proposal_no!));
    expect(rows[2]!.title).toMatch(/^对第\d+号/u);
    expect(rows[3]!.title).not.toContain('第');
    // the index was made from the old view's title: it matches the stored one row for row
    expect(() => db.exec("INSERT INTO replies_fts (replies_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    const hits = repo.fullText().search(parseSearchQuery('提案的答复'), { limit: 100 }).map((h) => h.reply.id);
    expect(hits.length).toBeGreaterThan(0);
    // a new reply and an edit write their title
    const four = repo.get(4)!;
    const edited = repo.update(4, { ...four, proposalNo: '152999' }, four.version);
    expect((db.prepare('SELECT title FROM replies WHERE id = 4').get() as { title: string }).title).toBe(replyTitle(edited.kind, edited.session, '152999'));
    expect(repo.fullText().search(parseSearchQuery('152999'), {}).map((h) => h.reply.id)).toEqual([4]);
    expect(() => db.exec("INSERT INTO replies_fts (replies_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
  });
});

/**
 * An archive of schema step 7, as that version wrote it: a proposal registered and extended with a
 * reason, a 不满意 that reopened it, and a reply forced past the check with a reason.
 */
describe('opening an archive of schema step 7', () => {
  beforeEach(() => {
    const raw = fixtureAt(7);
    const T = (n: number) => `2026-11-30T00:00:0${n}.000Z`;
    const three = raw.prepare('SELECT * FROM replies WHERE id = 3').get() as Row;
    const { id: _id, event_id: made, ...state } = three;
    raw.exec(`
      INSERT INTO events (id, at, type) VALUES (100, '${T(0)}', 'deadline'), (101, '${T(1)}', 'deadline'),
        (102, '${T(2)}', 'feedback'), (103, '${T(2)}', 'deadline'), (104, '${T(3)}', 'status');
      INSERT INTO proposals (kind, session, number, title, proposers, assigned_on, role, lead_unit, created_at)
        VALUES ('提案', '区政协十五届二次会议', '152104', '开发长三角一体化智能数据图表研报平台的建议', '[{"name":"朱莺","role":"委员"}]',
                '2023-03-01', '主办', NULL, '${T(0)}');
      INSERT INTO deadlines (event_id, proposal_id, due_on, cause, reason) VALUES
        (100, 1, '2023-06-01', 'assigned', NULL), (101, 1, '2023-06-20', 'extended', '需协调'), (103, 1, '2023-07-20', 'reopened', 'feedback:1');
      INSERT INTO feedback (id, event_id, reply_id, rating, note, received_on) VALUES (1, 102, 1, '不满意', NULL, '2023-06-20');
      INSERT INTO status_changes (event_id, reply_id, from_status, to_status, reason, overridden) VALUES (104, 3, '${three.status}', 'published', '已在门户公开', NULL);
    `);
    raw.prepare('INSERT INTO revisions (reply_id, revision, event_id, snapshot) VALUES (3, (SELECT coalesce(max(revision), 0) + 1 FROM revisions WHERE reply_id = 3), ?, ?)')
      .run(made, JSON.stringify(state));
    raw.exec("UPDATE replies SET status = 'published', event_id = 104 WHERE id = 3");
    expect(raw.pragma('user_version', { simple: true })).toBe(7);
    raw.close();
  });

  const eventRows = (db: Database.Database) => db.prepare('SELECT type, operator, reason FROM events ORDER BY id').all() as Row[];

  it('moves every reason to its event, and names no operator for anything done before', () => {
    const { db, repo } = open();
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const log = eventRows(db);
    expect(log.every((e) => e.operator === null)).toBe(true);
    expect(log.filter((e) => e.reason !== null).map((e) => [e.type, e.reason])).toEqual([
      ['deadline', '需协调'],
      ['status', '已在门户公开'],
    ]);
    expect(repo.statusChanges(3).at(-1)).toMatchObject({ to: 'published', reason: '已在门户公开', operator: null });
    for (const table of ['status_changes', 'deadlines']) {
      const columns = (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);
      expect(columns, table).not.toContain('reason');
    }
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('types a registration as one, names the proposal’s event, and links the reopening to its answer', () => {
    const { db } = open();
    const handling = new SqliteHandling(db, new FakeClock(new Date('2026-12-01T00:00:00.000Z')));
    const p = handling.proposal(1)!;
    expect(p).toMatchObject({ status: 'open', version: p.deadlines[0]!.event });
    expect(db.prepare('SELECT type FROM events WHERE id = ?').get(p.version)).toEqual({ type: 'proposed' });
    expect(p.deadlines.map((d) => [d.cause, d.reason, d.feedbackId])).toEqual([
      ['assigned', null, null],
      ['extended', '需协调', null],
      ['reopened', null, 1],
    ]);
    // and the migrated proposal can be corrected and withdrawn
    const edited = handling.editProposal(1, { ...p, title: '新标题' }, p.version, '录错');
    expect(handling.withdrawProposal(1, edited.version, '撤案').status).toBe('withdrawn');
    expect(handling.proposalHistory(1).map((h) => h.change)).toEqual(['proposed', 'proposal-edited', 'withdrawn']);
  });

  it('still refuses to delete or change an event', () => {
    const { db } = open();
    expect(() => db.exec('DELETE FROM events')).toThrow(/never deleted/);
    expect(() => db.exec("UPDATE events SET operator = 'x'")).toThrow(/never changed/);
  });
});

/**
 * An archive of schema step 1, the first version's: replies, their revisions and doc numbers, and no
 * sources or search yet. Its rows are the fixture's, as step 1's tables hold them (no proposers'
 * names column); opened with the current code, every later step runs on it.
 */
describe('opening an archive of schema step 1', () => {
  beforeEach(() => {
    const step2 = file;
    file = join(tempDir(), 'replies.db');
    const raw = track(new Database(file));
    migrate(raw, file, 1);
    raw.exec(`ATTACH '${step2}' AS old`);
    const columns = (table: string) => (raw.prepare(`PRAGMA main.table_info(${table})`).all() as { name: string }[]).map((c) => c.name).join(', ');
    for (const table of ['replies', 'doc_numbers', 'revisions']) raw.exec(`INSERT INTO main.${table} SELECT ${columns(table)} FROM old.${table}`);
    raw.exec('DETACH old');
    expect(raw.pragma('user_version', { simple: true })).toBe(1);
    raw.close();
  });

  it('keeps every reply, revision and doc number, and gains the proposers’ names and the search index', () => {
    const { db, repo } = open();
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    const after = snapshot(db);
    // the names are made from the proposers by step 2, as the fixture's version made them
    expect(asBefore(after).replies).toEqual(before.replies);
    expect(after.revisions).toEqual(before.revisions);
    expect(after.docNumbers).toEqual(before.docNumbers);
    expect(after.sources).toEqual([]);
    expect(db.prepare('SELECT proposer_names FROM replies WHERE id = 1').get()).toEqual({ proposer_names: '朱莺' });
    for (const phrase of ['长三角', '朱莺']) {
      expect(repo.fullText().search(parseSearchQuery(phrase), { limit: 100 }).map((h) => h.reply.id).sort(), phrase).toEqual(containing(db, phrase));
    }
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
  });
});

/** An archive of schema step 8, the last before archives named themselves: no application_id. */
describe('opening an archive of schema step 8', () => {
  let before8: Snapshot & { extra: Row[][] };
  beforeEach(() => {
    const raw = fixtureAt(8);
    expect(raw.pragma('application_id', { simple: true })).toBe(0);
    before8 = { ...snapshot(raw), extra: handlingRows(raw) };
    raw.close();
  });

  it('is known for an archive by its tables, and names itself without changing a row', () => {
    const { db } = open();
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    expect({ ...snapshot(db), extra: handlingRows(db) }).toEqual(before8);
  });

  it('is read unchanged by a reading open, from an upgraded copy', () => {
    const db = track(openDatabase(file, 'read'));
    expect(db.pragma('application_id', { simple: true })).toBe(APPLICATION_ID);
    db.close();
    const raw = track(new Database(file, { readonly: true }));
    expect([raw.pragma('user_version', { simple: true }), raw.pragma('application_id', { simple: true })]).toEqual([8, 0]);
  });
});

describe('opening an archive of schema step 10', () => {
  it('gives its replies and their earlier revisions no marks above the 标志, no 附注 and no layout of their own, and keeps those a reply is given', () => {
    fixtureAt(10).close();
    const { repo } = open();
    for (const id of [1, 2, 3, 4, 5]) expect(repo.get(id)).toMatchObject({ classification: {}, annotation: null, style: null });
    for (const revision of repo.history(5)) expect(revision.reply).toMatchObject({ classification: {}, annotation: null, style: null });
    const reply = repo.get(1)!;
    const marked = repo.update(1, { ...reply, classification: { copyNo: '000001', urgency: '特急' }, annotation: '此件公开发布', style: '信函' }, reply.version);
    expect(repo.get(1)).toMatchObject({ classification: { copyNo: '000001', urgency: '特急' }, annotation: '此件公开发布', style: '信函' });
    expect(marked.version).toBeGreaterThan(reply.version);
  });
});

describe('opening an archive of schema step 13', () => {
  it('makes each reply findable by its contact’s name and its 抄送, and the index matches the view row for row', () => {
    const raw = fixtureAt(13);
    const cc = raw.prepare("SELECT id, cc FROM replies WHERE cc <> '[]'").get() as { id: number; cc: string };
    const contacts = raw.prepare("SELECT id, contact ->> '$.name' AS name FROM replies ORDER BY id").all() as { id: number; name: string }[];
    raw.close();
    const { db, repo } = open();
    const find = (q: string) => repo.fullText().search(parseSearchQuery(q), { limit: 100 }).map((h) => h.reply.id);
    for (const unit of JSON.parse(cc.cc) as string[]) expect(find(unit), unit).toContain(cc.id);
    for (const name of new Set(contacts.map((c) => c.name))) {
      expect(find(name).sort(), name).toEqual(contacts.filter((c) => c.name === name).map((c) => c.id));
    }
    // Two units of the 抄送 are two lines: a term across them finds nothing.
    const [first, second] = JSON.parse(cc.cc) as string[];
    expect(find(`${first!.slice(-2)}${second!.slice(0, 2)}`)).toEqual([]);
    expect(() => db.exec("INSERT INTO replies_fts (replies_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    // an edit writes the new contact: the old name is no longer found, the new one is
    const reply = repo.get(cc.id)!;
    const old = reply.contact.name!;
    repo.update(cc.id, { ...reply, contact: { ...reply.contact, name: '李雷' }, cc: [] }, reply.version);
    expect(find('李雷')).toEqual([cc.id]);
    expect(find(old)).not.toContain(cc.id);
    expect(find(first!)).not.toContain(cc.id);
    expect(() => db.exec("INSERT INTO replies_fts (replies_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
  });
});

describe('opening an archive of schema step 15', () => {
  it('indexes every title and proposal title on their own, and follows an edit of either', () => {
    fixtureAt(15).close();
    const { db, repo } = open();
    const inTitles = (q: string) =>
      (db.prepare('SELECT rowid AS id FROM titles_fts WHERE titles_fts MATCH ? ORDER BY rowid').all(`"${q}"`) as { id: number }[]).map((r) => r.id);
    const rows = db.prepare('SELECT id, title, proposal_title FROM replies ORDER BY id').all() as { id: number; title: string; proposal_title: string }[];
    for (const r of rows) {
      expect(inTitles(r.proposal_title.slice(0, 5)), r.proposal_title).toContain(r.id);
      expect(inTitles(r.title.slice(-6)), r.title).toContain(r.id);
    }
    // nothing of the body is in it
    expect(inTitles('现将办理情况')).toEqual([]);
    const reply = repo.get(1)!;
    repo.update(1, { ...reply, proposalTitle: '关于候鸟驿站的建议' }, reply.version);
    expect(inTitles('候鸟驿站')).toEqual([1]);
    expect(inTitles(reply.proposalTitle.slice(0, 5))).not.toContain(1);
    expect(() => db.exec("INSERT INTO titles_fts (titles_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
  });
});

describe('opening an archive of schema step 16', () => {
  it('indexes the organs, which search asks whether an --organ filter holds any reply', () => {
    fixtureAt(16).close();
    const { db, repo } = open();
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'replies'").all() as { name: string }[]).map((r) => r.name);
    expect(indexes).toContain('replies_organ');
    const organ = repo.get(1)!.organ!;
    const ids = (filter: SearchFilter) => repo.fullText().search(parseSearchQuery('的'), { limit: 100, ...filter }).map((h) => h.reply.id);
    expect(ids({ organ: organ.slice(2, 6) }).length).toBeGreaterThan(0);
    expect(ids({ organ: '某某局' })).toEqual([]);
    expect(ids({ proposer: '无此人' })).toEqual([]);
    // The plan reads the index, not the table.
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT min(organ) FROM replies WHERE organ > ?').all('') as { detail: string }[];
    expect(plan.map((p) => p.detail).join(' ')).toContain('replies_organ');
  });
});

describe('opening an archive of schema step 17', () => {
  it('indexes the replies that lack a needed field, under the very condition list and search --incomplete ask', () => {
    fixtureAt(17).close();
    const { db, repo } = open();
    const sql = (db.prepare("SELECT sql FROM sqlite_master WHERE name = 'replies_incomplete'").get() as { sql: string }).sql;
    // A change to incompleteSql needs a schema step that makes the index again: SQLite would no longer take it.
    expect(sql).toContain(`WHERE ${incompleteSql()}`);
    const plan = (q: string) => (db.prepare(`EXPLAIN QUERY PLAN ${q}`).all() as { detail: string }[]).map((p) => p.detail).join(' ');
    expect(plan(`SELECT id FROM replies WHERE ${incompleteSql()} ORDER BY coalesce(signed_on, '') DESC, id DESC`)).toContain('replies_incomplete');
    const reply = repo.get(2)!;
    repo.update(2, { ...reply, session: '' }, reply.version);
    expect(repo.summaries({ incomplete: true }).map((r) => r.id)).toContain(2);
    const terms = parseSearchQuery(reply.body.slice(20, 24));
    expect(repo.fullText().search(terms, { incomplete: true }).map((h) => h.reply.id)).toEqual(repo.fullText().search(terms, {}).map((h) => h.reply.id).filter((id) => repo.summaries({ incomplete: true }).some((r) => r.id === id)));
  });
});

describe('an archive of every earlier schema step', () => {
  it.each(Array.from({ length: SCHEMA_VERSION - 2 }, (_, i) => i + 2))('step %i opens whole: pages, references and search index', (step) => {
    fixtureAt(step).close();
    const { db } = open();
    const health = new SqliteCare(db, file).health();
    expect(health).toMatchObject({ integrity: ['ok'], orphans: {}, searchIndex: { unmatched: 0 }, replies: 5 });
    expect(isWhole(health)).toBe(true);
    expect(() => db.exec("INSERT INTO replies_fts (replies_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
    expect(() => db.exec("INSERT INTO titles_fts (titles_fts, rank) VALUES ('integrity-check', 1)")).not.toThrow();
  });
});
