/**
 * The phone numbers of a contact block, as the genre prints them: an 8-digit
 * (or 7-digit) number with an optional area code and extension (52564588-2321,
 * 021-52564588, (021)52564588 转 2321), an 11-digit mobile number, a 400
 * number; several may be given, separated by 、 or ，. One rule for what
 * input accepts and what the checker asks, so that they cannot disagree.
 */
const PHONE = /^(?:(?:[(（]0\d{2,3}[)）]|0\d{2,3}[-－])?[2-9]\d{6,7}(?:(?:[-－]|转)\d{1,6})?|1[3-9]\d{9}|400\d{7}|400-?\d{3}-?\d{4})$/u;

/** The numbers of a phone field, blanks inside each dropped (52564588 转 2321). */
export function phoneNumbers(value: string): string[] {
  return value
    .split(/[、，,；;/]/u)
    .map((n) => n.replace(/\s+/gu, ''))
    .filter(Boolean);
}

/** Whether every number of a phone field is one as the genre prints it. */
export function isPhoneList(value: string): boolean {
  const numbers = phoneNumbers(value);
  return numbers.length > 0 && numbers.every((n) => PHONE.test(n));
}

/** 邮政编码: six digits. The one rule of input, config and checker. */
export function isPostcode(value: string): boolean {
  return /^\d{6}$/u.test(value);
}
