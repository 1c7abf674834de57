import type Database from 'better-sqlite3';
import type { IsoDate } from '../core/dates.js';
import { ReplyError } from '../core/errors.js';
import type { Feedback, Rating } from '../core/handling.js';
import type { Clock, HandlingRepository } from '../core/ports.js';
import { EventLog } from './events.js';
import type { Deadline, DeadlineCause, HandlingRole, Proposal, ProposalFields, ProposalKind } from '../core/proposal.js';

interface ProposalRow {
  id: number;
  kind: string;
  session: string;
  number: string;
  title: string;
  proposers: string;
  assigned_on: string;
  role: string;
  lead_unit: string | null;
  created_at: string;
}

interface DeadlineRow {
  event_id: number;
  proposal_id: number;
  at: string;
  due_on: string;
  cause: string;
  reason: string | null;
}

interface FeedbackRow {
  id: number;
  event_id: number;
  reply_id: number;
  rating: string;
  note: string | null;
  received_on: string;
  at: string;
}

/** A proposal's deadlines and the feedback on replies, each with the time of its event. */
const DEADLINES = 'SELECT d.*, e.at FROM deadlines d JOIN events e ON e.id = d.event_id';
const FEEDBACK = 'SELECT f.*, e.at FROM feedback f JOIN events e ON e.id = f.event_id';

