import { describe, expect, it } from 'vitest';
import { DEFAULT_HANDLING } from '../../src/core/config.js';
import { addMonthsTo, daysFrom, isoDay } from '../../src/core/dates.js';
import {
  answersProposal,
  buildProposal,
  missingProposalFields,
  proposalKindOf,
  replyInputFrom,
  replyKindFor,
  roleOf,
  type ProposalInput,
} from '../../src/core/proposal.js';
import { issueKeys, issuesOf } from './support.js';

const config = { handling: DEFAULT_HANDLING };

/** 区政协十五届二次会议第152104号, as the office received it. */
const INPUT: ProposalInput = {
  kind: '提案',
  session: '区政协十五届二次会议',
  number: '152104',
  title: '《开发长三角一体化智能数据图表研报平台的建议》',
  proposers: ['朱莺委员'],
  assignedOn: '2023-03-01',
  role: '主办',
};

describe('addMonthsTo: the same day some months later, the month end where that day does not exist', () => {
  it.each([
    ['2023-03-01', 3, '2023-06-01'],
    ['2023-11-30', 3, '2024-02-29'],
    ['2023-11-30', 15, '2025-02-28'],
    ['2023-01-31', 1, '2023-02-28'],
    ['2023-10-31', 2, '2023-12-31'],
    ['2023-12-15', 1, '2024-01-15'],
  ] as const)('%s + %i months = %s', (from, months, to) => {
    expect(addMonthsTo(from as never, months)).toBe(to);
  });

  it('counts days between two days, negative backwards', () => {
    expect(daysFrom(isoDay(2023, 5, 25), isoDay(2023, 6, 1))).toBe(7);
    expect(daysFrom(isoDay(2023, 6, 1), isoDay(2023, 5, 20))).toBe(-12);
    expect(daysFrom(isoDay(2024, 2, 28), isoDay(2024, 3, 1))).toBe(2);
  });
});

describe('buildProposal: a proposal as assigned, with its first due date', () => {
  it('takes the fields, strips the book-title marks, and sets the due date three months on', () => {
    expect(buildProposal(INPUT, config)).toEqual({
      kind: '提案',
      session: '区政协十五届二次会议',
      number: '152104',
      title: '开发长三角一体化智能数据图表研报平台的建议',
      proposers: [{ name: '朱莺', role: '委员' }],
      assignedOn: '2023-03-01',
      firstDueOn: '2023-06-01',
      role: '主办',
      leadUnit: null,
    });
  });

  it('uses the configured period, and an explicit due date over it', () => {
    expect(buildProposal(INPUT, { handling: { ...DEFAULT_HANDLING, dueMonths: 2 } }).firstDueOn).toBe('2023-05-01');
    expect(buildProposal({ ...INPUT, dueOn: '2023年5月15日' }, config).firstDueOn).toBe('2023-05-15');
  });

  it('keeps every proposer of a joint proposal (联名), and a deputy for a suggestion', () => {
    expect(buildProposal({ ...INPUT, proposers: ['李明委员、王芳委员', '民盟普陀区委'] }, config).proposers).toEqual([
      { name: '李明', role: '委员' },
      { name: '王芳', role: '委员' },
      { name: '民盟普陀区委', role: '集体' },
    ]);
    // a 建议 is a 人大 deputy's, of a 人大 sitting
    expect(buildProposal({ ...INPUT, kind: '建议', session: '区人大十七届二次会议', proposers: ['张三'] }, config).proposers).toEqual([{ name: '张三', role: '代表' }]);
  });

  it('refuses a 提案 of a 人大 sitting, a 建议 of a 政协 one, and a proposer of the other body', () => {
    expect(issueKeys(issuesOf(() => buildProposal({ ...INPUT, kind: '建议', proposers: ['张三'] }, config)))).toEqual({ session: 'proposal.sessionOfKind' });
    expect(issueKeys(issuesOf(() => buildProposal({ ...INPUT, session: '区人大十七届二次会议' }, config)))).toEqual({ session: 'proposal.sessionOfKind' });
    expect(issueKeys(issuesOf(() => buildProposal({ ...INPUT, proposers: ['张三代表'] }, config)))).toEqual({ proposer: 'proposal.proposerOfKind' });
    expect(issueKeys(issuesOf(() => buildProposal({ ...INPUT, kind: '建议', session: '区人大十七届二次会议', proposers: ['李明委员'] }, config)))).toEqual({
      proposer: 'proposal.proposerOfKind',
    });
    // a session that names neither body is taken as it is
    expect(buildProposal({ ...INPUT, session: '专题协商会' }, config).session).toBe('专题协商会');
  });

  it('needs the lead unit when the office joins (会办) or assists (协办)', () => {
    expect(missingProposalFields({ ...INPUT, role: '会办' })).toEqual(['leadUnit']);
    expect(buildProposal({ ...INPUT, role: '协办', leadUnit: ' 区民政局 ' }, config)).toMatchObject({ role: '协办', leadUnit: '区民政局' });
  });

  it('reports every problem at once, by the names of the flags', () => {
    const issues = issuesOf(() =>
      buildProposal({ kind: '议案', number: '12a', assignedOn: '2023-02-30', role: '主办', leadUnit: '区民政局', dueOn: '2023-01-01' }, config),
    );
    expect(issueKeys(issues)).toEqual({
      session: 'field.missing',
      title: 'field.missing',
      proposer: 'field.missing',
      kind: 'proposal.badKind',
      number: 'proposalNo.bad',
      'assigned-on': 'date.noSuchDay',
      'lead-unit': 'proposal.leadUnitForLead',
    });
  });

  it('refuses a due date before the assigned date, and an unknown role', () => {
    expect(issueKeys(issuesOf(() => buildProposal({ ...INPUT, dueOn: '2023-02-01' }, config)))).toEqual({ 'due-on': 'proposal.dueBeforeAssigned' });
    expect(issueKeys(issuesOf(() => buildProposal({ ...INPUT, role: '牵头' }, config)))).toEqual({ role: 'proposal.badRole' });
  });
});

