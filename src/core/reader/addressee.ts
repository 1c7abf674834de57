import { parseProposer } from '../proposers.js';
import type { Kind, Proposer, ProposerRole } from '../reply.js';
import { type Line } from './lines.js';
import { simplified } from './simplified.js';

/**
 * 主送: 朱莺委员：, 尊敬的…：, a group (李红等8名代表, 姜欣(等10位)代表,
 * 马青、周丽等委员), a unit (经济委员会：, 市发展改革委：), with a half- or
 * full-width colon, or on the same line as the opening (罗元代表:你提出的…).
 */
export interface AddresseeCandidate {
  /** As printed (尊敬的 included), without the colon. */
  readonly text: string;
  readonly line: number;
  /** The opening printed after the colon on the same line, if any. */
  readonly rest: string;
  /** 委员 / 代表 when the addressee says so. */
  readonly role: ProposerRole | undefined;
  readonly proposers: readonly Proposer[];
  /** A name replaced by XX or ×× in a published copy. */
  readonly anonymised: boolean;
  readonly score: number;
}

const PERSON_ROLE = /(委员|代表)$/u;
/** Endings of a unit's name. */
const UNIT = /(委员会|委|政府|局|办公室|办|院|厅|部|处|室|中心|会|联|社|盟|支部|总支|组|团|队|所|站|公司|街道|单位|同志|先生|女士)$/u;
const OPENING = /收悉|如下|提出的|提的|所提|您好|你好|感谢|关于/u;

/** The addressees among the lines up to `until` (the opening): a 主送 stands above the body. */
export function findAddressees(lines: readonly Line[], skip: ReadonlySet<number>, until = Infinity): AddresseeCandidate[] {
  const out: AddresseeCandidate[] = [];
  lines.forEach((line, i) => {
    if (line.n > until || skip.has(line.n) || line.text.length > 400) return;
    const next = lines[i + 1];
    // Without its colon, a short line is an addressee only right before an opening.
    const m =
      /^(?:尊敬的\s*)?(.{1,40}?)\s*[:：]\s*(.*)$/u.exec(line.text) ??
      (line.text.length <= 30 && next && /收悉|提出的|提的/u.test(simplified(next.text)) ? /^(?:尊敬的\s*)?(.+?)()$/u.exec(line.text) : null);
    if (!m) return;
    const name = m[1]!.trim();
    const rest = m[2]!.trim();
    const form = simplified(name).replace(/\s+/gu, '');
    if (/[。！？；，,]/u.test(form) || form.length < 2) return;
    const role = PERSON_ROLE.exec(form)?.[1] as ProposerRole | undefined;
    if (!role && !UNIT.test(form)) return;
    // A label with its value (提案人:伏正洪, 主办单位: 高青县交通运输局) is no addressee.
    if (rest !== '' && !OPENING.test(simplified(rest))) return;
    let score = /[:：]/u.test(line.text) ? 1 : 0;
    if (role) score += 1;
    if (rest !== '' || (next && OPENING.test(simplified(next.text)))) score += 2;
    if (line.text.startsWith('尊敬的')) score += 1;
    const anonymised = /^(X|x|×|\*|某)+(等.*)?(委员|代表)?$/u.test(form);
    out.push({
      text: line.text.replace(/\s*[:：].*$/u, ''),
      line: line.n,
      rest,
      role,
      proposers: anonymised ? [] : proposersOf(name, role),
      anonymised,
      score,
    });
  });
  return out;
}

/**
 * The proposers an addressee names: 朱莺委员 → 朱莺 (委员); 李开祥、杨金慧、王梅代表 →
 * three deputies; 杨文强等3名代表, 姜欣(等10位)代表, 马青、周丽等委员 → the named
 * ones; 经济委员会 → the group.
 */
export function proposersOf(addressee: string, role: ProposerRole | undefined): Proposer[] {
  const kind: Kind | undefined = role === '代表' ? '建议答复' : role === '委员' ? '提案答复' : undefined;
  const text = addressee
    .replace(/\s+/gu, '')
    .replace(/[(（]?等[0-9一二三四五六七八九十百]*[名位个]?[)）]?(?=(委员|委員|代表)?$)/u, '')
    .replace(/(委员|委員|代表)$/u, '');
  const names = text.split(/[、，,]/u).filter(Boolean);
  return names.map((name) => {
    if (role) return { name, role };
    try {
      return parseProposer(name, kind ?? '提案答复');
    } catch {
      return { name, role: '集体' as const };
    }
  });
}
