import { describe, expect, it } from 'vitest';
import { CITED } from '../../src/core/checks/doc-number.js';
import { docNumberOfLine } from '../../src/core/reader/doc-number.js';
import { DocNumber } from '../../src/core/doc-number.js';
import { ValidationError } from '../../src/core/errors.js';
import { issuesOf } from './support.js';

describe('DocNumber.parse reads the forms clerks type', () => {
  it.each([
    ['普发改委〔2023〕16号', 'the official 〔〕 brackets'],
    ['普发改委[2023]16号', 'ASCII square brackets'],
    ['普发改委【2023】16号', '【】 brackets'],
    ['普发改委（2023）16号', 'full-width round brackets'],
    ['普发改委(2023)16号', 'ASCII round brackets'],
    ['普发改委〔2023〕第16号', 'an optional 第'],
    ['普发改委〔2023〕16', 'no closing 号'],
    ['普发改委 〔 2023 〕 16 号', 'spaces around the parts'],
    ['  普发改委〔2023〕16号  ', 'surrounding blanks'],
    ['普发改委2023年16号', 'the year before 年, without brackets'],
    ['普发改委2023年第16号', 'the year before 年 and 第'],
    ['普发改委 2023 16', 'the parts apart by spaces'],
    ['普发改委2023-16号', 'the year before a dash'],
  ])('reads %s (%s)', (input) => {
    const n = DocNumber.parse(input);
    expect([n.prefix, n.year, n.seq]).toEqual(['普发改委', 2023, 16]);
  });

  it('reads the doc number of corpus reply 002 (普府〔2025〕19号)', () => {
    const n = DocNumber.parse('普府〔2025〕19号');
    expect([n.prefix, n.year, n.seq]).toEqual(['普府', 2025, 19]);
  });

  it('drops leading zeros of the serial', () => {
    expect(DocNumber.parse('普发改委〔2023〕016号').seq).toBe(16);
  });

  it('keeps a written prefix rather than the default one', () => {
    expect(DocNumber.parse('普府〔2025〕19号', '普发改委').prefix).toBe('普府');
  });

  it('gives a full form without a prefix the default prefix', () => {
    expect(DocNumber.parse('〔2023〕16号', '普发改委').toString()).toBe('普发改委〔2023〕16号');
  });
});

describe('DocNumber.parse reads the short form with the configured prefix', () => {
  it('reads 2023-16 as 普发改委〔2023〕16号', () => {
    const n = DocNumber.parse('2023-16', '普发改委');
    expect([n.prefix, n.year, n.seq]).toEqual(['普发改委', 2023, 16]);
  });

  it('reads 2023/16 the same way', () => {
    expect(DocNumber.parse('2023/16', '普发改委').toString()).toBe('普发改委〔2023〕16号');
  });

  it('reads spaces around the dash', () => {
    expect(DocNumber.parse('2023 - 16', '普府').toString()).toBe('普府〔2023〕16号');
  });

  it('reads 2023年16号 and 2023 16 the same way', () => {
    expect(DocNumber.parse('2023年16号', '普府').toString()).toBe('普府〔2023〕16号');
    expect(DocNumber.parse('2023 16', '普府').toString()).toBe('普府〔2023〕16号');
  });
});

describe('DocNumber.parse refuses bad input with the right error key', () => {
  it('throws a ValidationError on field doc-number', () => {
    expect(() => DocNumber.parse('nonsense')).toThrow(ValidationError);
    expect(issuesOf(() => DocNumber.parse('nonsense'))[0]?.field).toBe('doc-number');
  });

  it('refuses the short form when no default prefix is configured (docNumber.noPrefix)', () => {
    expect(issuesOf(() => DocNumber.parse('2023-16'))).toEqual([
      { field: 'doc-number', key: 'docNumber.noPrefix', params: { value: '2023-16' } },
    ]);
  });

  it('refuses a bracketed form without prefix when no default is configured (docNumber.noPrefix)', () => {
    expect(issuesOf(() => DocNumber.parse('〔2023〕16号'))[0]?.key).toBe('docNumber.noPrefix');
  });

  it.each(['普发改委〔1900〕16号', '普发改委〔3000〕16号', '1900-16'])('refuses the year of %s (docNumber.badYear)', (input) => {
    expect(issuesOf(() => DocNumber.parse(input, '普发改委'))[0]?.key).toBe('docNumber.badYear');
  });

  it.each(['普发改委〔2023〕99999号', '普发改委[2023]10000号', '2023-99999'])('refuses a serial past 9999, typed or read, in %s (docNumber.seqTooLarge)', (input) => {
    expect(issuesOf(() => DocNumber.parse(input, '普发改委'))[0]?.key).toBe('docNumber.seqTooLarge');
    expect(DocNumber.parse('2023-9999', '普发改委').seq).toBe(9999);
  });

  it.each(['普发改委〔2023〕0号', '普发改委〔2023〕第00号', '2023-0'])('refuses serial 0 in %s (docNumber.badSeq)', (input) => {
    expect(issuesOf(() => DocNumber.parse(input, '普发改委'))[0]?.key).toBe('docNumber.badSeq');
  });

  it.each([
    'nonsense',
    '',
    '普发改委〔23〕16号',
    '2023年5月18日',
    '普发改委2023年16号文',
    '普发改委〔2023〕号',
    '普发改委〔2023〕16号附件',
    '普发改委〔2023〕123456号',
    '普发改委1〔2023〕16号',
    '152104',
  ])('refuses garbage %j (docNumber.unreadable)', (input) => {
    expect(issuesOf(() => DocNumber.parse(input, '普发改委'))).toEqual([
      { field: 'doc-number', key: 'docNumber.unreadable', params: { value: input } },
    ]);
  });
});

