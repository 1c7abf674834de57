import type { SimilarProbe } from './similar.js';
import type { DocNumber } from './doc-number.js';
import type { NewReply } from './fields.js';
import type { IsoDate } from './dates.js';
import type { Feedback, Rating } from './handling.js';
import type { Proposal, ProposalFields } from './proposal.js';
import type { Kind, RecordField, Reply, ReplyFields, ReplySummary, Status } from './reply.js';
import type { SearchTerm } from './search-query.js';

export interface ListFilter {
  readonly year?: number;
  readonly status?: Status;
  /** All but those in this status (list leaves out the void ones unless asked). */
  readonly notStatus?: Status;
  readonly kind?: Kind;
  readonly result?: string;
  /** Matches any proposer whose name contains this text. */
  readonly proposer?: string;
  /** Only those signed on this day. */
  readonly signedOn?: IsoDate;
  /** Only records that lack a needed field (as missingOf says: no proposer, session, number, date or organ). */
  readonly incomplete?: boolean;
  /** At most this many, the newest first. */
  readonly limit?: number;
}

/** One stored state of a reply; revision 1 is the reply as filed. */
export interface Revision {
  readonly revision: number;
  /** When, as the clock said; the order is the revision number. */
  readonly at: string;
  /** What made this revision: created, edited, reverted to an earlier revision, or a status change. */
  readonly change: 'created' | 'edited' | 'reverted' | 'status';
  /** Who made it; null where the archive did not record it (before schema step 8). */
  readonly operator: string | null;
  /** Why, where a reason was given. */
  readonly reason: string | null;
  readonly reply: Reply;
}

/** The file an imported reply was read from, kept verbatim beside it. */
export interface Source {
  readonly path: string;
  readonly sha256: string;
  /** txt, md or docx */
  readonly format: string;
  /** utf-8 or gb18030 for text files; the .docx text is UTF-8 */
  readonly encoding: string;
  readonly text: string;
}

export interface CreateOptions {
  /** Imported replies come in as they were published: sent. */
  readonly status?: Status;
  readonly source?: Source;
  /**
   * What a reply given without a doc number gets: 'allocate', the next number of (prefix, year), as
   * `reply new` does (the default); 'none', no number at all: an imported reply that printed none.
   */
  readonly numbering?: 'allocate' | 'none';
  /**
   * The given doc number is another organ's (a reply of 普府 imported into 普发改委's archive): it is
   * kept on the row, found by findByDocNumber and held by no other reply, but not entered in the
   * office's ledger of numbers given out, so it never touches the office's own numbering. A number
   * with the office's own prefix (create's `prefix`) is entered all the same.
   */
  readonly foreignNumber?: boolean;
  /** The fields whose value the reader inferred rather than read printed (Reply.inferred). */
  readonly inferred?: readonly RecordField[];
  /** The past reply the draft was started from (reply new --from). */
  readonly basedOn?: number;
}

export interface UpdateOptions {
  /**
   * The office's own prefix: a new doc number with another one is another organ's, kept on the row
   * but not entered in the ledger. Without it every new number is entered.
   */
  readonly ownPrefix?: string;
  /** Why the change was made (required where it goes past a guard: a signed reply edited). */
  readonly reason?: string;
  /** The new state restores an earlier revision (reply revert): the change is logged as a revert. */
  readonly revert?: boolean;
}

/** The archive as the core sees it. Every write is one transaction. */
export interface ReplyRepository {
  /**
   * Files a reply; allocates the next doc number of (prefix, year) when none is given (unless
   * options.numbering is 'none'). `prefix` is the office's own.
   */
  create(reply: NewReply, prefix: string, options?: CreateOptions): Reply;
  /** The reply imported from a file with this sha256, if any. */
  importedFrom(sha256: string): { readonly replyId: number; readonly path: string } | undefined;
  /** The file a reply was imported from, with its text as read. */
  sourceOf(replyId: number): (Source & { readonly importedAt: string }) | undefined;
  /** The past reply a reply was started from, if it was (reply new --from). */
  basisOf(replyId: number): number | undefined;
  get(id: number): Reply | undefined;
  findByDocNumber(docNumber: DocNumber): Reply | undefined;
  /** The reply a number of the office's ledger was given to, though it may carry another now (renumbered). */
  givenTo(docNumber: DocNumber): number | undefined;
  list(filter: ListFilter): Reply[];
  /** As list, without the bodies: for tables that show none. */
  summaries(filter: ListFilter): ReplySummary[];
  /**
   * The replies (without bodies, void ones included) to these proposals: the same session (by its
   * key when both wordings have one, else as written) and number (leading zeros aside: 057 = 57).
   */
  answering(proposals: readonly { readonly session: string; readonly number: string }[]): ReplySummary[];
  /**
   * Stores new fields, keeping the previous state as a revision; an inferred field whose value
   * changes is inferred no more.
   */
  update(id: number, fields: ReplyFields, expectedVersion: number, options?: UpdateOptions): Reply;
  /** Moves a reply on; the change is logged with the reason and the check errors a forced step overrode. */
  setStatus(id: number, status: Status, expectedVersion: number, note?: StatusNote, numbering?: Numbering): Reply;
  history(id: number): Revision[];
  /** Every status change of a reply since the log began, oldest first. */
  statusChanges(id: number): StatusChange[];
  /** Full-text search over the same archive. */
  fullText(): ReplySearch;
  close(): void;
}

