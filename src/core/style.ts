import type { ReplyFields } from './reply.js';

/**
 * The two layouts of GB/T 9704-2012 a reply is printed in: 文件 (the 文件格式 of 7.2, the 发文机关标志
 * 35 mm down the text block, the doc number centred under it, one red rule) and 信函 (the letter format
 * of 10.1 that offices use for 函, 复函 and 答复函: the organ's name 30 mm from the paper's top edge
 * between red double rules, the doc number flush right, no page number on the first page).
 */
export const STYLES = ['文件', '信函'] as const;
export type DocStyle = (typeof STYLES)[number];

const STYLE_ALIASES: Record<string, DocStyle> = {
  文件: '文件', 文件格式: '文件', document: '文件', file: '文件',
  信函: '信函', 信函格式: '信函', 函: '信函', letter: '信函',
};

export function styleOf(text: string): DocStyle | undefined {
  return STYLE_ALIASES[text.trim().toLowerCase()];
}

/**
 * The layout a reply is printed in when no one names one: its own (ReplyFields.style); a letter when
 * its doc number is a letter's (the organ's 代字 with 函, 普发改委函〔2024〕3号); the office's style
 * for a reply it signs; else 文件.
 */
export function defaultStyle(reply: Pick<ReplyFields, 'docNumber' | 'organ' | 'style'>, office?: { readonly organ: string; readonly style: DocStyle }): DocStyle {
  if (reply.style) return reply.style;
  if (reply.docNumber && /函$/u.test(reply.docNumber.prefix)) return '信函';
  if (office && (reply.organ === null || reply.organ === office.organ)) return office.style;
  return '文件';
}

/**
 * The 发文机关标志 a style prints: a document's (上海市普陀区发展和改革委员会文件); a letter's, the
 * organ's name alone (GB/T 9704 10.1: 发文机关全称或者规范化简称, no 文件).
 */
/** A title that names its document a letter: …的答复函, …的复函, …提案答复的函, …意见的函. */
export function titleSaysLetter(title: string): boolean {
  return /(?:复函|答复函|回函|的函)$/u.test(title.trim());
}

export function markOf(header: string | null, style: DocStyle): string | null {
  if (header === null || style === '文件') return header;
  return header.replace(/文件$/u, '') || header;
}
