import type Database from 'better-sqlite3';
import type { ArchiveLog, Clock, LogEntry, LogFilter } from '../core/ports.js';

/**
 * What an event records: a reply's creation, edit, revert or status change; a deadline; an answer
 * and its retraction; a proposal's registration, edit and withdrawal. The schema's CHECK (step 8)
 * holds the same list.
 */
export type EventType =
  | 'created' | 'edited' | 'reverted' | 'status' | 'deadline' | 'feedback' | 'retracted'
  | 'proposed' | 'proposal-edited' | 'withdrawn';

/**
 * The archive's one log of what happened (schema step 6): every change takes the next event, whose
 * number orders it whatever the clock says; the time is the clock's, for showing. Each names who did
 * it (the operator this connection acts for) and why, where a reason was given.
 */
export class EventLog {
  private readonly insert;

  constructor(
    db: Database.Database,
    private readonly clock: Clock,
    private readonly operator: string | null,
  ) {
    this.insert = db.prepare<[string, EventType, string | null, string | null]>(
      'INSERT INTO events (at, type, operator, reason) VALUES (?, ?, ?, ?)',
    );
  }

  /** Logs an event now; its number, and the time it was given. */
  happen(type: EventType, reason?: string | null): { readonly event: number; readonly now: string } {
    const now = this.clock.now().toISOString();
    return { event: Number(this.insert.run(now, type, this.operator, reason ?? null).lastInsertRowid), now };
  }
}

/** Each event with what it touched: the reply (by its revisions, its current state, a status change, an answer) or the proposal. */
const ENTRIES = `
  SELECT e.id AS event, e.at, e.type, e.operator, e.reason,
    coalesce(rr.reply_id, rc.id, sc.reply_id, f.reply_id, fx.reply_id) AS replyId,
    coalesce(d.proposal_id, pr.proposal_id, pc.id) AS proposalId,
    sc.from_status AS "from", sc.to_status AS "to", coalesce(f.rating, fx.rating) AS rating, d.due_on AS dueOn, d.cause
  FROM events e
  LEFT JOIN revisions rr ON rr.event_id = e.id
  LEFT JOIN replies rc ON rc.event_id = e.id
  LEFT JOIN status_changes sc ON sc.event_id = e.id
  LEFT JOIN feedback f ON f.event_id = e.id
  LEFT JOIN feedback_retractions x ON x.event_id = e.id
  LEFT JOIN feedback fx ON fx.id = x.feedback_id
  LEFT JOIN deadlines d ON d.event_id = e.id
  LEFT JOIN proposal_revisions pr ON pr.event_id = e.id
  LEFT JOIN proposals pc ON pc.event_id = e.id`;

/** The events of one reply, each found by an index of the table that names it. */
const OF_REPLY = `e.id IN (
  SELECT event_id FROM revisions WHERE reply_id = @replyId
  UNION SELECT event_id FROM replies WHERE id = @replyId
  UNION SELECT event_id FROM status_changes WHERE reply_id = @replyId
  UNION SELECT event_id FROM feedback WHERE reply_id = @replyId
  UNION SELECT x.event_id FROM feedback_retractions x JOIN feedback f ON f.id = x.feedback_id WHERE f.reply_id = @replyId)`;

export class SqliteLog implements ArchiveLog {
  constructor(private readonly db: Database.Database) {}

  entries(filter: LogFilter): LogEntry[] {
    const where: string[] = [];
    const params: Record<string, string | number> = { limit: filter.limit };
    if (filter.by !== undefined) (where.push('e.operator = @by'), (params.by = filter.by));
    if (filter.since !== undefined) (where.push('e.at >= @since'), (params.since = filter.since));
    if (filter.replyId !== undefined) (where.push(OF_REPLY), (params.replyId = filter.replyId));
    const sql = `${ENTRIES} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY e.id DESC LIMIT @limit`;
    return this.db.prepare<[Record<string, string | number>], LogEntry>(sql).all(params);
  }
}