/** What `reply search` and `reply similar` keep: the list filters, plus the organ. */
export interface SearchFilter extends ListFilter {
  /** Matches an organ whose name contains this text. */
  readonly organ?: string;
}

export interface SearchHit {
  readonly reply: Reply;
  /**
   * title: a term was found in the title or proposal title (these come first, newest signed date first);
   * text: found elsewhere only (then, newest signed date first); similar: a `reply similar` result;
   * docNumber: the query is the reply's doc number, in any form it is typed in (it comes first).
   */
  readonly hit: 'title' | 'text' | 'similar' | 'docNumber';
}

export interface SimilarResult {
  readonly hits: SearchHit[];
  /** The distinctive trigrams of the reply that the hits were looked up by. */
  readonly terms: string[];
}

/** Full-text search: title, proposal title, proposers and body. */
export interface ReplySearch {
  /** Replies that hold every positive term and no negated one; at most filter.limit (default 20). */
  search(terms: readonly SearchTerm[], filter: SearchFilter): SearchHit[];
  /**
   * The same page, and how many replies hold the query in all, counted up to `cap`: beyond it, only that
   * there are more (counting every hit of a common word would read most of the archive).
   */
  searchCounted(terms: readonly SearchTerm[], filter: SearchFilter, cap: number): { readonly hits: SearchHit[]; readonly total: number; readonly more: boolean };
  /** The replies closest to reply `id` (never itself), or to a proposal's title and text; optionally also holding `terms`. */
  similar(of: number | SimilarProbe, filter: SearchFilter, terms?: readonly SearchTerm[]): SimilarResult;
  /** Rebuilds the index from the replies; returns how many replies it holds. */
  reindex(): number;
}

/**
 * A finding a forced change went past, as the log keeps it: its rule, line,
 * and message key with its parameters, translated when shown (an archive of
 * an older version holds the sentence as it was shown then).
 */
export type OverriddenFinding = { readonly code: string; readonly line: number } & (
  | { readonly key: string; readonly params: Readonly<Record<string, string | number>> }
  | { readonly message: string }
);

/**
 * How a reply without a doc number is numbered as it is signed: `docNumber` when the clerk gave
 * one (checked as any typed number), else the next free one of the office's `prefix` and the year
 * of the signed date.
 */
export interface Numbering {
  readonly prefix: string;
  readonly docNumber?: DocNumber;
}

/** Why a status changed, when a rule had to be overridden. */
export interface StatusNote {
  readonly reason?: string;
  /** The check's errors the change went past. */
  readonly overridden?: readonly OverriddenFinding[];
}

export interface StatusChange extends StatusNote {
  /** Its event: the version of the reply it made (Reply.version of that revision). */
  readonly event: number;
  readonly at: string;
  /** Who made it; null where not recorded. */
  readonly operator: string | null;
  readonly from: Status;
  readonly to: Status;
}

