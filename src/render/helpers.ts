import Handlebars, { type HelperDelegate, type HelperOptions } from 'handlebars';
import { chineseDate, parseDate, type IsoDate } from '../core/dates.js';
import { DocNumber } from '../core/doc-number.js';
import { toChineseNumeral } from '../core/numerals.js';
import { escapeHtml, unescapeHtml } from './body-html.js';
import { titleLines } from './layout.js';

/** Helpers every template may use. Each is a pure function of its arguments. */
export const helpers: Record<string, HelperDelegate> = {
  /** {{cnDate signedOn}} → 2023年5月18日 */
  cnDate: (date: unknown) => (typeof date === 'string' && date ? chineseDate(parseDate(date, 'date') as IsoDate) : ''),
  /** {{formatDocNumber "普发改委[2023]16号"}} → 普发改委〔2023〕16号 (named apart from the docNumber field). */
  formatDocNumber: (value: unknown) => (value instanceof DocNumber ? value.toString() : typeof value === 'string' ? DocNumber.parse(value).toString() : ''),
  /** {{cnNumeral 12}} → 十二 */
  cnNumeral: (n: unknown) => toChineseNumeral(Number(n)),
  /** {{join cc "，"}} */
  join: (list: unknown, sep: unknown) => (Array.isArray(list) ? list.join(typeof sep === 'string' ? sep : '、') : ''),
  /**
   * {{#titleLines}}{{> title}}{{/titleLines}} → the (HTML) title broken into
   * lines where the DOCX breaks it (titleLines: before 第N号, after 的 …), each a <span class="l">.
   */
  titleLines(this: unknown, options: HelperOptions) {
    const text = unescapeHtml(options.fn(this)).replace(/\s+/g, ' ').trim();
    return new Handlebars.SafeString(titleLines(text).map((line) => `<span class="l">${escapeHtml(line)}</span>`).join(''));
  },
};
