import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { ReplyError } from '../core/errors.js';
import { migrate, SCHEMA_VERSION } from './migrations.js';

/** What the first line of a dump says: what it is, and the schema its rows are in. */
interface DumpHead {
  readonly reply: 'archive';
  readonly schema: number;
}

/**
 * The tables that hold the record, in the order they were made: every table but SQLite's own and the
 * full-text index (a virtual table and its shadow tables), which is made again from the replies.
 */
function recordTables(db: Database.Database): { readonly name: string; readonly sql: string }[] {
  const rows = db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY rowid").all() as { name: string; sql: string }[];
  const virtual = rows.filter((r) => /^CREATE VIRTUAL TABLE/i.test(r.sql)).map((r) => r.name);
  return rows.filter(({ name }) => !name.startsWith('sqlite_') && !virtual.includes(name) && !virtual.some((v) => name.startsWith(`${v}_`)));
}

/** A table's rows in the order they were written: by rowid, or by the key of a table without one. */
function orderOf(db: Database.Database, table: { readonly name: string; readonly sql: string }): string {
  if (!/WITHOUT\s+ROWID/i.test(table.sql)) return 'rowid';
  const columns = db.pragma(`table_info("${table.name}")`) as { name: string; pk: number }[];
  return columns.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => `"${c.name}"`).join(', ');
}

/** Every row of the archive as a line of JSON, after a line that names the schema. */
export function* dumpLines(db: Database.Database): Generator<string> {
  const head: DumpHead = { reply: 'archive', schema: db.pragma('user_version', { simple: true }) as number };
  yield JSON.stringify(head);
  for (const table of recordTables(db)) {
    for (const row of db.prepare(`SELECT * FROM "${table.name}" ORDER BY ${orderOf(db, table)}`).iterate() as Iterable<Record<string, unknown>>) {
      yield JSON.stringify({ table: table.name, row });
    }
  }
}

/** The longest line a dump holds: a reply with its source text is some hundred KB. */
export const MAX_DUMP_LINE = 50_000_000;

/**
 * Files a dump into an archive that holds nothing yet, row by row as it was, in one transaction:
 * the ids, the events and their order, the revisions and the numbers stay what they were. The
 * full-text index is made as the replies go in. References are checked once, at the end.
 *
 * A dump of an earlier schema is filed first into a scratch archive of its own schema, which the
 * schema steps bring to the current one exactly as they bring an archive file, and that archive is
 * then filed here: every step, a table rebuilt or an index made again, is the one migrations.ts
 * runs, never a second reading of old rows.
 */
export async function restoreLines(db: Database.Database, lines: AsyncIterable<string>, where: string): Promise<{ rows: number; replies: number }> {
  const holds = (db.prepare('SELECT (SELECT count(*) FROM replies) + (SELECT count(*) FROM proposals) + (SELECT count(*) FROM events) AS n').get() as { n: number }).n;
  if (holds > 0) throw new ReplyError('restore.notEmpty', { file: where });
  const reading = lines[Symbol.asyncIterator]();
  const first = await reading.next();
  const rest: AsyncIterable<string> = { [Symbol.asyncIterator]: () => reading };
  const schema = first.done ? undefined : headOf(first.value, where);
  if (schema === undefined) throw new ReplyError('restore.notDump', { file: where });
  if (schema === SCHEMA_VERSION) return fill(db, rest, where);
  if (!Number.isInteger(schema) || schema < 1 || schema > SCHEMA_VERSION) {
    throw new ReplyError('restore.otherSchema', { file: where, schema, supported: SCHEMA_VERSION });
  }
  const dir = mkdtempSync(join(tmpdir(), 'reply-restore-'));
  const scratch = new Database(join(dir, 'scratch.db'));
  try {
    // A throwaway file: nothing of it needs to outlive a crash.
    scratch.pragma('journal_mode = OFF');
    scratch.pragma('synchronous = OFF');
    migrate(scratch, where, schema);
    await fill(scratch, rest, where);
    try {
      migrate(scratch, where);
    } catch (error) {
      throw new ReplyError('restore.upgrade', { file: where, schema, supported: SCHEMA_VERSION, detail: (error as Error).message });
    }
    async function* current(): AsyncGenerator<string> {
      yield* dumpLines(scratch);
    }
    const reading = current()[Symbol.asyncIterator]();
    await reading.next(); // its head: the current schema
    return await fill(db, { [Symbol.asyncIterator]: () => reading }, where);
  } finally {
    scratch.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The schema a dump's first line names; undefined when it is not the head of a dump. */
function headOf(line: string, where: string): number | undefined {
  if (line.length > MAX_DUMP_LINE) throw new ReplyError('restore.notDump', { file: where });
  let head: Partial<DumpHead>;
  try {
    head = JSON.parse(line) as Partial<DumpHead>;
  } catch {
    return undefined;
  }
  return head?.reply === 'archive' && typeof head.schema === 'number' ? head.schema : undefined;
}

/** The rows of a dump after its head, filed into the archive's tables in one transaction (line numbers count the head). */
async function fill(db: Database.Database, lines: AsyncIterable<string>, where: string): Promise<{ rows: number; replies: number }> {
  const tables = new Set(recordTables(db).map((t) => t.name));
  const inserts = new Map<string, Database.Statement>();
  let rows = 0;
  let replies = 0;
  let n = 1;
  db.exec('BEGIN IMMEDIATE');
  try {
    db.pragma('defer_foreign_keys = ON');
    for await (const line of lines) {
      n++;
      if (!line.trim()) continue;
      if (line.length > MAX_DUMP_LINE) throw new ReplyError('restore.badLine', { file: where, line: n });
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        throw new ReplyError('restore.badLine', { file: where, line: n });
      }
      const { table, row } = (value ?? {}) as { table?: unknown; row?: unknown };
      if (typeof table !== 'string' || !tables.has(table) || !row || typeof row !== 'object') throw new ReplyError('restore.badLine', { file: where, line: n });
      const columns = Object.keys(row);
      const key = `${table}(${columns.join(',')})`;
      let insert = inserts.get(key);
      if (!insert) {
        try {
          insert = db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c.replaceAll('"', '""')}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
        } catch {
          throw new ReplyError('restore.badLine', { file: where, line: n });
        }
        inserts.set(key, insert);
      }
      try {
        insert.run(...columns.map((c) => (row as Record<string, unknown>)[c] as string | number | null));
      } catch {
        throw new ReplyError('restore.badLine', { file: where, line: n });
      }
      rows++;
      if (table === 'replies') replies++;
    }
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length) throw new ReplyError('restore.broken', { file: where, count: broken.length });
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
  return { rows, replies };
}
