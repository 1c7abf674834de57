import { addMonths } from 'date-fns/addMonths';
import { fieldError } from './errors.js';

/** A calendar day as 'YYYY-MM-DD'; only `parseDate` and `isoDay` make one. */
export type IsoDate = string & { readonly __brand: 'IsoDate' };

const ISO = /^(\d{4})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{1,2})$/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;

/**
 * Reads a date as clerks write it: 2023-05-18, 2023/5/18, 2023年5月18日,
 * 2023 年 5 月 18 日, 20230518. Refuses days that do not exist.
 */
export function parseDate(input: string, field: string): IsoDate {
  const text = input.trim();
  const m = ISO.exec(text) ?? CHINESE.exec(text) ?? COMPACT.exec(text);
  if (!m) throw fieldError(field, 'date.unreadable', { value: input });
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  // 9999-01-01 is a day, but no reply's: said as a year out of range, not as a day that does not exist.
  if (year < FIRST_YEAR || year > LAST_YEAR) throw fieldError(field, 'date.yearOutOfRange', { value: input, first: FIRST_YEAR, last: LAST_YEAR });
  if (!realDay(year, month, day)) throw fieldError(field, 'date.noSuchDay', { value: input });
  return isoDay(year, month, day);
}

export function isoDay(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}` as IsoDate;
}

/** The local calendar day of an instant. */
export function dayOf(instant: Date): IsoDate {
  return isoDay(instant.getFullYear(), instant.getMonth() + 1, instant.getDate());
}

export function dateParts(date: IsoDate): { year: number; month: number; day: number } {
  const [y, m, d] = date.split('-').map(Number);
  return { year: y!, month: m!, day: d! };
}

/** 成文日期 as GB/T 9704 prints it: Arabic numerals, no leading zeros (2023年5月18日). */
export function chineseDate(date: IsoDate): string {
  const { year, month, day } = dateParts(date);
  return `${year}年${month}月${day}日`;
}

/** The years a reply can bear. */
const FIRST_YEAR = 1949;
const LAST_YEAR = 2999;

/** The day, when it exists (no 2月30日) and falls in the years a reply can bear (1949–2999). */
export function realDay(year: number, month: number, day: number): IsoDate | undefined {
  if (year < FIRST_YEAR || year > LAST_YEAR || month < 1 || month > 12 || day < 1) return undefined;
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? isoDay(year, month, day) : undefined;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

/** The same day N months later; the 31st falls back to the month's last day (2023-01-31 + 1 → 2023-02-28). */
export function addMonthsTo(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = dateParts(date);
  return dayOf(addMonths(new Date(year, month - 1, day), months));
}

/** Whole days from one day to another: negative when `to` is earlier. */
export function daysFrom(from: IsoDate, to: IsoDate): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}
