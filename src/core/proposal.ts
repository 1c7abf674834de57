import type { Config } from './config.js';
import { addMonthsTo, parseDate, type IsoDate } from './dates.js';
import { ValidationError, type FieldIssue } from './errors.js';
import { dedupe, isBlank, parseProposalNo, parseProposers, splitList, type FieldEdit } from './fields.js';
import type { ProposalInput, ReplyInput } from './input.js';
import type { Kind, Proposer } from './reply.js';
import { sameSession, sessionBody } from './session.js';

/** 提案 (a CPPCC member's proposal) or 建议 (a People's Congress deputy's suggestion). */
export const PROPOSAL_KINDS = ['提案', '建议'] as const;
export type ProposalKind = (typeof PROPOSAL_KINDS)[number];

/** The office's part in the handling: it leads (主办), joins (会办) or assists (协办). */
export const ROLES = ['主办', '会办', '协办'] as const;
export type HandlingRole = (typeof ROLES)[number];

const PROPOSAL_KIND_ALIASES: Record<string, ProposalKind> = {
  提案: '提案', proposal: '提案', 政协提案: '提案',
  建议: '建议', suggestion: '建议', 人大建议: '建议', 代表建议: '建议',
};

const ROLE_ALIASES: Record<string, HandlingRole> = {
  主办: '主办', lead: '主办', 主办单位: '主办',
  会办: '会办', 'co-handling': '会办', joint: '会办', 会办单位: '会办',
  协办: '协办', assist: '协办', 协办单位: '协办',
};

/**
 * Who answers whom: the lead unit (主办) writes the reply itself; a unit
 * that joins or assists sends its opinion (会办意见) to the lead unit.
 */
export type HandlingPart =
  | { readonly role: '主办'; readonly leadUnit: null }
  | { readonly role: '会办' | '协办'; readonly leadUnit: string };

/** A proposal as assigned (交办) to the office. */
export type ProposalFields = {
  readonly kind: ProposalKind;
  /** 区政协十五届二次会议 */
  readonly session: string;
  /** As written, leading zeros kept. */
  readonly number: string;
  readonly title: string;
  /** Several for a joint proposal (联名). */
  readonly proposers: readonly Proposer[];
  /** 交办日期 */
  readonly assignedOn: IsoDate;
  /**
   * The first due date: the assigned date plus the configured period, unless given. The one in
   * force, after extensions and reopenings, is the handling's (Handling.dueOn).
   */
  readonly firstDueOn: IsoDate;
} & HandlingPart;

/** A proposal stands (open) or was withdrawn (撤案, 并案): then it is out of what is due and of the figures. */
export type ProposalStatus = 'open' | 'withdrawn';

export type Proposal = ProposalFields & {
  readonly id: number;
  readonly createdAt: string;
  readonly status: ProposalStatus;
  /** The event that made its current state: what a change checks to refuse a proposal changed meanwhile. */
  readonly version: number;
  /** Every due date it has had, the first (assigned) first; the last one is in force. */
  readonly deadlines: readonly Deadline[];
};

/** Why a proposal has a due date: assigned, extended (延期), or reopened after a 不满意. */
export type DeadlineCause = 'assigned' | 'extended' | 'reopened';

export interface Deadline {
  /** Its event in the archive's log: the order deadlines were given in. */
  readonly event: number;
  /** When, as the clock said. */
  readonly at: string;
  readonly dueOn: IsoDate;
  readonly cause: DeadlineCause;
  /** Who gave it; null where not recorded. */
  readonly operator: string | null;
  /** An extension's reason. */
  readonly reason: string | null;
  /** The answer whose 不满意 reopened the proposal (a reopening only). */
  readonly feedbackId: number | null;
}

export type { ProposalInput };

/** Field names as the user sees them: flag names and answers-file keys. */
export const PROPOSAL_FIELD_NAMES = {
  kind: 'kind',
  session: 'session',
  number: 'number',
  title: 'title',
  proposers: 'proposer',
  assignedOn: 'assigned-on',
  role: 'role',
  leadUnit: 'lead-unit',
  dueOn: 'due-on',
} as const satisfies Record<keyof ProposalInput, string>;

export type ProposalInputKey = keyof typeof PROPOSAL_FIELD_NAMES;

export function proposalKindOf(text: string): ProposalKind | undefined {
  return PROPOSAL_KIND_ALIASES[text.trim().toLowerCase()];
}

