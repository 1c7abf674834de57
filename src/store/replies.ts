import type Database from 'better-sqlite3';
import type { IsoDate } from '../core/dates.js';
import { DocNumber } from '../core/doc-number.js';
import { ReplyError } from '../core/errors.js';
import type { NewReply } from '../core/fields.js';
import type { Clock, CreateOptions, ListFilter, ReplyRepository, Revision, Source, StatusChange, StatusNote } from '../core/ports.js';
import { statusAfterEdit, type Kind, type Reply, type ReplyFields, type ReplySummary, type Status } from '../core/reply.js';
import { SqliteSearch } from './fts.js';

interface Row {
  id: number;
  kind: string;
  doc_prefix: string;
  doc_year: number;
  doc_seq: number;
  session: string;
  proposal_no: string;
  proposal_title: string;
  proposers: string;
  salutation: string | null;
  lead_unit: string | null;
  result: string;
  disclosure: string;
  body: string;
  signed_on: string;
  issued_on: string | null;
  organ: string;
  header: string | null;
  printing_organ: string;
  contact: string;
  contact_labels: string;
  cc: string;
  status: string;
  last_change: Revision['change'];
  created_at: string;
  updated_at: string;
}

/** Every column but the body: what a listing needs, without reading each reply's text. */
const SUMMARY_COLUMNS = `id, kind, doc_prefix, doc_year, doc_seq, session, proposal_no, proposal_title, proposers,
  salutation, lead_unit, result, disclosure, signed_on, issued_on, organ, header, printing_organ, contact,
  contact_labels, cc, status, last_change, created_at, updated_at`;

const COLUMNS = `kind, doc_prefix, doc_year, doc_seq, session, proposal_no, proposal_title, proposers, proposer_names,
  salutation, lead_unit, result, disclosure, body, signed_on, issued_on, organ, header, printing_organ,
  contact, contact_labels, cc`;
const PARAMS = `@kind, @doc_prefix, @doc_year, @doc_seq, @session, @proposal_no, @proposal_title, @proposers, @proposer_names,
  @salutation, @lead_unit, @result, @disclosure, @body, @signed_on, @issued_on, @organ, @header, @printing_organ,
  @contact, @contact_labels, @cc`;

