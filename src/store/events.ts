import type Database from 'better-sqlite3';
import type { Clock } from '../core/ports.js';

/** What an event records: a reply's creation, edit or status change, a deadline, a feedback. */
export type EventType = 'created' | 'edited' | 'status' | 'deadline' | 'feedback';

/**
 * The archive's one log of what happened (schema step 6): every change takes the next event, whose
 * number orders it whatever the clock says; the time is the clock's, for showing.
 */
export class EventLog {
  private readonly insert;

  constructor(
    db: Database.Database,
    private readonly clock: Clock,
  ) {
    this.insert = db.prepare<[string, EventType]>('INSERT INTO events (at, type) VALUES (?, ?)');
  }

  /** Logs an event now; its number, and the time it was given. */
  happen(type: EventType): { readonly event: number; readonly now: string } {
    const now = this.clock.now().toISOString();
    return { event: Number(this.insert.run(now, type).lastInsertRowid), now };
  }
}
