import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ReplyError } from '../core/errors.js';
import { migrate } from './migrations.js';

/** Opens (creating when absent) the archive and brings its schema up to date. */
export function openDatabase(file: string): Database.Database {
  if (file !== ':memory:') {
    try {
      mkdirSync(dirname(file), { recursive: true });
    } catch {
      throw new ReplyError('db.cannotOpen', { file });
    }
  }
  let db: Database.Database;
  try {
    db = new Database(file);
    db.pragma('busy_timeout = 30000');
    db.pragma('journal_mode = WAL');
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
