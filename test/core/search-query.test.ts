import { describe, expect, it } from 'vitest';
import { charLength, foldText, parseSearchQuery, type SearchTerm } from '../../src/core/search-query.js';
import { displayText, findMatches, hitSnippet, makeSnippet, splitSnippet } from '../../src/core/snippet.js';
import { distinctiveTrigrams, trigramWeights } from '../../src/core/similar.js';

const word = (text: string, negated = false): SearchTerm => ({ text, phrase: false, negated });
const phrase = (text: string, negated = false): SearchTerm => ({ text, phrase: true, negated });

describe('parseSearchQuery', () => {
  it('reads words separated by spaces (full-width ones too) as terms that must all occur', () => {
    expect(parseSearchQuery('数据 平台')).toEqual([word('数据'), word('平台')]);
    expect(parseSearchQuery('  数据\u3000平台\t长三角\n')).toEqual([word('数据'), word('平台'), word('长三角')]);
  });

  it('reads "quoted" text as one phrase, spaces included, and trims its ends', () => {
    expect(parseSearchQuery('"智能 数据" 平台')).toEqual([phrase('智能 数据'), word('平台')]);
    expect(parseSearchQuery('" 研报平台 "')).toEqual([phrase('研报平台')]);
    // a quote inside a word ends the word and opens a phrase
    expect(parseSearchQuery('title:"x y"')).toEqual([word('title:'), phrase('x y')]);
  });

  it('reads a leading - as exclusion, of a word or of a phrase', () => {
    expect(parseSearchQuery('数据 -平台')).toEqual([word('数据'), word('平台', true)]);
    expect(parseSearchQuery('-"留作 参考" 数据')).toEqual([phrase('留作 参考', true), word('数据')]);
    // a dash elsewhere is text
    expect(parseSearchQuery('沪-宁')).toEqual([word('沪-宁')]);
  });

  it('keeps a lone dash as text, and reads -- as the exclusion of a dash', () => {
    expect(parseSearchQuery('-')).toEqual([word('-')]);
    expect(parseSearchQuery('- 数据')).toEqual([word('-'), word('数据')]);
    expect(parseSearchQuery('--')).toEqual([word('-', true)]);
  });

  it('gives nothing for an empty query, a lone quote or empty quotes', () => {
    for (const q of ['', '   ', '"', '""', '" "', '-""', '-"']) expect(parseSearchQuery(q), q).toEqual([]);
  });

  it('runs an unclosed phrase to the end', () => {
    expect(parseSearchQuery('数据 "智能 平台')).toEqual([word('数据'), phrase('智能 平台')]);
  });

  it('treats FTS5 and SQL syntax as plain text', () => {
    expect(parseSearchQuery('AND OR NOT')).toEqual([word('AND'), word('OR'), word('NOT')]);
    expect(parseSearchQuery('NEAR(a b)')).toEqual([word('NEAR(a'), word('b)')]);
    expect(parseSearchQuery('( ) * ^ {}')).toEqual(['(', ')', '*', '^', '{}'].map((t) => word(t)));
    expect(parseSearchQuery("'; DROP TABLE replies; --")).toEqual([
      word("';"), word('DROP'), word('TABLE'), word('replies;'), word('-', true),
    ]);
  });

  it('drops control characters (the index sentinel U+0001 among them) and lone surrogates', () => {
    expect(parseSearchQuery('数\u0001据')).toEqual([word('数'), word('据')]);
    expect(parseSearchQuery('\u0001\u0001')).toEqual([]);
    expect(parseSearchQuery('a\uD800b')).toEqual([word('a'), word('b')]);
    expect(parseSearchQuery('😀')).toEqual([word('😀')]);
  });

  it('drops repeated terms, ignoring case', () => {
    expect(parseSearchQuery('数据 数据 AI ai "AI"')).toEqual([word('数据'), word('AI')]);
    expect(parseSearchQuery('数据 -数据')).toEqual([word('数据'), word('数据', true)]);
  });

  it('keeps a long term whole', () => {
    const long = '长'.repeat(2000);
    expect(parseSearchQuery(long)).toEqual([word(long)]);
  });
});

describe('charLength and foldText', () => {
  it('counts characters, not UTF-16 units', () => {
    expect(charLength('数据')).toBe(2);
    expect(charLength('😀a')).toBe(2);
  });

  it('folds case one character to one character', () => {
    expect(foldText('AbC数据ＡＢ')).toBe('abc数据ａｂ');
    // İ lowers to two characters: kept as it is, so offsets stay offsets
    expect(charLength(foldText('İx'))).toBe(2);
  });
});

