import type Database from 'better-sqlite3';
import { ReplyError } from '../core/errors.js';
import { searchShadow } from '../core/reader/simplified.js';
import { replyTitle } from '../core/proposers.js';
import type { Contact, Kind } from '../core/reply.js';
import { searchAside } from '../core/search-aside.js';
import { sessionKey } from '../core/session.js';

/**
 * Ordered schema steps; PRAGMA user_version is the number of steps applied.
 * Each step runs in its own BEGIN IMMEDIATE transaction. Append, never edit.
 */
type Step = string | ((db: Database.Database) => void);

/** PRAGMA application_id of a reply archive ('RPLY'), set by step 9. */
export const APPLICATION_ID = 0x52504c59;

const STEPS: readonly Step[] = [
  `
  CREATE TABLE replies (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind IN ('提案答复', '建议答复', '会办意见')),
    doc_prefix     TEXT NOT NULL,
    doc_year       INTEGER NOT NULL,
    doc_seq        INTEGER NOT NULL,
    session        TEXT NOT NULL,
    proposal_no    TEXT NOT NULL,
    proposal_title TEXT NOT NULL,
    proposers      TEXT NOT NULL CHECK (json_valid(proposers)),
    salutation     TEXT,
    lead_unit      TEXT,
    result         TEXT NOT NULL,
    disclosure     TEXT NOT NULL,
    body           TEXT NOT NULL,
    signed_on      TEXT NOT NULL,
    issued_on      TEXT,
    organ          TEXT NOT NULL,
    header         TEXT,
    printing_organ TEXT NOT NULL,
    contact        TEXT NOT NULL CHECK (json_valid(contact)),
    contact_labels TEXT NOT NULL CHECK (json_valid(contact_labels)),
    cc             TEXT NOT NULL CHECK (json_valid(cc)),
    status         TEXT NOT NULL CHECK (status IN ('draft', 'signed', 'sent', 'void')),
    -- What made the current state: it becomes a revision when the next change comes.
    last_change    TEXT NOT NULL DEFAULT 'created' CHECK (last_change IN ('created', 'edited', 'status')),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    UNIQUE (doc_prefix, doc_year, doc_seq)
  );
  CREATE INDEX replies_signed_on ON replies (signed_on DESC, id DESC);

  -- Every doc number ever given out, so none is given twice, even after an edit or void.
  CREATE TABLE doc_numbers (
    prefix    TEXT NOT NULL,
    year      INTEGER NOT NULL,
    seq       INTEGER NOT NULL,
    reply_id  INTEGER NOT NULL REFERENCES replies (id),
    issued_at TEXT NOT NULL,
    PRIMARY KEY (prefix, year, seq)
  ) WITHOUT ROWID;

  -- Every earlier state of a reply: a change stores the state it replaces. The current state is the row.
  CREATE TABLE revisions (
    reply_id INTEGER NOT NULL REFERENCES replies (id),
    revision INTEGER NOT NULL,
    at       TEXT NOT NULL,
    change   TEXT NOT NULL CHECK (change IN ('created', 'edited', 'status')),
    snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),
    PRIMARY KEY (reply_id, revision)
  ) WITHOUT ROWID;

  -- Nothing filed is ever deleted: voiding keeps the record and its number.
  CREATE TRIGGER replies_keep BEFORE DELETE ON replies
    BEGIN SELECT RAISE(ABORT, 'replies are never deleted'); END;
  CREATE TRIGGER doc_numbers_keep BEFORE DELETE ON doc_numbers
    BEGIN SELECT RAISE(ABORT, 'doc numbers are never released'); END;
  CREATE TRIGGER revisions_keep BEFORE DELETE ON revisions
    BEGIN SELECT RAISE(ABORT, 'revisions are never deleted'); END;
  CREATE TRIGGER revisions_frozen BEFORE UPDATE ON revisions
    BEGIN SELECT RAISE(ABORT, 'revisions are never changed'); END;
  `,
  `
  -- Where an imported reply came from: the file, its sha256 and its text as read.
  CREATE TABLE sources (
    id          INTEGER PRIMARY KEY,
    sha256      TEXT NOT NULL UNIQUE,
    reply_id    INTEGER NOT NULL REFERENCES replies (id),
    path        TEXT NOT NULL,
    format      TEXT NOT NULL,
    encoding    TEXT NOT NULL,
    text        TEXT NOT NULL,
    imported_at TEXT NOT NULL
  );
  CREATE INDEX sources_reply ON sources (reply_id);
  CREATE TRIGGER sources_keep BEFORE DELETE ON sources
    BEGIN SELECT RAISE(ABORT, 'sources are never deleted'); END;

  -- The proposers' names as one text (朱莺、经济委员会), for search and the proposer filter.
  ALTER TABLE replies ADD COLUMN proposer_names TEXT NOT NULL DEFAULT '';
  UPDATE replies SET proposer_names =
    coalesce((SELECT group_concat(p.value ->> '$.name', '、') FROM json_each(replies.proposers) AS p), '');

  -- What search reads: the reply title as printed, the proposal title, the proposers' names and the body.
  -- Each column ends with two U+0001 so that every 1- and 2-character sequence of the text starts a
  -- trigram: short terms are then found through the trigram index (see fts.ts).
  CREATE VIEW search_content AS
  SELECT id,
    '对' || session || ' 第' || proposal_no || '号'
      || CASE kind WHEN '建议答复' THEN '建议的答复' WHEN '会办意见' THEN '提案的会办意见' ELSE '提案的答复' END
      || char(1, 1) AS title,
    proposal_title || char(1, 1) AS proposal_title,
    proposer_names || char(1, 1) AS proposers,
    body || char(1, 1) AS body
  FROM replies;

  CREATE VIRTUAL TABLE replies_fts USING fts5 (
    title, proposal_title, proposers, body,
    content = 'search_content', content_rowid = 'id', tokenize = 'trigram'
  );
  CREATE VIRTUAL TABLE replies_fts_terms USING fts5vocab (replies_fts, 'row');

  -- The index follows every write (replies are never deleted).
  CREATE TRIGGER replies_fts_insert AFTER INSERT ON replies BEGIN
    INSERT INTO replies_fts (rowid, title, proposal_title, proposers, body)
      SELECT id, title, proposal_title, proposers, body FROM search_content WHERE id = new.id;
  END;
  CREATE TRIGGER replies_fts_before_update BEFORE UPDATE ON replies BEGIN
    INSERT INTO replies_fts (replies_fts, rowid, title, proposal_title, proposers, body)
      SELECT 'delete', id, title, proposal_title, proposers, body FROM search_content WHERE id = old.id;
  END;
  CREATE TRIGGER replies_fts_after_update AFTER UPDATE ON replies BEGIN
    INSERT INTO replies_fts (rowid, title, proposal_title, proposers, body)
      SELECT id, title, proposal_title, proposers, body FROM search_content WHERE id = new.id;
  END;
  -- Fewer, larger merges while replies are filed one transaction each (import): see the benchmark.
  INSERT INTO replies_fts (replies_fts, rank) VALUES ('automerge', 16);
  INSERT INTO replies_fts (replies_fts) VALUES ('rebuild');
  `,
  (db) => {
    widenStatuses(db);
    db.exec(`
  -- Every status change with who-knows-why: a step the check refused, forced with a reason, keeps both.
  CREATE TABLE status_changes (
    reply_id    INTEGER NOT NULL REFERENCES replies (id),
    at          TEXT NOT NULL,
    from_status TEXT NOT NULL,
    to_status   TEXT NOT NULL,
    reason      TEXT,
    -- The check's errors that --force overrode (JSON array), or NULL.
    overridden  TEXT CHECK (overridden IS NULL OR json_valid(overridden)),
    PRIMARY KEY (reply_id, at)
  ) WITHOUT ROWID;

  -- The proposal (提案) or suggestion (建议) itself, as assigned (交办) to the office.
  CREATE TABLE proposals (
    id          INTEGER PRIMARY KEY,
    kind        TEXT NOT NULL CHECK (kind IN ('提案', '建议')),
    session     TEXT NOT NULL,
    number      TEXT NOT NULL,
    title       TEXT NOT NULL,
    proposers   TEXT NOT NULL CHECK (json_valid(proposers)),
    assigned_on TEXT NOT NULL,
    role        TEXT NOT NULL CHECK (role IN ('主办', '会办', '协办')),
    -- The unit that leads the handling: none when this office leads it.
    lead_unit   TEXT,
    created_at  TEXT NOT NULL,
    CHECK ((role = '主办') = (lead_unit IS NULL)),
    UNIQUE (session, number)
  );

  -- Every due date a proposal has had: the first from the assigned date, then extensions and reopenings.
  CREATE TABLE deadlines (
    proposal_id INTEGER NOT NULL REFERENCES proposals (id),
    at          TEXT NOT NULL,
    due_on      TEXT NOT NULL,
    cause       TEXT NOT NULL CHECK (cause IN ('assigned', 'extended', 'reopened')),
    reason      TEXT,
    PRIMARY KEY (proposal_id, at)
  ) WITHOUT ROWID;

  -- The member's or deputy's answer to a reply.
  CREATE TABLE feedback (
    id          INTEGER PRIMARY KEY,
    reply_id    INTEGER NOT NULL REFERENCES replies (id),
    rating      TEXT NOT NULL CHECK (rating IN ('满意', '基本满意', '不满意')),
    note        TEXT,
    received_on TEXT NOT NULL,
    at          TEXT NOT NULL
  );
  CREATE INDEX feedback_reply ON feedback (reply_id, at);

  CREATE TRIGGER status_changes_keep BEFORE DELETE ON status_changes
    BEGIN SELECT RAISE(ABORT, 'status changes are never deleted'); END;
  CREATE TRIGGER status_changes_frozen BEFORE UPDATE ON status_changes
    BEGIN SELECT RAISE(ABORT, 'status changes are never changed'); END;
  CREATE TRIGGER proposals_keep BEFORE DELETE ON proposals
    BEGIN SELECT RAISE(ABORT, 'proposals are never deleted'); END;
  CREATE TRIGGER deadlines_keep BEFORE DELETE ON deadlines
    BEGIN SELECT RAISE(ABORT, 'deadlines are never deleted'); END;
  CREATE TRIGGER deadlines_frozen BEFORE UPDATE ON deadlines
    BEGIN SELECT RAISE(ABORT, 'deadlines are never changed'); END;
  CREATE TRIGGER feedback_keep BEFORE DELETE ON feedback
    BEGIN SELECT RAISE(ABORT, 'feedback is never deleted'); END;
  CREATE TRIGGER feedback_frozen BEFORE UPDATE ON feedback
    BEGIN SELECT RAISE(ABORT, 'feedback is never changed'); END;
  `);
  },
  (db) => allowIncomplete(db),
  // Step 5: the session index keys the number as answering compares it, without its leading zeros
  // (numberKey). Step 4's index on the number as printed could only narrow by session: finding the
  // replies to one proposal read every reply of its sitting, and import asks that for each file it
  // reads (is it a copy?), so importing grew with the square of the archive: 10,000 synthetic replies,
  // all of a few sittings, went in at 270 a second against 340 without the lookup.
  `
  DROP INDEX replies_session;
  CREATE INDEX replies_session ON replies (session_key, ltrim(proposal_no, '0'));
  `,
  (db) => oneEventLog(db),
  (db) => storedTitles(db),
  (db) => whoAndWhy(db),
  // Step 9: the archive names itself, so that no other program's database is ever taken for one.
  `PRAGMA application_id = ${APPLICATION_ID}`,
  // Step 10: the past reply a draft was started from (reply new --from), for the check of what it
  // carried over. Written with the draft, never changed: a fact of how the reply was made.
  `
  CREATE TABLE reply_bases (
    reply_id INTEGER PRIMARY KEY REFERENCES replies (id),
    based_on INTEGER NOT NULL REFERENCES replies (id)
  );
  CREATE TRIGGER reply_bases_keep BEFORE DELETE ON reply_bases
    BEGIN SELECT RAISE(ABORT, 'bases are never deleted'); END;
  CREATE TRIGGER reply_bases_frozen BEFORE UPDATE ON reply_bases
    BEGIN SELECT RAISE(ABORT, 'bases are never changed'); END;
  `,
  // 11: the marks GB/T 9704 prints above the 标志 (份号, 密级和保密期限, 紧急程度: JSON, {} for none)
  // and the 附注 under the date; a reply filed before has neither.
  `
  ALTER TABLE replies ADD COLUMN classification TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(classification));
  ALTER TABLE replies ADD COLUMN annotation TEXT;
  `,
  // 12: the layout a reply is printed in, as filed (NULL: the archive's default decides, as for every reply before).
  `
  ALTER TABLE replies ADD COLUMN style TEXT CHECK (style IN ('文件', '信函'));
  `,
  // 13: replies by status, newest first: \`reply list\` counts the void ones it hides, and --status reads a status's
  // replies, without reading every row (at 100,000 replies the table scan took 0.5 s warm, 4.8 s from a cold cache).
  `
  CREATE INDEX replies_status ON replies (status, coalesce(signed_on, '') DESC, id DESC);
  `,
  (db) => searchableContacts(db),
  // 15: what a search walk reads of each reply before its body, in date order: the filters (status, kind, result,
  // organ, proposers) and the title columns, which the row keeps after the body (title and proposer_names were added
  // later, status and organ follow it), so that reading them read the body's overflow pages too. At 100,000 replies
  // a walk of every title for a character in no title took 0.8 s, a filter that holds nothing 0.45 s; over this
  // index 12–23 ms. ~20 MB there, made in 3.2 s.
  `
  CREATE INDEX replies_walk ON replies (coalesce(signed_on, '') DESC, id DESC, status, kind, result, organ, proposer_names, title, proposal_title);
  `,
  // 16: a trigram index of the title columns alone, which search asks which replies hold a term in a title. The
  // full index could say it only by reading each trigram's hits in every column: its vocabulary of a character
  // found in every body reads ~100,000 postings (20–90 ms at 100,000 replies), where this one's reads a title's
  // few (0.1–2 ms); without it, a character in every body and no title had every title read (25 ms) to find that
  // no title holds it. The two columns as one, each ending in two U+0001 as in search_content, so a trigram that
  // starts with a character of either is indexed and none spans the two. ~3.4 s to make at 100,000 replies.
  `
  CREATE VIEW title_content AS
  SELECT id, title || char(1, 1) || proposal_title || char(1, 1) AS titles FROM replies;
  CREATE VIRTUAL TABLE titles_fts USING fts5 (titles, content = 'title_content', content_rowid = 'id', tokenize = 'trigram');
  CREATE VIRTUAL TABLE titles_fts_terms USING fts5vocab (titles_fts, 'row');
  -- It follows every write of a title (replies are never deleted).
  CREATE TRIGGER titles_fts_insert AFTER INSERT ON replies BEGIN
    INSERT INTO titles_fts (rowid, titles) SELECT id, titles FROM title_content WHERE id = new.id;
  END;
  CREATE TRIGGER titles_fts_before_update BEFORE UPDATE OF title, proposal_title ON replies BEGIN
    INSERT INTO titles_fts (titles_fts, rowid, titles) SELECT 'delete', id, titles FROM title_content WHERE id = old.id;
  END;
  CREATE TRIGGER titles_fts_after_update AFTER UPDATE OF title, proposal_title ON replies BEGIN
    INSERT INTO titles_fts (rowid, titles) SELECT id, titles FROM title_content WHERE id = new.id;
  END;
  INSERT INTO titles_fts (titles_fts) VALUES ('rebuild');
  INSERT INTO titles_fts (titles_fts) VALUES ('optimize');
  `,
  // 17: the organs in order, which search asks before it reads the walk index for an --organ filter: an organ no
  // reply holds (a slip) is known from the distinct organs, a seek each (an archive holds a few, or the hundreds of
  // offices it imported from), where reading the walk index for it took ~21 ms at 100,000 replies and ~0.1 s more in
  // a process started cold. The proposers get none: an archive of years holds thousands of distinct sets of them,
  // too many to ask one by one. 5 MB at 100,000 replies, made in 2–7 s (a read of the whole table, cached or not).
  `
  CREATE INDEX replies_organ ON replies (organ);
  `,
  // 18: the replies that lack a needed field, in date order: what list --incomplete and search --incomplete read.
  // Their test reads the session, the proposal number and the proposers from each row (~3 µs a reply, read at
  // random from the walk's order) where no index holds them: at 100,000 replies list --incomplete took 1.0 s and
  // search --incomplete 0.37 s, for a handful of replies. The condition is columns.ts's incompleteSql() as it is
  // at this step, word for word: SQLite takes a partial index only for a query whose WHERE holds its condition.
  `
  CREATE INDEX replies_incomplete ON replies (coalesce(signed_on, '') DESC, id DESC)
  WHERE (json_array_length(proposers) = 0 OR session = '' OR proposal_no = '' OR coalesce(signed_on, '') = '' OR organ = '');
  `,
];

