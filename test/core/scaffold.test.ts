import { describe, expect, it } from 'vitest';
import { parseBody, plainText, type Heading } from '../../src/core/body.js';
import type { Proposer } from '../../src/core/reply.js';
import { closingFormula, openingFormula, PLACEHOLDER, scaffoldBody, type ScaffoldInput } from '../../src/core/scaffold.js';
import { corpusBody } from './support.js';

const member = (name: string): Proposer => ({ name, role: '委员' });
const deputy = (name: string): Proposer => ({ name, role: '代表' });
const group = (name: string): Proposer => ({ name, role: '集体' });

/** The first and the last line of a corpus body: its opening and closing formulas. */
function formulas(id: '000' | '001' | '002'): { opening: string; closing: string } {
  const lines = corpusBody(id).trim().split('\n');
  return { opening: lines[0]!, closing: lines.at(-1)! };
}

const toMember: ScaffoldInput = {
  kind: '提案答复',
  proposalTitle: '开发长三角一体化智能数据图表研报平台的建议',
  proposers: [member('朱莺')],
};
const toGroup: ScaffoldInput = {
  kind: '提案答复',
  proposalTitle: '关于抢抓新赛道、发展“未来产业”',
  proposers: [group('经济委员会')],
};
const coHandling: ScaffoldInput = {
  kind: '会办意见',
  proposalTitle: '关于支持普陀强化“科创会客厅”功能，打造面向长三角开放协同创新生态',
  proposers: [member('顾薇玲'), member('王五')],
};
const toDeputy: ScaffoldInput = { kind: '建议答复', proposalTitle: '加强社区养老服务', proposers: [deputy('李明')] };

describe('openingFormula of a 提案答复 to a member', () => {
  it('is the opening of corpus 000, word for word', () => {
    expect(openingFormula(toMember)).toBe(formulas('000').opening);
  });

  it('puts a plain title in 《》', () => {
    expect(openingFormula(toMember)).toContain('《开发长三角一体化智能数据图表研报平台的建议》');
  });

  it('does not quote a title already in 《》 twice', () => {
    expect(openingFormula({ ...toMember, proposalTitle: '《加强养老服务》' })).toBe('您提出的《加强养老服务》的提案收悉，经研究，现将办理情况答复如下：');
  });

  it('does not quote a 关于… title', () => {
    expect(openingFormula({ ...toMember, proposalTitle: ' 关于加强养老服务 ' })).toBe('您提出的关于加强养老服务的提案收悉，经研究，现将办理情况答复如下：');
  });

  it('says 你们 to several members', () => {
    expect(openingFormula({ ...toMember, proposers: [member('张三'), member('李四')] })).toMatch(/^你们提出的《/);
  });
});

describe('openingFormula of a 提案答复 to a group', () => {
  it('says 贵单位 and thanks the group, as corpus 001 begins', () => {
    expect(openingFormula(toGroup)).toBe(
      '贵单位提出的关于抢抓新赛道、发展“未来产业”的提案收悉，感谢贵单位对我们工作的关心与支持。经研究，现将办理情况答复如下：',
    );
    expect(formulas('001').opening.startsWith('贵单位提出的关于抢抓新赛道、发展“未来产业”的提案收悉，感谢贵单位对')).toBe(true);
  });

  it('says 贵单位 to several groups', () => {
    expect(openingFormula({ ...toGroup, proposers: [group('经济委员会'), group('九三学社')] })).toMatch(/^贵单位提出的/);
  });

  it('does not say 贵单位 when a member is among the proposers', () => {
    expect(openingFormula({ ...toGroup, proposers: [group('经济委员会'), member('张三')] })).toMatch(/^你们提出的/);
  });
});

describe('openingFormula of a 建议答复 to a deputy', () => {
  it('speaks of the 建议', () => {
    expect(openingFormula(toDeputy)).toBe('您提出的《加强社区养老服务》的建议收悉，经研究，现将办理情况答复如下：');
  });

  it('speaks of the 建议 to a group of deputies', () => {
    expect(openingFormula({ ...toDeputy, proposers: [group('代表小组')] })).toMatch(/的建议收悉，感谢贵单位/);
  });
});