describe('snippets', () => {
  it('drops the sentinels and joins lines', () => {
    expect(displayText('第一段\n\n第二段\u0001\u0001')).toBe('第一段 第二段');
  });

  it('finds every match, ignoring case, merging overlaps, in characters', () => {
    expect(findMatches('数据平台数据', ['数据'])).toEqual([{ start: 0, end: 2 }, { start: 4, end: 6 }]);
    expect(findMatches('长三角一体化', ['长三', '三角一'])).toEqual([{ start: 0, end: 4 }]);
    expect(findMatches('用好AI与ai', ['Ai'])).toEqual([{ start: 2, end: 4 }, { start: 5, end: 7 }]);
    expect(findMatches('😀数据', ['数据'])).toEqual([{ start: 1, end: 3 }]);
  });

  it('shows text around the first match, with … where it was cut and offsets inside the snippet', () => {
    const text = '甲'.repeat(100) + '数据' + '乙'.repeat(100);
    const s = makeSnippet(text, ['数据'], 40);
    expect(s.text.startsWith('…')).toBe(true);
    expect(s.text.endsWith('…')).toBe(true);
    expect(charLength(s.text)).toBe(42);
    expect(s.matches).toEqual([{ start: 21, end: 23 }]);
    expect([...s.text].slice(21, 23).join('')).toBe('数据');
  });

  it('shows the start of a short text whole', () => {
    expect(makeSnippet('开发研报平台', ['研报'])).toEqual({ text: '开发研报平台', matches: [{ start: 2, end: 4 }] });
    expect(makeSnippet('开发研报平台', [])).toEqual({ text: '开发研报平台', matches: [] });
  });

  it('takes the snippet from the body first, then the titles, the proposers, the contact and the 抄送', () => {
    const fields = {
      body: '正文里没有',
      proposalTitle: '关于数据的建议',
      proposers: '朱莺委员',
      title: '对某会议 第1号提案的答复',
      contact: '联系人姓名：宋佩颖',
      cc: '抄送：区政协提案委。',
    };
    expect(hitSnippet(fields, ['宋佩颖'])).toEqual({ field: 'contact', text: '联系人姓名：宋佩颖', matches: [{ start: 6, end: 9 }] });
    expect(hitSnippet(fields, ['提案委']).field).toBe('cc');
    expect(hitSnippet(fields, ['数据']).field).toBe('proposalTitle');
    expect(hitSnippet(fields, ['朱莺']).field).toBe('proposers');
    expect(hitSnippet(fields, ['第1号']).field).toBe('title');
    expect(hitSnippet(fields, ['正文'])).toEqual({ field: 'body', text: '正文里没有', matches: [{ start: 0, end: 2 }] });
    expect(hitSnippet(fields, ['没有这个'])).toEqual({ field: 'body', text: '正文里没有', matches: [] });
  });

  it('splits a snippet into plain and matched pieces', () => {
    expect(splitSnippet({ text: '开发研报平台', matches: [{ start: 2, end: 4 }] })).toEqual([
      { text: '开发', match: false },
      { text: '研报', match: true },
      { text: '平台', match: false },
    ]);
  });
});

describe('distinctive trigrams', () => {
  it('weighs title trigrams above body ones and skips those with punctuation or spaces', () => {
    const weights = trigramWeights({ proposalTitle: '研报平台', body: '研报平台，研报平台。数据 平台' });
    expect(weights[0]).toEqual({ term: '研报平', weight: 4 });
    expect(weights.map((w) => w.term)).not.toContain('台，研');
    expect(weights.map((w) => w.term)).not.toContain('据 平');
  });

  it('keeps trigrams another reply shares and that are not common, rarest and heaviest first', () => {
    const candidates = [
      { term: '甲乙丙', weight: 1 },
      { term: '乙丙丁', weight: 1 },
      { term: '丙丁戊', weight: 1 },
      { term: '丁戊己', weight: 9 },
    ];
    const df = new Map([['甲乙丙', 1], ['乙丙丁', 3], ['丙丁戊', 50], ['丁戊己', 20]]);
    expect(distinctiveTrigrams(candidates, df, 1000, 50)).toEqual(['丁戊己', '乙丙丁']);
  });
});