/** The step that set it: an archive of an earlier step is known by its tables. */
const NAMED_AT = 9;

/**
 * What a database file holds: a reply archive (named, or of a step before it was named: its own
 * tables), nothing at all (a new file, or one another process is creating), or another program's data.
 */
export function identify(db: Database.Database): 'archive' | 'empty' | 'foreign' {
  // One read transaction: another process creating the archive commits a step between two separate
  // reads (seen with 16 imports into a new archive: no id yet, then step 9's version, taken as foreign).
  return db.transaction(() => identityOf(db))();
}

function identityOf(db: Database.Database): 'archive' | 'empty' | 'foreign' {
  const app = db.pragma('application_id', { simple: true }) as number;
  if (app === APPLICATION_ID) return 'archive';
  if (app !== 0) return 'foreign';
  const version = db.pragma('user_version', { simple: true }) as number;
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
  if (version === 0 && tables.length === 0) return 'empty';
  if (version >= 1 && version < NAMED_AT && tables.includes('replies') && tables.includes('doc_numbers')) return 'archive';
  return 'foreign';
}

/**
 * Step 3 adds the statuses checked and published. SQLite cannot change a CHECK
 * in place, so the replies table is rebuilt as its documentation describes
 * (foreign keys off, copy, drop, rename), and its index, triggers and the
 * search view are made again from their stored SQL. Row ids are kept, so the
 * full-text index stays valid.
 */