/** The proposals assigned to the office, their deadlines and the feedback on their replies. */
export interface HandlingRepository {
  /** Files a proposal with its first deadline; refuses a second one of the same session and number. */
  addProposal(fields: ProposalFields): Proposal;
  proposal(id: number): Proposal | undefined;
  /** The proposals of this number, in any session (or in the one given). */
  proposalsByNumber(number: string, session?: string): Proposal[];
  /** All proposals, the latest assigned first; or those assigned in a year. */
  proposals(year?: number): Proposal[];
  /** A new due date for a proposal, with the reason: an extension (延期). */
  extend(id: number, dueOn: IsoDate, reason: string): Proposal;
  /** Corrects a proposal's fields (its deadlines stay: firstDueOn is not stored), on the version given, with the reason; the state before is kept. */
  editProposal(id: number, fields: ProposalFields, expectedVersion: number, reason: string): Proposal;
  /** Withdraws a proposal (撤案、并案), with the reason; it is kept, out of what is due. */
  withdrawProposal(id: number, expectedVersion: number, reason: string): Proposal;
  /** Every state of a proposal, the first registered first; the last is the current one. */
  proposalHistory(id: number): ProposalRevision[];
  /**
   * Records the answer to a reply. A 不满意 reopens the handling of the
   * reply's proposal, when one is filed, with a new due date: both in one transaction.
   */
  addFeedback(entry: { replyId: number; rating: Rating; note: string | null; receivedOn: IsoDate; reopenDueOn: IsoDate | null }): Feedback;
  feedback(replyId?: number): Feedback[];
  /** Takes back an answer recorded by mistake, with the reason: it is kept, marked, and counts no more. */
  retractFeedback(id: number, reason: string): Feedback;
}

/** One stored state of a proposal; revision 1 is the proposal as registered. */
export interface ProposalRevision {
  readonly revision: number;
  readonly at: string;
  readonly change: 'proposed' | 'proposal-edited' | 'withdrawn';
  readonly operator: string | null;
  readonly reason: string | null;
  readonly proposal: Omit<Proposal, 'deadlines'>;
}

export interface Clock {
  now(): Date;
}

/** Which changes `reply log` lists: by whom, since when, of which reply; the newest first, at most `limit`. */
export interface LogFilter {
  readonly by?: string;
  /** The earliest time, as an ISO instant. */
  readonly since?: string;
  readonly replyId?: number;
  readonly limit: number;
}

/** One change of the archive, as the log lists it: what happened, to what, by whom and why. */
export interface LogEntry {
  readonly event: number;
  readonly at: string;
  readonly type: 'created' | 'edited' | 'reverted' | 'status' | 'deadline' | 'feedback' | 'retracted' | 'proposed' | 'proposal-edited' | 'withdrawn';
  readonly operator: string | null;
  readonly reason: string | null;
  /** The reply it changed, or the one an answer was about; null for a proposal's change. */
  readonly replyId: number | null;
  readonly proposalId: number | null;
  /** A status change's step. */
  readonly from: Status | null;
  readonly to: Status | null;
  /** An answer's rating (recorded or retracted). */
  readonly rating: Rating | null;
  /** A deadline's date and cause. */
  readonly dueOn: IsoDate | null;
  readonly cause: 'assigned' | 'extended' | 'reopened' | null;
}

/** The archive's event log, read. */
export interface ArchiveLog {
  entries(filter: LogFilter): LogEntry[];
}

/** What an archive says of its own health (reply doctor). */
export interface ArchiveHealth {
  /** SQLite's integrity_check: 'ok', or what it found (the first ten). */
  readonly integrity: readonly string[];
  /** Rows that point to a row that is not there (foreign_key_check), as table → count. */
  readonly orphans: Readonly<Record<string, number>>;
  /** Serials of a prefix and year that were never given, below the year's last: numbers typed past the next one. */
  readonly gaps: readonly { readonly prefix: string; readonly year: number; readonly missing: number; readonly first: number }[];
  /** Replies whose entry in the search index does not match their text (or entries of no reply): how many, and the first ids. */
  readonly searchIndex: { readonly unmatched: number; readonly first: readonly number[] };
  /** null when the file is too damaged to count them. */
  readonly replies: number | null;
  readonly bytes: number;
}

/** Keeping the archive: a copy while others write, and a look at its health. Neither changes it. */
export interface ArchiveCare {
  /** Copies the archive to a new file with SQLite's online backup, and checks the copy whole. */
  backup(target: string): Promise<{ readonly replies: number; readonly bytes: number; readonly integrity: readonly string[] }>;
  health(): ArchiveHealth;
  /** Every row of the record as lines of JSON (reply export). */
  dump(): Iterable<string>;
  /** Files a dump into this archive, which must hold nothing yet: one transaction, every row as it was. */
  restore(lines: AsyncIterable<string>, where: string): Promise<{ readonly rows: number; readonly replies: number }>;
}
