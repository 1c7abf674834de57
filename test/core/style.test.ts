import { describe, expect, it } from 'vitest';
import { DocNumber } from '../../src/core/doc-number.js';
import { defaultStyle, markOf, styleOf, titleSaysLetter, type DocStyle } from '../../src/core/style.js';

const office = { organ: '上海市普陀区发展和改革委员会', style: '信函' as const };

describe('styleOf: the names a style is typed by', () => {
  it('knows 文件 and 信函 in Chinese and English, and nothing else', () => {
    expect(['文件', '文件格式', 'document', 'File'].map(styleOf)).toEqual(['文件', '文件', '文件', '文件']);
    expect(['信函', '信函格式', '函', ' letter '].map(styleOf)).toEqual(['信函', '信函', '信函', '信函']);
    expect(['公告', '', '纪要'].map(styleOf)).toEqual([undefined, undefined, undefined]);
  });
});

describe('defaultStyle: the layout of a reply no one names one for', () => {
  const reply = (prefix: string | null, organ: string | null = office.organ, style: DocStyle | null = null) => ({
    docNumber: prefix ? DocNumber.of(prefix, 2024, 3) : null,
    organ,
    style,
  });

  it('is the reply’s own when it has one, whatever its doc number or the office says', () => {
    expect(defaultStyle(reply('普发改委', office.organ, '文件'), office)).toBe('文件');
    expect(defaultStyle(reply('沪发改函', '上海市发展和改革委员会', '文件'))).toBe('文件');
    expect(defaultStyle(reply('普府', '上海市普陀区人民政府', '信函'), { ...office, style: '文件' })).toBe('信函');
  });

  it('is a letter for a doc number of a letter (代字 with 函), whatever the office prints', () => {
    expect(defaultStyle(reply('普发改委函'))).toBe('信函');
    expect(defaultStyle(reply('沪发改函'), { ...office, style: '文件' })).toBe('信函');
  });

  it('is the office’s style for the replies it signs, and for one whose organ is not known', () => {
    expect(defaultStyle(reply('普发改委'), office)).toBe('信函');
    expect(defaultStyle(reply('普发改委', null), office)).toBe('信函');
    expect(defaultStyle(reply('普发改委'), { ...office, style: '文件' })).toBe('文件');
  });

  it('is 文件 for another organ’s reply and without an office', () => {
    expect(defaultStyle(reply('普府', '上海市普陀区人民政府'), office)).toBe('文件');
    expect(defaultStyle(reply(null))).toBe('文件');
  });
});

describe('markOf: the 标志 a style prints', () => {
  it('is the header in a 文件, the organ’s name without 文件 in a letter', () => {
    expect(markOf('上海市普陀区发展和改革委员会文件', '文件')).toBe('上海市普陀区发展和改革委员会文件');
    expect(markOf('上海市普陀区发展和改革委员会文件', '信函')).toBe('上海市普陀区发展和改革委员会');
    expect(markOf('上海市普陀区人民政府办公室', '信函')).toBe('上海市普陀区人民政府办公室');
    expect(markOf(null, '信函')).toBeNull();
  });
});

describe('titleSaysLetter: a title that names its document a letter', () => {
  it('knows the letters’ endings of the real replies, and not a reply’s', () => {
    for (const title of ['关于县十三届人大二次会议第0038号建议的答复函', '对第9号建议的复函', '对第94号提案答复的函', '关于第86号提案办理情况的复函']) {
      expect(titleSaysLetter(title), title).toBe(true);
    }
    for (const title of ['对区政协十五届二次会议第152104号提案的答复', '对市政协十四届三次会议第0690号提案的会办意见', '关于函授教育的建议的答复']) {
      expect(titleSaysLetter(title), title).toBe(false);
    }
  });
});