function widenStatuses(db: Database.Database): void {
  const OLD = "CHECK (status IN ('draft', 'signed', 'sent', 'void'))";
  const NEW = "CHECK (status IN ('draft', 'checked', 'signed', 'sent', 'published', 'void'))";
  const schema = (sql: string) => db.prepare<[], { sql: string }>(sql).all().map((r) => r.sql);
  const [table] = schema("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'replies'");
  if (!table?.includes(OLD)) throw new Error('replies table is not the one step 1 made');
  const dependants = schema(
    "SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND ((type IN ('index', 'trigger') AND tbl_name = 'replies') OR name = 'search_content')",
  );
  db.exec(`
    DROP VIEW search_content;
    ${table.replace(OLD, NEW).replace(/^CREATE TABLE "?replies"?/, 'CREATE TABLE replies_new')};
    INSERT INTO replies_new SELECT * FROM replies;
    DROP TABLE replies;
    ALTER TABLE replies_new RENAME TO replies;
  `);
  // The view first: the triggers read it.
  for (const sql of [...dependants].sort((a, b) => Number(!a.startsWith('CREATE VIEW')) - Number(!b.startsWith('CREATE VIEW')))) db.exec(sql);
}

/** The replies table as step 4 leaves it. */
const REPLIES_V4 = `
  CREATE TABLE replies_new (
    id             INTEGER PRIMARY KEY,
    kind           TEXT NOT NULL CHECK (kind IN ('提案答复', '建议答复', '会办意见')),
    -- The doc number: all three parts, or none for a reply filed without a number.
    doc_prefix     TEXT,
    doc_year       INTEGER,
    doc_seq        INTEGER,
    -- '' when not known, as proposal_no and organ.
    session        TEXT NOT NULL,
    -- The sitting the session names (sessionKey: body, level, term, sitting), or NULL when it names none:
    -- two wordings of one sitting have the same key. Written with the session on every insert and update.
    session_key    TEXT,
    proposal_no    TEXT NOT NULL,
    proposal_title TEXT NOT NULL,
    proposers      TEXT NOT NULL CHECK (json_valid(proposers)),
    salutation     TEXT,
    lead_unit      TEXT,
    result         TEXT NOT NULL,
    disclosure     TEXT NOT NULL,
    -- The fields the reader inferred rather than read printed (a JSON array of names: ["organ"]).
    inferred       TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(inferred)),
    body           TEXT NOT NULL,
    -- NULL when not known.
    signed_on      TEXT,
    issued_on      TEXT,
    organ          TEXT NOT NULL,
    header         TEXT,
    printing_organ TEXT NOT NULL,
    contact        TEXT NOT NULL CHECK (json_valid(contact)),
    contact_labels TEXT NOT NULL CHECK (json_valid(contact_labels)),
    cc             TEXT NOT NULL CHECK (json_valid(cc)),
    status         TEXT NOT NULL CHECK (status IN ('draft', 'checked', 'signed', 'sent', 'published', 'void')),
    -- What made the current state: it becomes a revision when the next change comes.
    last_change    TEXT NOT NULL DEFAULT 'created' CHECK (last_change IN ('created', 'edited', 'status')),
    created_at     TEXT NOT NULL,
    updated_at     TEXT NOT NULL,
    proposer_names TEXT NOT NULL DEFAULT '',
    -- The simplified form of the proposal title, proposers and body of a reply printed in traditional
    -- script (searchShadow), which search reads beside the body; NULL for the rest.
    search_shadow  TEXT,
    CHECK ((doc_prefix IS NULL) = (doc_year IS NULL) AND (doc_year IS NULL) = (doc_seq IS NULL)),
    UNIQUE (doc_prefix, doc_year, doc_seq)
  )`;

