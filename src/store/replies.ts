import type Database from 'better-sqlite3';
import type { IsoDate } from '../core/dates.js';
import type { DocStyle } from '../core/style.js';
import { DocNumber, MAX_SEQ } from '../core/doc-number.js';
import { ReplyError } from '../core/errors.js';
import type { NewReply } from '../core/fields.js';
import type {
  Clock, CreateOptions, ListFilter, Numbering, ReplyRepository, Revision, Source, StatusChange, StatusNote, UpdateOptions,
} from '../core/ports.js';
import { numberKey } from '../core/proposal.js';
import { replyTitle } from '../core/proposers.js';
import {
  addressingOf, isRecordField, statusAfterEdit, stillInferred, type Kind, type RecordField, type Reply, type ReplyFields, type ReplySummary, type Status,
} from '../core/reply.js';
import { searchShadow } from '../core/reader/simplified.js';
import { searchAside } from '../core/search-aside.js';
import { sessionKey } from '../core/session.js';
import { dateOrder, incompleteSql, signedKey, yearSql } from './columns.js';
import { EventLog } from './events.js';
import { SqliteSearch } from './fts.js';

interface Row {
  id: number;
  kind: string;
  doc_prefix: string | null;
  doc_year: number | null;
  doc_seq: number | null;
  session: string;
  proposal_no: string;
  proposal_title: string;
  proposers: string;
  salutation: string | null;
  lead_unit: string | null;
  result: string;
  disclosure: string;
  inferred: string;
  body: string;
  signed_on: string | null;
  issued_on: string | null;
  organ: string;
  header: string | null;
  printing_organ: string;
  contact: string;
  contact_labels: string;
  cc: string;
  classification: string;
  annotation: string | null;
  style: string | null;
  status: string;
  event_id: number;
  created_at: string;
  updated_at: string;
}

/** Every column but the body: what a listing needs, without reading each reply's text. */
const SUMMARY_COLUMNS = `id, kind, doc_prefix, doc_year, doc_seq, session, proposal_no, proposal_title, proposers,
  salutation, lead_unit, result, disclosure, inferred, signed_on, issued_on, organ, header, printing_organ, contact,
  contact_labels, cc, classification, annotation, style, status, event_id, created_at, updated_at`;

const COLUMNS = `kind, title, doc_prefix, doc_year, doc_seq, session, session_key, proposal_no, proposal_title, proposers, proposer_names,
  salutation, lead_unit, result, disclosure, inferred, body, signed_on, issued_on, organ, header, printing_organ,
  contact, contact_labels, cc, classification, annotation, style, search_shadow, search_aside`;
const PARAMS = `@kind, @title, @doc_prefix, @doc_year, @doc_seq, @session, @session_key, @proposal_no, @proposal_title, @proposers, @proposer_names,
  @salutation, @lead_unit, @result, @disclosure, @inferred, @body, @signed_on, @issued_on, @organ, @header, @printing_organ,
  @contact, @contact_labels, @cc, @classification, @annotation, @style, @search_shadow, @search_aside`;

/**
 * The replies to proposals [session, key, number without zeros] (@proposals) whose sessions both have a key.
 * Each proposal is one search of the session index on both its columns (CROSS JOIN keeps the proposals
 * outside: the planner would otherwise walk every keyless reply for the second query).
 */
export const ANSWERING_BY_KEY = `SELECT r.id FROM json_each(@proposals) AS p CROSS JOIN replies r INDEXED BY replies_session
  ON r.session_key = p.value ->> 1 AND ltrim(r.proposal_no, '0') = p.value ->> 2
  WHERE r.proposal_no <> ''`;
/** … and, where neither session has a key, those with the same session text. */
export const ANSWERING_BY_TEXT = `SELECT r.id FROM json_each(@proposals) AS p CROSS JOIN replies r INDEXED BY replies_session
  ON r.session_key IS NULL AND r.session = p.value ->> 0 AND ltrim(r.proposal_no, '0') = p.value ->> 2
  WHERE p.value ->> 1 IS NULL AND r.proposal_no <> ''`;

