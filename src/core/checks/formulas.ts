import type { Kind, ReplyFields } from '../reply.js';
import { bodyTexts, type TextRun } from './text-runs.js';
import { finding, type Finding, type Rule } from './types.js';

/** Whom the formulas speak to: a member (您), a group (贵单位), or the lead unit of a 会办意见. */
type Addressee = 'member' | 'group' | 'leadUnit';

function addresseeOf(reply: ReplyFields): Addressee {
  if (reply.kind === '会办意见') return 'leadUnit';
  return reply.proposers.length > 0 && reply.proposers.every((p) => p.role === '集体') ? 'group' : 'member';
}

/** 提案 or 建议: what the reply answers. */
function noun(kind: Kind): '提案' | '建议' {
  return kind === '建议答复' ? '建议' : '提案';
}

function opening(subject: Parameters<Rule>[0]): TextRun | undefined {
  const first = subject.body.tree.blocks[0];
  return first ? bodyTexts(subject)[0] : undefined;
}

/** The opening formula says the proposal was received: 您提出的《…》的提案收悉. */
export const openingReceived: Rule = (subject) => {
  const open = opening(subject);
  return open && !open.text.includes('收悉') ? [finding('opening/received', open.line)] : [];
};

/** The opening names the proposal it answers (《…》 or 关于…). */
export const openingProposal: Rule = (subject) => {
  const open = opening(subject);
  if (!open) return [];
  const title = bare(subject.reply.proposalTitle);
  const named = title ? bare(open.text).includes(title) : /提出的.+的(提案|建议)/u.test(open.text);
  return named ? [] : [finding('opening/proposal', open.line, { title: subject.reply.proposalTitle || '…' })];
};

/** A title as the opening may quote it: without 《》, 关于, a closing 的提案/的建议 or spaces. */
function bare(text: string): string {
  return text
    .replace(/[《》\s]/gu, '')
    .replace(/^关于/u, '')
    .replace(/的?(提案|建议)$/u, '');
}

/** The opening speaks to the right party: 您 to a member, 贵单位 to a group, neither in a 会办意见. */
export const openingAddressee: Rule = (subject) => {
  const open = opening(subject);
  if (!open) return [];
  const to = addresseeOf(subject.reply);
  const you = /^您/u.test(open.text);
  const unit = /^(贵单位|你单位|贵委|贵会)/u.test(open.text);
  if ((to === 'member' && unit) || (to === 'group' && you) || (to === 'leadUnit' && (you || unit))) {
    return [finding('opening/addressee', open.line, { start: open.text.slice(0, you ? 1 : 3) }, to)];
  }
  return [];
};

/** The closing formula of each kind and addressee, and the ones that would be wrong there. */
function closings(kind: Kind, to: Addressee): { expected: RegExp; wrong: RegExp; example: string } {
  const n = noun(kind);
  const other = n === '提案' ? '建议' : '提案';
  switch (to) {
    case 'member':
      // 您 to one member, 你们 to several (the scaffold's closing to a joint proposal).
      return { expected: new RegExp(`感谢(?:您|你们)的${n}`, 'u'), wrong: new RegExp(`感谢(贵单位|你单位)|感谢(?:您|你们)的${other}`, 'u'), example: `非常感谢您的${n}` };
    case 'group':
      return { expected: new RegExp(`感谢(贵单位|你单位)的${n}`, 'u'), wrong: new RegExp(`感谢您|感谢(贵单位|你单位)的${other}`, 'u'), example: `非常感谢贵单位的${n}` };
    case 'leadUnit':
      return { expected: /以上意见供(你|贵)单位统一答复提案者时参考/u, wrong: /感谢(您|贵单位|你单位)的(提案|建议)/u, example: '以上意见供你单位统一答复提案者时参考。' };
  }
}

/**
 * The closing formula of the kind (house style): 非常感谢您的提案… to a member,
 * 非常感谢贵单位的提案… to a group, 以上意见供你单位统一答复提案者时参考。 in a
 * 会办意见, …建议… in a 建议答复. Sought in the last paragraphs of the body.
 */
export const closingFormula: Rule = (subject) => {
  const runs = bodyTexts(subject).slice(0, subject.body.tree.blocks.length);
  if (runs.length === 0) return [];
  const tail = runs.slice(Math.max(1, runs.length - 3));
  const { expected, wrong, example } = closings(subject.reply.kind, addresseeOf(subject.reply));
  const out: Finding[] = [];
  const misaddressed = tail.find((r) => wrong.test(r.text) && !expected.test(r.text));
  if (misaddressed) {
    out.push(finding('closing/addressee', misaddressed.line, { found: wrong.exec(misaddressed.text)![0], expected: example }));
  } else if (!tail.some((r) => expected.test(r.text))) {
    out.push(finding('closing/missing', runs[runs.length - 1]!.line, { expected: example }));
  }
  return out;
};

export const formulaRules: readonly Rule[] = [openingReceived, openingProposal, openingAddressee, closingFormula];
