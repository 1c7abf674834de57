import { fixReply } from '../checks/index.js';
import type { Finding } from '../checks/index.js';
import { dayOf, type IsoDate } from '../dates.js';
import { DocNumber } from '../doc-number.js';
import { ReplyError, ValidationError } from '../errors.js';
import { changedFields } from '../fields.js';
import { handlingOf, standing, type Handling, type Rating, type Feedback } from '../handling.js';
import type { ArchiveLog, Clock, HandlingRepository, LogEntry, LogFilter, ProposalRevision, OverriddenFinding, ReplyRepository, Revision, StatusNote } from '../ports.js';
import { answersProposal, type Proposal, type ProposalFields } from '../proposal.js';
import { assertEditable, isGuardedStep, type Reply, type ReplyFields, type ReplySummary, type Status } from '../reply.js';
import { decideExtension, type ExtensionDecision, type ExtensionRequest } from './extension.js';
import { decideFeedback, type FeedbackDecision } from './feedback.js';
import { decideStatusChange, type ParsedRequest, type StatusDecision } from './status.js';

/** The past reply a reply was started from, as the check reads it. */
export type Basis = { readonly id: number; readonly body: string };

/** What the workflow is run over: the archive, the checker and the clock, each made when first asked for. */
export interface WorkflowPorts {
  replies(): Promise<ReplyRepository>;
  handling(): Promise<HandlingRepository>;
  log(): Promise<ArchiveLog>;
  checker(): Promise<{ findings(reply: Reply, basis?: Basis): Finding[] }>;
  /** Whether there is an archive yet: a lookup in none finds nothing, and creates none. */
  exists(): boolean;
  readonly clock: Clock;
  /** The office's doc-number prefix, which a number typed without one takes; none outside a workspace. */
  docPrefix(): string | undefined;
}

export type StatusOutcome =
  | { readonly ok: true; readonly from: Status; readonly reply: Reply; readonly note: StatusNote }
  | Extract<StatusDecision, { ok: false }>
  /** A number was given for a step that gives none: not signing, or a reply numbered already. */
  | { readonly ok: false; readonly refusal: 'numberNotNeeded' };

/** How signing numbers a reply that has none. */
export interface SigningNumber {
  /** The office's prefix; without it (no workspace) nothing is numbered. */
  readonly prefix?: string;
  /** The office numbers its replies as they are signed (config numbering "sign"). */
  readonly atSigning?: boolean;
  /** The number the clerk gave (--doc-number). */
  readonly docNumber?: DocNumber;
}

export type FeedbackOutcome =
  | {
      readonly ok: true;
      readonly filed: Feedback;
      /** The registered proposal the reply answers, if any. */
      readonly proposal: Proposal | undefined;
      readonly reopenDueOn: IsoDate | null;
      readonly unfollowed: boolean;
    }
  | Extract<FeedbackDecision, { ok: false }>;

export type ExtensionOutcome =
  | { readonly ok: true; readonly before: Handling; readonly after: Handling }
  | Extract<ExtensionDecision, { ok: false }>;

/** A fix that changed something, saved as an edit, and the number of the revision it made. */
export interface FixOutcome {
  readonly reply: Reply;
  readonly revision: number;
}

/** Why a change to a record is not made: nothing would change; or the record is in no state for it. */
export type CorrectionRefusal =
  | { readonly ok: false; readonly refusal: 'noChange' }
  | { readonly ok: false; readonly refusal: 'noRevision'; readonly revisions: number }
  | { readonly ok: false; readonly refusal: 'noFeedback'; readonly count: number }
  | { readonly ok: false; readonly refusal: 'retractedAlready' }
  | { readonly ok: false; readonly refusal: 'withdrawnAlready' };

/** How a correction is asked for: forced past the signature, with the reason given. */
export interface Correction {
  readonly force?: boolean;
  readonly reason?: string;
}

/**
 * The use cases of the workflow: each looks up what its decision needs, asks
 * the pure decision (status.ts, feedback.ts, extension.ts), and writes what
 * was decided in one transaction of the archive. A refusal comes back as data
 * for the caller to word; nothing is written then.
 */
export class Workflow {
  constructor(private readonly ports: WorkflowPorts) {}

