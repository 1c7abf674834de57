import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ReplyError } from '../core/errors.js';
import { migrate } from './migrations.js';

/** How long a connection waits for another's lock before it gives up. */
const BUSY_MS = 30_000;

/**
 * Puts the archive in WAL mode. The mode is a property of the file: after the first open there is
 * nothing to do and no lock is taken. Converting reads the file's header and then writes it, and a
 * reader that cannot become a writer (another process is writing) gets SQLITE_BUSY at once: SQLite
 * runs no busy handler there, to avoid a deadlock. So when 16 processes create a new archive at
 * once, some were refused (seen in CI as 无法打开档案库). The conversion is tried again, with a
 * growing pause, within the same budget as every other lock, and one that another process finished
 * meanwhile is taken as done.
 */
function toWal(db: Database.Database): void {
  const started = Date.now();
  for (let pause = 5; ; pause = Math.min(pause * 2, 200)) {
    try {
      if (db.pragma('journal_mode', { simple: true }) === 'wal') return;
      if (db.pragma('journal_mode = WAL', { simple: true }) === 'wal') return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() - started > BUSY_MS) throw error;
    }
    if (Date.now() - started > BUSY_MS) throw new Error('the archive could not be put in WAL mode');
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, pause);
  }
}

/** Opens (creating when absent) the archive and brings its schema up to date. */
export function openDatabase(file: string): Database.Database {
  if (file !== ':memory:') {
    try {
      mkdirSync(dirname(file), { recursive: true });
    } catch (error) {
      throw new ReplyError('db.cannotOpen', { file, detail: (error as Error).message });
    }
  }
  let db: Database.Database;
  try {
    db = new Database(file);
    db.pragma(`busy_timeout = ${BUSY_MS}`);
    if (file !== ':memory:') toWal(db);
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
  } catch (error) {
    throw new ReplyError('db.cannotOpen', { file, detail: (error as Error).message });
  }
  try {
    migrate(db, file);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