/** The columns step 3's table had, all kept by step 4. */
const REPLIES_V3_COLUMNS = `id, kind, doc_prefix, doc_year, doc_seq, session, proposal_no, proposal_title, proposers, salutation,
  lead_unit, result, disclosure, body, signed_on, issued_on, organ, header, printing_organ, contact, contact_labels, cc, status,
  last_change, created_at, updated_at, proposer_names`;

/**
 * The search view of step 4: the title as replyTitle prints it, which leaves out a session or a
 * number that is not known (对第57号提案的答复); for a reply that has both, the very text of step 2's view.
 */
const SEARCH_CONTENT_V4 = `
  CREATE VIEW search_content AS
  SELECT id,
    '对' || session || CASE WHEN session <> '' AND proposal_no <> '' THEN ' ' ELSE '' END
      || CASE WHEN proposal_no <> '' THEN '第' || proposal_no || '号' ELSE '' END
      || CASE kind WHEN '建议答复' THEN '建议的答复' WHEN '会办意见' THEN '提案的会办意见' ELSE '提案的答复' END
      || char(1, 1) AS title,
    proposal_title || char(1, 1) AS proposal_title,
    proposer_names || char(1, 1) AS proposers,
    body || char(1, 1) || coalesce(search_shadow || char(1, 1), '') AS body
  FROM replies`;