  /** A reply by its numeric id or by its doc number in any typed form. */
  async reply(ref: string): Promise<Reply> {
    const text = ref.trim();
    const repo = this.ports.exists() ? await this.ports.replies() : undefined;
    if (/^\d+$/.test(text)) {
      const reply = repo?.get(Number(text));
      if (!reply) throw new ReplyError('reply.notFound', { id: text });
      return reply;
    }
    let docNumber: DocNumber;
    try {
      docNumber = DocNumber.parse(text, this.ports.docPrefix());
    } catch (error) {
      if (error instanceof ValidationError) throw new ReplyError('reply.badId', { id: text });
      throw error;
    }
    const reply = repo?.findByDocNumber(docNumber);
    if (reply) return reply;
    // A number given out once and left (the reply was renumbered) is burnt: say which reply it was given to.
    const holder = repo?.givenTo(docNumber);
    const now = holder === undefined ? undefined : repo!.get(holder);
    if (now?.docNumber) throw new ReplyError('reply.numberMoved', { docNumber: docNumber.toString(), id: now.id, now: now.docNumber.toString() });
    if (now) throw new ReplyError('reply.numberDropped', { docNumber: docNumber.toString(), id: now.id });
    throw new ReplyError('reply.notFound', { id: docNumber.toString() });
  }

  /**
   * A proposal as clerks name it: by its number (152104, 第152104号), within a
   * session when the number recurs, or by its register id (#3).
   */
  async proposal(ref: string, session?: string): Promise<Proposal> {
    const repo = this.ports.exists() ? await this.ports.handling() : undefined;
    const value = ref.trim();
    const byId = /^#\s*(\d+)$/.exec(value);
    if (byId) {
      const proposal = repo?.proposal(Number(byId[1]));
      if (!proposal) throw new ReplyError('proposal.notFound', { value });
      return proposal;
    }
    const number = value.replace(/^第/u, '').replace(/号$/u, '');
    const found = repo?.proposalsByNumber(number, session?.trim()) ?? [];
    if (found.length === 0) throw new ReplyError('proposal.notFound', { value });
    if (found.length > 1) throw new ReplyError('proposal.ambiguous', { value, list: found.map((p) => `#${p.id} ${p.session}`).join('、') });
    return found[0]!;
  }

  /** The past reply a reply was started from (reply new --from): its id and its body as it stands. */
  async basisOf(reply: Pick<Reply, 'id'>): Promise<Basis | undefined> {
    if (!this.ports.exists()) return undefined;
    const repo = await this.ports.replies();
    const id = repo.basisOf(reply.id);
    const past = id === undefined ? undefined : repo.get(id);
    return past && { id: past.id, body: past.body };
  }

  /** The registered proposal a reply answers; none for one naming no session or number, or where none is registered. */
  async proposalOf(reply: Pick<Reply, 'session' | 'proposalNo'>): Promise<Proposal | undefined> {
    if (reply.session === null || reply.proposalNo === null || !this.ports.exists()) return undefined;
    return (await this.ports.handling()).proposalsByNumber(reply.proposalNo, reply.session)[0];
  }

  /**
   * The drafts still open (draft or checked) for the registered proposal these fields answer, and
   * that proposal: a second draft for it is filed only when forced (the first may simply be forgotten).
   */
  async openDrafts(fields: Pick<Reply, 'session' | 'proposalNo'>): Promise<{ readonly proposal: Proposal; readonly drafts: readonly ReplySummary[] } | undefined> {
    const proposal = await this.proposalOf(fields);
    if (!proposal) return undefined;
    const drafts = (await this.ports.replies()).answering([proposal]).filter((r) => r.status === 'draft' || r.status === 'checked');
    return drafts.length ? { proposal, drafts } : undefined;
  }

  /** Where the handling of each proposal stands on `today`, with its replies and the feedback on them. */
  async handlings(proposals: readonly Proposal[], today: IsoDate): Promise<Handling[]> {
    if (proposals.length === 0) return [];
    const replies = (await this.ports.replies()).answering(proposals);
    const feedback = (await this.ports.handling()).feedback();
    return proposals.map((p) => handlingOf(p, replies.filter((r) => answersProposal(r, p)), feedback, today));
  }

  /** The handling of every filed proposal (of a year, by assigned date). */
  async allHandlings(today: IsoDate, year?: number): Promise<Handling[]> {
    return this.handlings((await this.ports.handling()).proposals(year), today);
  }

