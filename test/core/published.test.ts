import { describe, expect, it } from 'vitest';
import { bodyOfDocument, parsePublished, type Published } from '../../src/core/published.js';
import { corpusRecord, published, REPLIES, type CorpusId } from '../helpers/corpus.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CORPUS } from '../helpers/corpus.js';

function ok(result: Published) {
  if (!result.ok) throw new Error(`not parsed: ${result.reason}`);
  return result;
}

/** A small published reply, varied per test. */
function sample(parts: Partial<Record<'meta' | 'header' | 'number' | 'title' | 'salutation' | 'body' | 'tail', string>> = {}): string {
  return [
    parts.meta ?? '办理结果：采纳解决\n\n公开属性：主动公开·全文',
    parts.header ?? '上海市普陀区发展和改革委员会文件',
    parts.number ?? '普发改委〔2024〕3号',
    parts.title ?? '对区政协十五届三次会议 第160001号提案的答复',
    parts.salutation ?? '朱莺委员：',
    parts.body ?? '您提出的《测试提案》的提案收悉，经研究，现将办理情况答复如下：\n\n一、办理情况\n\n已经办理。\n\n非常感谢您的提案。',
    parts.tail ??
      '上海市普陀区发展和改革委员会\n\n2024年5月6日\n\n联系人姓名：宋佩颖\n\n联系电话：52564588-2321\n\n通讯地址：大渡河路1668号\n\n邮政编码：200333\n\n上海市普陀区发展和改革委员会\n\n2024年5月6日印发',
  ].join('\n\n');
}

describe('parsePublished reads every corpus reply into the record it was filed as', () => {
  for (const id of Object.keys(REPLIES) as CorpusId[]) {
    it(`${id}: every field, the body repaired, no warnings`, () => {
      const result = ok(parsePublished(published(id)));
      expect(result.reply).toEqual(corpusRecord(id));
      expect(result.warnings).toEqual([]);
    });
  }

  it('refuses the news article 003 as not a reply', () => {
    const news = readFileSync(join(CORPUS, '003_5561e4fdd77a1f2f.txt'), 'utf8');
    expect(parsePublished(news)).toMatchObject({ ok: false, reason: 'import.notReply' });
  });
});

describe('parsePublished repairs what the export did to the text', () => {
  it('joins a paragraph that a page break split mid-sentence', () => {
    const r = ok(parsePublished(sample({ body: '开头：\n\n普陀区作为\n\n上海市中心城区的枢纽。\n\n一、标题\n\n正文。' })));
    expect(r.reply.body).toBe('开头：\n\n普陀区作为上海市中心城区的枢纽。\n\n一、标题\n\n正文。\n');
  });

  it('joins a bold stretch that the page break split into one', () => {
    const r = ok(parsePublished(sample({ body: '开头：\n\n一是**组建重点**\n\n**专班**。由专班牵头。\n\n一、标题\n\n正文。' })));
    expect(r.reply.body).toBe('开头：\n\n一是**组建重点专班**。由专班牵头。\n\n一、标题\n\n正文。\n');
  });

  it('does not join a heading to the paragraph after it', () => {
    const r = ok(parsePublished(sample({ body: '开头：\n\n（一）汇聚创新要素\n\n一是推进建设。' })));
    expect(r.reply.body).toBe('开头：\n\n（一）汇聚创新要素\n\n一是推进建设。\n');
  });

  it('drops stray Markdown heading marks and rules, and keeps bold', () => {
    const r = ok(parsePublished(sample({ header: '# 上海市普陀区发展和改革委员会文件', title: '## 对区政协十五届三次会议 第160001号提案的答复', body: '开头：\n\n### 一、关于机制\n\n一是**组建专班**。\n\n---' })));
    expect(r.reply.header).toBe('上海市普陀区发展和改革委员会文件');
    expect(r.reply.body).toBe('开头：\n\n一、关于机制\n\n一是**组建专班**。\n');
  });

  it('takes a footnote printed between the halves of a split paragraph to the end, as [^n]', () => {
    const r = ok(parsePublished(sample({ body: '开头：\n\n实施“411”倍增行动¹，围绕数字\n\n¹ “411”倍增：税收占比每年提高。\n\n经济等方面推出举措。' })));
    expect(r.reply.body).toBe('开头：\n\n实施“411”倍增行动[^1]，围绕数字经济等方面推出举措。\n\n[^1]: “411”倍增：税收占比每年提高。\n');
  });

  it('reads dates written with spaces', () => {
    const r = ok(parsePublished(sample({ tail: '上海市普陀区人民政府\n\n2025 年 3 月 6 日\n\n上海市普陀区人民政府办公室\n\n2025 年 3 月 7 日印发' })));
    expect(r.reply.signedOn).toBe('2025-03-06');
    expect(r.reply.issuedOn).toBe('2025-03-07');
    expect(r.reply.printingOrgan).toBe('上海市普陀区人民政府办公室');
  });

  it('normalises a doc number in [] or 【】 brackets', () => {
    expect(ok(parsePublished(sample({ number: '普发改委[2024]3号' }))).reply.docNumber?.toString()).toBe('普发改委〔2024〕3号');
    expect(ok(parsePublished(sample({ number: '普发改委【2024】3号' }))).reply.docNumber?.toString()).toBe('普发改委〔2024〕3号');
  });

  it('reads the printing organ and date on one line, as GB/T 9704 lays them out', () => {
    const r = ok(parsePublished(sample({ tail: '上海市普陀区发展和改革委员会\n\n2024年5月6日\n\n上海市普陀区发展和改革委员会办公室   2024年5月8日印发' })));
    expect(r.reply.printingOrgan).toBe('上海市普陀区发展和改革委员会办公室');
    expect(r.reply.issuedOn).toBe('2024-05-08');
  });
});