describe('DocNumber.of checks every part', () => {
  it('trims the prefix', () => {
    expect(DocNumber.of(' 普府 ', 2025, 19).prefix).toBe('普府');
  });

  it('accepts a prefix with Latin letters', () => {
    expect(DocNumber.of('沪ABC', 2023, 1).toString()).toBe('沪ABC〔2023〕1号');
  });

  it.each(['', '普发改委1', '普发 改委', '普发〔改委'])('refuses prefix %j (docNumber.badPrefix)', (prefix) => {
    expect(issuesOf(() => DocNumber.of(prefix, 2023, 1))[0]?.key).toBe('docNumber.badPrefix');
  });

  it.each([1948, 3000, 2023.5, Number.NaN])('refuses year %s (docNumber.badYear)', (year) => {
    expect(issuesOf(() => DocNumber.of('普府', year, 1))[0]?.key).toBe('docNumber.badYear');
  });

  it('accepts the boundary years 1949 and 2999', () => {
    expect(DocNumber.of('普府', 1949, 1).year).toBe(1949);
    expect(DocNumber.of('普府', 2999, 1).year).toBe(2999);
  });

  it.each([0, -1, 1.5, 100000])('refuses serial %s (docNumber.badSeq)', (seq) => {
    expect(issuesOf(() => DocNumber.of('普府', 2023, seq))[0]?.key).toBe('docNumber.badSeq');
  });

  it('accepts serial 99999', () => {
    expect(DocNumber.of('普府', 2023, 99999).seq).toBe(99999);
  });
});

describe('DocNumber.toString always prints the official form', () => {
  it.each(['普发改委[2023]16号', '普发改委【2023】第16号', '普发改委(2023)016', '2023-16'])('prints %s as 普发改委〔2023〕16号', (input) => {
    expect(DocNumber.parse(input, '普发改委').toString()).toBe('普发改委〔2023〕16号');
  });

  it('serialises to JSON with the printed text and its parts', () => {
    expect(JSON.parse(JSON.stringify(DocNumber.of('普府', 2025, 19)))).toEqual({
      text: '普府〔2025〕19号',
      prefix: '普府',
      year: 2025,
      seq: 19,
    });
  });
});

describe('DocNumber.equals compares prefix, year and serial', () => {
  it('is true for two spellings of one number', () => {
    expect(DocNumber.parse('普发改委[2023]16号').equals(DocNumber.parse('2023-16', '普发改委'))).toBe(true);
  });

  it.each([
    ['普府〔2023〕16号', 'another prefix'],
    ['普发改委〔2022〕16号', 'another year'],
    ['普发改委〔2023〕17号', 'another serial'],
  ])('is false against %s (%s)', (other) => {
    expect(DocNumber.parse('普发改委〔2023〕16号').equals(DocNumber.parse(other))).toBe(false);
  });
});

describe('DocNumber.looksLike tells a doc number from other ids', () => {
  it.each(['普发改委〔2023〕16号', '2023-16', '2023/16', '〔2023〕16号'])('is true for %s', (text) => {
    expect(DocNumber.looksLike(text)).toBe(true);
  });

  it.each(['12', '152104', '朱莺', '2023年5月18日'])('is false for %s', (text) => {
    expect(DocNumber.looksLike(text)).toBe(false);
  });
});

describe('one home for the brackets of a doc number: the parser, the reader of a published line and the checker agree', () => {
  const forms = ['普发改委〔2023〕16号', '普发改委[2023]16号', '普发改委【2023】16号', '普发改委(2023)16号', '普发改委（2023）16号', '普发改委［2023］16号'];

  it('the parser reads every bracket a copy prints, and the reader takes each such line for a doc number', () => {
    for (const form of forms) {
      expect(DocNumber.parse(form).toString(), form).toBe('普发改委〔2023〕16号');
      expect(docNumberOfLine(form)?.value.toString(), form).toBe('普发改委〔2023〕16号');
    }
  });

  it('the checker finds each in running text and asks for 〔〕 in all but the right one', () => {
    for (const form of forms) {
      const found = [...`根据${form}文件精神`.matchAll(CITED)];
      expect(found, form).toHaveLength(1);
      expect(found[0]![3] === '〔', form).toBe(form.includes('〔'));
    }
  });
});
