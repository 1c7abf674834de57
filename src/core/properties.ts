import type { ReplyFields } from './reply.js';

/**
 * The fields of a record that the reply's own text does not print but a
 * disclosure page prints above it, as an info table: 办理结果, 公开属性. The
 * documents the tool makes carry them as properties (a DOCX's custom
 * properties, a page's <meta>), and the readers of those formats give them
 * back as info-table lines, so that an office's own file reads back whole.
 */
export const PROPERTY_LABELS = ['办理结果', '公开属性'] as const;
export type PropertyLabel = (typeof PROPERTY_LABELS)[number];

export function documentProperties(reply: Pick<ReplyFields, 'result' | 'disclosure'>): { readonly label: PropertyLabel; readonly value: string }[] {
  const all = [
    { label: '办理结果', value: reply.result },
    { label: '公开属性', value: reply.disclosure },
  ] as const;
  return all.filter((p) => p.value.trim() !== '');
}

/** A property as the line a disclosure page prints it in. */
export function propertyLine(label: string, value: string): string | undefined {
  const known = (PROPERTY_LABELS as readonly string[]).includes(label.trim());
  const text = value.replace(/\s+/gu, ' ').trim();
  return known && text ? `${label.trim()}：${text}` : undefined;
}

/** The properties as one text, for a document's keywords: 办理结果：采纳解决；公开属性：主动公开·全文. */
export function propertiesText(reply: Pick<ReplyFields, 'result' | 'disclosure'>): string {
  return documentProperties(reply)
    .map(({ label, value }) => `${label}：${value.replace(/[；;\s]+/gu, ' ').trim()}`)
    .join('；');
}

/** The info-table lines of a keywords text written so; other keywords give none. */
export function propertyLines(keywords: string): string[] {
  return keywords.split(/[；;]/u).flatMap((part) => {
    const m = /^\s*([^:：]+)[:：](.*)$/u.exec(part);
    const line = m ? propertyLine(m[1]!, m[2]!) : undefined;
    return line ? [line] : [];
  });
}