describe('openingFormula of a 会办意见', () => {
  it('is the opening of corpus 002 for several members (…等委员提出的…函告如下：)', () => {
    expect(openingFormula(coHandling)).toBe(formulas('002').opening);
  });

  it('names one member in full', () => {
    expect(openingFormula({ ...coHandling, proposers: [member('顾薇玲')] })).toMatch(/^顾薇玲委员提出的关于支持普陀/);
  });

  it('names a group without suffix', () => {
    expect(openingFormula({ ...coHandling, proposers: [group('经济委员会')] })).toMatch(/^经济委员会提出的关于/);
  });

  it('says 等单位 for several groups', () => {
    expect(openingFormula({ ...coHandling, proposers: [group('经济委员会'), group('九三学社')] })).toMatch(/^经济委员会等单位提出的/);
  });

  it('says 等代表 for several deputies', () => {
    expect(openingFormula({ ...coHandling, proposers: [deputy('李明'), deputy('张三')] })).toMatch(/^李明等代表提出的/);
  });

  it('ends with 现将会办意见函告如下：', () => {
    expect(openingFormula(coHandling).endsWith('的提案收悉，经研究，现将会办意见函告如下：')).toBe(true);
  });
});

describe('closingFormula by kind and addressee', () => {
  it('thanks a member as corpus 000 ends', () => {
    expect(closingFormula(toMember)).toBe(formulas('000').closing);
  });

  it('thanks a group as corpus 001 ends', () => {
    expect(closingFormula(toGroup)).toBe(formulas('001').closing);
  });

  it('ends a 会办意见 as corpus 002 ends', () => {
    expect(closingFormula(coHandling)).toBe('以上意见供你单位统一答复提案者时参考。');
    expect(closingFormula(coHandling)).toBe(formulas('002').closing);
  });

  it('thanks a deputy for the 建议', () => {
    expect(closingFormula(toDeputy)).toBe('非常感谢您的建议，希望您在今后的工作中，继续给我们提出更多意见和建议。谢谢！');
  });

  it('thanks several members as 你们', () => {
    expect(closingFormula({ ...toMember, proposers: [member('张三'), member('李四')] })).toBe(
      '非常感谢你们的提案，希望你们在今后的工作中，继续给我们提出更多意见和建议。谢谢！',
    );
  });
});

describe('scaffoldBody is the body a clerk starts from', () => {
  const body = scaffoldBody(toMember);
  const tree = parseBody(body);

  it('opens with the opening formula and closes with the closing formula', () => {
    const first = tree.blocks[0]!;
    const last = tree.blocks.at(-1)!;
    expect(first.type === 'paragraph' && plainText(first.inlines)).toBe(openingFormula(toMember));
    expect(last.type === 'paragraph' && plainText(last.inlines)).toBe(closingFormula(toMember));
  });

  it('has two level-1 sections to fill in', () => {
    const hs = tree.blocks.filter((b): b is Heading => b.type === 'heading');
    expect(hs.map((h) => [h.marker.raw, plainText(h.title)])).toEqual([
      ['一、', '办理情况'],
      ['二、', '下一步工作'],
    ]);
  });

  it('separates its paragraphs with blank lines and ends with one newline', () => {
    expect(tree.blocks).toHaveLength(6);
    expect(body).toMatch(/[^\n]\n$/);
    expect(body).not.toMatch(/\n\n\n/);
  });

  it('holds placeholders that PLACEHOLDER recognises', () => {
    expect(body.match(new RegExp(PLACEHOLDER.source, 'gu'))).toHaveLength(2);
  });

  it('uses the closing of the kind (会办意见)', () => {
    expect(scaffoldBody(coHandling).trim().endsWith('以上意见供你单位统一答复提案者时参考。')).toBe(true);
  });
});

describe('PLACEHOLDER tells an unfilled paragraph', () => {
  it.each(['【请在此写明已开展的工作】', '正文【请补充】正文'])('matches %s', (t) => {
    expect(PLACEHOLDER.test(t)).toBe(true);
  });

  it.each(['【附件】', '请在此写明', '普陀区积极作为。'])('does not match %s', (t) => {
    expect(PLACEHOLDER.test(t)).toBe(false);
  });

  it('matches no corpus body', () => {
    for (const id of ['000', '001', '002', '004'] as const) expect(PLACEHOLDER.test(corpusBody(id))).toBe(false);
  });
});
