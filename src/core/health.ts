import type { ArchiveHealth } from './ports.js';

/**
 * Whether the archive is whole: SQLite finds nothing wrong in its pages, no row points to one that
 * is not there, and the search index says what the replies say. Gaps in the numbering are told but
 * are no fault: a clerk may type a number ahead.
 */
export function isWhole(health: ArchiveHealth): boolean {
  return hasWholeRecords(health) && health.searchIndex.unmatched === 0;
}

/** Whether the records are whole, whatever the search index says: an index is made again from them (reply reindex). */
export function hasWholeRecords(health: ArchiveHealth): boolean {
  return isIntact(health.integrity) && Object.keys(health.orphans).length === 0;
}

/** Whether integrity_check found nothing: its one finding is then 'ok'. */
export function isIntact(integrity: readonly string[]): boolean {
  return integrity.length === 1 && integrity[0] === 'ok';
}
