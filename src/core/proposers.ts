import { fieldError } from './errors.js';
import type { Kind, Proposer, ProposerRole, ReplyFields } from './reply.js';

/** Endings of organisations' names: 经济委员会, 民盟普陀区委, 九三学社, 区工商联 … */
const GROUP_ENDING = /(委员会|会|委|社|盟|党|联|界|组|支部|总支|部|中心|办|局|院|处|室|团|所|厅|队)$/u;

/**
 * Reads a proposer as typed: "朱莺委员", "李明代表", "经济委员会". A bare
 * personal name takes the role the kind implies (委员 for 提案, 代表 for 建议).
 */
export function parseProposer(text: string, kind: Kind | undefined): Proposer {
  const name = text.trim().replace(/[：:]$/u, '');
  if (!name) throw fieldError('proposer', 'proposer.empty');
  if (/[，,、；;]/u.test(name)) throw fieldError('proposer', 'proposer.several', { value: text });
  if (name.endsWith('委员') && !name.endsWith('委员会') && name.length > 2) {
    return { name: name.slice(0, -2), role: '委员' };
  }
  if (name.endsWith('代表') && name.length > 2) return { name: name.slice(0, -2), role: '代表' };
  if (GROUP_ENDING.test(name) || name.length > 4) return { name, role: '集体' };
  return { name, role: kind === '建议答复' ? '代表' : '委员' };
}

export function isRole(text: string): text is ProposerRole {
  return text === '委员' || text === '代表' || text === '集体';
}

/** 朱莺委员 / 经济委员会 */
export function proposerLabel(p: Proposer): string {
  return p.role === '集体' ? p.name : p.name + p.role;
}

/**
 * 主送 derived from the addressees: the lead unit for a 会办意见, else the
 * proposers (persons of one role share the suffix: 张三、李四委员).
 */
export function deriveSalutation(kind: Kind, proposers: readonly Proposer[], leadUnit: string | null): string {
  if (kind === '会办意见') return `${leadUnit ?? ''}：`;
  return `${addressees(proposers)}：`;
}

/** The 主送 a reply prints: the clerk's override, else the one derived from its addressees. */
export function salutationOf(reply: Pick<ReplyFields, 'salutation' | 'kind' | 'proposers' | 'leadUnit'>): string {
  return reply.salutation ?? deriveSalutation(reply.kind, reply.proposers, reply.leadUnit);
}

function addressees(proposers: readonly Proposer[]): string {
  const roles = new Set(proposers.map((p) => p.role));
  if (roles.size === 1 && !roles.has('集体')) {
    return proposers.map((p) => p.name).join('、') + proposers[0]!.role;
  }
  return proposers.map(proposerLabel).join('、');
}

/** How a reply's title ends, by its kind: the one wording the renderers, the checker and search use. */
export const TITLE_ENDINGS: Readonly<Record<Kind, string>> = { 提案答复: '提案的答复', 建议答复: '建议的答复', 会办意见: '提案的会办意见' };

/**
 * 对区政协十五届二次会议 第152104号提案的答复 / …提案的会办意见 / …建议的答复;
 * a record that lacks the session or the number leaves it out (对第57号提案的答复, 对提案的答复).
 */
export function replyTitle(kind: Kind, session: string | null, proposalNo: string | null): string {
  const what = TITLE_ENDINGS[kind];
  const number = proposalNo ? `第${proposalNo}号` : '';
  return `对${[session, number].filter(Boolean).join(' ')}${what}`;
}
