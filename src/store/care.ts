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
    if (!isIntact(found)) return { integrity: found, orphans: {}, gaps: [], replies: null, bytes };
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
      replies: (this.db.prepare('SELECT count(*) AS n FROM replies').get() as { n: number }).n,
      bytes,
    };
  }
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
