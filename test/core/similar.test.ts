import { describe, expect, it } from 'vitest';
import { closest, officeNames, topical, topicWords } from '../../src/core/similar.js';

describe('what of a reply speaks of its topic', () => {
  it('leaves out the formulas of the genre', () => {
    const text = topical('您提出的《关于都龙小学校搬迁的建议》收悉，经研究，现将办理情况答复如下：非常感谢您的关心和支持');
    expect(text).toContain('都龙小学校搬迁');
    for (const formula of ['收悉', '经研究', '答复如下', '非常感谢', '关心和支持', '建议']) expect(text).not.toContain(formula);
  });

  it('leaves out the office and the places it is named after', () => {
    const text = topical('马关县教育局高度重视马关县都龙小学搬迁', '马关县教育局');
    expect(text).not.toContain('马关');
    expect(text).toContain('都龙小学搬迁');
  });

  it('reads traditional script as simplified', () => {
    expect(topical('關于將赧場完全小學整體搬遷')).toContain('完全小学整体搬迁');
  });
});

describe('the places in an office’s name', () => {
  it('are each level, with and without its 市/区/县/镇, longest first', () => {
    expect(officeNames('上海市普陀区发展和改革委员会')).toEqual(['上海市普陀区发展和改革委员会', '上海市', '普陀区', '上海', '普陀']);
    expect(officeNames('河口瑶族自治县教育局')).toEqual(['河口瑶族自治县教育局', '河口瑶族自治县', '河口瑶族']);
    expect(officeNames('重庆市巴南区圣灯山镇人民政府')).toContain('圣灯山');
  });
});

describe('the topic words of a reply', () => {
  it('are its character pairs, the title’s counting twice, damped as they repeat', () => {
    const words = topicWords({ proposalTitle: '学校搬迁', body: '学校搬迁。学校' });
    expect(words.get('学校')).toBeCloseTo(1 + Math.log(2 + 1 + 1));
    expect(words.get('校搬')).toBeCloseTo(1 + Math.log(2 + 1));
    expect(words.has('迁。')).toBe(false);
  });
});

describe('the closest replies', () => {
  it('are those sharing the topic’s words, not the words every reply holds', () => {
    const probe = { proposalTitle: '关于学校搬迁的建议', body: '您提出的关于学校搬迁的建议收悉，现答复如下：我局高度重视工作推进。' };
    const candidates = [
      { id: 1, probe: { proposalTitle: '关于道路硬化的建议', body: '您提出的建议收悉，现答复如下：我局高度重视工作推进，道路硬化工作推进。' } },
      { id: 2, probe: { proposalTitle: '关于小学整体搬迁的建议', body: '学校整体搬迁已列入计划。' } },
      { id: 3, probe: { proposalTitle: '关于公交线路的建议', body: '工作推进，工作推进。' } },
    ];
    expect(closest(probe, candidates)[0]).toBe(2);
  });
});
