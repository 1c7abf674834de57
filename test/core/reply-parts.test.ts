import { describe, expect, it } from 'vitest';
import { DocNumber } from '../../src/core/doc-number.js';
import type { IsoDate } from '../../src/core/dates.js';
import { draftDocNumber, FINAL, printingOf, replyParts, replyText } from '../../src/core/reply-parts.js';
import { printMark, STATUSES, type ReplyFields } from '../../src/core/reply.js';
import { textExporter } from '../../src/render/text.js';
import { REPLIES, changed, corpusRecord, type CorpusId } from '../helpers/corpus.js';

/** Replies whose optional parts come and go: every corpus reply, and each variant of 000. */
function variants(): [string, ReplyFields][] {
  const base = corpusRecord('000');
  return [
    ...(Object.keys(REPLIES) as CorpusId[]).map((id) => [id, corpusRecord(id)] as [string, ReplyFields]),
    ['no doc number, no header', changed(base, { docNumber: null, header: null })],
    ['no date, no organ, no session', changed(base, { signedOn: null, organ: null, session: null })],
    ['copied, issued later, part of the contact', changed(base, { cc: ['区政协提案委', '区人大代表工委'], issuedOn: '2023-05-20' as IsoDate, contact: { name: '宋佩颖' } })],
    ['a 建议 with footnotes', changed(base, { kind: '建议答复', proposers: [{ name: '王某', role: '代表' }], body: '您提出的建议收悉[^1]。\n\n[^1]: 见附件。\n' })],
    ['会办意见 to a lead unit', changed(base, { kind: '会办意见', leadUnit: '区建管委', salutation: null, docNumber: DocNumber.of('普发改委', 2024, 3) })],
    ['no result, no disclosure', changed(base, { result: '', disclosure: '' })],
  ];
}

describe('replyText: the published plain text, worded in the core', () => {
  it.each(variants())('is what the built-in txt templates print: %s', (_name, reply) => {
    expect(replyText(reply)).toBe(textExporter.render(reply, {}));
  });

  it('prints each part once, in the order of the page', () => {
    const text = replyText(corpusRecord('000'));
    const order = ['办理结果：', '公开属性：', '上海市普陀区发展和改革委员会文件', '普发改委〔2023〕16号', '对区政协十五届二次会议 第152104号提案的答复', '朱莺委员：', '2023年5月18日\n', '联系人姓名：宋佩颖', '2023年5月18日印发'];
    const at = order.map((part) => text.indexOf(part));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });
});

describe('replyParts: one wording of each part for every layout', () => {
  it('words the parts a Word or HTML page sets', () => {
    const reply = { ...corpusRecord('000'), cc: ['区政协提案委'] };
    const parts = replyParts(reply);
    expect(parts).toMatchObject({
      docNumber: '普发改委〔2023〕16号',
      title: '对区政协十五届二次会议 第152104号提案的答复',
      salutation: '朱莺委员：',
      signature: ['上海市普陀区发展和改革委员会', '2023年5月18日'],
      cc: '抄送：区政协提案委。',
      issued: { organ: '上海市普陀区发展和改革委员会', date: '2023年5月18日印发' },
    });
    expect(parts.contact.map((c) => c.line)).toEqual(['联系人姓名：宋佩颖', '联系电话：52564588-2321', '通讯地址：大渡河路1668号1号楼B区313室', '邮政编码：200333']);
  });

  it('leaves out what is not known: no number, no date, nobody copied', () => {
    const parts = replyParts({ ...corpusRecord('000'), docNumber: null, signedOn: null, issuedOn: null, cc: [] });
    expect(parts).toMatchObject({ docNumber: '', signature: ['上海市普陀区发展和改革委员会'], cc: null, issued: { date: '' } });
  });
});

describe('how a document of a reply is marked: only a signed text goes out unmarked', () => {
  it('marks a draft or checked reply 草稿, a void one 作废, and a signed, sent or published one not at all', () => {
    expect(Object.fromEntries(STATUSES.map((s) => [s, printMark(s)]))).toEqual({
      draft: 'draft', checked: 'draft', signed: null, sent: null, published: null, void: 'void',
    });
  });

  it('marks nothing when the final text is asked for, or for a record with no state (a file, not the archive)', () => {
    expect(printingOf('draft', { final: true }).mark).toBeNull();
    expect(printingOf(undefined, {}).mark).toBeNull();
    expect(printingOf('checked', { officePrefix: '普发改委' })).toEqual({ mark: 'draft', officePrefix: '普发改委' });
  });

  it('prints a draft with the place of its number, even a numbered one: the number is given at signing', () => {
    const numbered = corpusRecord('000');
    expect(replyParts(numbered, { mark: 'draft' }).docNumber).toBe('普发改委〔　〕号');
    expect(replyParts(changed(numbered, { docNumber: null }), { mark: 'draft', officePrefix: '普府' }).docNumber).toBe('普府〔　〕号');
    expect(replyParts(changed(numbered, { docNumber: null }), { mark: 'draft' }).docNumber).toBe(draftDocNumber(undefined));
    expect(draftDocNumber(undefined)).toBe('〔　〕号');
  });

  it('keeps the number of a void reply, and of a final one', () => {
    expect(replyParts(corpusRecord('000'), { mark: 'void' }).docNumber).toBe('普发改委〔2023〕16号');
    expect(replyParts(corpusRecord('000'), FINAL).docNumber).toBe('普发改委〔2023〕16号');
  });
});