/**
 * Step 4: records that do not have every field yet. The doc number and the
 * signed date become nullable (a CHECK cannot be changed in place either, so
 * the table is rebuilt as step 3 did it: copy, drop, rename, ids kept, the
 * dependants made again); the inferred fields and the session key are added,
 * the key filled here for every reply from its session, with an index for
 * finding the replies to a proposal. The date index orders by the signed date
 * with '' for none (signedKey), so replies without a date come last and a
 * walk down the index reaches them too. The search view's title leaves out an
 * unknown session or number.
 */
function allowIncomplete(db: Database.Database): void {
  const schema = (sql: string) => db.prepare<[], { name: string; sql: string }>(sql).all();
  const [table] = schema("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name = 'replies'");
  if (!table?.sql.includes("'checked'") || table.sql.includes('session_key')) throw new Error('replies table is not the one step 3 made');
  // The triggers as they are; the date index and the view are made anew.
  const triggers = schema("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'replies' AND sql IS NOT NULL");
  const indexes = schema("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'replies' AND sql IS NOT NULL")
    .filter((i) => i.name !== 'replies_signed_on');
  // A reply without a session or number (none should exist) was indexed under step 2's title: it is taken
  // out of the full-text index under that title and put back under the new one.
  // So is one in traditional script, indexed now with its simplified shadow too.
  db.function('reply_migration_shadow', { deterministic: true }, (text: unknown) => (typeof text === 'string' ? searchShadow(text) : null));
  const untitled = db
    .prepare<[], { id: number }>(
      `SELECT id FROM replies WHERE session = '' OR proposal_no = ''
         OR reply_migration_shadow(proposal_title || char(10) || proposer_names || char(10) || body) IS NOT NULL`,
    )
    .all()
    .map((r) => r.id);
  const reindex = (what: 'delete' | 'insert') => {
    if (untitled.length === 0) return;
    const ids = JSON.stringify(untitled);
    db.prepare(
      what === 'delete'
        ? `INSERT INTO replies_fts (replies_fts, rowid, title, proposal_title, proposers, body)
           SELECT 'delete', id, title, proposal_title, proposers, body FROM search_content WHERE id IN (SELECT value FROM json_each(?))`
        : `INSERT INTO replies_fts (rowid, title, proposal_title, proposers, body)
           SELECT id, title, proposal_title, proposers, body FROM search_content WHERE id IN (SELECT value FROM json_each(?))`,
    ).run(ids);
  };
  reindex('delete');
  // The key of each session is computed in JavaScript as the rows are copied: an UPDATE afterwards would
  // make the full-text triggers index every reply again.
  db.function('reply_migration_session_key', { deterministic: true }, (session: unknown) =>
    typeof session === 'string' ? sessionKey(session) : null,
  );
  db.exec(`
    DROP VIEW search_content;
    ${REPLIES_V4};
    INSERT INTO replies_new (${REPLIES_V3_COLUMNS}, session_key, search_shadow)
      SELECT ${REPLIES_V3_COLUMNS}, reply_migration_session_key(session),
        reply_migration_shadow(proposal_title || char(10) || proposer_names || char(10) || body) FROM replies;
    DROP TABLE replies;
    ALTER TABLE replies_new RENAME TO replies;
    ${SEARCH_CONTENT_V4};
    CREATE INDEX replies_signed_on ON replies (coalesce(signed_on, '') DESC, id DESC);
    CREATE INDEX replies_session ON replies (session_key, proposal_no);
  `);
  for (const { sql } of [...indexes, ...triggers]) db.exec(sql);
  reindex('insert');
}

/**
 * Step 6: one log of everything that happened. Until step 5 each kind of record kept its own time and
 * the times were the keys: revisions, status changes and deadlines were ordered by time strings,
 * nudged 1 ms apart when the clock repeated, and `show --history` paired a status revision with its
 * logged change by equal strings. Now each happening is an event, numbered in the order it happened;
 * the revisions, status changes, deadlines and feedback are keyed by their event and keep no time of
 * their own, and a reply names the event that made its current state (what a change checks to refuse
 * a reply changed meanwhile). The events of an older archive are numbered in the order of their times,
 * a reply's states in the order of their revisions; a status revision and its logged change become one
 * event. Feedback keeps its ids (a reopening's reason names one).
 */