/** The archive in SQLite: prepared statements behind the ReplyRepository port. */
export class SqliteReplies implements ReplyRepository {
  private readonly stmt;
  private search: SqliteSearch | undefined;
  /** Whether this connection files imports (see create). */
  private importing = false;

  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
  ) {
    this.stmt = {
      get: db.prepare<[number], Row>('SELECT * FROM replies WHERE id = ?'),
      filed: db.prepare<[number], Omit<Row, 'body'>>(`SELECT ${SUMMARY_COLUMNS} FROM replies WHERE id = ?`),
      answering: db.prepare<[string], Omit<Row, 'body'>>(
        `SELECT ${SUMMARY_COLUMNS} FROM replies
         WHERE (session, proposal_no) IN (SELECT value ->> 0, value ->> 1 FROM json_each(?))
         ORDER BY signed_on DESC, id DESC`,
      ),
      byNumber: db.prepare<[string, number, number], Row>(
        'SELECT * FROM replies WHERE doc_prefix = ? AND doc_year = ? AND doc_seq = ?',
      ),
      lastSeq: db.prepare<[string, number], { seq: number | null }>(
        'SELECT max(seq) AS seq FROM doc_numbers WHERE prefix = ? AND year = ?',
      ),
      numberHolder: db.prepare<[string, number, number], { reply_id: number }>(
        'SELECT reply_id FROM doc_numbers WHERE prefix = ? AND year = ? AND seq = ?',
      ),
      insert: db.prepare(
        `INSERT INTO replies (${COLUMNS}, status, created_at, updated_at)
         VALUES (${PARAMS}, @status, @now, @now)`,
      ),
      source: db.prepare(
        `INSERT INTO sources (sha256, reply_id, path, format, encoding, text, imported_at)
         VALUES (@sha256, @replyId, @path, @format, @encoding, @text, @now)`,
      ),
      sourceOf: db.prepare<[number], { path: string; sha256: string; format: string; encoding: string; text: string; imported_at: string }>(
        'SELECT path, sha256, format, encoding, text, imported_at FROM sources WHERE reply_id = ? ORDER BY imported_at LIMIT 1',
      ),
      sourceBySha: db.prepare<[string], { reply_id: number; path: string }>(
        'SELECT reply_id, path FROM sources WHERE sha256 = ?',
      ),
      update: db.prepare(
        `UPDATE replies SET ${COLUMNS.split(',').map((c) => `${c.trim()} = @${c.trim()}`).join(', ')},
           status = @status, updated_at = @now, last_change = 'edited'
         WHERE id = @id`,
      ),
      setStatus: db.prepare("UPDATE replies SET status = ?, updated_at = ?, last_change = 'status' WHERE id = ?"),
      logStatus: db.prepare(
        `INSERT INTO status_changes (reply_id, at, from_status, to_status, reason, overridden) VALUES (?, ?, ?, ?, ?, ?)`,
      ),
      statusChanges: db.prepare<[number], { at: string; from_status: string; to_status: string; reason: string | null; overridden: string | null }>(
        'SELECT at, from_status, to_status, reason, overridden FROM status_changes WHERE reply_id = ? ORDER BY at',
      ),
      ledger: db.prepare('INSERT INTO doc_numbers (prefix, year, seq, reply_id, issued_at) VALUES (?, ?, ?, ?, ?)'),
      revision: db.prepare(
        `INSERT INTO revisions (reply_id, revision, at, change, snapshot)
         VALUES (?, (SELECT coalesce(max(revision), 0) + 1 FROM revisions WHERE reply_id = ?), ?, ?, ?)`,
      ),
      history: db.prepare<[number], { revision: number; at: string; change: Revision['change']; snapshot: string }>(
        'SELECT revision, at, change, snapshot FROM revisions WHERE reply_id = ? ORDER BY revision',
      ),
    };
  }

  create(reply: NewReply, prefix: string, options: CreateOptions = {}): Reply {
    // A reply with a source is an import, and imports come in a stream of transactions: the WAL is then
    // copied back into the archive every ~80 MB instead of every 4 MB (SQLite's default), most pages once
    // rather than once per few replies: 5–10% of an import's time at 100,000 replies (a larger WAL makes
    // each page read slower again). See `npm run bench`.
    if (options.source && !this.importing) {
      this.importing = true;
      this.db.pragma('wal_autocheckpoint = 20000');
    }
    const file = this.db.transaction((): Reply => {
      const now = this.clock.now().toISOString();
      const year = Number(reply.signedOn.slice(0, 4));
      const docNumber = reply.docNumber ?? DocNumber.of(prefix, year, (this.stmt.lastSeq.get(prefix, year)?.seq ?? 0) + 1);
      this.claimNumber(docNumber, undefined);
      const status = options.status ?? 'draft';
      const { lastInsertRowid } = this.stmt.insert.run({ ...toParams({ ...reply, docNumber }), status, now });
      const id = Number(lastInsertRowid);
      this.stmt.ledger.run(docNumber.prefix, docNumber.year, docNumber.seq, id, now);
      if (options.source) this.stmt.source.run({ ...options.source, replyId: id, now });
      // The row as filed, but the body is the text just written: decoding it again (~50 µs for 3,000
      // characters) is a tenth of what an import adds to the bare index load. Only a body with surrogates,
      // which the UTF-8 round trip may change (a lone one becomes U+FFFD), is read back.
      if (/[\uD800-\uDFFF]/.test(reply.body)) return fromRow(this.stmt.get.get(id)!);
      return fromRow({ ...this.stmt.filed.get(id)!, body: reply.body });
    });
    return file.immediate();
  }

  importedFrom(sha256: string): { replyId: number; path: string } | undefined {
    const row = this.stmt.sourceBySha.get(sha256);
    return row && { replyId: row.reply_id, path: row.path };
  }

  sourceOf(replyId: number): (Source & { importedAt: string }) | undefined {
    const row = this.stmt.sourceOf.get(replyId);
    if (!row) return undefined;
    const { imported_at: importedAt, ...source } = row;
    return { ...source, importedAt };
  }

  get(id: number): Reply | undefined {
    const row = this.stmt.get.get(id);
    return row && fromRow(row);
  }

  findByDocNumber(n: DocNumber): Reply | undefined {
    const row = this.stmt.byNumber.get(n.prefix, n.year, n.seq);
    return row && fromRow(row);
  }

  list(filter: ListFilter): Reply[] {
    return this.select('*', filter).map(fromRow);
  }

  summaries(filter: ListFilter): ReplySummary[] {
    return this.select(SUMMARY_COLUMNS, filter).map(toSummary);
  }

  answering(proposals: readonly { readonly session: string; readonly number: string }[]): ReplySummary[] {
    if (proposals.length === 0) return [];
    // Session and number come before the body in a row, so replies to other proposals are never read whole.
    const keys = JSON.stringify(proposals.map((p) => [p.session, p.number]));
    return this.stmt.answering.all(keys).map(toSummary);
  }

  private select(columns: string, filter: ListFilter): Row[] {
    const where: string[] = [];
    const params: Record<string, string | number> = {};
    if (filter.year !== undefined) {
      where.push(`signed_on >= @from AND signed_on < @to`);
      params.from = `${filter.year}-01-01`;
      params.to = `${filter.year + 1}-01-01`;
    }
    if (filter.status) (where.push('status = @status'), (params.status = filter.status));
    if (filter.kind) (where.push('kind = @kind'), (params.kind = filter.kind));
    if (filter.result) (where.push('result = @result'), (params.result = filter.result));
    if (filter.proposer) {
      where.push('instr(proposer_names, @proposer) > 0');
      params.proposer = filter.proposer;
    }
    const sql = `SELECT ${columns} FROM replies ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
      ORDER BY signed_on DESC, id DESC ${filter.limit !== undefined ? 'LIMIT @limit' : ''}`;
    if (filter.limit !== undefined) params.limit = filter.limit;
    return this.db.prepare<[Record<string, string | number>], Row>(sql).all(params);
  }

  update(id: number, fields: ReplyFields, expectedUpdatedAt: string): Reply {
    const run = this.db.transaction((): Reply => {
      const current = this.current(id, expectedUpdatedAt);
      if (!current.docNumber.equals(fields.docNumber)) this.claimNumber(fields.docNumber, id);
      const now = this.nextTime(current.updatedAt);
      this.keep(current);
      this.stmt.update.run({ ...toParams(fields), status: statusAfterEdit(current.status), now, id });
      if (!current.docNumber.equals(fields.docNumber)) {
        this.stmt.ledger.run(fields.docNumber.prefix, fields.docNumber.year, fields.docNumber.seq, id, now);
      }
      return fromRow(this.stmt.get.get(id)!);
    });
    return run.immediate();
  }

  setStatus(id: number, status: Status, expectedUpdatedAt: string, note: StatusNote = {}): Reply {
    const run = this.db.transaction((): Reply => {
      const current = this.current(id, expectedUpdatedAt);
      const now = this.nextTime(current.updatedAt);
      this.keep(current);
      this.stmt.setStatus.run(status, now, id);
      const overridden = note.overridden?.length ? JSON.stringify(note.overridden) : null;
      this.stmt.logStatus.run(id, now, current.status, status, note.reason ?? null, overridden);
      return fromRow(this.stmt.get.get(id)!);
    });
    return run.immediate();
  }

  statusChanges(id: number): StatusChange[] {
    return this.stmt.statusChanges.all(id).map((r) => ({
      at: r.at,
      from: r.from_status as Status,
      to: r.to_status as Status,
      ...(r.reason !== null ? { reason: r.reason } : {}),
      ...(r.overridden !== null ? { overridden: JSON.parse(r.overridden) } : {}),
    }));
  }

  /** The stored earlier states, then the current one. */
  history(id: number): Revision[] {
    const row = this.stmt.get.get(id);
    if (!row) return [];
    const earlier = this.stmt.history.all(id).map((r) => ({
      revision: r.revision,
      at: r.at,
      change: r.change,
      reply: fromSnapshot(r.snapshot),
    }));
    return [...earlier, { revision: earlier.length + 1, at: row.updated_at, change: row.last_change, reply: fromRow(row) }];
  }

  /** The search over this archive, made on first use. */
  fullText(): SqliteSearch {
    return (this.search ??= new SqliteSearch(this.db, (id) => this.get(id)));
  }

  close(): void {
    this.db.close();
  }

  /** Refuses a number that any reply holds or ever held. */
  private claimNumber(n: DocNumber, forId: number | undefined): void {
    if (!this.stmt.numberHolder.get(n.prefix, n.year, n.seq)) return;
    const current = this.stmt.byNumber.get(n.prefix, n.year, n.seq);
    if (current && current.id !== forId) throw new ReplyError('docNumber.taken', { docNumber: n.toString(), id: current.id });
    throw new ReplyError('docNumber.usedBefore', { docNumber: n.toString() });
  }

  private current(id: number, expectedUpdatedAt: string): Reply & { lastChange: Revision['change'] } {
    const row = this.stmt.get.get(id);
    if (!row) throw new ReplyError('reply.notFound', { id: String(id) });
    if (row.updated_at !== expectedUpdatedAt) throw new ReplyError('reply.changedMeanwhile', { id });
    return { ...fromRow(row), lastChange: row.last_change };
  }

  /** Keeps the state a change is about to replace, as it was, with what made it. */
  private keep(current: Reply & { lastChange: Revision['change'] }): void {
    const { lastChange, ...reply } = current;
    this.stmt.revision.run(reply.id, reply.id, reply.updatedAt, lastChange, JSON.stringify(reply));
  }

  /** A time strictly after the previous update, so revisions keep their order. */
  private nextTime(previous: string): string {
    const now = this.clock.now();
    const prev = new Date(previous);
    return (now > prev ? now : new Date(prev.getTime() + 1)).toISOString();
  }
}

