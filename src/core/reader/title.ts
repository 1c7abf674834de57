import { HAN, withoutPinyin, type Line } from './lines.js';
import { simplified } from './simplified.js';

/**
 * 标题 in every form offices use: 对…第N号提案的答复, 关于对…的答复,
 * …第N号代表建议的答复, …委员提案的会办意见, …的复函 / 答复函 / 回复,
 * 再次答复, 协办意见, 建议、批评和意见的答复, a title ending in a parenthesis
 * that names the proposal, split over two or three lines, printed twice.
 */
export interface TitleCandidate {
  /** The title as printed, its lines joined (blanks inside kept). */
  readonly text: string;
  /** The lines it stands on. */
  readonly lines: readonly number[];
  readonly score: number;
}

/** What a reply title ends with (simplified, blanks between characters taken out). */
const ENDING =
  /(答复|复函|答复函|答复的函|回复|回函|会办意见|协办意见|参办意见|办理意见|意见的函|办理情况的报告)$|答复[(（][^()（）]*[第号][^()（）]*[)）]$/u;
const SUBJECT = /提案|建议|议案|意见|批评/u;
/** The start of a title that goes on over the next line. */
const HEAD = /^(关于|对)|(关于|对).*(会议|大会|委员会)?$|(局|委员会|委|政府|办公室|办|院|厅|中心)$/u;

export function findTitles(lines: readonly Line[], until: number): TitleCandidate[] {
  const out: TitleCandidate[] = [];
  for (let i = 0; i < lines.length && lines[i]!.n < until; i++) {
    // A title on one line, or split over two or three: every line but its last is a title's head.
    for (let k = 0; k < 3 && i + k < lines.length && lines[i + k]!.n < until; k++) {
      const parts = lines.slice(i, i + k + 1);
      if (k > 0 && !isHead(parts[k - 1]!)) break;
      const text = parts.map((p) => p.text).join('');
      if (!isTitleLike(text) || !isEnding(text)) continue;
      out.push({ text, lines: parts.map((p) => p.n), score: scoreOf(text, parts[k]!) });
      i += k;
      break;
    }
  }
  return out;
}

/** The form titles are matched in: simplified, no pinyin, no blanks between characters. */
export function titleForm(text: string): string {
  return withoutPinyin(simplified(text)).replace(/(?<=\S)[ \t]+(?=\S)/gu, '').trim();
}

function isEnding(text: string): boolean {
  const form = titleForm(text);
  return ENDING.test(form) && (SUBJECT.test(form) || /^(关于|对)/u.test(form));
}

function isTitleLike(text: string): boolean {
  const form = titleForm(text);
  return form.length >= 6 && form.length <= 120 && !/[。；！？]|收悉|如下[:：]?$/u.test(form) && !/^[^\p{Script=Han}]*[:：]/u.test(form) && !/^\S{1,8}[:：]/u.test(form);
}

function isHead(line: Line): boolean {
  const form = titleForm(line.text);
  if (form.length > 60 || /[。；！？:：,，]/u.test(form) || isEnding(line.text)) return false;
  return HAN.test(form) && HEAD.test(form);
}

function scoreOf(text: string, last: Line): number {
  const form = titleForm(text);
  let score = 1;
  if (/第\s*[A-Za-z0-9]+\s*[号號]/u.test(form)) score += 1;
  if (/会议/u.test(form)) score += 1;
  if (/^(关于|对)/u.test(form) || /(关于|对)/u.test(form)) score += 0.5;
  if (last.align === 'center' || last.bold) score += 1;
  return score;
}