function oneEventLog(db: Database.Database): void {
  // The guards of a record that is never deleted nor changed, as steps 1 and 3 wrote them.
  const kept = (table: string, what: string) => {
    const verb = what === 'feedback' ? 'is' : 'are';
    return `CREATE TRIGGER ${table}_keep BEFORE DELETE ON ${table}
      BEGIN SELECT RAISE(ABORT, '${what} ${verb} never deleted'); END;
    CREATE TRIGGER ${table}_frozen BEFORE UPDATE ON ${table}
      BEGIN SELECT RAISE(ABORT, '${what} ${verb} never changed'); END;`;
  };
  db.exec(`
    CREATE TABLE events (
      id   INTEGER PRIMARY KEY,
      -- When, as the clock said: shown, never used for order (a clock repeats and goes back; ids do not).
      at   TEXT NOT NULL,
      type TEXT NOT NULL CHECK (type IN ('created', 'edited', 'status', 'deadline', 'feedback'))
    );
    ${kept('events', 'events')}

    -- Every state of every reply (the revisions, then the current row), every logged status change that
    -- made no revision (none should), every feedback and every deadline, numbered in the order of time.
    -- On equal times a reply's creation comes first, a feedback before the reopening it caused.
    CREATE TEMP TABLE happened AS
    WITH states AS (
      SELECT reply_id, revision, at, change FROM revisions
      UNION ALL
      SELECT id, (SELECT count(*) FROM revisions r WHERE r.reply_id = replies.id) + 1, updated_at, last_change FROM replies
    ), everything AS (
      SELECT at, CASE change WHEN 'created' THEN 0 ELSE 1 END AS rank, 'state' AS source, reply_id AS owner, revision AS nth, change AS type
        FROM states
      UNION ALL
      SELECT at, 1, 'status', reply_id, 0, 'status' FROM status_changes c
        WHERE NOT EXISTS (SELECT 1 FROM states s WHERE s.reply_id = c.reply_id AND s.at = c.at AND s.change = 'status')
      UNION ALL
      SELECT at, 2, 'feedback', id, 0, 'feedback' FROM feedback
      UNION ALL
      SELECT at, 3, 'deadline', proposal_id, 0, 'deadline' FROM deadlines
    )
    SELECT row_number() OVER (ORDER BY at, rank, source, owner, nth) AS id, * FROM everything;
    INSERT INTO events (id, at, type) SELECT id, at, type FROM happened ORDER BY id;

    CREATE TABLE revisions_new (
      reply_id INTEGER NOT NULL REFERENCES replies (id),
      revision INTEGER NOT NULL,
      -- The event that made this state.
      event_id INTEGER NOT NULL UNIQUE REFERENCES events (id),
      snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),
      PRIMARY KEY (reply_id, revision)
    ) WITHOUT ROWID;
    INSERT INTO revisions_new
      SELECT r.reply_id, r.revision, h.id, r.snapshot FROM revisions r
      JOIN happened h ON h.source = 'state' AND h.owner = r.reply_id AND h.nth = r.revision;
    DROP TABLE revisions;
    ALTER TABLE revisions_new RENAME TO revisions;
    ${kept('revisions', 'revisions')}

    CREATE TABLE status_changes_new (
      -- The event of the change: the same as the revision it made.
      event_id    INTEGER PRIMARY KEY REFERENCES events (id),
      reply_id    INTEGER NOT NULL REFERENCES replies (id),
      from_status TEXT NOT NULL,
      to_status   TEXT NOT NULL,
      reason      TEXT,
      -- The check's findings that --force overrode (JSON array), or NULL.
      overridden  TEXT CHECK (overridden IS NULL OR json_valid(overridden))
    );
    INSERT INTO status_changes_new
      SELECT coalesce(
          (SELECT h.id FROM happened h
             WHERE h.source = 'state' AND h.owner = c.reply_id AND h.at = c.at AND h.type = 'status'),
          (SELECT h.id FROM happened h WHERE h.source = 'status' AND h.owner = c.reply_id AND h.at = c.at)),
        c.reply_id, c.from_status, c.to_status, c.reason, c.overridden
      FROM status_changes c;
    DROP TABLE status_changes;
    ALTER TABLE status_changes_new RENAME TO status_changes;
    CREATE INDEX status_changes_reply ON status_changes (reply_id, event_id);
    ${kept('status_changes', 'status changes')}

    CREATE TABLE deadlines_new (
      event_id    INTEGER PRIMARY KEY REFERENCES events (id),
      proposal_id INTEGER NOT NULL REFERENCES proposals (id),
      due_on      TEXT NOT NULL,
      cause       TEXT NOT NULL CHECK (cause IN ('assigned', 'extended', 'reopened')),
      reason      TEXT
    );
    INSERT INTO deadlines_new
      SELECT h.id, d.proposal_id, d.due_on, d.cause, d.reason FROM deadlines d
      JOIN happened h ON h.source = 'deadline' AND h.owner = d.proposal_id AND h.at = d.at;
    DROP TABLE deadlines;
    ALTER TABLE deadlines_new RENAME TO deadlines;
    CREATE INDEX deadlines_proposal ON deadlines (proposal_id, event_id);
    ${kept('deadlines', 'deadlines')}

    CREATE TABLE feedback_new (
      id          INTEGER PRIMARY KEY,
      event_id    INTEGER NOT NULL UNIQUE REFERENCES events (id),
      reply_id    INTEGER NOT NULL REFERENCES replies (id),
      rating      TEXT NOT NULL CHECK (rating IN ('满意', '基本满意', '不满意')),
      note        TEXT,
      received_on TEXT NOT NULL
    );
    INSERT INTO feedback_new
      SELECT f.id, h.id, f.reply_id, f.rating, f.note, f.received_on FROM feedback f
      JOIN happened h ON h.source = 'feedback' AND h.owner = f.id;
    DROP TABLE feedback;
    ALTER TABLE feedback_new RENAME TO feedback;
    CREATE INDEX feedback_reply ON feedback (reply_id, event_id);
    ${kept('feedback', 'feedback')}
  `);
  // The reply's current event is written without indexing: the searchable text is unchanged.
  withoutReindexing(db, `
    -- The event that made the reply's current state.
    ALTER TABLE replies ADD COLUMN event_id INTEGER REFERENCES events (id);
    UPDATE replies SET event_id =
      (SELECT h.id FROM happened h WHERE h.source = 'state' AND h.owner = replies.id
         AND h.nth = (SELECT count(*) FROM revisions r WHERE r.reply_id = replies.id) + 1);
    ALTER TABLE replies DROP COLUMN last_change;
    CREATE TRIGGER replies_event_insert BEFORE INSERT ON replies WHEN new.event_id IS NULL
      BEGIN SELECT RAISE(ABORT, 'a reply names the event that made it'); END;
    CREATE TRIGGER replies_event_update BEFORE UPDATE OF event_id ON replies WHEN new.event_id IS NULL
      BEGIN SELECT RAISE(ABORT, 'a reply names the event that made it'); END;
    DROP TABLE temp.happened;
  `);
  // Every other record is placed by construction (and a key that names no event fails the step's foreign key check).
  const lost = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM replies WHERE event_id IS NULL').get()!.n;
  if (lost) throw new Error(`schema step 6 could not place ${lost} replies in the event log`);
}

