import { searchShadow } from './reader/simplified.js';
import { foldText } from './search-query.js';

/** A trigram of a reply and how much it says about the reply. */
export interface TrigramWeight {
  readonly term: string;
  readonly weight: number;
}

/** What similar replies are looked for by: a filed reply, or a proposal before any draft exists. */
export interface SimilarProbe {
  readonly proposalTitle: string;
  readonly body: string;
  /** The office that answers: its name says nothing of the topic. */
  readonly organ?: string | null;
}

/** A proposal title says more about a reply than a sentence of its body: it names the topic. */
const TITLE_WEIGHT = 2;
/** Letters and digits only: a trigram with punctuation or a space in it says nothing. */
const WORDY = /^[\p{L}\p{N}]{3}$/u;

/**
 * The formulas of the genre, which every reply holds whatever its topic: the opening and closing,
 * the words for the proposal, its handling and its author, the office speaking of itself. Their
 * trigrams would make any two replies alike; they are cut out of the text before it is counted.
 */
const GENRE = new RegExp(
  [
    '现将(?:有关|办理)?(?:情况|结果)?答复如下', '现答复如下', '答复如下', '函告如下', '收悉', '已交由?(?:我|本)?\\S{0,6}(?:研究)?办理',
    '经研究', '经认真研究', '非常感谢', '衷心感谢', '感谢(?:您|你们|贵单位)', '关心和?支持', '关心与支持', '关注和支持', '意见和建议', '提出更多',
    '在今后的工作中', '继续给我们', '谢谢', '高度重视', '认真研究', '下一步', '进一步', '一是', '二是', '三是', '四是',
    '人大代表', '政协委员', '代表建议', '委员提案', '提案', '建议', '议案', '答复', '办理', '委员', '代表', '人民代表大会', '政治协商会议',
    '第[一二三四五六七八九十\\d]+届', '第?[一二三四五六七八九十\\d]+次会议', '会议', '联系人', '联系电话', '通讯地址', '邮政编码', '抄送',
    '我局', '我委', '我办', '我们', '本局', '本单位', '贵单位', '你单位', '您提出的', '您', '你们',
  ].join('|'),
  'gu',
);
/** How a break in the text is marked: no trigram spans it. */
const BREAK = '\u0001';

/**
 * The trigrams of a reply's proposal title and body (in simplified script, folded as the index
 * folds them, the genre's formulas and the office's name left out), each weighted by how often it
 * occurs, title occurrences counting most; the heaviest first, at most `max`.
 */
export function trigramWeights(probe: SimilarProbe, max = 300): TrigramWeight[] {
  const weights = new Map<string, number>();
  const count = (text: string, weight: number) => {
    const chars = [...topical(text, probe.organ)];
    for (let i = 0; i + 3 <= chars.length; i++) {
      const term = chars[i]! + chars[i + 1]! + chars[i + 2]!;
      if (WORDY.test(term)) weights.set(term, (weights.get(term) ?? 0) + weight);
    }
  };
  count(probe.proposalTitle, TITLE_WEIGHT);
  count(probe.body, 1);
  // Ties keep the order of first occurrence (Map order), so the choice is stable.
  return [...weights]
    .map(([term, weight]) => ({ term, weight }))
    .sort((a, b) => b.weight - a.weight)
    .slice(0, max);
}

/**
 * What of a text speaks of its topic: simplified, folded, without the genre's formulas, the
 * office's name and the places it is named after (every reply of 马关县教育局 speaks of 马关县,
 * whatever it answers).
 */
export function topical(text: string, organ?: string | null): string {
  let out = foldText(searchShadow(text) ?? text).replace(GENRE, BREAK);
  for (const name of organ ? officeNames(foldText(searchShadow(organ) ?? organ)) : []) out = out.replaceAll(name, BREAK);
  return out;
}

/** Where an office's name names a place: 上海市 普陀区, 河口瑶族自治县, 圣灯山镇. */
const PLACE = /(?:自治[州县旗]|[省市州盟县区旗镇乡])/u;

