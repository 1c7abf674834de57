import type { Kind } from '../reply.js';
import { withoutPinyin, type Line } from './lines.js';
import { simplified } from './simplified.js';

/**
 * The opening of a reply (开头语): 您提出的《…》的提案收悉，…现将办理情况答复如下：
 * and its variants (已交由我局办理, 函告如下, 现答复如下。). It is the strongest
 * sign that a text is a reply, and names the proposal: its title and, often,
 * its number.
 */
export interface Opening {
  readonly line: number;
  readonly text: string;
  readonly score: number;
}

/** A reply's formula: what was received and that it is answered. */
const RECEIVED = /收悉|已收悉|悉[。，,.]|交由.{0,10}办理|交我.{0,6}办理|转交我/u;
const ANSWERED = /答复如下|函告如下|回复如下|报告如下|说明如下|意见如下|答复如下|现答复|现将.{0,12}(答复|函告|回复)|答复于下/u;

/** A character one of the formulas has, in any script (復, 覆): a line without one is no opening. */
const FORMULA_CHAR = /[悉交如复復覆函回]/;

/**
 * The openings below line `after`, top down, found as they are asked for: a
 * reader wants the first (or the first below the addressee) and the rest of a
 * reply, its long paragraphs, is then never read for one.
 */
export function* findOpenings(lines: readonly Line[], after = 0): Generator<Opening> {
  for (const line of lines) {
    if (line.n <= after || !FORMULA_CHAR.test(line.text)) continue;
    const form = withoutPinyin(simplified(line.text));
    const received = RECEIVED.test(form);
    const answered = ANSWERED.test(form);
    if (!received && !answered) continue;
    yield { line: line.n, text: line.text, score: (received ? 1 : 0) + (answered ? 2 : 0) };
  }
}

/** The first opening below line `after`. */
export function firstOpening(lines: readonly Line[], after = 0): Opening | undefined {
  for (const opening of findOpenings(lines, after)) return opening;
  return undefined;
}

/**
 * The proposal's title in the opening: what stands between 提出的 and 的提案收悉
 * (without its 《》 or “”), else a 《…》 or “…” title, else the 关于… phrase
 * before 的提案 / 的建议.
 */
export function proposalTitleOf(opening: string): string | undefined {
  const text = withoutPinyin(opening);
  const form = simplified(text);
  const between = /(?:提出|提)的\s*(.+?)(?:的)?(?:提案|建议|议案)(?:已)?收悉/u.exec(form);
  if (between) return stripKind(unquoted(text.slice(between.index + between[0].indexOf(between[1]!), between.index + between[0].indexOf(between[1]!) + between[1]!.length)));
  const quoted = /《([^《》]{2,120})》/u.exec(text) ?? /“([^“”]{2,120})”/u.exec(text);
  if (quoted) return stripKind(quoted[1]!);
  const phrase = /(?:提出|提)的?\s*(关于[^，,。；;、]{2,120}?)(?:的)?(?:提案|建议|议案)(?:收悉|已收悉|，|,|已|交)/u.exec(form);
  if (phrase) {
    const at = phrase.index + phrase[0].indexOf(phrase[1]!);
    return stripKind(text.slice(at, at + phrase[1]!.length));
  }
  return undefined;
}

function unquoted(title: string): string {
  const m = /^(?:关于)?[《“](.+)[》”]$/u.exec(title.trim());
  return m ? m[1]! : title.trim();
}

/** “关于治理…的议案” names the kind inside the quotes; the title is the rest. */
function stripKind(title: string): string {
  return title.replace(/^关于“(.+)”$/u, '关于$1').trim();
}

/** The proposal's number as printed in a title or opening: 第152104号, 第 14 号, (第75号), 第JY100012050700号. */
export function numberIn(text: string): { value: string; index: number } | undefined {
  const form = withoutPinyin(simplified(text));
  const m = /第\s*([A-Za-z]{0,4}\d{1,16}[A-Za-z\d]*)\s*号/u.exec(form);
  if (!m) return undefined;
  return { value: m[1]!, index: m.index };
}

/** The kind a text speaks of: 会办/协办/参办 → 会办意见; 建议/议案/代表 → 建议答复; 提案/委员 → 提案答复. */
export function kindWordIn(text: string): Kind | undefined {
  const form = simplified(text);
  if (/会办|协办|参办/u.test(form)) return '会办意见';
  const proposal = form.search(/提案/u);
  const suggestion = form.search(/建议|议案/u);
  if (proposal < 0 && suggestion < 0) return undefined;
  // “…的建议》提案”: the word nearest the end is what the title or opening calls it.
  if (proposal >= 0 && suggestion >= 0) return form.lastIndexOf('提案') > form.lastIndexOf('建议') ? '提案答复' : '建议答复';
  return proposal >= 0 ? '提案答复' : '建议答复';
}