/**
 * Step 7: the reply title is worded by the program alone (replyTitle) and stored with the reply, which
 * search reads. Until step 6 the search view worded it again in SQL, a second home of the genre's rule
 * that could come to disagree with the first. The stored title is the very text the view made, so the
 * full-text index stays as it is: it is filled without the index triggers, and the view reads it.
 */
function storedTitles(db: Database.Database): void {
  db.function('reply_migration_title', { deterministic: true }, (kind: unknown, session: unknown, number: unknown) =>
    replyTitle(kind as Kind, String(session), String(number)),
  );
  withoutReindexing(db, `
    -- The reply title as printed (replyTitle), written with the kind, session and number on every insert and update.
    ALTER TABLE replies ADD COLUMN title TEXT NOT NULL DEFAULT '';
    UPDATE replies SET title = reply_migration_title(kind, session, proposal_no);
    DROP VIEW search_content;
    CREATE VIEW search_content AS
    SELECT id,
      title || char(1, 1) AS title,
      proposal_title || char(1, 1) AS proposal_title,
      proposer_names || char(1, 1) AS proposers,
      body || char(1, 1) || coalesce(search_shadow || char(1, 1), '') AS body
    FROM replies;
  `);
}

/**
 * Step 8: who did each thing and why, and the acts that correct a mistake without deleting it. Each
 * event names its operator (NULL where an older version did not ask: shown as unknown, never
 * invented) and the reason given for it. The reason had two homes, the status changes and the
 * deadlines; it moves to the event, and a reopening names the answer that caused it by a key where it
 * said `feedback:N` in its reason. A proposal names the event that made its current state, as a reply
 * does: its registration (the event of its first deadline, now typed `proposed`), and keeps its
 * earlier states as revisions; it may be withdrawn (撤案、并案). An answer may be retracted.
 */
