import { accessSync, constants, existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { ReplyError } from '../core/errors.js';
import { identify, migrate, SCHEMA_VERSION } from './migrations.js';

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

/**
 * How a command opens the archive. Writing: created when absent, brought up to date. Reading: the
 * file is never written (not even its journal mode); an archive of an earlier version is read from
 * an upgraded copy in memory, as far as it is small enough to hold there.
 */
export type OpenMode = 'read' | 'write';

/**
 * A write starts on an archive known to be whole: quick_check reads every page, about 4 ms a MB
 * (measured: 457 ms for 110 MB, 3,000 replies), so it runs before every write up to 64 MB, some
 * 1,700 replies or decades of an office's answers. A larger archive is checked by reply doctor.
 */
const QUICK_CHECK_UP_TO = 64 * 1024 * 1024;

/** The largest archive of an earlier version that a reading command upgrades in memory instead of refusing. */
const MAX_UPGRADE_IN_MEMORY = 256 * 1024 * 1024;

export function openDatabase(file: string, mode: OpenMode = 'write'): Database.Database {
  if (file === ':memory:') return ready(new Database(file), file);
  return mode === 'read' ? openForReading(file) : openForWriting(file);
}

function openForWriting(file: string): Database.Database {
  const dir = dirname(file);
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw cannotWrite(file, (error as { code?: string }).code, (error as Error).message);
  }
  // SQLite would open a file it cannot write read-only, and fail at the first write; a WAL archive
  // also needs its folder, where the -wal and -shm files are made. Both are asked first.
  const fault = writeFault(file);
  if (fault) throw cannotWrite(file, fault);
  const db = connect(file, () => new Database(file));
  // Nothing is written before the file is known to be an archive, or nothing at all; and an archive
  // is known whole first. Both in one read transaction: another process creating the archive commits
  // its steps meanwhile, and a check across two of them failed (vtable constructor failed: replies_fts).
  const small = existsSync(file) && statSync(file).size <= QUICK_CHECK_UP_TO;
  const look = guarded(db, file, () =>
    db.transaction(() => {
      const identity = identify(db);
      const whole = identity !== 'archive' || !small || db.pragma('quick_check(1)', { simple: true }) === 'ok';
      return { identity, whole };
    })(),
  );
  if (look.identity === 'foreign') refuse(db, 'db.notArchive', file);
  if (!look.whole) refuse(db, 'db.corrupt', file);
  try {
    toWal(db);
    db.pragma('synchronous = NORMAL');
  } catch (error) {
    db.close();
    throw new ReplyError('db.cannotOpen', { file, detail: (error as Error).message });
  }
  return ready(db, file);
}

function openForReading(file: string): Database.Database {
  if (!statSync(file).isFile()) throw new ReplyError('db.notRegularFile', { file });
  let db = connect(file, () => new Database(file, { readonly: true, fileMustExist: true }));
  if (!readable(db)) db = fromReadOnlyFolder(db, file);
  const identity = guarded(db, file, () => identify(db));
  if (identity === 'foreign') refuse(db, 'db.notArchive', file);
  if (identity === 'empty') {
    db.close();
    return ready(new Database(':memory:'), ':memory:');
  }
  const version = db.pragma('user_version', { simple: true }) as number;
  if (version > SCHEMA_VERSION) refuse(db, 'db.tooNew', file, { version, supported: SCHEMA_VERSION });
  if (version === SCHEMA_VERSION) {
    db.pragma('foreign_keys = ON');
    return db;
  }
  if (statSync(file).size > MAX_UPGRADE_IN_MEMORY) refuse(db, 'db.needsUpgrade', file);
  const image = db.serialize();
  db.close();
  return ready(inMemory(image), file);
}

/** A database in memory from a file's image. The image says the file is in WAL mode (header bytes 18–19), which a database in memory cannot be. */
function inMemory(image: Buffer, options: Database.Options = {}): Database.Database {
  image[18] = 1;
  image[19] = 1;
  return new Database(image, options);
}