function toParams(r: ReplyFields): Record<string, string | number | null> {
  return {
    kind: r.kind,
    doc_prefix: r.docNumber.prefix,
    doc_year: r.docNumber.year,
    doc_seq: r.docNumber.seq,
    session: r.session,
    proposal_no: r.proposalNo,
    proposal_title: r.proposalTitle,
    proposers: JSON.stringify(r.proposers),
    proposer_names: r.proposers.map((p) => p.name).join('、'),
    salutation: r.salutation,
    lead_unit: r.leadUnit,
    result: r.result,
    disclosure: r.disclosure,
    body: r.body,
    signed_on: r.signedOn,
    issued_on: r.issuedOn,
    organ: r.organ,
    header: r.header,
    printing_organ: r.printingOrgan,
    contact: JSON.stringify(r.contact),
    contact_labels: JSON.stringify(r.contactLabels),
    cc: JSON.stringify(r.cc),
  };
}

function toSummary(row: Omit<Row, 'body'>): ReplySummary {
  const { body: _body, ...summary } = fromRow({ ...row, body: '' });
  return summary;
}

function fromRow(row: Row): Reply {
  return {
    id: row.id,
    kind: row.kind as Kind,
    docNumber: DocNumber.of(row.doc_prefix, row.doc_year, row.doc_seq),
    session: row.session,
    proposalNo: row.proposal_no,
    proposalTitle: row.proposal_title,
    proposers: JSON.parse(row.proposers),
    salutation: row.salutation,
    leadUnit: row.lead_unit,
    result: row.result,
    disclosure: row.disclosure,
    body: row.body,
    signedOn: row.signed_on as IsoDate,
    issuedOn: row.issued_on as IsoDate | null,
    organ: row.organ,
    header: row.header,
    printingOrgan: row.printing_organ,
    contact: JSON.parse(row.contact),
    contactLabels: JSON.parse(row.contact_labels),
    cc: JSON.parse(row.cc),
    status: row.status as Status,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function fromSnapshot(json: string): Reply {
  const data = JSON.parse(json) as Omit<Reply, 'docNumber'> & { docNumber: { prefix: string; year: number; seq: number } };
  return { ...data, docNumber: DocNumber.of(data.docNumber.prefix, data.docNumber.year, data.docNumber.seq) };
}
