import type Database from 'better-sqlite3';
import { ReplyError } from '../core/errors.js';

/**
 * Ordered schema steps; PRAGMA user_version is the number of steps applied.
 * Each step runs in its own BEGIN IMMEDIATE transaction. Append, never edit.
 */
const STEPS: readonly string[] = [
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
];

export const SCHEMA_VERSION = STEPS.length;

export function migrate(db: Database.Database, file: string): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > SCHEMA_VERSION) {
    throw new ReplyError('db.tooNew', { file, version: current, supported: SCHEMA_VERSION });
  }
  for (let step = current; step < SCHEMA_VERSION; step++) {
    db.exec('BEGIN IMMEDIATE');
    try {
      // Another process may have migrated while this one waited for the lock.
      const now = db.pragma('user_version', { simple: true }) as number;
      if (now === step) {
        db.exec(STEPS[step]!);
        db.pragma(`user_version = ${step + 1}`);
      }
      db.exec('COMMIT');
    } catch (error) {
      db.exec('ROLLBACK');
      throw error;
    }
  }
}
