import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSubject, fileSubject } from '../../../src/core/checks/index.js';
import { parseBody, writtenBlocks } from '../../../src/core/body.js';
import { isoDay } from '../../../src/core/dates.js';
import { matchingParagraphs } from '../../../src/core/paragraphs.js';
import { staleMentions, startFrom } from '../../../src/core/reuse.js';
import { DocNumber } from '../../../src/core/doc-number.js';
import type { NewReply } from '../../../src/core/fields.js';
import { toChineseNumeral } from '../../../src/core/numerals.js';
import { parsePublished } from '../../../src/core/published.js';
import { readReply } from '../../../src/core/reader/read.js';
import { addressingOf, DEFAULT_CONTACT_LABELS, type Kind, type Proposer } from '../../../src/core/reply.js';
import { docxReader } from '../../../src/read/docx.js';
import { htmlReader } from '../../../src/read/html.js';
import { renderDocx } from '../../../src/render/docx.js';
import { htmlExporter, textExporter } from '../../../src/render/text.js';

/** Pieces of replies and of their pages, to make texts that look like replies more often than random strings do. */
const PIECES = [
  '对区政协十五届二次会议 第152104号提案的答复', '关于对', '第', '号', '建议的复函', '朱莺委员：', '杨文强等3名代表:', '尊敬的',
  '您提出的《测试》的提案收悉，现答复如下：', '现答复如下:', '索引号:', '| 发文字号 | ', '普发改委〔2023〕16号', '（A类）',
  '2023年5月18日', '二〇二二年六月二十日', '2018717', '联系人及电话:', '(联系人:', '聯系電話(huà):', '上海市普陀区发展和改革委员会',
  '文件', '抄送：', '印发', '¹ ', '•', '鎮(zhèn)', '會(huì)議', '?。ㄒ唬', ':', '：', '(', ')', '《', '》', '“', '”', '\u0000', '\uFEFF',
];
const piece = fc.tuple(fc.oneof(fc.constantFrom(...PIECES), fc.string(), fc.string({ unit: 'grapheme' })), fc.constantFrom('', '\n', '\n\n', ' ', '\r\n'));
const messy = fc.array(piece, { maxLength: 40 }).map((parts) => parts.map(([text, sep]) => text + sep).join(''));

describe('the reader never throws, whatever the text', () => {
  it('on any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        readReply(text);
      }),
      { numRuns: 500 },
    );
  });

  it('on texts made of the pieces of replies and their pages, through the record and every check', () => {
    fc.assert(
      fc.property(messy, (text) => {
        const reading = readReply(text);
        expect(typeof reading.verdict.reply).toBe('boolean');
        const subject = fileSubject(text);
        if (subject.ok) checkSubject(subject.subject, { today: isoDay(2026, 12, 2) });
        parsePublished(text);
      }),
      { numRuns: 400 },
    );
  });

  it('nor does the body parser, nor what reads a body for reuse, on any string', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), messy), (text) => {
        const tree = parseBody(text);
        expect(tree.blocks.length).toBe(writtenBlocks(text).length);
        matchingParagraphs(text, ['收悉', '一、'], 1);
        startFrom(text, { kind: '提案答复', proposalTitle: '测试', proposers: [{ name: '朱莺', role: '委员' }] });
        staleMentions(text, text, isoDay(2026, 12, 2));
      }),
      { numRuns: 500 },
    );
  });

  it('on a very long line and a very long text, within bounds', () => {
    const long = '对'.repeat(100_000) + '\n' + '朱莺委员：\n'.repeat(20_000);
    const started = Date.now();
    readReply(long);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});

const NAMES = ['朱莺', '王东伟', '李明', '张秀霞', '顾薇玲', '陈静', '杨开顺'];
const ORGANS = ['上海市普陀区发展和改革委员会', '上海市普陀区人民政府', '马关县交通运输局', '镇坪县文化和旅游广电局'];
const LEAD_UNITS = ['市发展改革委', '区经济委员会', '市教育委员会'];
const GROUPS = ['经济委员会', '民盟普陀区委', '区工商联'];
const TOPICS = ['长三角协同创新', '智能数据平台建设', '老旧小区加装电梯', '农村公路硬化', '公交线路优化'];
const SENTENCES = [
  '我委高度重视，会同有关部门认真研究。',
  '近年来，全区持续推进重点项目建设，取得了积极成效。',
  '下一步，我们将继续加强统筹协调，推动工作落到实处。',
  '2023年，累计完成投资12.5亿元，同比增长8%。',
  '一是完善工作机制；二是加大支持力度。',
];

const cn = (n: number) => toChineseNumeral(n);

