import type { Kind, Proposer } from './reply.js';

export interface ScaffoldInput {
  readonly kind: Kind;
  readonly proposalTitle: string;
  readonly proposers: readonly Proposer[];
}

/** A placeholder paragraph: an unchanged scaffold is recognised and not filed. */
export const PLACEHOLDER = /【[^】]*请[^】]*】/u;

/**
 * The body a clerk starts from: the opening formula of the kind filled from
 * the proposal, two sections to fill in, the closing formula.
 */
export function scaffoldBody(input: ScaffoldInput): string {
  return [
    openingFormula(input),
    '一、办理情况',
    '【请在此写明已开展的工作】',
    '二、下一步工作',
    '【请在此写明下一步举措】',
    closingFormula(input),
  ].join('\n\n') + '\n';
}

export function openingFormula({ kind, proposalTitle, proposers }: ScaffoldInput): string {
  const title = quoteTitle(proposalTitle);
  if (kind === '会办意见') {
    return `${proposersPhrase(proposers)}提出的${title}的提案收悉，经研究，现将会办意见函告如下：`;
  }
  const what = kind === '建议答复' ? '建议' : '提案';
  if (isGroup(proposers)) {
    return `贵单位提出的${title}的${what}收悉，感谢贵单位对我们工作的关心与支持。经研究，现将办理情况答复如下：`;
  }
  const you = proposers.length > 1 ? '你们' : '您';
  return `${you}提出的${title}的${what}收悉，经研究，现将办理情况答复如下：`;
}

export function closingFormula({ kind, proposers }: ScaffoldInput): string {
  if (kind === '会办意见') return '以上意见供你单位统一答复提案者时参考。';
  const what = kind === '建议答复' ? '建议' : '提案';
  if (isGroup(proposers)) {
    return `非常感谢贵单位的${what}，希望在今后的工作中，继续给我们提出更多意见和建议。谢谢！`;
  }
  const you = proposers.length > 1 ? '你们' : '您';
  return `非常感谢${you}的${what}，希望${you}在今后的工作中，继续给我们提出更多意见和建议。谢谢！`;
}

function isGroup(proposers: readonly Proposer[]): boolean {
  return proposers.length > 0 && proposers.every((p) => p.role === '集体');
}

/** 顾薇玲等委员 / 朱莺委员 / 经济委员会 */
function proposersPhrase(proposers: readonly Proposer[]): string {
  const first = proposers[0];
  if (!first) return '';
  const suffix = first.role === '集体' ? '' : first.role;
  return proposers.length > 1 ? `${first.name}等${suffix || '单位'}` : first.name + suffix;
}

/**
 * 《标题》, unless the clerk already wrote the brackets, or a 关于… phrase that the formula's 的提案
 * ends (关于支持…生态 的提案收悉); 关于…的建议 is quoted, or the formula would say 的建议的提案.
 */
function quoteTitle(title: string): string {
  const t = title.trim();
  if (t.startsWith('《') || (t.startsWith('关于') && !/(?:提案|建议|议案)$/u.test(t))) return t;
  return `《${t}》`;
}
