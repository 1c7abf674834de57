/**
 * Web copies of replies are often normalised on the way (NFKC): not one
 * full-width ，：（）；！？ is left, they stand as ASCII , : ( ) ; ! ? while
 * 。、“”《》 are unchanged. The originals used the full-width forms, so in
 * such a copy the record gets them back in Chinese context; a copy that has
 * any full-width one was not normalised and is kept as printed.
 */

const FULL_WIDTH = /[，：（）；！？]/u;
const CJK = /[\p{Script=Han}“”‘’《》〈〉「」『』【】〔〕。、…—]/u;
const HALF_IN_CHINESE = /[\p{Script=Han}“”《》。][,:;!]|[,;][\p{Script=Han}“”《》]|\([^()]*\p{Script=Han}[^()]*\)/u;

/** Whether the text looks like a normalised copy: no full-width ，：（）；！？ at all, half-width ones among Chinese. */
export function isNormalisedCopy(text: string): boolean {
  return !FULL_WIDTH.test(text) && HALF_IN_CHINESE.test(text);
}

/** The text with , : ; ! ? and ( ) in Chinese context set in full width. */
export function restorePunctuation(text: string): string {
  const chars = [...text];
  const open: boolean[] = [];
  let out = '';
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === '(') {
      const close = chars.indexOf(')', i + 1);
      const inside = chars.slice(i + 1, close < 0 ? Math.min(chars.length, i + 40) : close).join('');
      // (zhèn) is a reading injected by a mirror site, (2019) a number: both stay.
      const full = /\p{Script=Han}/u.test(inside);
      open.push(full);
      out += full ? '（' : c;
    } else if (c === ')') {
      out += open.pop() ? '）' : c;
    } else {
      out += restored(c, chars[i - 1] ?? '', chars[i + 1] ?? '') ?? c;
    }
  }
  return out;
}

function restored(c: string, prev: string, next: string): string | undefined {
  const chinese = (ch: string) => CJK.test(ch);
  switch (c) {
    case ',':
      // 1,000 stays; a comma beside a Chinese character does not.
      return chinese(prev) || chinese(next) || (/\d/.test(prev) && !/\d/.test(next)) ? '，' : undefined;
    case ';':
      return chinese(prev) || chinese(next) ? '；' : undefined;
    case ':':
      // 15:25 and http: stay.
      return (chinese(prev) || (chinese(next) && !/\d/.test(prev))) && !/[a-z]/i.test(prev) ? '：' : undefined;
    case '!':
      return chinese(prev) ? '！' : undefined;
    case '?':
      // A ? beside Latin letters is a character lost by a mirror site, not a question mark.
      return chinese(prev) && !/[A-Za-z]/.test(next) ? '？' : undefined;
    default:
      return undefined;
  }
}