/** The office's name, and each place in it with and without its 市/县/镇 (longest first). */
export function officeNames(organ: string): string[] {
  const names = new Set<string>(organ.length >= 3 ? [organ] : []);
  let rest = organ;
  for (let m = PLACE.exec(rest); m && m.index > 0; m = PLACE.exec(rest)) {
    const place = rest.slice(0, m.index + m[0].length);
    names.add(place);
    if (m.index >= 2) names.add(place.slice(0, m.index));
    rest = rest.slice(place.length);
  }
  return [...names].sort((a, b) => b.length - a.length);
}

/**
 * The trigrams that tell a reply apart: weight × idf, keeping only those that
 * some other reply shares (document frequency ≥ `shared`: 2 for a filed reply, which holds them itself) and that are not common
 * (document frequency below `common`). `df` maps a term to the number of
 * replies that hold it, counted up to `common`.
 */
export function distinctiveTrigrams(
  candidates: readonly TrigramWeight[],
  df: ReadonlyMap<string, number>,
  total: number,
  common: number,
  count = 32,
  shared = 2,
): string[] {
  return candidates
    .map((c) => ({ term: c.term, n: df.get(c.term) ?? 0, weight: c.weight }))
    .filter((c) => c.n >= shared && c.n < common)
    .map((c) => ({ term: c.term, score: c.weight * Math.log(1 + total / c.n) }))
    .sort((a, b) => b.score - a.score)
    .slice(0, count)
    .map((c) => c.term);
}

/** A reply among those a similar search ranks. */
export interface Candidate {
  readonly id: number;
  readonly probe: SimilarProbe;
}

/** A run of letters and digits: its pairs of characters are the words of Chinese, mostly two characters long. */
const WORDY_RUN = /[\p{L}\p{N}]{2,}/gu;

/**
 * The words of a reply's topic as weights: its character pairs (学校, 搬迁, 硬化), the title's
 * counting TITLE_WEIGHT times, each damped as it repeats (1 + ln n).
 */
export function topicWords(probe: SimilarProbe): Map<string, number> {
  const counts = new Map<string, number>();
  const add = (pair: string, weight: number) => counts.set(pair, (counts.get(pair) ?? 0) + weight);
  const count = (text: string, weight: number) => {
    // Runs of word characters, each slid over a pair at a time (by code unit where the run has no surrogate: ~4× faster).
    for (const [run] of topical(text, probe.organ).matchAll(WORDY_RUN)) {
      if (!/[\uD800-\uDFFF]/.test(run)) {
        for (let i = 0; i + 2 <= run.length; i++) add(run.slice(i, i + 2), weight);
      } else {
        const chars = [...run];
        for (let i = 0; i + 2 <= chars.length; i++) add(chars[i]! + chars[i + 1]!, weight);
      }
    }
  };
  count(probe.proposalTitle, TITLE_WEIGHT);
  count(probe.body, 1);
  for (const [pair, n] of counts) counts.set(pair, 1 + Math.log(n));
  return counts;
}

/**
 * The candidates in order of closeness to the probe: the cosine of their topic words, each word
 * weighted by how rare it is among them (a word all of them share says nothing of any). The
 * full-text index finds the candidates by trigrams; the order is the words': a trigram splits
 * 学校搬迁 into 学校搬 and 校搬迁, which another reply's 学校整体搬迁 does not hold.
 */
export function closest(probe: SimilarProbe, candidates: readonly Candidate[]): number[] {
  const probeWords = topicWords(probe);
  const vectors = candidates.map((c) => ({ id: c.id, words: topicWords(c.probe) }));
  const df = new Map<string, number>();
  for (const words of [probeWords, ...vectors.map((v) => v.words)]) for (const w of words.keys()) df.set(w, (df.get(w) ?? 0) + 1);
  const n = vectors.length + 1;
  const idf = (w: string) => Math.log(1 + n / df.get(w)!);
  const weighted = (words: Map<string, number>) => {
    const out = new Map<string, number>();
    let norm = 0;
    for (const [w, tf] of words) {
      const x = tf * idf(w);
      out.set(w, x);
      norm += x * x;
    }
    return { out, norm: Math.sqrt(norm) || 1 };
  };
  const p = weighted(probeWords);
  return vectors
    .map((v) => {
      const c = weighted(v.words);
      let dot = 0;
      for (const [w, x] of p.out) dot += x * (c.out.get(w) ?? 0);
      return { id: v.id, score: dot / (p.norm * c.norm) };
    })
    .sort((a, b) => b.score - a.score || b.id - a.id)
    .map((s) => s.id);
}