export function roleOf(text: string): HandlingRole | undefined {
  return ROLE_ALIASES[text.trim().toLowerCase()];
}

/** Required fields the input lacks, in the order prompts ask them. */
export function missingProposalFields(input: ProposalInput): ProposalInputKey[] {
  const required: ProposalInputKey[] = ['kind', 'session', 'number', 'title', 'proposers', 'assignedOn', 'role'];
  const role = roleOf(input.role ?? '');
  if (role === '会办' || role === '协办') required.push('leadUnit');
  return required.filter((key) => isBlank(input[key]));
}

/** Checks every field at once; all problems are reported together. */
export function buildProposal(input: ProposalInput, config: Pick<Config, 'handling'>): ProposalFields {
  const issues: FieldIssue[] = missingProposalFields(input).map((key) => ({ field: PROPOSAL_FIELD_NAMES[key], key: 'field.missing' }));
  const take = <T>(fn: () => T): T | undefined => {
    try {
      return fn();
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      issues.push(...error.issues);
      return undefined;
    }
  };
  const kind = isBlank(input.kind) ? undefined : take(() => parseProposalKind(input.kind!));
  const number = isBlank(input.number) ? undefined : take(() => renameField(() => parseProposalNo(input.number!), 'number'));
  const proposers = isBlank(input.proposers) ? undefined : take(() => parseProposers(input.proposers!, kind && replyKindFor(kind, '主办')));
  const assignedOn = isBlank(input.assignedOn) ? undefined : take(() => parseDate(input.assignedOn!, 'assigned-on'));
  const role = isBlank(input.role) ? undefined : take(() => parseRole(input.role!));
  const dueOn = isBlank(input.dueOn) ? undefined : take(() => parseDate(input.dueOn!, 'due-on'));
  if (role === '主办' && !isBlank(input.leadUnit)) issues.push({ field: 'lead-unit', key: 'proposal.leadUnitForLead' });
  if (assignedOn && dueOn && dueOn < assignedOn) issues.push({ field: 'due-on', key: 'proposal.dueBeforeAssigned' });
  // 政协 members make 提案, 人大 deputies make 建议: a 提案 of a 人大 sitting (or a deputy's 提案) names the wrong thing.
  const body = isBlank(input.session) ? undefined : sessionBody(input.session!);
  if (kind && body && body !== BODY_OF_KIND[kind]) issues.push({ field: 'session', key: 'proposal.sessionOfKind', params: { kind, body } });
  const wrongRole = kind === '提案' ? '代表' : kind === '建议' ? '委员' : undefined;
  if (kind && wrongRole && proposers?.some((p) => p.role === wrongRole)) issues.push({ field: 'proposer', key: 'proposal.proposerOfKind', params: { kind, role: wrongRole } });
  if (issues.length > 0) throw new ValidationError(dedupe(issues));

  const part: HandlingPart = role === '主办' ? { role, leadUnit: null } : { role: role!, leadUnit: input.leadUnit!.trim() };
  return {
    kind: kind!,
    session: input.session!.trim(),
    number: number!,
    title: stripTitleMarks(input.title!),
    proposers: proposers!,
    assignedOn: assignedOn!,
    firstDueOn: dueOn ?? addMonthsTo(assignedOn!, config.handling.dueMonths),
    ...part,
  };
}

/** The fields `proposal edit --set` corrects, by their flag names; the deadlines are moved by `proposal extend`. */
const EDITABLE_PROPOSAL_FIELDS = ['kind', 'session', 'number', 'title', 'proposer', 'assigned-on', 'role', 'lead-unit'] as const;

/**
 * A registered proposal with `--set field=value` corrections, checked as a new registration is
 * (every problem at once). The first deadline stays: it is part of the record's history.
 */