/** The archive in SQLite: prepared statements behind the ReplyRepository port. */
export class SqliteReplies implements ReplyRepository {
  private readonly stmt;
  private readonly events: EventLog;
  private search: SqliteSearch | undefined;
  /** Whether this connection files imports (see create). */
  private importing = false;

  constructor(
    private readonly db: Database.Database,
    private readonly clock: Clock,
    /** Who the changes made through this connection are recorded as made by; null: not known. */
    operator: string | null = null,
  ) {
    this.events = new EventLog(db, clock, operator);
    this.stmt = {
      get: db.prepare<[number], Row>('SELECT * FROM replies WHERE id = ?'),
      filed: db.prepare<[number], Omit<Row, 'body'>>(`SELECT ${SUMMARY_COLUMNS} FROM replies WHERE id = ?`),
      // Each proposal as [session, its key or null, its number without leading zeros]. By the key where the
      // proposal's session and the reply's both have one, else by the text: a reply whose text is the
      // proposal's has the proposal's key, so the text matters only where neither has a key. Both ways are
      // lookups of the index on (session_key, proposal_no), never a scan of the archive; the second is
      // asked only for proposals whose session has no key.
      answeringByKey: db.prepare<[{ proposals: string }], Omit<Row, 'body'>>(
        `SELECT ${SUMMARY_COLUMNS} FROM replies WHERE id IN (${ANSWERING_BY_KEY}) ORDER BY ${dateOrder()}`,
      ),
      answering: db.prepare<[{ proposals: string }], Omit<Row, 'body'>>(
        `SELECT ${SUMMARY_COLUMNS} FROM replies WHERE id IN (${ANSWERING_BY_KEY} UNION ${ANSWERING_BY_TEXT}) ORDER BY ${dateOrder()}`,
      ),
      byNumber: db.prepare<[string, number, number], Row>(
        'SELECT * FROM replies WHERE doc_prefix = ? AND doc_year = ? AND doc_seq = ?',
      ),
      lastSeq: db.prepare<[string, number], { seq: number | null }>(
        'SELECT max(seq) AS seq FROM doc_numbers WHERE prefix = ? AND year = ?',
      ),
      lowestFreeSeq: db.prepare<{ prefix: string; year: number }, { seq: number }>(
        `WITH used(seq) AS (
           SELECT seq FROM doc_numbers WHERE prefix = @prefix AND year = @year
           UNION SELECT doc_seq FROM replies WHERE doc_prefix = @prefix AND doc_year = @year
         )
         SELECT CASE WHEN NOT EXISTS (SELECT 1 FROM used WHERE seq = 1) THEN 1
                ELSE (SELECT min(u.seq) + 1 FROM used u WHERE NOT EXISTS (SELECT 1 FROM used v WHERE v.seq = u.seq + 1)) END AS seq`,
      ),
      numberHolder: db.prepare<[string, number, number], { reply_id: number }>(
        'SELECT reply_id FROM doc_numbers WHERE prefix = ? AND year = ? AND seq = ?',
      ),
      numberRow: db.prepare<[string, number, number], { id: number }>(
        'SELECT id FROM replies WHERE doc_prefix = ? AND doc_year = ? AND doc_seq = ?',
      ),
      insert: db.prepare(
        `INSERT INTO replies (${COLUMNS}, status, event_id, created_at, updated_at)
         VALUES (${PARAMS}, @status, @event, @now, @now)`,
      ),
      source: db.prepare(
        `INSERT INTO sources (sha256, reply_id, path, format, encoding, text, imported_at)
         VALUES (@sha256, @replyId, @path, @format, @encoding, @text, @now)`,
      ),
      sourceOf: db.prepare<[number], { path: string; sha256: string; format: string; encoding: string; text: string; imported_at: string }>(
        'SELECT path, sha256, format, encoding, text, imported_at FROM sources WHERE reply_id = ? ORDER BY imported_at LIMIT 1',
      ),
      basis: db.prepare<[number, number]>('INSERT INTO reply_bases (reply_id, based_on) VALUES (?, ?)'),
      basisOf: db.prepare<[number], { based_on: number }>('SELECT based_on FROM reply_bases WHERE reply_id = ?'),
      sourceBySha: db.prepare<[string], { reply_id: number; path: string }>(
        'SELECT reply_id, path FROM sources WHERE sha256 = ?',
      ),
      update: db.prepare(
        `UPDATE replies SET ${COLUMNS.split(',').map((c) => `${c.trim()} = @${c.trim()}`).join(', ')},
           status = @status, event_id = @event, updated_at = @now
         WHERE id = @id`,
      ),
      setStatus: db.prepare('UPDATE replies SET status = ?, event_id = ?, updated_at = ? WHERE id = ?'),
      // Signing a reply without a number numbers it in the same row write (each write of a row re-indexes it).
      setStatusNumbered: db.prepare<[string, number, string, string, number, number, number]>(
        'UPDATE replies SET status = ?, event_id = ?, updated_at = ?, doc_prefix = ?, doc_year = ?, doc_seq = ? WHERE id = ?',
      ),
      eventOf: db.prepare<[number], EventRow>('SELECT at, type, operator, reason FROM events WHERE id = ?'),
      logStatus: db.prepare(
        `INSERT INTO status_changes (event_id, reply_id, from_status, to_status, overridden) VALUES (?, ?, ?, ?, ?)`,
      ),
      statusChanges: db.prepare<
        [number],
        { event_id: number; at: string; operator: string | null; from_status: string; to_status: string; reason: string | null; overridden: string | null }
      >(
        `SELECT c.event_id, e.at, e.operator, c.from_status, c.to_status, e.reason, c.overridden
         FROM status_changes c JOIN events e ON e.id = c.event_id WHERE c.reply_id = ? ORDER BY c.event_id`,
      ),
      ledger: db.prepare('INSERT INTO doc_numbers (prefix, year, seq, reply_id, issued_at) VALUES (?, ?, ?, ?, ?)'),
      revision: db.prepare(
        `INSERT INTO revisions (reply_id, revision, event_id, snapshot)
         VALUES (?, (SELECT coalesce(max(revision), 0) + 1 FROM revisions WHERE reply_id = ?), ?, ?)`,
      ),
      history: db.prepare<[number], EventRow & { revision: number; event_id: number; snapshot: string }>(
        `SELECT r.revision, r.event_id, e.at, e.type, e.operator, e.reason, r.snapshot
         FROM revisions r JOIN events e ON e.id = r.event_id WHERE r.reply_id = ? ORDER BY r.revision`,
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
      const now = this.clock.now();
      const docNumber = reply.docNumber ?? (options.numbering === 'none' ? null : this.nextNumber(prefix, reply.signedOn, now));
      if (docNumber) this.claimNumber(docNumber, undefined);
      const status = options.status ?? 'draft';
      const inferred = [...new Set(options.inferred ?? [])];
      const { event, now: at } = this.events.happen('created');
      const params = { ...toParams({ ...reply, docNumber }, inferred), status, event, now: at };
      const { lastInsertRowid } = this.stmt.insert.run(params);
      const id = Number(lastInsertRowid);
      // Another organ's number is kept on the row only: the ledger is the office's own numbering.
      if (docNumber && (!options.foreignNumber || docNumber.prefix === prefix)) {
        this.stmt.ledger.run(docNumber.prefix, docNumber.year, docNumber.seq, id, params.now);
      }
      if (options.source) this.stmt.source.run({ ...options.source, replyId: id, now: params.now });
      if (options.basedOn !== undefined) this.stmt.basis.run(id, options.basedOn);
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

  basisOf(replyId: number): number | undefined {
    return this.stmt.basisOf.get(replyId)?.based_on;
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

  givenTo(n: DocNumber): number | undefined {
    return this.stmt.numberHolder.get(n.prefix, n.year, n.seq)?.reply_id;
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
    // The index on (session_key, proposal_no) finds them: replies to other proposals are not read.
    const keyed = proposals.map((p) => [p.session, sessionKey(p.session), numberKey(p.number)] as const);
    const statement = keyed.some(([, key]) => key === null) ? this.stmt.answering : this.stmt.answeringByKey;
    return statement.all({ proposals: JSON.stringify(keyed) }).map(toSummary);
  }

  private select(columns: string, filter: ListFilter): Row[] {
    const where: string[] = [];
    const params: Record<string, string | number> = {};
    if (filter.year !== undefined) {
      where.push(yearSql('', 'from', 'to'));
      params.from = `${filter.year}-01-01`;
      params.to = `${filter.year + 1}-01-01`;
    }
    if (filter.signedOn) (where.push(`${signedKey()} = @on`), (params.on = filter.signedOn));
    if (filter.status) (where.push('status = @status'), (params.status = filter.status));
    if (filter.notStatus) (where.push('status <> @notStatus'), (params.notStatus = filter.notStatus));
    if (filter.kind) (where.push('kind = @kind'), (params.kind = filter.kind));
    if (filter.result) (where.push('result = @result'), (params.result = filter.result));
    if (filter.proposer) {
      where.push('instr(proposer_names, @proposer) > 0');
      params.proposer = filter.proposer;
    }
    if (filter.incomplete) where.push(incompleteSql());
    const sql = `SELECT ${columns} FROM replies ${where.length ? 'WHERE ' + where.join(' AND ') : ''}
      ORDER BY ${dateOrder()} ${filter.limit !== undefined ? 'LIMIT @limit' : ''}`;
    if (filter.limit !== undefined) params.limit = filter.limit;
    return this.db.prepare<[Record<string, string | number>], Row>(sql).all(params);
  }

  update(id: number, fields: ReplyFields, expectedVersion: number, options: UpdateOptions = {}): Reply {
    const run = this.db.transaction((): Reply => {
      const current = this.current(id, expectedVersion);
      const next = fields.docNumber;
      const moved = next !== null && !(current.docNumber?.equals(next) ?? false);
      if (moved) this.claimNumber(next, id);
      const { event, now } = this.events.happen(options.revert ? 'reverted' : 'edited', options.reason);
      this.keep(current);
      // A field the clerk changes is known from then on, not inferred.
      const inferred = stillInferred(current.inferred, current, fields);
      this.stmt.update.run({ ...toParams(fields, inferred), status: statusAfterEdit(current.status), event, now, id });
      if (moved && (options.ownPrefix === undefined || next.prefix === options.ownPrefix)) {
        this.stmt.ledger.run(next.prefix, next.year, next.seq, id, now);
      }
      return fromRow(this.stmt.get.get(id)!);
    });
    return run.immediate();
  }

  setStatus(id: number, status: Status, expectedVersion: number, note: StatusNote = {}, numbering?: Numbering): Reply {
    const run = this.db.transaction((): Reply => {
      const current = this.current(id, expectedVersion);
      const { event, now } = this.events.happen('status', note.reason);
      this.keep(current);
      // Signing numbers a reply that has none, in this same transaction: the next of the office's (prefix, year), or the one given.
      if (numbering && current.docNumber === null) {
        const n = numbering.docNumber ?? this.nextNumber(numbering.prefix, current.signedOn, new Date(now));
        this.claimNumber(n, id);
        this.stmt.setStatusNumbered.run(status, event, now, n.prefix, n.year, n.seq, id);
        if (n.prefix === numbering.prefix) this.stmt.ledger.run(n.prefix, n.year, n.seq, id, now);
      } else {
        this.stmt.setStatus.run(status, event, now, id);
      }
      const overridden = note.overridden?.length ? JSON.stringify(note.overridden) : null;
      this.stmt.logStatus.run(event, id, current.status, status, overridden);
      return fromRow(this.stmt.get.get(id)!);
    });
    return run.immediate();
  }

  statusChanges(id: number): StatusChange[] {
    return this.stmt.statusChanges.all(id).map((r) => ({
      event: r.event_id,
      at: r.at,
      operator: r.operator,
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
    const earlier = this.stmt.history.all(id).map((r) => revisionOf(r.revision, r, fromSnapshot(r.snapshot, r.event_id)));
    return [...earlier, revisionOf(earlier.length + 1, this.stmt.eventOf.get(row.event_id)!, fromRow(row))];
  }

  /** The search over this archive, made on first use. */
  fullText(): SqliteSearch {
    return (this.search ??= new SqliteSearch(this.db, (id) => this.get(id)));
  }

  close(): void {
    this.db.close();
  }

  /**
   * The next number of the office's (prefix, year), the year that of the signed date (else of today):
   * the number after the year's last. An archive whose last is the largest serial there is (taken in
   * by a version that did not bound typed serials) numbers on in the lowest gap, a serial never given.
   */
  private nextNumber(prefix: string, signedOn: string | null, now: Date): DocNumber {
    const year = signedOn ? Number(signedOn.slice(0, 4)) : now.getFullYear();
    const last = this.stmt.lastSeq.get(prefix, year)?.seq ?? 0;
    const seq = last < MAX_SEQ ? last + 1 : (this.stmt.lowestFreeSeq.get({ prefix, year })?.seq ?? 1);
    if (seq > MAX_SEQ) throw new ReplyError('docNumber.exhausted', { prefix, year, max: MAX_SEQ });
    return DocNumber.of(prefix, year, seq);
  }

  /** Refuses a number that any reply holds (another organ's too, which the ledger does not hold) or ever held. */
  private claimNumber(n: DocNumber, forId: number | undefined): void {
    const current = this.stmt.numberRow.get(n.prefix, n.year, n.seq);
    if (current && current.id !== forId) throw new ReplyError('docNumber.taken', { docNumber: n.toString(), id: current.id });
    if (this.stmt.numberHolder.get(n.prefix, n.year, n.seq)) throw new ReplyError('docNumber.usedBefore', { docNumber: n.toString() });
  }

  /** The reply as it stands, if it is still the version the change was made on. */
  private current(id: number, expectedVersion: number): Reply {
    const row = this.stmt.get.get(id);
    if (!row) throw new ReplyError('reply.notFound', { id: String(id) });
    if (row.event_id !== expectedVersion) throw new ReplyError('reply.changedMeanwhile', { id });
    return fromRow(row);
  }

  /** Keeps the state a change is about to replace, as it was, under the event that made it. */
  private keep(current: Reply): void {
    const { version: _version, ...snapshot } = current;
    this.stmt.revision.run(current.id, current.id, current.version, JSON.stringify(snapshot));
  }

}

interface EventRow {
  at: string;
  type: Revision['change'];
  operator: string | null;
  reason: string | null;
}

function revisionOf(revision: number, event: EventRow, reply: Reply): Revision {
  return { revision, at: event.at, change: event.type, operator: event.operator, reason: event.reason, reply };
}

function toParams(r: ReplyFields, inferred: readonly RecordField[]): Record<string, string | number | null> {
  return {
    kind: r.kind,
    title: replyTitle(r.kind, r.session, r.proposalNo),
    doc_prefix: r.docNumber?.prefix ?? null,
    doc_year: r.docNumber?.year ?? null,
    doc_seq: r.docNumber?.seq ?? null,
    // Unknown is '' in the archive (the columns have been NOT NULL since step 1), null in the record.
    session: r.session ?? '',
    session_key: r.session === null ? null : sessionKey(r.session),
    proposal_no: r.proposalNo ?? '',
    proposal_title: r.proposalTitle,
    proposers: JSON.stringify(r.proposers),
    proposer_names: r.proposers.map((p) => p.name).join('、'),
    search_shadow: searchShadow(`${r.proposalTitle}\n${r.proposers.map((p) => p.name).join('、')}\n${r.body}`),
    search_aside: searchAside(r),
    salutation: r.salutation,
    lead_unit: r.leadUnit,
    result: r.result,
    disclosure: r.disclosure,
    inferred: JSON.stringify(inferred),
    body: r.body,
    signed_on: r.signedOn,
    issued_on: r.issuedOn,
    organ: r.organ ?? '',
    header: r.header,
    printing_organ: r.printingOrgan,
    contact: JSON.stringify(r.contact),
    contact_labels: JSON.stringify(r.contactLabels),
    cc: JSON.stringify(r.cc),
    classification: JSON.stringify(r.classification),
    annotation: r.annotation,
    style: r.style,
  };
}

function toSummary(row: Omit<Row, 'body'>): ReplySummary {
  const { body: _body, ...summary } = fromRow({ ...row, body: '' });
  return summary;
}

function fromRow(row: Row): Reply {
  return {
    id: row.id,
    // A lead unit stored with a reply to proposers (an older version took one) does not address it.
    ...addressingOf(row.kind as Kind, row.lead_unit),
    docNumber: row.doc_prefix === null ? null : DocNumber.of(row.doc_prefix, row.doc_year!, row.doc_seq!),
    session: row.session || null,
    proposalNo: row.proposal_no || null,
    proposalTitle: row.proposal_title,
    proposers: JSON.parse(row.proposers),
    salutation: row.salutation,
    result: row.result,
    disclosure: row.disclosure,
    body: row.body,
    signedOn: row.signed_on as IsoDate | null,
    issuedOn: row.issued_on as IsoDate | null,
    organ: row.organ || null,
    header: row.header,
    printingOrgan: row.printing_organ,
    contact: JSON.parse(row.contact),
    contactLabels: JSON.parse(row.contact_labels),
    cc: JSON.parse(row.cc),
    classification: JSON.parse(row.classification),
    annotation: row.annotation,
    style: row.style as DocStyle | null,
    status: row.status as Status,
    inferred: inferredOf(row.inferred),
    version: row.event_id,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The stored list of inferred fields; a name this version does not know is left out. */
function inferredOf(json: string): RecordField[] {
  const list: unknown = JSON.parse(json);
  return Array.isArray(list) ? list.filter(isRecordField) : [];
}

/**
 * A stored earlier state. Snapshots before step 4 always have a doc number (an
 * object) and a signed date, and no inferred fields; later ones may have null.
 */
function fromSnapshot(json: string, event: number): Reply {
  const data = JSON.parse(json) as Omit<Reply, 'docNumber' | 'inferred' | 'version'> & {
    docNumber: { prefix: string; year: number; seq: number } | null;
    inferred?: unknown;
  };
  return {
    ...data,
    ...addressingOf(data.kind, data.leadUnit),
    docNumber: data.docNumber ? DocNumber.of(data.docNumber.prefix, data.docNumber.year, data.docNumber.seq) : null,
    signedOn: data.signedOn ?? null,
    // Snapshots before the record said null for what is not known held ''.
    session: data.session || null,
    proposalNo: data.proposalNo || null,
    organ: data.organ || null,
    // Snapshots before step 11 have no marks above the 标志 and no 附注.
    classification: data.classification ?? {},
    annotation: data.annotation ?? null,
    // … and those before step 12 no layout of their own.
    style: data.style ?? null,
    inferred: Array.isArray(data.inferred) ? data.inferred.filter(isRecordField) : [],
    version: event,
  };
}