function whoAndWhy(db: Database.Database): void {
  db.exec(`
    CREATE TABLE events_new (
      id       INTEGER PRIMARY KEY,
      at       TEXT NOT NULL,
      type     TEXT NOT NULL CHECK (type IN ('created', 'edited', 'reverted', 'status', 'deadline', 'feedback', 'retracted',
                                        'proposed', 'proposal-edited', 'withdrawn')),
      -- Who did it, as they were named (--by, REPLY_USER, the config's user, the system's); NULL: not recorded.
      operator TEXT,
      -- Why, where a reason was given (one is required to go past a guard).
      reason   TEXT
    );
    INSERT INTO events_new (id, at, type, operator, reason)
      SELECT e.id, e.at,
        CASE WHEN d.cause = 'assigned' THEN 'proposed' ELSE e.type END,
        NULL,
        coalesce(c.reason, CASE WHEN d.cause = 'reopened' THEN NULL ELSE d.reason END)
      FROM events e
      LEFT JOIN status_changes c ON c.event_id = e.id
      LEFT JOIN deadlines d ON d.event_id = e.id
      ORDER BY e.id;
    DROP TABLE events;
    ALTER TABLE events_new RENAME TO events;
    CREATE TRIGGER events_keep BEFORE DELETE ON events
      BEGIN SELECT RAISE(ABORT, 'events are never deleted'); END;
    CREATE TRIGGER events_frozen BEFORE UPDATE ON events
      BEGIN SELECT RAISE(ABORT, 'events are never changed'); END;
    CREATE INDEX events_operator ON events (operator, id);
    -- What \`reply log\` looks up for each event: the reply whose current state it made.
    CREATE INDEX replies_event ON replies (event_id);

    ALTER TABLE status_changes DROP COLUMN reason;

    -- The answer whose 不满意 reopened the proposal (a reopening only).
    ALTER TABLE deadlines ADD COLUMN feedback_id INTEGER REFERENCES feedback (id);
    DROP TRIGGER deadlines_frozen;
    UPDATE deadlines SET feedback_id = CAST(substr(reason, 10) AS INTEGER) WHERE cause = 'reopened' AND reason LIKE 'feedback:%';
    CREATE TRIGGER deadlines_frozen BEFORE UPDATE ON deadlines
      BEGIN SELECT RAISE(ABORT, 'deadlines are never changed'); END;
    ALTER TABLE deadlines DROP COLUMN reason;

    -- The event that made the proposal's current state; whether it still stands.
    ALTER TABLE proposals ADD COLUMN event_id INTEGER REFERENCES events (id);
    ALTER TABLE proposals ADD COLUMN status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'withdrawn'));
    UPDATE proposals SET event_id = (SELECT min(d.event_id) FROM deadlines d WHERE d.proposal_id = proposals.id);
    CREATE INDEX proposals_event ON proposals (event_id);
    CREATE TRIGGER proposals_event_update BEFORE UPDATE OF event_id ON proposals WHEN new.event_id IS NULL
      BEGIN SELECT RAISE(ABORT, 'a proposal names the event that made it'); END;

    -- Every earlier state of a proposal: an edit or a withdrawal stores the state it replaces.
    CREATE TABLE proposal_revisions (
      proposal_id INTEGER NOT NULL REFERENCES proposals (id),
      revision    INTEGER NOT NULL,
      event_id    INTEGER NOT NULL UNIQUE REFERENCES events (id),
      snapshot    TEXT NOT NULL CHECK (json_valid(snapshot)),
      PRIMARY KEY (proposal_id, revision)
    ) WITHOUT ROWID;
    CREATE TRIGGER proposal_revisions_keep BEFORE DELETE ON proposal_revisions
      BEGIN SELECT RAISE(ABORT, 'revisions are never deleted'); END;
    CREATE TRIGGER proposal_revisions_frozen BEFORE UPDATE ON proposal_revisions
      BEGIN SELECT RAISE(ABORT, 'revisions are never changed'); END;

    -- An answer recorded by mistake, taken back: it stays, and counts no more.
    CREATE TABLE feedback_retractions (
      event_id    INTEGER PRIMARY KEY REFERENCES events (id),
      feedback_id INTEGER NOT NULL UNIQUE REFERENCES feedback (id)
    );
    CREATE TRIGGER feedback_retractions_keep BEFORE DELETE ON feedback_retractions
      BEGIN SELECT RAISE(ABORT, 'retractions are never deleted'); END;
    CREATE TRIGGER feedback_retractions_frozen BEFORE UPDATE ON feedback_retractions
      BEGIN SELECT RAISE(ABORT, 'retractions are never changed'); END;
  `);
  const unplaced = db.prepare<[], { n: number }>('SELECT count(*) AS n FROM proposals WHERE event_id IS NULL').get()!.n;
  if (unplaced) throw new Error(`schema step 8 could not place ${unplaced} proposals in the event log`);
}

/**
 * Step 14: search finds a reply by its contact's name and its 抄送 (searchAside), read beside the body
 * as its simplified shadow is. The text of the search view changes for every reply that names either,
 * so the full-text index is made again from the view, in one segment as `reply reindex` leaves it: an
 * external-content index cannot take out a row by any other text than the one it was given.
 */
function searchableContacts(db: Database.Database): void {
  db.function('reply_migration_aside', { deterministic: true }, (contact: unknown, cc: unknown) =>
    searchAside({ contact: JSON.parse(String(contact)) as Contact, cc: JSON.parse(String(cc)) as string[] }),
  );
  withoutReindexing(db, `
    -- The contact's name and the 抄送 (searchAside), which search reads beside the body; NULL when neither.
    ALTER TABLE replies ADD COLUMN search_aside TEXT;
    UPDATE replies SET search_aside = reply_migration_aside(contact, cc);
    DROP VIEW search_content;
    CREATE VIEW search_content AS
    SELECT id,
      title || char(1, 1) AS title,
      proposal_title || char(1, 1) AS proposal_title,
      proposer_names || char(1, 1) AS proposers,
      body || char(1, 1) || coalesce(search_shadow || char(1, 1), '') || coalesce(search_aside || char(1, 1), '') AS body
    FROM replies;
  `);
  db.exec(`
    INSERT INTO replies_fts (replies_fts) VALUES ('rebuild');
    INSERT INTO replies_fts (replies_fts) VALUES ('optimize');
  `);
}

/**
 * Runs `sql` with the full-text index's update triggers taken off the replies table, then puts them
 * back as they were. For a step that writes every reply but none of the text search reads: through
 * the triggers, each row would be taken out of the index and put back, as long as an import.
 */
function withoutReindexing(db: Database.Database, sql: string): void {
  const triggers = db
    .prepare<[], { name: string; sql: string }>(
      "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'replies' AND name LIKE 'replies_fts_%update'",
    )
    .all();
  for (const { name } of triggers) db.exec(`DROP TRIGGER ${name}`);
  db.exec(sql);
  for (const { sql: trigger } of triggers) db.exec(trigger);
}

export const SCHEMA_VERSION = STEPS.length;

/** Applies the steps not yet applied, up to `target` (every step unless told: an older target makes an archive as an earlier version did). */
export function migrate(db: Database.Database, file: string, target = SCHEMA_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new ReplyError('db.tooNew', { file, version: current, supported: SCHEMA_VERSION });
  }
  if (current >= target) return;
  // A step may rebuild a table; foreign keys are checked as a whole before each commit instead.
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    for (let step = current; step < target; step++) {
      db.exec('BEGIN IMMEDIATE');
      try {
        // Another process may have migrated while this one waited for the lock.
        const now = db.pragma('user_version', { simple: true }) as number;
        if (now === step) {
          const run = STEPS[step]!;
          if (typeof run === 'string') db.exec(run);
          else run(db);
          const broken = db.pragma('foreign_key_check') as unknown[];
          if (broken.length) throw new Error(`schema step ${step + 1} leaves ${broken.length} broken references`);
          db.pragma(`user_version = ${step + 1}`);
        }
        db.exec('COMMIT');
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    }
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
}
