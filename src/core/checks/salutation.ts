import { deriveSalutation, proposerLabel } from '../proposers.js';
import { finding, type Finding, type Rule } from './types.js';

/** 主送 ends with a full-width colon (GB/T 9704-2012 7.3.2). */
export const salutationColon: Rule = ({ layout }) => {
  if (!layout.salutation) return [finding('salutation/missing', layout.body[0]?.line ?? layout.firstLine)];
  const { line, text } = layout.salutation;
  if (text.endsWith('：')) return [];
  return [finding('salutation/colon', line, { value: text }, text.endsWith(':') ? undefined : 'missing')];
};

/**
 * 主送 names whom the reply is for: the proposers (委员 for a 提案, 代表 for a
 * 建议, or a group), and for a 会办意见 the lead unit, never the member.
 */
export const salutationAddressee: Rule = ({ layout, reply }) => {
  if (!layout.salutation) return [];
  const { line, text } = layout.salutation;
  const name = text.replace(/\s*[:：]$/u, '');
  const out: Finding[] = [];
  if (reply.kind === '会办意见') {
    if (/(?<!委员会)(委员|代表)$/u.test(name)) out.push(finding('salutation/addressee', line, { value: name }, 'cohandlingMember'));
    else if (reply.leadUnit && !name.includes(reply.leadUnit)) {
      out.push(finding('salutation/addressee', line, { value: name, expected: reply.leadUnit }, 'leadUnit'));
    }
    return out;
  }
  const wrongRole = reply.proposers.find((p) => (reply.kind === '提案答复' ? p.role === '代表' : p.role === '委员'));
  if (wrongRole) {
    out.push(finding('salutation/addressee', line, { value: proposerLabel(wrongRole), kind: reply.kind }, 'role'));
  }
  const missing = reply.proposers.filter((p) => !name.includes(p.name));
  if (missing.length) {
    const expected = deriveSalutation(reply.kind, reply.proposers, reply.leadUnit);
    out.push(finding('salutation/addressee', line, { value: name, expected }, 'proposers'));
  }
  return out;
};

/** An addressee line as compared: no blanks, no closing colon, no 尊敬的. */
function addresseeKey(text: string): string {
  return text.replace(/\s+/gu, '').replace(/[:：]+$/u, '').replace(/^尊敬的/u, '');
}

/** Whether a line is the salutation typed again: it ends with a colon and names the same addressees. */
export function repeatsSalutation(line: string, salutation: string): boolean {
  const key = addresseeKey(salutation);
  return key !== '' && /[:：]\s*$/u.test(line) && addresseeKey(line) === key;
}

/**
 * The salutation typed again at the head of the body (a draft pasted from a
 * letter): the document prints the 主送 on its own line, then once more.
 */
export const salutationRepeated: Rule = ({ layout }) => {
  const { salutation } = layout;
  if (!salutation) return [];
  const again = [...layout.aboveSalutation, ...layout.body.slice(0, 1)].find((p) => repeatsSalutation(p.text, salutation.text));
  return again ? [finding('salutation/repeated', again.line, { value: again.text })] : [];
};

export const salutationRules: readonly Rule[] = [salutationColon, salutationAddressee, salutationRepeated];