export function correctedProposal(proposal: ProposalFields, edits: readonly FieldEdit[], config: Pick<Config, 'handling'>): ProposalFields {
  const input: Record<string, unknown> = {
    kind: proposal.kind,
    session: proposal.session,
    number: proposal.number,
    title: proposal.title,
    proposers: proposal.proposers.map((p) => ({ name: p.name, role: p.role })),
    assignedOn: proposal.assignedOn,
    role: proposal.role,
    ...(proposal.leadUnit ? { leadUnit: proposal.leadUnit } : {}),
  };
  const issues: FieldIssue[] = [];
  for (const { field, value } of edits) {
    const name = field.trim();
    if (name === 'due-on') issues.push({ field: name, key: 'proposal.dueOnNotEditable' });
    else if (!(EDITABLE_PROPOSAL_FIELDS as readonly string[]).includes(name)) {
      issues.push({ field: name, key: 'field.notEditable', params: { keys: EDITABLE_PROPOSAL_FIELDS.join(', ') } });
    } else if (name === 'proposer') input.proposers = splitList(value);
    else if (name === 'lead-unit') input.leadUnit = value.trim() || undefined;
    else input[name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())] = value;
  }
  // A unit taking the lead itself has no lead unit: changing the role to 主办 drops it.
  if (roleOf(String(input.role ?? '')) === '主办' && !edits.some((e) => e.field.trim() === 'lead-unit')) delete input.leadUnit;
  if (issues.length > 0) throw new ValidationError(dedupe(issues));
  return { ...buildProposal(input as ProposalInput, config), firstDueOn: proposal.firstDueOn };
}

/**
 * The session to offer for a new proposal of `kind`: that of the latest registered proposal of the
 * same kind (a 人大 sitting is never offered for a 提案), if its sitting is of the kind's body.
 */
export function defaultSession(kind: ProposalKind | undefined, latestFirst: readonly Pick<ProposalFields, 'kind' | 'session'>[]): string | undefined {
  if (!kind) return undefined;
  return latestFirst.find((p) => p.kind === kind && (sessionBody(p.session) ?? BODY_OF_KIND[kind]) === BODY_OF_KIND[kind])?.session;
}

/** Whose members make each kind: 提案 the 政协's, 建议 the 人大's. */
const BODY_OF_KIND: Readonly<Record<ProposalKind, '政协' | '人大'>> = { 提案: '政协', 建议: '人大' };

/** The kind of reply the office writes for its part in a proposal. */
export function replyKindFor(kind: ProposalKind, role: HandlingRole): Kind {
  if (role !== '主办') return '会办意见';
  return kind === '建议' ? '建议答复' : '提案答复';
}

/** The fields a reply shares with its proposal, as input for `reply new --proposal`. */
export function replyInputFrom(proposal: ProposalFields): ReplyInput {
  return {
    kind: replyKindFor(proposal.kind, proposal.role),
    session: proposal.session,
    proposalNo: proposal.number,
    title: proposal.title,
    proposers: proposal.proposers.map((p) => ({ name: p.name, role: p.role })),
    ...(proposal.leadUnit ? { leadUnit: proposal.leadUnit } : {}),
  };
}

/** A proposal number as numbers compare: without its leading zeros (057 and 57 are one). */
export function numberKey(number: string): string {
  return number.trim().replace(/^0+/u, '');
}

/**
 * Whether a reply answers this proposal: the same session (the same sitting by
 * its key, 区政协十五届二次会议 = 政协上海市普陀区第十五届委员会第二次会议; as
 * written when either wording names none) and the same number, leading zeros aside.
 */
export function answersProposal(
  reply: { readonly session: string | null; readonly proposalNo: string | null },
  proposal: Pick<ProposalFields, 'session' | 'number'>,
): boolean {
  return (
    reply.proposalNo !== null &&
    reply.session !== null &&
    numberKey(reply.proposalNo) === numberKey(proposal.number) &&
    sameSession(reply.session, proposal.session)
  );
}

function parseProposalKind(text: string): ProposalKind {
  const kind = proposalKindOf(text);
  if (!kind) throw new ValidationError([{ field: 'kind', key: 'proposal.badKind', params: { value: text } }]);
  return kind;
}

function parseRole(text: string): HandlingRole {
  const role = roleOf(text);
  if (!role) throw new ValidationError([{ field: 'role', key: 'proposal.badRole', params: { value: text } }]);
  return role;
}

/** Titles are often pasted with their book-title marks: 《关于…的建议》. */
function stripTitleMarks(title: string): string {
  const t = title.trim();
  return /^《[^《》]*》$/u.test(t) ? t.slice(1, -1).trim() : t;
}

function renameField<T>(fn: () => T, field: string): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof ValidationError) throw new ValidationError(error.issues.map((i) => ({ ...i, field })));
    throw error;
  }
}
