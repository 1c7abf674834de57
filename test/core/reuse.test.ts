import { describe, expect, it } from 'vitest';
import { staleMentions, startFrom } from '../../src/core/reuse.js';
import type { IsoDate } from '../../src/core/dates.js';

const member = { kind: '提案答复', proposalTitle: '关于数据共享的建议', proposers: [{ name: '李明', role: '委员' }] } as const;

describe('a body started from a past one', () => {
  it('takes the new opening and closing in place of the old, the rest as written', () => {
    const past = '贵单位提出的《旧题》的提案收悉，现答复如下：\n\n一、**办理情况**\n\n已完成。\n\n非常感谢贵单位的提案。\n';
    expect(startFrom(past, member)).toBe(
      '您提出的《关于数据共享的建议》的提案收悉，经研究，现将办理情况答复如下：\n\n一、**办理情况**\n\n已完成。\n\n非常感谢您的提案，希望您在今后的工作中，继续给我们提出更多意见和建议。谢谢！\n',
    );
  });

  it('adds an opening and a closing to a body that has neither, and keeps its footnotes', () => {
    const out = startFrom('一、情况\n\n已完成[^1]。\n\n[^1]: 据统计。\n', member).split('\n\n');
    expect(out[0]).toMatch(/^您提出的/u);
    expect(out.slice(1, 3)).toEqual(['一、情况', '已完成[^1]。']);
    expect(out.at(-2)).toMatch(/^非常感谢您的提案/u);
    expect(out.at(-1)).toBe('[^1]: 据统计。\n');
  });
});

describe('what a started body carried over of the past reply’s time', () => {
  const asOf = '2026-05-20' as IsoDate;
  const mentions = (body: string, basis = body) => staleMentions(body, basis, asOf).map((m) => m.text);

  it('is each year and date before the new reply, in digits or in Chinese numerals', () => {
    expect(mentions('2019年8月31日，中心揭牌。二〇二二年，完成建设。2026年4月，启动二期。2026年5月，试运行。2026年6月，验收。')).toEqual(['2019年8月31日', '二〇二二年', '2026年4月']);
  });

  it('is the words that meant the past reply’s own year', () => {
    expect(mentions('今年以来，累计完成投资12亿元；去年同期为8亿元。')).toEqual(['今年', '去年']);
  });

  it('leaves out a sentence the clerk rewrote', () => {
    expect(mentions('2022年，完成投资12亿元。2021年，完成规划。', '2022年，完成投资8亿元。2021年，完成规划。')).toEqual(['2021年']);
  });

  it('names the line of the paragraph and the sentence', () => {
    expect(staleMentions('开头。\n\n2022年，完成建设。\n', '2022年，完成建设。', asOf)).toEqual([{ text: '2022年', line: 3, sentence: '2022年，完成建设。' }]);
  });
});