/** A record as a clerk files it: every field the published text carries, in the forms the office uses. */
const record: fc.Arbitrary<NewReply> = fc
  .record({
    kind: fc.constantFrom<Kind>('提案答复', '建议答复', '会办意见'),
    level: fc.constantFrom('区', '市', '县'),
    term: fc.integer({ min: 1, max: 20 }),
    sitting: fc.integer({ min: 1, max: 9 }),
    proposalNo: fc.stringMatching(/^[0-9]{1,6}$/),
    topic: fc.constantFrom(...TOPICS),
    people: fc.uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: 3 }),
    group: fc.option(fc.constantFrom(...GROUPS), { nil: undefined }),
    leadUnit: fc.constantFrom(...LEAD_UNITS),
    docNumber: fc.option(
      fc.record({ prefix: fc.constantFrom('普发改委', '普府', '马交'), year: fc.integer({ min: 2015, max: 2026 }), seq: fc.integer({ min: 1, max: 300 }) }),
      { nil: null },
    ),
    signed: fc.date({ min: new Date('2015-01-01'), max: new Date('2026-11-30'), noInvalidDate: true }),
    issuedLater: fc.option(fc.integer({ min: 1, max: 20 }), { nil: null }),
    organ: fc.constantFrom(...ORGANS),
    withHeader: fc.boolean(),
    printingOffice: fc.boolean(),
    result: fc.constantFrom('', '采纳解决', '解决或采纳', '留作参考'),
    disclosure: fc.constantFrom('', '主动公开·全文', '依申请公开'),
    paragraphs: fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 5 }),
    headings: fc.boolean(),
    contact: fc.subarray(['name', 'phone', 'address', 'postcode'] as const),
    cc: fc.subarray(['市政协提案委', '区政府办公室']),
  })
  .map((g): NewReply => {
    const role = g.kind === '建议答复' ? '代表' : '委员';
    const body = g.kind === '建议答复' ? '人大' : '政协';
    const session = `${g.level}${body}${cn(g.term)}届${cn(g.sitting)}次会议`;
    const what = g.kind === '建议答复' ? '建议' : '提案';
    const title = `关于${g.topic}的${what}`;
    const proposers: Proposer[] =
      g.kind !== '会办意见' && g.group ? [{ name: g.group, role: '集体' }] : g.people.slice(0, g.kind === '会办意见' ? 1 : 3).map((name) => ({ name, role }));
    const opening =
      g.kind === '会办意见'
        ? `${proposers[0]!.name}等委员提出的《${title}》的提案收悉，经研究，现将会办意见函告如下：`
        : `${proposers[0]!.role === '集体' ? '贵单位' : '您'}提出的《${title}》的${what}收悉，经研究，现将办理情况答复如下：`;
    const text = g.headings
      ? g.paragraphs.flatMap((p, i) => [`${cn(i + 1)}、关于${g.topic}的工作`, p])
      : g.paragraphs;
    const closing = g.kind === '会办意见' ? '以上意见供你单位统一答复提案者时参考。' : `非常感谢您对我们工作的关心和支持。`;
    const signedOn = g.signed.toISOString().slice(0, 10) as NewReply['signedOn'];
    const issued = g.issuedLater === null ? null : (new Date(g.signed.getTime() + g.issuedLater * 86_400_000).toISOString().slice(0, 10) as NewReply['issuedOn']);
    const CONTACT = { name: '宋佩颖', phone: '52564588-2321', address: '大渡河路1668号', postcode: '200333' };
    return {
      ...addressingOf(g.kind, g.kind === '会办意见' ? g.leadUnit : null),
      docNumber: g.docNumber && DocNumber.of(g.docNumber.prefix, g.docNumber.year, g.docNumber.seq),
      session,
      proposalNo: g.proposalNo,
      proposalTitle: title,
      proposers,
      salutation: null,
      result: g.result,
      disclosure: g.disclosure,
      body: [opening, ...text, closing].join('\n\n') + '\n',
      signedOn,
      issuedOn: issued,
      organ: g.organ,
      header: g.withHeader ? `${g.organ}文件` : null,
      // Printed on its own line only with the 印发 date: without one, the organ prints it.
      printingOrgan: g.printingOffice && issued ? `${g.organ}办公室` : g.organ,
      contact: Object.fromEntries(g.contact.map((k) => [k, CONTACT[k]])),
      contactLabels: DEFAULT_CONTACT_LABELS,
      cc: g.cc,
      classification: {},
      annotation: null,
      style: null,
    };
  });

describe('every reply the text render prints reads back to the record it was printed from', () => {
  it('for records of every kind, with and without doc number, header, metadata, contact and 抄送', () => {
    fc.assert(
      fc.property(record, (reply) => {
        const text = textExporter.render({ ...reply }, {}) as string;
        const read = parsePublished(text);
        if (!read.ok) throw new Error(`not read: ${read.reason}\n${text}`);
        expect(read.reply).toEqual(reply);
        expect(read.missing).toEqual([]);
        expect(read.inferred).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe('every reply the Word and HTML renders print reads back to the record it was printed from', () => {
  it.each([
    ['DOCX', docxReader, (reply: NewReply) => renderDocx({ ...reply }, {})],
    ['HTML', htmlReader, async (reply: NewReply) => Buffer.from((await htmlExporter.render({ ...reply }, {})) as string)],
  ] as const)('%s, for records of every kind', async (_format, reader, render) => {
    await fc.assert(
      fc.asyncProperty(record, async (reply) => {
        const read = await reader.read(Buffer.from(await render(reply)));
        if (!read.ok) throw new Error(`not read: ${read.reason}`);
        const parsed = parsePublished(read.lines ?? read.text);
        if (!parsed.ok) throw new Error(`not a reply: ${parsed.reason}`);
        expect(parsed.reply).toEqual(reply);
        expect(parsed.missing).toEqual([]);
      }),
      { numRuns: 40 },
    );
  });
});