  /**
   * Moves a reply on, through the check where the step is guarded; a forced step keeps what it went
   * past. Signing numbers a reply that has no number yet, in the same transaction: with the number
   * given, or (the office numbering at signing) the next free one.
   */
  async changeStatus(reply: Reply, request: Extract<ParsedRequest, { ok: true }>, numbering: SigningNumber = {}): Promise<StatusOutcome> {
    const signs = request.to === 'signed';
    if (numbering.docNumber && (!signs || reply.docNumber !== null)) return { ok: false, refusal: 'numberNotNeeded' };
    const numbers = signs && reply.docNumber === null && numbering.prefix !== undefined && (numbering.atSigning === true || numbering.docNumber !== undefined);
    const checker = isGuardedStep(request.to) ? await this.ports.checker() : undefined;
    const basis = checker ? await this.basisOf(reply) : undefined;
    const decision = decideStatusChange(reply, request, () => checker!.findings(reply, basis), numbers);
    if (!decision.ok) return decision;
    const overridden: OverriddenFinding[] | undefined = decision.overridden?.map((f) => ({ code: f.code, line: f.line, key: f.key, params: f.params }));
    const note: StatusNote = { ...(decision.reason ? { reason: decision.reason } : {}), ...(overridden ? { overridden } : {}) };
    const given = numbers ? { prefix: numbering.prefix!, ...(numbering.docNumber ? { docNumber: numbering.docNumber } : {}) } : undefined;
    const after = (await this.ports.replies()).setStatus(reply.id, decision.to, reply.version, note, given);
    return { ok: true, from: reply.status, reply: after, note };
  }

  /** Records a proposer's answer to a reply; a 不满意 that stands reopens the proposal, in the same transaction. */
  async recordFeedback(
    reply: Reply,
    request: { readonly rating: Rating; readonly receivedOn: IsoDate; readonly note: string | null; readonly reopenMonths: number },
  ): Promise<FeedbackOutcome> {
    const handling = await this.ports.handling();
    const proposal = await this.proposalOf(reply);
    const decision = decideFeedback(reply, { ...request, today: dayOf(this.ports.clock.now()) }, {
      proposal,
      answers: proposal ? (await this.ports.replies()).answering([proposal]) : [],
      feedback: proposal ? standing(handling.feedback()) : [],
      reopenMonths: request.reopenMonths,
    });
    if (!decision.ok) return decision;
    const { rating, note, receivedOn } = request;
    const filed = handling.addFeedback({ replyId: reply.id, rating, note, receivedOn, reopenDueOn: decision.reopenDueOn });
    return { ok: true, filed, proposal, reopenDueOn: decision.reopenDueOn, unfollowed: decision.unfollowed };
  }

  /** A later deadline for a proposal not yet answered, with the reason. */
  async extend(proposal: Proposal, request: ExtensionRequest, reason: string, today: IsoDate): Promise<ExtensionOutcome> {
    const [before] = await this.handlings([proposal], today);
    const decision = decideExtension(before!, request);
    if (!decision.ok) return decision;
    const [after] = await this.handlings([(await this.ports.handling()).extend(proposal.id, decision.to, reason)], today);
    return { ok: true, before: before!, after: after! };
  }

  /**
   * Saves new fields of a reply as an edit, whose revision keeps the state before. A reply that went
   * out is changed only when forced, with a reason. `ownPrefix` is the office's: a number of another
   * organ (completing an imported reply) is kept on the record, not in the office's ledger.
   */
  async edit(reply: Reply, next: ReplyFields, change: Correction & { readonly ownPrefix?: string } = {}): Promise<FixOutcome | CorrectionRefusal> {
    assertEditable(reply, change.force ?? false, change.reason);
    if (changedFields(reply, next).length === 0) return { ok: false, refusal: 'noChange' };
    const repo = await this.ports.replies();
    const updated = repo.update(reply.id, next, reply.version, {
      ...(change.ownPrefix ? { ownPrefix: change.ownPrefix } : {}),
      ...(change.reason?.trim() ? { reason: change.reason.trim() } : {}),
    });
    return { reply: updated, revision: repo.history(reply.id).length };
  }

  /** The archive's changes, the newest first; none where there is no archive yet. */
  async log(filter: LogFilter): Promise<LogEntry[]> {
    return this.ports.exists() ? (await this.ports.log()).entries(filter) : [];
  }

  /** Every state of a reply, the first filed first; the last is the current one. */
  async history(reply: Pick<Reply, 'id'>): Promise<Revision[]> {
    return (await this.ports.replies()).history(reply.id);
  }