/** Proposals, their deadlines and the feedback on replies, in the same SQLite archive as the replies. */
export class SqliteHandling implements HandlingRepository {
  private readonly stmt;
  private readonly events: EventLog;

  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
  ) {
    this.events = new EventLog(db, clock);
    this.stmt = {
      insert: db.prepare(
        `INSERT INTO proposals (kind, session, number, title, proposers, assigned_on, role, lead_unit, created_at)
         VALUES (@kind, @session, @number, @title, @proposers, @assigned_on, @role, @lead_unit, @created_at)`,
      ),
      get: db.prepare<[number], ProposalRow>('SELECT * FROM proposals WHERE id = ?'),
      byKey: db.prepare<[string, string], ProposalRow>('SELECT * FROM proposals WHERE session = ? AND number = ?'),
      byNumber: db.prepare<[string], ProposalRow>('SELECT * FROM proposals WHERE number = ? ORDER BY assigned_on DESC, id DESC'),
      all: db.prepare<[], ProposalRow>('SELECT * FROM proposals ORDER BY assigned_on DESC, id DESC'),
      inYear: db.prepare<[string, string], ProposalRow>(
        'SELECT * FROM proposals WHERE assigned_on >= ? AND assigned_on < ? ORDER BY assigned_on DESC, id DESC',
      ),
      deadline: db.prepare('INSERT INTO deadlines (event_id, proposal_id, due_on, cause, reason) VALUES (?, ?, ?, ?, ?)'),
      deadlinesOf: db.prepare<[number], DeadlineRow>(`${DEADLINES} WHERE d.proposal_id = ? ORDER BY d.event_id`),
      allDeadlines: db.prepare<[], DeadlineRow>(`${DEADLINES} ORDER BY d.proposal_id, d.event_id`),
      replyKey: db.prepare<[number], { session: string; proposal_no: string }>('SELECT session, proposal_no FROM replies WHERE id = ?'),
      feedback: db.prepare(
        'INSERT INTO feedback (event_id, reply_id, rating, note, received_on) VALUES (@event, @replyId, @rating, @note, @receivedOn)',
      ),
      feedbackGet: db.prepare<[number], FeedbackRow>(`${FEEDBACK} WHERE f.id = ?`),
      feedbackOf: db.prepare<[number], FeedbackRow>(`${FEEDBACK} WHERE f.reply_id = ? ORDER BY f.event_id`),
      feedbackAll: db.prepare<[], FeedbackRow>(`${FEEDBACK} ORDER BY f.event_id`),
    };
  }

  addProposal(fields: ProposalFields): Proposal {
    const run = this.db.transaction((): Proposal => {
      const existing = this.stmt.byKey.get(fields.session, fields.number);
      if (existing) throw new ReplyError('proposal.exists', { session: fields.session, number: fields.number, id: existing.id });
      const now = this.clock.now().toISOString();
      const { lastInsertRowid } = this.stmt.insert.run({
        kind: fields.kind,
        session: fields.session,
        number: fields.number,
        title: fields.title,
        proposers: JSON.stringify(fields.proposers),
        assigned_on: fields.assignedOn,
        role: fields.role,
        lead_unit: fields.leadUnit,
        created_at: now,
      });
      const id = Number(lastInsertRowid);
      this.stmt.deadline.run(this.happen('deadline'), id, fields.firstDueOn, 'assigned', null);
      return this.proposal(id)!;
    });
    return run.immediate();
  }

  proposal(id: number): Proposal | undefined {
    const row = this.stmt.get.get(id);
    return row && fromRow(row, this.stmt.deadlinesOf.all(id));
  }

  proposalsByNumber(number: string, session?: string): Proposal[] {
    const rows = session === undefined ? this.stmt.byNumber.all(number) : [this.stmt.byKey.get(session, number)].filter((r) => r !== undefined);
    return rows.map((row) => fromRow(row, this.stmt.deadlinesOf.all(row.id)));
  }

  proposals(year?: number): Proposal[] {
    const rows = year === undefined ? this.stmt.all.all() : this.stmt.inYear.all(`${year}-01-01`, `${year + 1}-01-01`);
    const deadlines = new Map<number, DeadlineRow[]>();
    for (const d of this.stmt.allDeadlines.all()) deadlines.set(d.proposal_id, [...(deadlines.get(d.proposal_id) ?? []), d]);
    return rows.map((row) => fromRow(row, deadlines.get(row.id) ?? []));
  }

  extend(id: number, dueOn: IsoDate, reason: string): Proposal {
    const run = this.db.transaction((): Proposal => {
      if (!this.stmt.get.get(id)) throw new ReplyError('proposal.notFound', { value: String(id) });
      this.stmt.deadline.run(this.happen('deadline'), id, dueOn, 'extended', reason);
      return this.proposal(id)!;
    });
    return run.immediate();
  }

  addFeedback(entry: { replyId: number; rating: Rating; note: string | null; receivedOn: IsoDate; reopenDueOn: IsoDate | null }): Feedback {
    const run = this.db.transaction((): Feedback => {
      const reply = this.stmt.replyKey.get(entry.replyId);
      if (!reply) throw new ReplyError('reply.notFound', { id: String(entry.replyId) });
      const { lastInsertRowid } = this.stmt.feedback.run({ ...entry, event: this.happen('feedback') });
      const proposal = this.stmt.byKey.get(reply.session, reply.proposal_no);
      if (entry.reopenDueOn && proposal) {
        this.stmt.deadline.run(this.happen('deadline'), proposal.id, entry.reopenDueOn, 'reopened', `feedback:${lastInsertRowid}`);
      }
      return feedbackOf(this.stmt.feedbackGet.get(Number(lastInsertRowid))!);
    });
    return run.immediate();
  }

  feedback(replyId?: number): Feedback[] {
    return (replyId === undefined ? this.stmt.feedbackAll.all() : this.stmt.feedbackOf.all(replyId)).map(feedbackOf);
  }

  /** The next event of the archive's log: its number orders the deadlines and answers, whatever the clock says. */
  private happen(type: 'deadline' | 'feedback'): number {
    return this.events.happen(type).event;
  }
}

function fromRow(row: ProposalRow, deadlines: readonly DeadlineRow[]): Proposal {
  const part =
    row.role === '主办'
      ? { role: '主办' as const, leadUnit: null }
      : { role: row.role as Exclude<HandlingRole, '主办'>, leadUnit: row.lead_unit ?? '' };
  const list: Deadline[] = deadlines.map((d) => ({ event: d.event_id, at: d.at, dueOn: d.due_on as IsoDate, cause: d.cause as DeadlineCause, reason: d.reason }));
  return {
    id: row.id,
    kind: row.kind as ProposalKind,
    session: row.session,
    number: row.number,
    title: row.title,
    proposers: JSON.parse(row.proposers),
    assignedOn: row.assigned_on as IsoDate,
    firstDueOn: list[0]?.dueOn ?? (row.assigned_on as IsoDate),
    ...part,
    createdAt: row.created_at,
    deadlines: list,
  };
}

function feedbackOf(row: FeedbackRow): Feedback {
  return {
    id: row.id,
    event: row.event_id,
    replyId: row.reply_id,
    rating: row.rating as Rating,
    note: row.note,
    receivedOn: row.received_on as IsoDate,
    at: row.at,
  };
}
