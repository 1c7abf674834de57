import { describe, expect, it } from 'vitest';
import { decodeText } from '../../src/read/text.js';

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('a text file is read in UTF-8 or GB18030', () => {
  it('takes UTF-8, with or without a BOM, and GBK Chinese', () => {
    expect(decodeText(utf8('\uFEFF答复如下：\n一、'))).toEqual({ ok: true, text: '答复如下：\n一、', encoding: 'utf-8' });
    // 答复 in GBK
    expect(decodeText(Buffer.from([0xb4, 0xf0, 0xb8, 0xb4]))).toEqual({ ok: true, text: '答复', encoding: 'gb18030' });
  });

  it('refuses a file with NUL bytes as no text at all', () => {
    expect(decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00]))).toEqual({ ok: false, reason: 'import.binary' });
  });
});

describe('a text file that is not text says where', () => {
  it('names the line, character and byte where a UTF-8 file is damaged', () => {
    // two lines of UTF-8 Chinese, then a lone continuation byte on the third character of line 2
    const bytes = Buffer.concat([utf8('对区政协提案的答复\n朱莺'), Buffer.from([0x80]), utf8('委员：')]);
    expect(decodeText(bytes)).toEqual({ ok: false, reason: 'import.notEncoded', params: { line: 2, column: 3, byte: 35 } });
  });

  it('names where a GBK file goes wrong when it has no UTF-8 before', () => {
    // 答复\n如 in GBK, then 0xFF, which starts no GB18030 character
    const bytes = Buffer.from([0xb4, 0xf0, 0xb8, 0xb4, 0x0a, 0xc8, 0xe7, 0xff, 0x41]);
    expect(decodeText(bytes)).toEqual({ ok: false, reason: 'import.notEncoded', params: { line: 2, column: 2, byte: 8 } });
  });

  it('names a control character that text files do not hold, and its code', () => {
    const bytes = utf8('\uFEFF答复\n如下\u001B[2J');
    expect(decodeText(bytes)).toEqual({ ok: false, reason: 'import.controlAt', params: { line: 2, column: 3, byte: 3 + 13 + 1, code: 'U+001B' } });
  });
});
