/**
 * The record a DOCX rendered by reply carries in its custom properties, and how the reader takes it:
 * the text decides, the properties complete what the text cannot say whole.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isoDay } from '../../../src/core/dates.js';
import { DocNumber } from '../../../src/core/doc-number.js';
import type { NewReply } from '../../../src/core/fields.js';
import { recordedOf, recordProperties, RECORD_MARK } from '../../../src/core/properties.js';
import { parsePublished } from '../../../src/core/published.js';
import { addressingOf, DEFAULT_CONTACT_LABELS, type Proposer } from '../../../src/core/reply.js';
import { docxReader } from '../../../src/read/docx.js';
import { renderDocx } from '../../../src/render/docx.js';
import { textExporter } from '../../../src/render/text.js';

const reply = (over: Partial<Omit<NewReply, 'kind' | 'leadUnit'>> = {}): NewReply => ({
  ...addressingOf('提案答复', null),
  docNumber: DocNumber.of('普发改委', 2026, 7),
  session: '区政协十五届二次会议',
  proposalNo: '152104',
  proposalTitle: '开发长三角一体化智能数据图表研报平台的建议',
  proposers: [{ name: '朱莺', role: '委员' }],
  salutation: null,
  result: '采纳解决',
  disclosure: '主动公开·全文',
  body: '您提出的关于开发长三角一体化智能数据图表研报平台的建议的提案收悉，经研究，现将办理情况答复如下：\n\n一是**组建专班**。我委牵头成立专班[^1]。\n\n非常感谢您的提案。\n\n[^1]: 专班由分管副主任任组长。\n',
  signedOn: isoDay(2026, 5, 18),
  issuedOn: null,
  organ: '上海市普陀区发展和改革委员会',
  header: null,
  printingOrgan: '上海市普陀区发展和改革委员会',
  contact: { name: '宋佩颖', phone: '52564588-2321' },
  contactLabels: DEFAULT_CONTACT_LABELS,
  cc: ['区政协提案委'],
  classification: {},
  annotation: null,
  style: null,
  ...over,
});

const asProperties = (r: NewReply, printsNumber = true) => Object.fromEntries(recordProperties(r, printsNumber).map((p) => [p.name, p.value]));

async function readDocx(r: NewReply) {
  const read = await docxReader.read(Buffer.from(await renderDocx({ ...r }, {})));
  if (!read.ok) throw new Error(read.reason);
  return read;
}

describe('the record properties of a document', () => {
  it('give back every field they carry, names with their roles, lists whole', () => {
    const name = fc.string({ unit: fc.constantFrom(...'朱莺经济委员会、，（）"\\[]'), minLength: 1, maxLength: 8 }).filter((s) => s.trim() === s);
    fc.assert(
      fc.property(
        fc.array(fc.record({ name, role: fc.constantFrom('委员', '代表', '集体') as fc.Arbitrary<Proposer['role']> }), { minLength: 1, maxLength: 4 }),
        fc.array(name, { maxLength: 3 }),
        (proposers, cc) => {
          const r = reply({ proposers, cc });
          expect(recordedOf(asProperties(r))).toEqual({
            kind: '提案答复', docNumber: r.docNumber, session: r.session, proposalNo: r.proposalNo, proposalTitle: r.proposalTitle,
            proposers, signedOn: r.signedOn, organ: r.organ, result: r.result, disclosure: r.disclosure, ...(cc.length ? { cc } : {}),
          });
        },
      ),
    );
  });

  it('leave the number out of a draft\'s document, which prints none', () => {
    expect(recordedOf(asProperties(reply(), false))).not.toHaveProperty('docNumber');
  });

  it('are nobody\'s record without the mark reply writes, and a value that is no field\'s is left unread', () => {
    const props = asProperties(reply());
    expect(recordedOf({ ...props, [RECORD_MARK]: undefined as unknown as string })).toBeUndefined();
    expect(recordedOf({ 发文字号: '普发改委〔2026〕7号' })).toBeUndefined();
    const bad = recordedOf({ ...props, 发文字号: '七号', 成文日期: '2026-02-30', 提案人: '[["朱莺","主任"]]', 抄送: '{', 提案标题: 'x'.repeat(5000), 类型: '通知', 会次: '第一行\n第二行' });
    expect(bad).toStrictEqual({ proposalNo: '152104', organ: reply().organ, result: '采纳解决', disclosure: '主动公开·全文' });
  });
});

describe('a reply reply rendered as DOCX reads back to its record', () => {
  it('with the title, the proposers\' roles, 办理结果 and 公开属性 its text prints only in part', async () => {
    const r = reply({ proposers: [{ name: '朱莺', role: '委员' }, { name: '民盟普陀区委', role: '集体' }, { name: '李四', role: '集体' }] });
    const read = await readDocx(r);
    expect(recordedOf(read.properties ?? {})).toBeDefined();
    const parsed = parsePublished(read.lines ?? read.text, { properties: read.properties! });
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.reply).toEqual(r);
    expect(parsed.differing).toEqual([]);
    // Without the properties, the reader cuts the title from the opening and takes 李四 for a person.
    const bare = parsePublished(read.lines ?? read.text);
    expect(bare.ok && [bare.reply.proposalTitle, bare.reply.proposers.map((p) => p.role)]).not.toEqual([r.proposalTitle, ['委员', '集体', '集体']]);
  });

  it('where the leader changed in Word what the text prints, the text stands and the field is named', async () => {
    const r = reply();
    const read = await readDocx(r);
    const edited = (read.lines ?? []).map((l) => ({ ...l, text: l.text.replace('普发改委〔2026〕7号', '普发改委〔2026〕9号').replace('2026年5月18日', '2026年5月20日') }));
    const parsed = parsePublished(edited, { properties: read.properties! });
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(parsed.reply.docNumber?.toString()).toBe('普发改委〔2026〕9号');
    expect(parsed.reply.signedOn).toBe('2026-05-20');
    expect(parsed.differing).toEqual(['docNumber', 'signedOn']);
  });

  it('a title rewritten in the opening is the text\'s, not the property\'s', async () => {
    const read = await readDocx(reply());
    const edited = (read.lines ?? []).map((l) => ({ ...l, text: l.text.replace('关于开发长三角一体化智能数据图表研报平台的建议', '《关于建设研报平台的建议》') }));
    const parsed = parsePublished(edited, { properties: read.properties! });
    expect(parsed.ok && [parsed.reply.proposalTitle, parsed.differing]).toEqual(['关于建设研报平台的建议', ['proposalTitle']]);
  });

  it('the properties fill in what a text leaves out, and are not taken for a text of another record', () => {
    const text = textExporter.render({ ...reply({ result: '', disclosure: '', docNumber: null }) }, {}) as string;
    const parsed = parsePublished(text, { properties: asProperties(reply()) });
    expect(parsed.ok && [parsed.reply.result, parsed.reply.disclosure, parsed.reply.docNumber?.toString(), parsed.differing]).toEqual(['采纳解决', '主动公开·全文', '普发改委〔2026〕7号', []]);
  });
});
