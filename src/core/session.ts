import { PINYIN } from './reader/lines.js';

/**
 * 会次: the sitting of a people's congress (人大) or of a CPPCC committee (政协)
 * that a proposal was made at. Offices print it in many wordings —
 * 区政协十五届二次会议, 政协上海市普陀区第十五届委员会第二次会议, 普陀区政协十五届二次会议 —
 * and, on mirror sites, in traditional characters with pinyin injected
 * (會(huì)議). A session is kept as printed; its key (body, level, term,
 * sitting) says when two wordings name the same one.
 */
export interface SessionMention {
  /** The session as printed (pinyin injections included). */
  readonly text: string;
  /** Offsets of the printed text in the searched string. */
  readonly start: number;
  readonly end: number;
  readonly key: string;
}

const NUMBER = '[一二三四五六七八九十〇零两]{1,4}|\\d{1,3}';
/** Body word before the term (区政协十五届, 安宁市人大六届), the term, a body word after it, the sitting. */
const CORE = new RegExp(
  `(政[协協]|人大)?(?:第\\s*)?(${NUMBER})\\s*[届屆]\\s*(委[员員][会會]|人民代表大[会會]|人大(?:常委[会會])?)?\\s*(?:第\\s*)?(${NUMBER})\\s*次\\s*(?:全[体體](?:委[员員])?)?\\s*[会會][议議]`,
  'gu',
);
/** Characters that end a place name when walking back from the term: function words and verbs of the sentence. */
const NOT_PLACE = new Set([...'在于於的对對你您们們我和及与與为為将將已由向从從提出期间間届屆第次会會议議請请是']);
const LEVEL = /([省市区區县縣州旗镇鎮乡鄉])$/u;

/** Every session the text names, in order. */
export function findSessions(input: string): SessionMention[] {
  const { text, origin } = withoutPinyin(input);
  const out: SessionMention[] = [];
  for (const m of text.matchAll(CORE)) {
    const [, before, term, after, sitting] = m;
    let start = m.index;
    // The place: Han characters before the match, up to a word of the sentence.
    while (start > 0 && m.index - start < 16) {
      const ch = text[start - 1]!;
      if (!/\p{Script=Han}/u.test(ch) || NOT_PLACE.has(ch)) break;
      start--;
    }
    const place = text.slice(start, m.index);
    const body = bodyOf(place + (before ?? ''), after);
    if (!body) continue;
    const level = LEVEL.exec(place.replace(/(政[协協]|人大)$/u, ''))?.[1] ?? '';
    const key = `${body}:${simplified(level)}:${numberOf(term!)}:${numberOf(sitting!)}`;
    const from = origin(start);
    const to = origin(m.index + m[0].length - 1) + 1;
    out.push({ text: input.slice(from, to), start: from, end: to, key });
  }
  return out;
}

/** The key of a session as typed or printed, or null when the text names none. */
export function sessionKey(text: string): string | null {
  return findSessions(text)[0]?.key ?? null;
}

/** Whose sitting a session is: the 政协's (its members make 提案) or the 人大's (its deputies make 建议); undefined when it names neither. */
export function sessionBody(text: string): '政协' | '人大' | undefined {
  const key = sessionKey(text);
  if (key?.startsWith('政协:')) return '政协';
  if (key?.startsWith('人大:')) return '人大';
  return bodyOf(text, undefined);
}

/** Whether two wordings name the same session (by key; by text when either has no key). */
export function sameSession(a: string, b: string): boolean {
  const ka = sessionKey(a);
  const kb = sessionKey(b);
  return ka !== null && kb !== null ? ka === kb : a.trim() === b.trim();
}

function bodyOf(before: string, after: string | undefined): '政协' | '人大' | undefined {
  if (/人大|人民代表大[会會]/u.test(before) || (after !== undefined && /人/u.test(after))) return '人大';
  if (/政[协協]/u.test(before)) return '政协';
  return undefined;
}

/** 十五 → 15, 二十 → 20, 2 → 2. */
function numberOf(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  const digit = (c: string) => '〇零一二三四五六七八九'.indexOf(c) - 1;
  const d = (c: string) => (c === '两' ? 2 : Math.max(digit(c), 0));
  if (!text.includes('十')) return Number([...text].map(d).join(''));
  const [tens, ones] = text.split('十');
  return (tens ? d(tens) : 1) * 10 + (ones ? d(ones) : 0);
}

function simplified(level: string): string {
  return ({ 區: '区', 縣: '县', 鎮: '镇', 鄉: '乡' } as Record<string, string>)[level] ?? level;
}

/**
 * The text with pinyin injections taken out, and for each of its characters the offset in the input.
 * Most texts have none: they are their own text, offsets unchanged (building the map a character at
 * a time was a tenth of the reader's time on plain replies).
 */
function withoutPinyin(input: string): { text: string; origin: (i: number) => number } {
  const cuts = [...input.matchAll(PINYIN)];
  if (cuts.length === 0) return { text: input, origin: (i) => i };
  let text = '';
  const map: number[] = [];
  let at = 0;
  for (const m of [...cuts, { index: input.length, 0: '' }]) {
    text += input.slice(at, m.index);
    for (let i = at; i < m.index; i++) map.push(i);
    at = m.index + m[0].length;
  }
  return { text, origin: (i) => map[i]! };
}
