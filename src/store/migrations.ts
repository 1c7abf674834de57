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

  -- Every state a reply has had, the current one included.
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
