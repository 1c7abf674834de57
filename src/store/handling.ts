import type Database from 'better-sqlite3';
import type { IsoDate } from '../core/dates.js';
import { ReplyError } from '../core/errors.js';
import type { Feedback, Rating } from '../core/handling.js';
import type { Clock, HandlingRepository, ProposalRevision } from '../core/ports.js';
import { EventLog } from './events.js';
import type { Deadline, DeadlineCause, HandlingRole, Proposal, ProposalFields, ProposalKind, ProposalStatus } from '../core/proposal.js';

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
  event_id: number;
  status: string;
}

interface DeadlineRow {
  event_id: number;
  proposal_id: number;
  at: string;
  operator: string | null;
  due_on: string;
  cause: string;
  reason: string | null;
  feedback_id: number | null;
}

interface FeedbackRow {
  id: number;
  event_id: number;
  reply_id: number;
  rating: string;
  note: string | null;
  received_on: string;
  at: string;
  operator: string | null;
  retracted_event: number | null;
  retracted_at: string | null;
  retracted_by: string | null;
  retracted_reason: string | null;
}

/** A proposal's deadlines and the feedback on replies, each with the time, operator and reason of its event. */
const DEADLINES = 'SELECT d.*, e.at, e.operator, e.reason FROM deadlines d JOIN events e ON e.id = d.event_id';
const FEEDBACK = `SELECT f.*, e.at, e.operator,
    x.event_id AS retracted_event, xe.at AS retracted_at, xe.operator AS retracted_by, xe.reason AS retracted_reason
  FROM feedback f JOIN events e ON e.id = f.event_id
  LEFT JOIN feedback_retractions x ON x.feedback_id = f.id LEFT JOIN events xe ON xe.id = x.event_id`;

/** Proposals, their deadlines and the feedback on replies, in the same SQLite archive as the replies. */
export class SqliteHandling implements HandlingRepository {
  private readonly stmt;
  private readonly events: EventLog;

  constructor(
    private readonly db: Database.Database,
    clock: Clock,
    /** Who the changes made through this connection are recorded as made by; null: not known. */
    operator: string | null = null,
  ) {
    this.events = new EventLog(db, clock, operator);
    this.stmt = {
      insert: db.prepare(
        `INSERT INTO proposals (kind, session, number, title, proposers, assigned_on, role, lead_unit, created_at, event_id)
         VALUES (@kind, @session, @number, @title, @proposers, @assigned_on, @role, @lead_unit, @created_at, @event)`,
      ),
      update: db.prepare(
        `UPDATE proposals SET kind = @kind, session = @session, number = @number, title = @title, proposers = @proposers,
           assigned_on = @assigned_on, role = @role, lead_unit = @lead_unit, status = @status, event_id = @event
         WHERE id = @id`,
      ),
      keep: db.prepare(
        `INSERT INTO proposal_revisions (proposal_id, revision, event_id, snapshot)
         VALUES (?, (SELECT coalesce(max(revision), 0) + 1 FROM proposal_revisions WHERE proposal_id = ?), ?, ?)`,
      ),
      revisions: db.prepare<[number], { revision: number; event_id: number; snapshot: string; at: string; type: string; operator: string | null; reason: string | null }>(
        `SELECT r.revision, r.event_id, r.snapshot, e.at, e.type, e.operator, e.reason
         FROM proposal_revisions r JOIN events e ON e.id = r.event_id WHERE r.proposal_id = ? ORDER BY r.revision`,
      ),
      eventOf: db.prepare<[number], { at: string; type: string; operator: string | null; reason: string | null }>(
        'SELECT at, type, operator, reason FROM events WHERE id = ?',
      ),
      get: db.prepare<[number], ProposalRow>('SELECT * FROM proposals WHERE id = ?'),
      byKey: db.prepare<[string, string], ProposalRow>('SELECT * FROM proposals WHERE session = ? AND number = ?'),
      byNumber: db.prepare<[string], ProposalRow>('SELECT * FROM proposals WHERE number = ? ORDER BY assigned_on DESC, id DESC'),
      all: db.prepare<[], ProposalRow>('SELECT * FROM proposals ORDER BY assigned_on DESC, id DESC'),
      inYear: db.prepare<[string, string], ProposalRow>(
        'SELECT * FROM proposals WHERE assigned_on >= ? AND assigned_on < ? ORDER BY assigned_on DESC, id DESC',
      ),
      deadline: db.prepare<[number, number, string, string, number | null]>(
        'INSERT INTO deadlines (event_id, proposal_id, due_on, cause, feedback_id) VALUES (?, ?, ?, ?, ?)',
      ),
      deadlinesOf: db.prepare<[number], DeadlineRow>(`${DEADLINES} WHERE d.proposal_id = ? ORDER BY d.event_id`),
      allDeadlines: db.prepare<[], DeadlineRow>(`${DEADLINES} ORDER BY d.proposal_id, d.event_id`),
      replyKey: db.prepare<[number], { session: string; proposal_no: string }>('SELECT session, proposal_no FROM replies WHERE id = ?'),
      feedback: db.prepare(
        'INSERT INTO feedback (event_id, reply_id, rating, note, received_on) VALUES (@event, @replyId, @rating, @note, @receivedOn)',
      ),
      feedbackGet: db.prepare<[number], FeedbackRow>(`${FEEDBACK} WHERE f.id = ?`),
      feedbackOf: db.prepare<[number], FeedbackRow>(`${FEEDBACK} WHERE f.reply_id = ? ORDER BY f.event_id`),
      feedbackAll: db.prepare<[], FeedbackRow>(`${FEEDBACK} ORDER BY f.event_id`),
      retract: db.prepare<[number, number]>('INSERT INTO feedback_retractions (event_id, feedback_id) VALUES (?, ?)'),
    };
  }

