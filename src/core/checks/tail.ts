import { isPhoneList, isPostcode } from '../phone.js';
import { CONTACT_KEYS } from '../reply.js';
import { finding, type Finding, type Rule } from './types.js';

const compact = (s: string) => s.replace(/\s+/gu, '');

/** 署名 is the organ whose 发文机关标志 heads the reply (…文件). */
export const signatureOrgan: Rule = ({ layout }) => {
  if (!layout.signature) return [finding('signature/missing', layout.signedOn?.line ?? layout.body.at(-1)?.line ?? layout.firstLine)];
  const header = layout.header?.text;
  if (!header || !header.endsWith('文件')) return [];
  const organ = header.slice(0, -'文件'.length);
  if (compact(layout.signature.text) === compact(organ)) return [];
  return [finding('signature/organ', layout.signature.line, { value: layout.signature.text, expected: organ })];
};


/** The contact block (house style of the genre) has a name, a phone number, an address and a postcode. */
export const contactComplete: Rule = ({ layout, reply }) => {
  const missing = CONTACT_KEYS.filter((k) => !layout.contact[k]?.value);
  if (missing.length === 0) return [];
  const labels = missing.map((k) => reply.contactLabels[k]).join('、');
  const at = Math.max(layout.signedOn?.line ?? layout.signature?.line ?? layout.body.at(-1)?.line ?? 0, ...CONTACT_KEYS.map((k) => layout.contact[k]?.line ?? 0));
  return [finding('contact/missing', at, { labels })];
};

export const contactPhone: Rule = ({ layout }) => {
  const part = layout.contact.phone;
  if (!part?.value) return [];
  return isPhoneList(part.value) ? [] : [finding('contact/phone', part.line, { value: part.value })];
};

/** 邮政编码: six digits. */
export const contactPostcode: Rule = ({ layout }) => {
  const part = layout.contact.postcode;
  if (!part?.value || isPostcode(part.value)) return [];
  return [finding('contact/postcode', part.line, { value: part.value })];
};

/**
 * 办理结果 and 公开属性 head the published version; their values are the
 * office's configured ones when the workspace has a config.
 */
export const metaValues: Rule = ({ layout }, { config }) => {
  const out: Finding[] = [];
  const check = (code: 'meta/result' | 'meta/disclosure', labelKey: string, part: typeof layout.result, allowed: readonly string[] | undefined) => {
    if (!part?.value) out.push(finding(code, part?.line ?? layout.firstLine, { labelKey }, 'missing'));
    else if (allowed && !allowed.includes(part.value)) {
      out.push(finding(code, part.line, { labelKey, value: part.value, allowed: allowed.join('、') }));
    }
  };
  check('meta/result', 'label.result', layout.result, config?.results);
  check('meta/disclosure', 'label.disclosure', layout.disclosure, config?.disclosures);
  return out;
};

export const tailRules: readonly Rule[] = [signatureOrgan, contactComplete, contactPhone, contactPostcode, metaValues];
