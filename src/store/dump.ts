import type Database from 'better-sqlite3';
import { ReplyError } from '../core/errors.js';
import { SCHEMA_VERSION } from './migrations.js';

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
 */
export async function restoreLines(db: Database.Database, lines: AsyncIterable<string>, where: string): Promise<{ rows: number; replies: number }> {
  const tables = new Set(recordTables(db).map((t) => t.name));
  const holds = (db.prepare('SELECT (SELECT count(*) FROM replies) + (SELECT count(*) FROM proposals) + (SELECT count(*) FROM events) AS n').get() as { n: number }).n;
  if (holds > 0) throw new ReplyError('restore.notEmpty', { file: where });
  const inserts = new Map<string, Database.Statement>();
  let rows = 0;
  let replies = 0;
  let n = 0;
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
      if (n === 1) {
        const head = value as Partial<DumpHead>;
        if (head?.reply !== 'archive' || typeof head.schema !== 'number') throw new ReplyError('restore.notDump', { file: where });
        if (head.schema !== SCHEMA_VERSION) throw new ReplyError('restore.otherSchema', { file: where, schema: head.schema, supported: SCHEMA_VERSION });
        continue;
      }
      const { table, row } = (value ?? {}) as { table?: unknown; row?: unknown };
      if (typeof table !== 'string' || !tables.has(table) || !row || typeof row !== 'object') throw new ReplyError('restore.badLine', { file: where, line: n });
      const columns = Object.keys(row);
      const key = `${table}(${columns.join(',')})`;
      let insert = inserts.get(key);
      if (!insert) {
        insert = db.prepare(`INSERT INTO "${table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
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
    if (n === 0) throw new ReplyError('restore.notDump', { file: where });
    const broken = db.pragma('foreign_key_check') as unknown[];
    if (broken.length) throw new ReplyError('restore.broken', { file: where, count: broken.length });
    db.exec('COMMIT');
  } catch (error) {
    db.exec('ROLLBACK');
    throw error;
  }
  return { rows, replies };
}