  addProposal(fields: ProposalFields): Proposal {
    const run = this.db.transaction((): Proposal => {
      const existing = this.stmt.byKey.get(fields.session, fields.number);
      if (existing) throw new ReplyError('proposal.exists', { session: fields.session, number: fields.number, id: existing.id });
      // The registration and the first deadline are one act: one event.
      const { event, now } = this.events.happen('proposed');
      const { lastInsertRowid } = this.stmt.insert.run({ ...toParams(fields), created_at: now, event });
      const id = Number(lastInsertRowid);
      this.stmt.deadline.run(event, id, fields.firstDueOn, 'assigned', null);
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
      this.stmt.deadline.run(this.events.happen('deadline', reason).event, id, dueOn, 'extended', null);
      return this.proposal(id)!;
    });
    return run.immediate();
  }

  editProposal(id: number, fields: ProposalFields, expectedVersion: number, reason: string): Proposal {
    return this.change(id, expectedVersion, 'proposal-edited', reason, (current) => ({ ...fields, id, createdAt: current.createdAt, status: current.status, version: current.version, deadlines: current.deadlines }));
  }

  withdrawProposal(id: number, expectedVersion: number, reason: string): Proposal {
    return this.change(id, expectedVersion, 'withdrawn', reason, (current) => ({ ...current, status: 'withdrawn' as const }));
  }

  proposalHistory(id: number): ProposalRevision[] {
    const row = this.stmt.get.get(id);
    if (!row) return [];
    const earlier = this.stmt.revisions.all(id).map((r) => proposalRevision(r.revision, r, { ...JSON.parse(r.snapshot), version: r.event_id }));
    return [...earlier, proposalRevision(earlier.length + 1, this.stmt.eventOf.get(row.event_id)!, this.proposal(id)!)];
  }

