import { sessionBody } from '../session.js';
import { TITLE_ENDINGS } from '../proposers.js';
import { finding, type Rule } from './types.js';

/** The three shapes of the genre this office writes: 对{会次} 第{N}号提案的答复 / …提案的会办意见 / …建议的答复 (TITLE_ENDINGS). */
export const TITLE = new RegExp(`^对(.+?)\\s*第\\s*(\\d+)\\s*号(${Object.values(TITLE_ENDINGS).join('|')})$`, 'u');

export const titleShape: Rule = ({ layout }) => {
  if (!layout.title) return [finding('title/missing', layout.salutation?.line ?? layout.firstLine)];
  return TITLE.test(layout.title.text) ? [] : [finding('title/shape', layout.title.line, { value: layout.title.text })];
};

/**
 * 政协 members make 提案, People's Congress deputies make 建议: a title that
 * pairs a 政协 session with a 建议 (or a 人大 session with a 提案) names the
 * wrong thing.
 */
export const titleSession: Rule = ({ layout, reply }) => {
  if (!layout.title) return [];
  const session = TITLE.exec(layout.title.text)?.[1] ?? reply.session ?? '';
  const line = layout.title.line;
  const body = sessionBody(session);
  if (body === '政协' && reply.kind === '建议答复') return [finding('title/session', line, { session }, 'suggestion')];
  if (body === '人大' && reply.kind !== '建议答复') return [finding('title/session', line, { session }, 'proposal')];
  return [];
};

export const titleRules: readonly Rule[] = [titleShape, titleSession];
