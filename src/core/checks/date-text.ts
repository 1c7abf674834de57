import { realDay, type IsoDate } from '../dates.js';

/** How a date is written, as far as the format rules care. */
export interface DateText {
  /** arabic: 2023年5月18日; iso: 2023-05-18, 2023.5.18, 2023/5/18; chinese: 二〇二三年五月十八日. */
  readonly form: 'arabic' | 'iso' | 'chinese';
  /** The day, when it exists. */
  readonly date: IsoDate | undefined;
  readonly spaces: boolean;
  readonly leadingZero: boolean;
}

const ARABIC = /^(\d{4})(\s*)年(\s*)(\d{1,2})(\s*)月(\s*)(\d{1,2})(\s*)日$/u;
const ISO = /^(\d{4})\s*[-/.．]\s*(\d{1,2})\s*[-/.．]\s*(\d{1,2})$/u;
// 二0一七年: some copies write the zero as an ASCII or full-width digit.
const CN_DIGIT = '〇零○Ｏ0０一二三四五六七八九';
const CHINESE = new RegExp(`^([${CN_DIGIT}]{4})\\s*年\\s*([一二三四五六七八九十]{1,3})\\s*月\\s*([一二三四五六七八九十]{1,3})\\s*日$`, 'u');

/** A date written in any of the forms clerks use, or undefined when the text is not a date. */
export function readDateText(input: string): DateText | undefined {
  const text = input.trim();
  const arabic = ARABIC.exec(text);
  if (arabic) {
    const [, y, s1, s2, m, s3, s4, d, s5] = arabic;
    return {
      form: 'arabic',
      date: realDay(Number(y), Number(m), Number(d)),
      spaces: [s1, s2, s3, s4, s5].some((s) => s !== ''),
      leadingZero: m!.startsWith('0') || d!.startsWith('0'),
    };
  }
  const iso = ISO.exec(text);
  if (iso) {
    const [, y, m, d] = iso;
    return { form: 'iso', date: realDay(Number(y), Number(m), Number(d)), spaces: /\s/.test(text), leadingZero: false };
  }
  const chinese = CHINESE.exec(text);
  if (chinese) {
    const year = Number([...chinese[1]!].map((c) => cnDigit(c)).join(''));
    return {
      form: 'chinese',
      date: realDay(year, cnNumber(chinese[2]!), cnNumber(chinese[3]!)),
      spaces: /\s/.test(text),
      leadingZero: false,
    };
  }
  return undefined;
}

/**
 * Dates inside running text, year and month at least (2022年8月, 2023年5月18日),
 * with what is wrong in each: spaces inside, leading zeros.
 */
export const DATE_IN_TEXT = /(?<![\d０-９])(\d{4})(\s*)年(\s*)(\d{1,2})(\s*)月(?:(\s*)(\d{1,2})(\s*)日)?/gu;

export interface DateInText {
  readonly index: number;
  readonly text: string;
  readonly spaces: boolean;
  readonly leadingZero: boolean;
  /** The same date as it should be written. */
  readonly official: string;
  /** Whether such a month (and day) exists: no 13月, no 2月30日. */
  readonly exists: boolean;
}

export function datesInText(text: string): DateInText[] {
  const out: DateInText[] = [];
  for (const m of text.matchAll(DATE_IN_TEXT)) {
    const [whole, y, s1, s2, mo, s3, s4, d, s5] = m;
    const spaces = [s1, s2, s3, s4, s5].some((s) => s !== undefined && s !== '');
    const leadingZero = mo!.startsWith('0') || (d !== undefined && d.startsWith('0'));
    const official = `${y}年${Number(mo)}月` + (d !== undefined ? `${Number(d)}日` : '');
    out.push({ index: m.index, text: whole, spaces, leadingZero, official, exists: existingDay(Number(y), Number(mo), d === undefined ? 1 : Number(d)) });
  }
  return out;
}

/** A day of the calendar, in any year (a body may cite 1937年7月7日, which no reply bears). */
function existingDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day;
}

function cnDigit(c: string): number {
  return '〇零○Ｏ0０'.includes(c) ? 0 : '一二三四五六七八九'.indexOf(c) + 1;
}

/** 五 → 5, 十 → 10, 十八 → 18, 二十 → 20, 三十一 → 31. */
function cnNumber(text: string): number {
  if (!text.includes('十')) return cnDigit(text);
  const [tens, ones] = text.split('十');
  return (tens ? cnDigit(tens) : 1) * 10 + (ones ? cnDigit(ones) : 0);
}