describe('parsePublished reads the contact block in its variants', () => {
  it('keeps the labels it found, so the render gives them back', () => {
    const tail = '上海市普陀区发展和改革委员会\n\n2024年5月6日\n\n联系人： 杨益\n\n电话：52564588-3335\n\n联系地址：大渡河路 1668 号 邮政编码：200333\n\n上海市普陀区发展和改革委员会\n\n2024年5月6日印发';
    const r = ok(parsePublished(sample({ tail })));
    expect(r.reply.contact).toEqual({ name: '杨益', phone: '52564588-3335', address: '大渡河路 1668 号', postcode: '200333' });
    expect(r.reply.contactLabels).toEqual({ name: '联系人', phone: '电话', address: '联系地址', postcode: '邮政编码' });
  });

  it('reads 承办单位通讯地址 and the 抄送 line', () => {
    const tail = '某局\n\n2024年5月6日\n\n联系人姓名：甲\n\n承办单位通讯地址：某路1号\n\n抄送：市政协提案委，市政府办公厅建议提案处。\n\n某局\n\n2024年5月6日印发';
    const r = ok(parsePublished(sample({ tail })));
    expect(r.reply.contactLabels.address).toBe('承办单位通讯地址');
    expect(r.reply.cc).toEqual(['市政协提案委', '市政府办公厅建议提案处']);
  });
});

describe('parsePublished finds the parties and the proposal', () => {
  it('reads a group addressee as the proposer', () => {
    const r = ok(parsePublished(sample({ salutation: '经济委员会：', body: '贵单位提出的关于抢抓新赛道的提案收悉。' })));
    expect(r.reply.proposers).toEqual([{ name: '经济委员会', role: '集体' }]);
    expect(r.reply.proposalTitle).toBe('关于抢抓新赛道');
    expect(r.reply.salutation).toBeNull();
  });

  it('gives persons before the last the role of the last', () => {
    const r = ok(parsePublished(sample({ salutation: '张三、李四委员：' })));
    expect(r.reply.proposers).toEqual([{ name: '张三', role: '委员' }, { name: '李四', role: '委员' }]);
  });

  it('reads a deputy\'s suggestion', () => {
    const r = ok(parsePublished(sample({ title: '对区十七届人大三次会议 第0012号建议的答复', salutation: '李明代表：', body: '您提出的关于加强养老服务的建议收悉。' })));
    expect(r.reply.kind).toBe('建议答复');
    expect(r.reply.proposalNo).toBe('0012');
    expect(r.reply.proposers).toEqual([{ name: '李明', role: '代表' }]);
    expect(r.reply.proposalTitle).toBe('关于加强养老服务');
  });

  it('reads a 会办意见: lead unit from the salutation, proposers from the opening', () => {
    const r = ok(parsePublished(sample({ title: '对市政协十四届三次会议 第0690号提案的会办意见', salutation: '市发展改革委：', body: '顾薇玲等委员提出的关于支持普陀的提案收悉，经研究，现将会办意见函告如下：' })));
    expect(r.reply.kind).toBe('会办意见');
    expect(r.reply.leadUnit).toBe('市发展改革委');
    expect(r.reply.proposers).toEqual([{ name: '顾薇玲', role: '委员' }]);
  });

  it('keeps a salutation that differs from the derived one', () => {
    const r = ok(parsePublished(sample({ salutation: '尊敬的朱莺委员：' })));
    expect(r.reply.salutation).toBe('尊敬的朱莺委员：');
  });
});

describe('parsePublished says what it could not find', () => {
  it('warns of missing metadata, contact and proposal title', () => {
    const r = ok(parsePublished(sample({ meta: '', body: '正文。', tail: '某局\n\n2024年5月6日' })));
    expect(r.warnings).toEqual(['import.warn.proposalTitle', 'import.warn.result', 'import.warn.disclosure', 'import.warn.contact']);
  });

  it('files a reply that lacks a doc number, an addressee or a date, and says what it still needs', () => {
    const noNumber = ok(parsePublished(sample({ number: '' })));
    expect(noNumber.reply.docNumber).toBeNull();
    expect(noNumber.missing).toEqual([]);
    const noAddressee = ok(parsePublished(sample({ salutation: '' })));
    expect(noAddressee.reply.proposers).toEqual([]);
    expect(noAddressee.missing).toEqual(['proposers']);
    const noDate = ok(parsePublished(sample({ tail: '上海市普陀区发展和改革委员会' })));
    expect(noDate.reply.signedOn).toBeNull();
    expect(noDate.reply.organ).toBe('上海市普陀区发展和改革委员会');
    expect(noDate.missing).toEqual(['signedOn']);
    expect(noDate.reply.body).not.toContain('上海市普陀区发展和改革委员会');
  });
});

describe('bodyOfDocument: the body a document gives a reply to take as its own', () => {
  it('takes a whole reply\'s body, from its opening to its closing', () => {
    expect(bodyOfDocument(sample())).toBe('您提出的《测试提案》的提案收悉，经研究，现将办理情况答复如下：\n\n一、办理情况\n\n已经办理。\n\n非常感谢您的提案。\n');
  });

  it('takes any other text as it stands, a paragraph a line', () => {
    expect(bodyOfDocument('  第一段。\n\n\n第二段。 ')).toBe('第一段。\n\n第二段。\n');
    expect(bodyOfDocument([{ text: '网页第一段。' }, { text: '第二段。', align: 'center' }])).toBe('网页第一段。\n\n第二段。\n');
  });
});