describe('the names of kinds and roles clerks type', () => {
  it.each([
    ['提案', '提案'],
    ['政协提案', '提案'],
    ['建议', '建议'],
    ['代表建议', '建议'],
    ['Suggestion', '建议'],
  ])('reads %s as %s', (text, kind) => {
    expect(proposalKindOf(text)).toBe(kind);
  });

  it.each([
    ['主办', '主办'],
    ['会办单位', '会办'],
    ['assist', '协办'],
  ])('reads the role %s as %s', (text, role) => {
    expect(roleOf(text)).toBe(role);
  });

  it('knows no kind 议案 and no role 牵头', () => {
    expect(proposalKindOf('议案')).toBeUndefined();
    expect(roleOf('牵头')).toBeUndefined();
  });
});

describe('the reply a proposal calls for', () => {
  it('is the reply itself for the lead unit, an opinion to the lead unit otherwise', () => {
    expect(replyKindFor('提案', '主办')).toBe('提案答复');
    expect(replyKindFor('建议', '主办')).toBe('建议答复');
    expect(replyKindFor('提案', '会办')).toBe('会办意见');
    expect(replyKindFor('建议', '协办')).toBe('会办意见');
  });

  it('gives a new reply every field they share', () => {
    const proposal = buildProposal({ ...INPUT, role: '会办', leadUnit: '区科委', proposers: ['朱莺委员', '李明委员'] }, config);
    expect(replyInputFrom(proposal)).toEqual({
      kind: '会办意见',
      session: '区政协十五届二次会议',
      proposalNo: '152104',
      title: '开发长三角一体化智能数据图表研报平台的建议',
      proposers: [
        { name: '朱莺', role: '委员' },
        { name: '李明', role: '委员' },
      ],
      leadUnit: '区科委',
    });
  });

  it('is answered by a reply of the same session and number, leading zeros aside (0690 = 690)', () => {
    const proposal = { session: '区十七届人大三次会议', number: '0690' };
    expect(answersProposal({ session: '区十七届人大三次会议', proposalNo: '0690' }, proposal)).toBe(true);
    expect(answersProposal({ session: '区十七届人大三次会议', proposalNo: '690' }, proposal)).toBe(true);
    expect(answersProposal({ session: '区十七届人大三次会议', proposalNo: '6900' }, proposal)).toBe(false);
    expect(answersProposal({ session: '区十七届人大二次会议', proposalNo: '0690' }, proposal)).toBe(false);
  });

  it('knows one sitting in its several wordings (by the session key), and takes the text as written when a wording names none', () => {
    const proposal = { session: '区政协十五届二次会议', number: '57' };
    expect(answersProposal({ session: '政协上海市普陀区第十五届委员会第二次会议', proposalNo: '057' }, proposal)).toBe(true);
    expect(answersProposal({ session: '区政协十五届三次会议', proposalNo: '57' }, proposal)).toBe(false);
    expect(answersProposal({ session: '第二次全体会议', proposalNo: '57' }, { session: '第二次全体会议', number: '57' })).toBe(true);
    expect(answersProposal({ session: '第二次全体会议', proposalNo: '57' }, proposal)).toBe(false);
  });

  it('is never answered by a reply without a number', () => {
    expect(answersProposal({ session: '区政协十五届二次会议', proposalNo: null }, { session: '区政协十五届二次会议', number: '0' })).toBe(false);
  });
});
