import { readDateText } from '../checks/date-text.js';
import type { IsoDate } from '../dates.js';
import { CONTACT_KEYS, type Contact } from '../reply.js';
import { withoutPinyin } from './lines.js';
import { simplified } from './simplified.js';

/**
 * What stands below the body: the signing organ (署名), the date (成文日期),
 * the contact, footnotes, 抄送 and the 印发 line; in web copies also notes
 * such as (此件公开发布) or 注:“主动公开”。.
 */

/** The labels each contact item goes by (simplified), longest first. */
export const CONTACT_LABELS: Readonly<Record<keyof Contact, string>> = {
  name: '联系人姓名|联系人',
  phone: '联系电话|电话',
  address: '承办单位通讯地址|通讯地址|联系地址|地址',
  postcode: '邮政编码|邮编',
};
/** Labels that give a name and a phone at once. */
const NAME_AND_PHONE = '联系人及电话|联系人及联系电话|联系单位及电话';

const spaced = (alternatives: string) =>
  alternatives
    .split('|')
    .map((label) => [...label].join('[ \\t]*'))
    .join('|');
/** One group a key, in the order of KEYS. */
const ITEM = new RegExp([NAME_AND_PHONE, ...CONTACT_KEYS.map((k) => CONTACT_LABELS[k])].map((labels) => `(${spaced(labels)})`).join('|'), 'gu');
/** ITEM at one place: a contact line starts with a label, so a line that does not is let go at once. */
const ITEM_AT = new RegExp(ITEM.source, 'uy');
const KEYS: (keyof Contact | 'both')[] = ['both', ...CONTACT_KEYS];

export interface ContactItem {
  readonly key: keyof Contact;
  readonly value: string;
  /** The label as printed, blanks taken out (联系人姓名, 联系电话 …). */
  readonly label: string;
}

/**
 * The contact items of a line: 联系人姓名：宋佩颖; 联系人及电话:杨谦堂,15126801666;
 * (聯系人:何茂云,聯系電話:6121966); 通讯地址：…  邮政编码：200333; none when
 * the line is not a contact line (it must start with a label).
 */
export function contactItems(text: string): ContactItem[] {
  const plain = withoutPinyin(text).trim();
  const form = simplified(plain);
  const start = /^[(（]?\s*/u.exec(form)![0].length;
  // A label counts when a colon follows it.
  const labelled = (m: RegExpExecArray) => /[:：]/u.test(form.slice(m.index + m[0].length).trimStart()[0] ?? '');
  ITEM_AT.lastIndex = start;
  const first = ITEM_AT.exec(form);
  if (!first || !labelled(first)) return [];
  // The first of these is the one at the start: nothing before it (a bracket, blanks) begins a label.
  const matches = [...form.matchAll(ITEM)].filter(labelled);
  const out: ContactItem[] = [];
  matches.forEach((m, k) => {
    const key = KEYS[m.slice(1).findIndex((g) => g !== undefined)]!;
    const from = m.index + m[0].length;
    const to = matches[k + 1]?.index ?? plain.length;
    const value = plain
      .slice(from, to)
      .replace(/^\s*[:：]\s*/u, '')
      .replace(/[\s,，;；、]*[)）]?\s*$/u, '')
      .trim();
    const label = plain.slice(m.index, from).replace(/\s+/gu, '');
    if (key === 'both') {
      const split = /^(.*?)[\s,，、]*((?:[\d*＊][\d\-－—*＊ ]{4,}[\d*＊])|(?:\(?\d{3,4}\)?[\d\-－ ]{5,}))$/u.exec(value);
      if (split && split[1]) out.push({ key: 'name', value: split[1].trim(), label }, { key: 'phone', value: split[2]!.trim(), label });
      else if (split) out.push({ key: 'phone', value: split[2]!.trim(), label });
      else out.push({ key: 'name', value, label });
    } else out.push({ key, value, label });
  });
  return out;
}

/** The day a date line names: 2023年5月18日, 2025 年 3 月 6 日, 二〇二二年六月二十日, 2025-04-08; none for 2024年2月30日. */
export function dateOfLine(text: string): IsoDate | undefined {
  return readDateText(text.replace(/\s+/gu, ' '))?.date;
}

/** A line written as a date, whether or not the day exists, or one a copy damaged. */
export function isDateLine(text: string): boolean {
  if (text.length > 40) return false;
  return readDateText(text.replace(/\s+/gu, ' ')) !== undefined || isDamagedDate(text);
}

/** A line that was a date before the copy lost its 年/月/日 (2018717, 20211026): unreadable, never guessed. */
export function isDamagedDate(text: string): boolean {
  return /^(19|20)\d{4,6}$/u.test(text.trim());
}

/** Endings of an organ's name. */
const ORGAN =
  /(局|委员会|委|政府|办公室|办事处|办|院|厅|部|处|室|中心|会|联|社|盟|支部|总支|组|团|队|所|站|公司|街道|管委会|银行|学校|医院|馆|集团|署|府)$/u;

/** A line that names an organ, as a signature does: short, no sentence, an organ's ending. */
export function isOrganLine(text: string): boolean {
  const form = withoutPinyin(simplified(text)).replace(/\s+/gu, '');
  return form.length >= 3 && form.length <= 40 && !/[。，,；;！!？?：:、“”《》]/u.test(form) && ORGAN.test(form);
}

/** Notes of a web copy between or after the signature lines: (此件公开发布), 注:“主动公开”。 */
export function isNote(text: string): boolean {
  const form = simplified(text).trim();
  return /^[(（][^()（）]{1,20}[)）]$/u.test(form) || /^注\s*[:：]/u.test(form) || /^(此件|本件)/u.test(form);
}

export const CC = /^抄\s*送\s*[:：]\s*(.*?)。?$/u;
export const FOOTNOTE = /^([⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(.+)$/u;

/** 2023年5月18日印发, or with the printing organ before it: 上海市…办公室  2025 年 3 月 6 日印发. */
export function issuedOf(text: string): { organ?: string; date: string } | undefined {
  const m = /^(.*?)\s*印发$/u.exec(text);
  if (!m) return undefined;
  const rest = m[1]!;
  if (readDateText(rest)) return { date: rest };
  for (const space of rest.matchAll(/\s+/gu)) {
    const date = rest.slice(space.index + space[0].length);
    if (readDateText(date)) return { organ: rest.slice(0, space.index), date };
  }
  return undefined;
}
