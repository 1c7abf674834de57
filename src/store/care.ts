import { statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { isIntact } from '../core/health.js';
import type { ArchiveCare, ArchiveHealth } from '../core/ports.js';
import { dumpLines, restoreLines } from './dump.js';

/** How many of integrity_check's findings are kept: the first few say enough. */
const FINDINGS = 10;

/** Backup and health of one open archive. */
export class SqliteCare implements ArchiveCare {
  constructor(
    private readonly db: Database.Database,
    private readonly file: string,
  ) {}

  async backup(target: string) {
    // SQLite's online backup copies page by page, and starts again where a writer changed a page meanwhile.
    await this.db.backup(target);
    const copy = new Database(target, { readonly: true, fileMustExist: true });
    try {
      return {
        integrity: integrity(copy),
        replies: (copy.prepare('SELECT count(*) AS n FROM replies').get() as { n: number }).n,
        bytes: statSync(target).size,
      };
    } finally {
      copy.close();
    }
  }

  dump(): Iterable<string> {
    return dumpLines(this.db);
  }

  restore(lines: AsyncIterable<string>, where: string) {
    return restoreLines(this.db, lines, where);
  }

  health(): ArchiveHealth {
    const found = integrity(this.db);
    const bytes = this.file === ':memory:' ? 0 : statSync(this.file).size;
    // A damaged file is not read further: what integrity_check says is the report.
    if (!isIntact(found)) return { integrity: found, orphans: {}, gaps: [], searchIndex: { unmatched: 0, first: [] }, replies: null, bytes };
    const orphans: Record<string, number> = {};
    for (const row of this.db.pragma('foreign_key_check') as { table: string }[]) orphans[row.table] = (orphans[row.table] ?? 0) + 1;
    const gaps = this.db
      .prepare(
        `SELECT prefix, year, max(seq) - count(*) AS missing,
                (SELECT min(d.seq) + 1 FROM doc_numbers d WHERE d.prefix = n.prefix AND d.year = n.year
                   AND NOT EXISTS (SELECT 1 FROM doc_numbers e WHERE e.prefix = d.prefix AND e.year = d.year AND e.seq = d.seq + 1)) AS after,
                min(seq) AS lowest
         FROM doc_numbers n GROUP BY prefix, year HAVING max(seq) > count(*) ORDER BY prefix, year`,
      )
      .all() as { prefix: string; year: number; missing: number; after: number; lowest: number }[];
    return {
      integrity: found,
      orphans,
      gaps: gaps.map((g) => ({ prefix: g.prefix, year: g.year, missing: g.missing, first: g.lowest > 1 ? 1 : g.after })),
      searchIndex: unmatchedInIndex(this.db),
      replies: (this.db.prepare('SELECT count(*) AS n FROM replies').get() as { n: number }).n,
      bytes,
    };
  }
}

/**
 * The replies the search index does not hold as their text is now. FTS5's own 'integrity-check'
 * compares the index with its content but is an INSERT, which a reading command's read-only
 * connection may not run. Its docsize table is read instead: one row per indexed reply with the
 * number of tokens of each column, and the trigram tokenizer makes one token per character of a
 * column's text but its last two. A reply the index lacks, an entry of no reply, and a reply whose
 * text changed behind the index's back (at any length but its own) show there. Measured: 321
 * replies in 40 ms.
 */
function unmatchedInIndex(db: Database.Database): { unmatched: number; first: number[] } {
  const wrong = new Set([
    ...unmatchedIn(db, 'search_content', 'replies_fts', ['title', 'proposal_title', 'proposers', 'body']),
    // The title index (schema step 16 on).
    ...(db.prepare("SELECT 1 FROM sqlite_master WHERE name = 'titles_fts'").get() ? unmatchedIn(db, 'title_content', 'titles_fts', ['titles']) : []),
  ]);
  const ids = [...wrong].sort((a, b) => a - b);
  return { unmatched: ids.length, first: ids.slice(0, FINDINGS) };
}

/** The ids of the replies one full-text index does not hold as the text of its content view now is. */
function unmatchedIn(db: Database.Database, content: string, index: string, columns: readonly string[]): number[] {
  const rows = db
    .prepare(
      `SELECT c.id, ${columns.map((c) => `length(c.${c}) AS ${c}`).join(', ')}, s.sz
       FROM ${content} c LEFT JOIN ${index}_docsize s ON s.id = c.id
       UNION ALL
       SELECT s.id, ${columns.map(() => 'NULL').join(', ')}, s.sz FROM ${index}_docsize s WHERE s.id NOT IN (SELECT id FROM replies)
       ORDER BY 1`,
    )
    .all() as ({ id: number; sz: Buffer | null } & Record<string, number | null>)[];
  const wrong: number[] = [];
  for (const r of rows) {
    const expected = r[columns[0]!] === null ? null : columns.map((c) => (r[c] as number) - 2).join(',');
    if (r.sz === null || expected !== varints(r.sz).join(',')) wrong.push(r.id);
  }
  return wrong;
}

/** SQLite's varints, as FTS5 writes them: big-endian groups of 7 bits, the high bit saying another follows. */
function varints(bytes: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; ) {
    let value = 0;
    let byte: number;
    do {
      byte = bytes[i++]!;
      value = value * 128 + (byte & 0x7f);
    } while (byte & 0x80 && i < bytes.length);
    out.push(value);
  }
  return out;
}

/** integrity_check's findings; a file too damaged for it to walk is that one finding. */
function integrity(db: Database.Database): string[] {
  try {
    return (db.pragma(`integrity_check(${FINDINGS})`) as { integrity_check: string }[]).map((r) => r.integrity_check);
  } catch (error) {
    if (/^SQLITE_(CORRUPT|NOTADB)/.test((error as { code?: string }).code ?? '')) return [(error as Error).message];
    throw error;
  }
}