  /** A change of a proposal's stored state, on the version it was decided on; the state it replaces is kept. */
  private change(
    id: number,
    expectedVersion: number,
    type: 'proposal-edited' | 'withdrawn',
    reason: string,
    next: (current: Proposal) => Proposal,
  ): Proposal {
    const run = this.db.transaction((): Proposal => {
      const current = this.proposal(id);
      if (!current) throw new ReplyError('proposal.notFound', { value: `#${id}` });
      if (current.version !== expectedVersion) throw new ReplyError('proposal.changedMeanwhile', { id });
      const changed = next(current);
      const clash = this.stmt.byKey.get(changed.session, changed.number);
      if (clash && clash.id !== id) throw new ReplyError('proposal.exists', { session: changed.session, number: changed.number, id: clash.id });
      const { event } = this.events.happen(type, reason);
      const { deadlines: _deadlines, version: _version, ...snapshot } = current;
      this.stmt.keep.run(id, id, current.version, JSON.stringify(snapshot));
      this.stmt.update.run({ ...toParams(changed), status: changed.status, event, id });
      return this.proposal(id)!;
    });
    return run.immediate();
  }

  addFeedback(entry: { replyId: number; rating: Rating; note: string | null; receivedOn: IsoDate; reopenDueOn: IsoDate | null }): Feedback {
    const run = this.db.transaction((): Feedback => {
      const reply = this.stmt.replyKey.get(entry.replyId);
      if (!reply) throw new ReplyError('reply.notFound', { id: String(entry.replyId) });
      const { lastInsertRowid } = this.stmt.feedback.run({ ...entry, event: this.events.happen('feedback').event });
      const proposal = this.stmt.byKey.get(reply.session, reply.proposal_no);
      if (entry.reopenDueOn && proposal) {
        this.stmt.deadline.run(this.events.happen('deadline').event, proposal.id, entry.reopenDueOn, 'reopened', Number(lastInsertRowid));
      }
      return feedbackOf(this.stmt.feedbackGet.get(Number(lastInsertRowid))!);
    });
    return run.immediate();
  }

  retractFeedback(id: number, reason: string): Feedback {
    const run = this.db.transaction((): Feedback => {
      const row = this.stmt.feedbackGet.get(id);
      if (!row) throw new ReplyError('feedback.notFound', { id });
      if (row.retracted_event !== null) throw new ReplyError('feedback.retractedAlready', { id });
      this.stmt.retract.run(this.events.happen('retracted', reason).event, id);
      return feedbackOf(this.stmt.feedbackGet.get(id)!);
    });
    return run.immediate();
  }

  feedback(replyId?: number): Feedback[] {
    return (replyId === undefined ? this.stmt.feedbackAll.all() : this.stmt.feedbackOf.all(replyId)).map(feedbackOf);
  }
}

function toParams(fields: ProposalFields): Record<string, string | null> {
  return {
    kind: fields.kind,
    session: fields.session,
    number: fields.number,
    title: fields.title,
    proposers: JSON.stringify(fields.proposers),
    assigned_on: fields.assignedOn,
    role: fields.role,
    lead_unit: fields.leadUnit,
  };
}

function proposalRevision(
  revision: number,
  event: { at: string; type: string; operator: string | null; reason: string | null },
  proposal: Omit<Proposal, 'deadlines'>,
): ProposalRevision {
  return { revision, at: event.at, change: event.type as ProposalRevision['change'], operator: event.operator, reason: event.reason, proposal };
}

function fromRow(row: ProposalRow, deadlines: readonly DeadlineRow[]): Proposal {
  const part =
    row.role === '主办'
      ? { role: '主办' as const, leadUnit: null }
      : { role: row.role as Exclude<HandlingRole, '主办'>, leadUnit: row.lead_unit ?? '' };
  const list: Deadline[] = deadlines.map((d) => ({
    event: d.event_id,
    at: d.at,
    operator: d.operator,
    dueOn: d.due_on as IsoDate,
    cause: d.cause as DeadlineCause,
    reason: d.reason,
    feedbackId: d.feedback_id,
  }));
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
    status: row.status as ProposalStatus,
    version: row.event_id,
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
    operator: row.operator,
    retracted:
      row.retracted_event === null
        ? null
        : { event: row.retracted_event, at: row.retracted_at!, operator: row.retracted_by, reason: row.retracted_reason ?? '' },
  };
}
