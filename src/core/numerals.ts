/** Chinese numerals as used in heading numbers (一、 十一、 二十三、) and their reading. */
const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'] as const;

export function toChineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 9999) return String(n);
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return '十' + (n % 10 ? DIGITS[n % 10] : '');
  if (n < 100) return DIGITS[Math.floor(n / 10)]! + '十' + (n % 10 ? DIGITS[n % 10] : '');
  if (n < 1000) {
    const rest = n % 100;
    const tail = rest === 0 ? '' : rest < 10 ? '零' + DIGITS[rest] : rest < 20 ? '一' + toChineseNumeral(rest) : toChineseNumeral(rest);
    return DIGITS[Math.floor(n / 100)]! + '百' + tail;
  }
  const rest = n % 1000;
  const tail = rest === 0 ? '' : rest < 100 ? '零' + toChineseNumeral(rest).replace(/^十/, '一十') : toChineseNumeral(rest);
  return DIGITS[Math.floor(n / 1000)]! + '千' + tail;
}

/** Reads 一 … 九十九 (and 〇/零 forms); undefined when the text is not a numeral. */
export function fromChineseNumeral(text: string): number | undefined {
  if (!/^[零〇一二三四五六七八九十百]+$/.test(text)) return undefined;
  let total = 0;
  let current = 0;
  for (const ch of text) {
    if (ch === '十' || ch === '百') {
      const unit = ch === '十' ? 10 : 100;
      total += (current || 1) * unit;
      current = 0;
    } else {
      current = ch === '零' || ch === '〇' ? 0 : DIGITS.indexOf(ch as (typeof DIGITS)[number]);
    }
  }
  const value = total + current;
  // Only the canonical spelling is a numeral: 十十 or 一二 are not.
  return toChineseNumeral(value) === text.replace(/〇/g, '零') ? value : undefined;
}

const SUPERSCRIPTS = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'] as const;

/** 12 → ¹², the footnote marker of the published text. */
export function superscript(n: number): string {
  return [...String(n)].map((d) => SUPERSCRIPTS[Number(d)]).join('');
}

export function fromSuperscript(text: string): number | undefined {
  if (!/^[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/.test(text)) return undefined;
  return Number([...text].map((c) => SUPERSCRIPTS.indexOf(c as (typeof SUPERSCRIPTS)[number])).join(''));
}