/**
 * Whether a read-only connection can read. Reading a WAL archive takes its -shm file, which SQLite
 * makes beside it: in a folder nobody may write (a shared drive, a disc) it cannot, and says
 * SQLITE_READONLY_DIRECTORY at the first statement.
 */
function readable(db: Database.Database): boolean {
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return true;
  } catch (error) {
    // Any other fault (a file that is not SQLite, a damaged one) is the first look's to report.
    return !/^SQLITE_(READONLY|CANTOPEN)/.test((error as { code?: string }).code ?? '');
  }
}

/**
 * An archive in a folder nobody may write is read from a copy in memory: nobody changes it there.
 * A -wal file left beside it holds writes the file alone lacks, so such an archive is not read so.
 */
function fromReadOnlyFolder(db: Database.Database, file: string): Database.Database {
  db.close();
  const wal = `${file}-wal`;
  if (statSync(file).size > MAX_UPGRADE_IN_MEMORY || (existsSync(wal) && statSync(wal).size > 0)) {
    throw new ReplyError('db.readOnlyFolder', { file, dir: dirname(file) });
  }
  return inMemory(readFileSync(file), { readonly: true });
}

/** What keeps the archive's file or folder from being written, as a reason of the catalogue; none when nothing does. */
function writeFault(file: string): string | undefined {
  for (const path of [file, dirname(file)]) {
    if (path === file && !existsSync(file)) continue;
    try {
      accessSync(path, constants.W_OK);
    } catch (error) {
      const code = (error as { code?: string }).code;
      return code === 'EROFS' ? code : path === file ? 'FILE' : 'FOLDER';
    }
  }
  return undefined;
}

/** Why the archive cannot be written, by the system's code: said in the clerk's words. */
const WRITE_FAULTS = {
  FILE: 'db.why.fileReadOnly',
  FOLDER: 'db.why.folderReadOnly',
  EROFS: 'db.why.readOnlyDisk',
  EACCES: 'db.why.noPermission',
  EPERM: 'db.why.noPermission',
  ENOTDIR: 'db.why.notFolder',
  EEXIST: 'db.why.notFolder',
  ENOSPC: 'db.why.diskFull',
} as const;

function cannotWrite(file: string, code: string | undefined, detail = code ?? ''): ReplyError {
  const reasonKey = WRITE_FAULTS[(code ?? '') as keyof typeof WRITE_FAULTS];
  if (!reasonKey) return new ReplyError('db.cannotOpen', { file, detail });
  return new ReplyError('db.cannotWrite', { file, dir: dirname(file), reasonKey });
}

function connect(file: string, open: () => Database.Database): Database.Database {
  try {
    const db = open();
    db.pragma(`busy_timeout = ${BUSY_MS}`);
    return db;
  } catch (error) {
    throw new ReplyError('db.cannotOpen', { file, detail: (error as Error).message });
  }
}

/** A first look at the file: one that is not SQLite at all is no archive either. */
function guarded<T>(db: Database.Database, file: string, look: () => T): T {
  try {
    return look();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'SQLITE_NOTADB') refuse(db, 'db.notArchive', file);
    if (code === 'SQLITE_CORRUPT') refuse(db, 'db.corrupt', file);
    db.close();
    throw new ReplyError('db.cannotOpen', { file, detail: (error as Error).message });
  }
}

function refuse(db: Database.Database, key: 'db.notArchive' | 'db.corrupt' | 'db.tooNew' | 'db.needsUpgrade', file: string, params: Record<string, string | number> = {}): never {
  db.close();
  throw new ReplyError(key, { file, ...params });
}

/** Foreign keys on, the schema up to date. */
function ready(db: Database.Database, file: string): Database.Database {
  db.pragma('foreign_keys = ON');
  try {
    migrate(db, file);
  } catch (error) {
    db.close();
    throw error;
  }
  return db;
}
