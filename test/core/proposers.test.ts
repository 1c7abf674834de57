import { describe, expect, it } from 'vitest';
import { deriveSalutation, isRole, parseProposer, proposerLabel, replyTitle } from '../../src/core/proposers.js';
import type { Proposer } from '../../src/core/reply.js';
import { issuesOf } from './support.js';

const member = (name: string): Proposer => ({ name, role: '委员' });
const deputy = (name: string): Proposer => ({ name, role: '代表' });
const group = (name: string): Proposer => ({ name, role: '集体' });

describe('parseProposer reads the role from the name as typed', () => {
  it('reads 朱莺委员 as the member 朱莺', () => {
    expect(parseProposer('朱莺委员', '提案答复')).toEqual(member('朱莺'));
  });

  it('reads 李明代表 as the deputy 李明', () => {
    expect(parseProposer('李明代表', '建议答复')).toEqual(deputy('李明'));
  });

  it('reads an explicit role whatever the kind', () => {
    expect(parseProposer('李明代表', '提案答复')).toEqual(deputy('李明'));
    expect(parseProposer('朱莺委员', '建议答复')).toEqual(member('朱莺'));
  });

  it('reads 经济委员会 as a group, not as a member named 经济', () => {
    expect(parseProposer('经济委员会', '提案答复')).toEqual(group('经济委员会'));
  });

  it.each(['民盟普陀区委', '九三学社', '区工商联', '农工党普陀区委', '区政协提案委员会', '市发展改革委'])('reads %s as a group', (name) => {
    expect(parseProposer(name, '提案答复')).toEqual(group(name));
  });

  it('reads a long name without a role as a group', () => {
    expect(parseProposer('中国致公党普陀', '提案答复').role).toBe('集体');
  });

  it('strips a trailing colon and blanks', () => {
    expect(parseProposer(' 朱莺委员： ', '提案答复')).toEqual(member('朱莺'));
    expect(parseProposer('经济委员会:', '提案答复')).toEqual(group('经济委员会'));
  });
});

describe('parseProposer gives a bare personal name the role its kind implies', () => {
  it('makes 朱莺 a member in a 提案答复', () => {
    expect(parseProposer('朱莺', '提案答复')).toEqual(member('朱莺'));
  });

  it('makes 顾薇玲 a member in a 会办意见', () => {
    expect(parseProposer('顾薇玲', '会办意见')).toEqual(member('顾薇玲'));
  });

  it('makes 李明 a deputy in a 建议答复', () => {
    expect(parseProposer('李明', '建议答复')).toEqual(deputy('李明'));
  });

  it('makes a bare name a member when the kind is not known', () => {
    expect(parseProposer('朱莺', undefined)).toEqual(member('朱莺'));
  });
});

describe('parseProposer refuses what is not one proposer', () => {
  it.each(['', '   ', '：'])('refuses %j (proposer.empty)', (text) => {
    expect(issuesOf(() => parseProposer(text, '提案答复'))).toEqual([{ field: 'proposer', key: 'proposer.empty' }]);
  });

  it.each(['张三、李四', '张三，李四', '张三,李四', '张三；李四'])('refuses the list %s (proposer.several)', (text) => {
    expect(issuesOf(() => parseProposer(text, '提案答复'))).toEqual([
      { field: 'proposer', key: 'proposer.several', params: { value: text } },
    ]);
  });
});

describe('isRole accepts exactly the three roles', () => {
  it.each(['委员', '代表', '集体'])('accepts %s', (role) => {
    expect(isRole(role)).toBe(true);
  });

  it.each(['', 'member', '委员会', '单位'])('refuses %j', (role) => {
    expect(isRole(role)).toBe(false);
  });
});

describe('proposerLabel names a proposer as the reply does', () => {
  it('appends the role of a person', () => {
    expect(proposerLabel(member('朱莺'))).toBe('朱莺委员');
    expect(proposerLabel(deputy('李明'))).toBe('李明代表');
  });

  it('gives a group its name alone', () => {
    expect(proposerLabel(group('经济委员会'))).toBe('经济委员会');
  });
});

describe('deriveSalutation addresses the proposers', () => {
  it('addresses one member as in corpus 000 (朱莺委员：)', () => {
    expect(deriveSalutation('提案答复', [member('朱莺')], null)).toBe('朱莺委员：');
  });

  it('addresses a group as in corpus 001 (经济委员会：)', () => {
    expect(deriveSalutation('提案答复', [group('经济委员会')], null)).toBe('经济委员会：');
  });

  it('addresses a deputy (李明代表：)', () => {
    expect(deriveSalutation('建议答复', [deputy('李明')], null)).toBe('李明代表：');
  });

  it('lets persons of one role share the suffix (张三、李四委员：)', () => {
    expect(deriveSalutation('提案答复', [member('张三'), member('李四')], null)).toBe('张三、李四委员：');
  });

  it('lets deputies share the suffix too (张三、李四代表：)', () => {
    expect(deriveSalutation('建议答复', [deputy('张三'), deputy('李四')], null)).toBe('张三、李四代表：');
  });

  it('names each role when the roles differ', () => {
    expect(deriveSalutation('提案答复', [member('张三'), deputy('李四')], null)).toBe('张三委员、李四代表：');
  });

  it('names a group and a member each in full', () => {
    expect(deriveSalutation('提案答复', [member('张三'), group('经济委员会')], null)).toBe('张三委员、经济委员会：');
  });

  it('joins several groups with 、', () => {
    expect(deriveSalutation('提案答复', [group('经济委员会'), group('民盟普陀区委')], null)).toBe('经济委员会、民盟普陀区委：');
  });

  it('ignores a lead unit outside a 会办意见', () => {
    expect(deriveSalutation('提案答复', [member('朱莺')], '市发展改革委')).toBe('朱莺委员：');
  });
});

describe('deriveSalutation addresses the lead unit in a 会办意见', () => {
  it('addresses 市发展改革委 as in corpus 002, not the member', () => {
    expect(deriveSalutation('会办意见', [member('顾薇玲')], '市发展改革委')).toBe('市发展改革委：');
  });
});

describe('replyTitle names the reply by kind', () => {
  it('titles a 提案答复 as in corpus 000', () => {
    expect(replyTitle('提案答复', '区政协十五届二次会议', '152104')).toBe('对区政协十五届二次会议 第152104号提案的答复');
  });

  it('titles a 会办意见 as in corpus 002, keeping the leading zero', () => {
    expect(replyTitle('会办意见', '市政协十四届三次会议', '0690')).toBe('对市政协十四届三次会议 第0690号提案的会办意见');
  });

  it('titles a 建议答复 as the answer to a suggestion', () => {
    expect(replyTitle('建议答复', '区人大十七届三次会议', '170012')).toBe('对区人大十七届三次会议 第170012号建议的答复');
  });

  it('leaves out a session or a number that a record lacks', () => {
    expect(replyTitle('提案答复', '', '57')).toBe('对第57号提案的答复');
    expect(replyTitle('建议答复', '区人大十七届三次会议', '')).toBe('对区人大十七届三次会议建议的答复');
    expect(replyTitle('会办意见', '', '')).toBe('对提案的会办意见');
  });
});