  /**
   * A new revision whose fields and body are those of revision `n` (nothing earlier is changed or
   * removed). The doc number stays as it is now: numbers are given and moved by signing and by an
   * edit of the number alone, never taken back by a revert.
   */
  async revert(reply: Reply, n: number, change: Correction = {}): Promise<(FixOutcome & { readonly to: Revision }) | CorrectionRefusal> {
    const history = await this.history(reply);
    const to = history[n - 1];
    if (!Number.isInteger(n) || !to) return { ok: false, refusal: 'noRevision', revisions: history.length };
    assertEditable(reply, change.force ?? false, change.reason);
    const next: ReplyFields = { ...fieldsOf(to.reply), docNumber: reply.docNumber };
    if (changedFields(reply, next).length === 0) return { ok: false, refusal: 'noChange' };
    const repo = await this.ports.replies();
    const updated = repo.update(reply.id, next, reply.version, { revert: true, ...(change.reason?.trim() ? { reason: change.reason.trim() } : {}) });
    return { reply: updated, revision: history.length + 1, to };
  }

  /** The answers recorded on a reply, in the order recorded (as `reply show` numbers them). */
  async feedbackOn(reply: Pick<Reply, 'id'>): Promise<Feedback[]> {
    return this.ports.exists() ? (await this.ports.handling()).feedback(reply.id) : [];
  }

  /** Takes back the `n`th answer recorded on a reply (recorded by mistake), with the reason; a reopening it caused no longer counts. */
  async retractFeedback(reply: Reply, n: number, reason: string): Promise<{ readonly ok: true; readonly retracted: Feedback } | CorrectionRefusal> {
    const list = await this.feedbackOn(reply);
    const target = Number.isInteger(n) ? list[n - 1] : undefined;
    if (!target) return { ok: false, refusal: 'noFeedback', count: list.length };
    if (target.retracted) return { ok: false, refusal: 'retractedAlready' };
    return { ok: true, retracted: (await this.ports.handling()).retractFeedback(target.id, reason) };
  }

  /** Corrects a registered proposal's fields (its deadlines stay), with the reason; the state before is kept. */
  async editProposal(proposal: Proposal, next: ProposalFields, reason: string): Promise<{ readonly ok: true; readonly proposal: Proposal } | CorrectionRefusal> {
    if (proposal.status === 'withdrawn') return { ok: false, refusal: 'withdrawnAlready' };
    const fields = (p: ProposalFields) =>
      JSON.stringify([p.kind, p.session, p.number, p.title, p.proposers, p.assignedOn, p.role, p.leadUnit]);
    if (fields(proposal) === fields(next)) return { ok: false, refusal: 'noChange' };
    return { ok: true, proposal: (await this.ports.handling()).editProposal(proposal.id, next, proposal.version, reason) };
  }

  /** Every state of a proposal, the first registered first. */
  async proposalHistory(proposal: Pick<Proposal, 'id'>): Promise<ProposalRevision[]> {
    return (await this.ports.handling()).proposalHistory(proposal.id);
  }

  /** Withdraws a proposal (撤案、并案), with the reason: it stays registered, out of what is due and of the figures. */
  async withdrawProposal(proposal: Proposal, reason: string): Promise<{ readonly ok: true; readonly proposal: Proposal } | CorrectionRefusal> {
    if (proposal.status === 'withdrawn') return { ok: false, refusal: 'withdrawnAlready' };
    return { ok: true, proposal: (await this.ports.handling()).withdrawProposal(proposal.id, proposal.version, reason) };
  }

  /**
   * Repairs what is mechanical in a reply (full-width punctuation, the salutation's colon …) and
   * saves it as an edit, whose revision keeps the state before; nothing when there is nothing to fix.
   * A reply that went out is fixed only when forced, as any edit.
   */
  async fix(reply: Reply, force: boolean, reason?: string): Promise<FixOutcome | undefined> {
    assertEditable(reply, force, reason);
    const next = this.fixed(reply);
    if (!next) return undefined;
    const repo = await this.ports.replies();
    const updated = repo.update(reply.id, next, reply.version, reason?.trim() ? { reason: reason.trim() } : {});
    return { reply: updated, revision: repo.history(reply.id).length };
  }

  /** What `fix` would save, written nowhere (check --fix --dry-run): undefined when there is nothing to fix. */
  fixed(reply: Reply): ReplyFields | undefined {
    const next: ReplyFields = fixReply(reply);
    return changedFields(reply, next).length === 0 ? undefined : next;
  }
}

/** The fields of a stored state, without what the archive keeps about the record itself. */
function fieldsOf(reply: Reply): ReplyFields {
  const { id: _id, status: _status, inferred: _inferred, version: _version, createdAt: _created, updatedAt: _updated, ...fields } = reply;
  return fields;
}
