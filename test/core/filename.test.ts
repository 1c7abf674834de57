import { describe, expect, it } from 'vitest';
import { DocNumber } from '../../src/core/doc-number.js';
import { replyFileName } from '../../src/core/filename.js';
import type { ReplyFields } from '../../src/core/reply.js';

const reply = (over: Partial<ReplyFields> = {}): ReplyFields =>
  ({
    kind: '提案答复',
    docNumber: DocNumber.parse('普发改委〔2023〕16号'),
    session: '区政协十五届二次会议',
    proposalNo: '152104',
    ...over,
  }) as ReplyFields;

describe('replyFileName names a rendered reply by doc number and title', () => {
  it('names corpus 000', () => {
    expect(replyFileName(reply(), '.docx')).toBe('普发改委〔2023〕16号 对区政协十五届二次会议 第152104号提案的答复.docx');
  });

  it('names corpus 002, a 会办意见 with its leading zero', () => {
    const name = replyFileName(
      reply({ kind: '会办意见', docNumber: DocNumber.parse('普府〔2025〕19号'), session: '市政协十四届三次会议', proposalNo: '0690' }),
      '.pdf',
    );
    expect(name).toBe('普府〔2025〕19号 对市政协十四届三次会议 第0690号提案的会办意见.pdf');
  });

  it('replaces characters no file system allows', () => {
    expect(replyFileName(reply({ session: '区政协/十五届:二次*会议?' }), '.md')).toBe(
      '普发改委〔2023〕16号 对区政协_十五届_二次_会议_ 第152104号提案的答复.md',
    );
  });

  it('stays within 200 bytes of UTF-8, cut between characters, however long the session', () => {
    const name = replyFileName(reply({ session: '区政协十五届二次会议'.repeat(30) + '𠀀'.repeat(40) }), '.docx');
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(200);
    expect(name.endsWith('.docx')).toBe(true);
    expect(name).not.toMatch(/[\uD800-\uDFFF](?![\uDC00-\uDFFF])(?<![\uD800-\uDBFF][\uDC00-\uDFFF])/u);
    const astral = replyFileName(reply({ docNumber: null, session: '𠀀'.repeat(80) }), '.md');
    expect([...astral.slice(0, -3)].every((ch) => ch === '𠀀' || /[对 ]/u.test(ch))).toBe(true);
  });

  it('drops DEL, the direction overrides and the other characters no document may hold', () => {
    expect(replyFileName(reply({ session: '区政协\u202E十五届\u007F二次会议' }), '.md')).toBe('普发改委〔2023〕16号 对区政协十五届二次会议 第152104号提案的答复.md');
  });

  it('collapses runs of blanks', () => {
    expect(replyFileName(reply({ session: '区政协  十五届   二次会议' }), '.md')).toContain('对区政协 十五届 二次会议 第');
  });

  it('names a reply without a doc number by its record id', () => {
    expect(replyFileName({ ...reply({ docNumber: null }), id: 12 }, '.docx')).toBe('编号12 对区政协十五届二次会议 第152104号提案的答复.docx');
    expect(replyFileName(reply({ docNumber: null, session: null, proposalNo: null }), '.txt')).toBe('对提案的答复.txt');
  });

  it('cuts a long name to at most 200 bytes, its extension included', () => {
    const name = replyFileName(reply({ session: '会'.repeat(200) }), '.docx');
    expect(name.endsWith('.docx')).toBe(true);
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(200);
    expect(Buffer.byteLength(name)).toBeGreaterThan(195);
  });
});
