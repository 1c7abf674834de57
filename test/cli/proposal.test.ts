import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, workspace } from '../helpers/cli.js';
import {
  addProposal,
  advance,
  answer,
  cleanBody,
  configure,
  ok,
  okJson,
  proposalArgs,
  proposalsJson,
  type HandlingJson,
} from './handling-support.js';
import { BODY_000, expectError, lastingWorkspace, parseCsv, type ReplyJson } from './support.js';

describe('reply proposal add: by flags', () => {
  it('registers the proposal, says its due date (assigned + 3 months) and lists it', () => {
    const ws = workspace();
    const run = ok(ws, proposalArgs());
    expect(run).toEqual({
      stdout: '已登记 #1：区政协十五届二次会议第152104号提案「开发长三角一体化智能数据图表研报平台的建议」，主办，办理期限 2023年6月1日\n',
      stderr: '',
      code: 0,
    });
    const [listed] = proposalsJson(ws, ['--as-of', '2023-03-01']);
    expect(listed).toMatchObject({
      id: 1,
      kind: '提案',
      session: '区政协十五届二次会议',
      number: '152104',
      title: '开发长三角一体化智能数据图表研报平台的建议',
      proposers: [{ name: '朱莺', role: '委员' }],
      role: '主办',
      leadUnit: null,
      assignedOn: '2023-03-01',
      dueOn: '2023-06-01',
      state: 'pending',
      daysLeft: 92,
      overdue: false,
      replies: [],
      feedback: null,
    });
    expect(listed!.deadlines).toEqual([
      { event: expect.any(Number), at: expect.any(String), operator: '王敏', dueOn: '2023-06-01', cause: 'assigned', reason: null, feedbackId: null },
    ]);
  });

  it('--json prints the proposal and its handling', () => {
    const ws = workspace();
    const json = addProposal(ws, { title: '《开发长三角一体化智能数据图表研报平台的建议》' });
    // the book-title marks a clerk pastes are not part of the title
    expect(json).toMatchObject({ id: 1, title: '开发长三角一体化智能数据图表研报平台的建议', dueOn: '2023-06-01', state: 'pending' });
  });

  it('takes 建议 (a deputy’s suggestion) and the English names of kind and role', () => {
    const ws = workspace();
    const json = addProposal(ws, { kind: 'suggestion', session: '区十七届人大二次会议', number: '0231', proposer: '李明代表', role: 'lead' });
    expect(json).toMatchObject({ kind: '建议', number: '0231', role: '主办', proposers: [{ name: '李明', role: '代表' }] });
  });

  it('a 会办 or 协办 proposal names its lead unit', () => {
    const ws = workspace();
    const run = ok(ws, proposalArgs({ session: '市政协十四届三次会议', number: '0690', role: '会办', 'lead-unit': '市发展改革委' }));
    expect(run.stdout).toBe('已登记 #1：市政协十四届三次会议第0690号提案「开发长三角一体化智能数据图表研报平台的建议」，会办（主办单位：市发展改革委），办理期限 2023年6月1日\n');
    const assisted = addProposal(ws, { number: '0691', role: '协办', 'lead-unit': '区科委' });
    expect(assisted).toMatchObject({ role: '协办', leadUnit: '区科委' });
  });
});

describe('reply proposal add: by --answers (keys are the flag names)', () => {
  it('reads every field from the file', () => {
    const ws = workspace();
    const file = join(ws, 'proposal.json');
    writeFileSync(
      file,
      JSON.stringify({
        kind: '提案',
        session: '市政协十四届三次会议',
        number: '0690',
        title: '打造科创会客厅',
        proposer: ['顾薇玲委员', '李明委员'],
        'assigned-on': '2023年4月10日',
        role: '会办',
        'lead-unit': '市发展改革委',
        'due-on': '2023-06-30',
      }),
    );
    const json = okJson<HandlingJson>(ws, ['proposal', 'add', '--answers', file, '--json']);
    expect(json).toMatchObject({
      kind: '提案',
      session: '市政协十四届三次会议',
      number: '0690',
      title: '打造科创会客厅',
      proposers: [
        { name: '顾薇玲', role: '委员' },
        { name: '李明', role: '委员' },
      ],
      assignedOn: '2023-04-10',
      role: '会办',
      leadUnit: '市发展改革委',
      dueOn: '2023-06-30',
    });
  });

  it('flags win over the file', () => {
    const ws = workspace();
    const file = join(ws, 'proposal.json');
    writeFileSync(file, JSON.stringify({ ...fileOf(), number: '152104' }));
    const json = okJson<HandlingJson>(ws, ['proposal', 'add', '--answers', file, '--number', '152105', '--json']);
    expect(json.number).toBe('152105');
  });

  it('refuses an unknown key, naming it, and writes nothing', () => {
    const ws = workspace();
    const file = join(ws, 'proposal.json');
    writeFileSync(file, JSON.stringify({ ...fileOf(), colour: 'red' }));
    expectError(runCli(ws, ['proposal', 'add', '--answers', file]), 1, 'colour');
    expect(proposalsJson(ws)).toEqual([]);
  });

  /** PROPOSAL_FLAGS as an answers file. */
  function fileOf(): Record<string, string> {
    return {
      kind: '提案',
      session: '区政协十五届二次会议',
      title: '开发长三角一体化智能数据图表研报平台的建议',
      proposer: '朱莺委员',
      'assigned-on': '2023-03-01',
      role: '主办',
    };
  }
});

/** Refusals against one archive (one proposal, 区政协十五届二次会议第152104号) that none of them may change. */
describe('reply proposal add: refusals write nothing', () => {
  let ws: string;
  let before: HandlingJson[];
  beforeAll(() => {
    ws = lastingWorkspace();
    ok(ws, proposalArgs());
    before = proposalsJson(ws);
  });
  afterAll(() => rmSync(ws, { recursive: true, force: true }));

  it('names every missing field at once', () => {
    expectError(
      runCli(ws, ['proposal', 'add', '--kind', '提案']),
      1,
      '未写入任何内容',
      '会次 session（缺少）；编号 number（缺少）；标题 title（缺少）；提案人 proposer（缺少）；交办日期 assigned-on（缺少）；本单位的角色 role（缺少）',
    );
  });

  it('names every bad value at once: kind, number, date, role', () => {
    const run = runCli(ws, proposalArgs({ kind: '议案', number: 'A1', 'assigned-on': '2023-02-30', role: '领办' }));
    expectError(run, 1, 'kind（「议案」应为 提案 或 建议）', 'number（提案号「A1」', 'assigned-on（日期「2023-02-30」不存在）', 'role（「领办」应为 主办、会办 或 协办）');
  });

  it('refuses a lead unit when the office leads, and asks for one when it joins or assists', () => {
    expectError(runCli(ws, proposalArgs({ number: '1', 'lead-unit': '市发展改革委' })), 1, 'lead-unit（本单位主办时不填主办单位）');
    expectError(runCli(ws, proposalArgs({ number: '1', role: '会办' })), 1, 'lead-unit（缺少）');
    expectError(runCli(ws, proposalArgs({ number: '1', role: '协办' })), 1, 'lead-unit（缺少）');
  });

  it('refuses the same session and number twice, naming the one registered', () => {
    expectError(runCli(ws, proposalArgs({ title: '另一个标题' })), 1, '区政协十五届二次会议第152104号已登记（#1）');
  });

  it('refuses a due date before the assigned date', () => {
    expectError(runCli(ws, proposalArgs({ number: '1', 'due-on': '2023-02-28' })), 1, 'due-on（办理期限早于交办日期）');
  });

  it('none of the refusals above wrote anything', () => {
    expect(proposalsJson(ws)).toEqual(before);
  });
});

describe('reply proposal add: joint proposals (联名)', () => {
  it('keeps every proposer, in order, and shows them together', () => {
    const ws = workspace();
    const json = addProposal(ws, { proposer: ['朱莺委员', '张强委员', '王东伟委员'] });
    expect(json.proposers).toEqual([
      { name: '朱莺', role: '委员' },
      { name: '张强', role: '委员' },
      { name: '王东伟', role: '委员' },
    ]);
    const table = ok(ws, ['proposal', 'list', '--as-of', '2023-03-01']).stdout;
    expect(table).toContain('朱莺委员、张强委员、王东伟委员');
  });

  it('takes the proposers as one list too (朱莺委员、张强委员), and a group as a proposer', () => {
    const ws = workspace();
    expect(addProposal(ws, { proposer: '朱莺委员、张强委员' }).proposers).toEqual([
      { name: '朱莺', role: '委员' },
      { name: '张强', role: '委员' },
    ]);
    expect(addProposal(ws, { number: '2', proposer: '经济委员会' }).proposers).toEqual([{ name: '经济委员会', role: '集体' }]);
  });

  it('refuses an empty proposer, writing nothing', () => {
    const ws = workspace();
    expectError(runCli(ws, proposalArgs({ proposer: ' ' })), 1, 'proposer');
    expect(proposalsJson(ws)).toEqual([]);
  });
});

describe('the due date', () => {
  it('is the assigned date plus handling.dueMonths of reply.config.json (default 3)', () => {
    const ws = workspace();
    expect(addProposal(ws).dueOn).toBe('2023-06-01');
    configure(ws, { dueMonths: 2 });
    expect(addProposal(ws, { number: '152105' }).dueOn).toBe('2023-05-01');
    // a proposal keeps the due date it was given: a later change of config changes no record
    expect(proposalsJson(ws).map((p) => [p.number, p.dueOn])).toEqual([
      ['152105', '2023-05-01'],
      ['152104', '2023-06-01'],
    ]);
  });

  it('is the given date with --due-on, in either date form', () => {
    const ws = workspace();
    expect(addProposal(ws, { 'due-on': '2023年5月20日' }).dueOn).toBe('2023-05-20');
    // the assigned date itself is allowed
    expect(addProposal(ws, { number: '152105', 'due-on': '2023-03-01' }).dueOn).toBe('2023-03-01');
  });

  it('ends on the last day of a shorter month: 2023-11-30 + 3 months = 2024-02-29', () => {
    const ws = workspace();
    expect(addProposal(ws, { 'assigned-on': '2023-11-30' }).dueOn).toBe('2024-02-29');
    expect(addProposal(ws, { number: '2', 'assigned-on': '2022-11-30' }).dueOn).toBe('2023-02-28');
    expect(addProposal(ws, { number: '3', 'assigned-on': '2023-10-31' }).dueOn).toBe('2024-01-31');
  });

  it('refuses a handling.dueMonths that is not a whole number of months from 1 to 24, naming the key', () => {
    const ws = workspace();
    configure(ws, { dueMonths: 0 });
    expectError(runCli(ws, proposalArgs()), 1, 'handling.dueMonths');
  });
});

/**
 * The archive of the list tests:
 *   #1 区政协十五届二次会议第152104号  assigned 2023-03-01  due 2023-06-01  answered (reply 1 sent)
 *   #2 区政协十五届二次会议第152105号  assigned 2023-03-15  due 2023-06-15  pending
 *   #3 区政协十五届一次会议第150001号  assigned 2022-03-01  due 2022-06-01  pending, overdue
 *   #4 区十七届人大二次会议第0231号    assigned 2023-04-01  due 2023-07-01  pending (建议, 李明代表)
 */
describe('reply proposal list', () => {
  let ws: string;
  beforeAll(() => {
    ws = lastingWorkspace();
    ok(ws, proposalArgs());
    ok(ws, proposalArgs({ number: '152105', title: '加快建设科创园区', 'assigned-on': '2023-03-15' }));
    ok(ws, proposalArgs({ session: '区政协十五届一次会议', number: '150001', title: '优化营商环境', 'assigned-on': '2022-03-01' }));
    ok(ws, proposalArgs({ kind: '建议', session: '区十七届人大二次会议', number: '0231', title: '加强社区养老服务', proposer: '李明代表', 'assigned-on': '2023-04-01' }));
    const body = cleanBody(ws, 'one', { kind: '提案答复', title: '开发长三角一体化智能数据图表研报平台的建议' });
    const id = answer(ws, '152104', { result: '采纳解决', 'signed-on': '2023-05-18', body });
    advance(ws, id, 'signed', 'sent');
  });
  afterAll(() => rmSync(ws, { recursive: true, force: true }));

  it('prints a table, latest assigned first, with the handling and the days left', () => {
    const run = ok(ws, ['proposal', 'list', '--as-of', '2023-05-20']);
    expect(run.stderr).toBe('');
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]!.split(/\s{2,}/)).toEqual(['编号', '会次', '提案号', '类型', '提案人', '提案标题', '角色', '交办日期', '办理期限', '办理情况']);
    expect(lines.slice(1).map((l) => l.split(/\s+/)[0])).toEqual(['#4', '#2', '#1', '#3']);
    expect(lines[1]).toMatch(/^#4\s+区十七届人大二次会议\s+0231\s+建议\s+李明代表\s+加强社区养老服务\s+主办\s+2023年4月1日\s+2023年7月1日\s+未答复，42 天$/);
    expect(lines[3]).toMatch(/^#1\s+.*2023年6月1日\s+已答复$/);
    expect(lines[4]).toMatch(/2022年6月1日\s+未答复，逾期 353 天$/);
  });

  it('--open keeps the ones not yet answered', () => {
    expect(proposalsJson(ws, ['--open']).map((p) => p.id)).toEqual([4, 2, 3]);
  });

  it('--year keeps the ones assigned in that year', () => {
    expect(proposalsJson(ws, ['--year', '2023']).map((p) => p.id)).toEqual([4, 2, 1]);
    expect(proposalsJson(ws, ['--year', '2022']).map((p) => p.id)).toEqual([3]);
    expect(proposalsJson(ws, ['--year', '2023', '--open']).map((p) => p.id)).toEqual([4, 2]);
    expectError(runCli(ws, ['proposal', 'list', '--year', '23']), 2, '年份「23」无效');
  });

  it('--json gives each proposal with its deadlines, its replies and its state', () => {
    const all = proposalsJson(ws, ['--as-of', '2023-05-20']);
    const one = all.find((p) => p.id === 1)!;
    expect(one).toMatchObject({ state: 'answered', daysLeft: null, overdue: false, firstAnsweredOn: '2023-05-18', onTime: true });
    expect(one.replies).toEqual([{ id: 1, docNumber: '普发改委〔2023〕1号', status: 'sent', signedOn: '2023-05-18' }]);
    expect(all.find((p) => p.id === 3)).toMatchObject({ state: 'pending', daysLeft: -353, overdue: true, onTime: null });
    expect(all.find((p) => p.id === 2)).toMatchObject({ state: 'pending', daysLeft: 26, overdue: false });
  });

  it('--csv --raw is RFC 4180 CSV with ISO dates and the stored states', () => {
    const rows = parseCsv(ok(ws, ['proposal', 'list', '--csv', '--raw']).stdout);
    expect(rows[0]).toEqual(['id', 'session', 'number', 'kind', 'proposers', 'title', 'role', 'assignedOn', 'dueOn', 'state']);
    expect(rows.slice(1).map((r) => r[0])).toEqual(['4', '2', '1', '3']);
    expect(rows.find((r) => r[0] === '1')).toEqual([
      '1', '区政协十五届二次会议', '152104', '提案', '朱莺委员', '开发长三角一体化智能数据图表研报平台的建议', '主办', '2023-03-01', '2023-06-01', 'answered',
    ]);
    expect(parseCsv(ok(ws, ['proposal', 'list', '--csv', '--raw', '--open', '--year', '2022']).stdout).map((r) => r[0])).toEqual(['id', '3']);
  });

  it('says so, on stderr, when there is none', () => {
    expect(runCli(workspace(), ['proposal', 'list'])).toEqual({ stdout: '', stderr: '还没有登记的提案。用 reply proposal add 登记。\n', code: 0 });
    expect(runCli(ws, ['proposal', 'list', '--json', '--year', '1999']).stdout).toBe('[]\n');
  });
});

describe('reply proposal extend', () => {
  /** A workspace with 152104 (due 2023-06-01) registered. */
  function withProposal(): string {
    const ws = workspace();
    ok(ws, proposalArgs());
    return ws;
  }

  it('--to sets a later due date, recording the reason', () => {
    const ws = withProposal();
    const run = ok(ws, ['proposal', 'extend', '152104', '--to', '2023-07-15', '--reason', '需与市级部门协调']);
    expect(run.stdout).toBe('#1 区政协十五届二次会议第152104号：办理期限 2023年6月1日 → 2023年7月15日（需与市级部门协调）\n');
    expect(proposalsJson(ws)[0]!.dueOn).toBe('2023-07-15');
  });

  it('--months counts from the due date in force, and the history of deadlines is in --json', () => {
    const ws = withProposal();
    ok(ws, ['proposal', 'extend', '152104', '--months', '1', '--reason', '需与市级部门协调']);
    const json = okJson<HandlingJson>(ws, ['proposal', 'extend', '#1', '--months', '2', '--reason', '等待专项资金批复', '--json']);
    expect(json.dueOn).toBe('2023-09-01');
    expect(json.deadlines.map(({ dueOn, cause, reason }) => ({ dueOn, cause, reason }))).toEqual([
      { dueOn: '2023-06-01', cause: 'assigned', reason: null },
      { dueOn: '2023-07-01', cause: 'extended', reason: '需与市级部门协调' },
      { dueOn: '2023-09-01', cause: 'extended', reason: '等待专项资金批复' },
    ]);
    // the order of the deadlines is the order they were set in: their events in the archive's log
    const events = json.deadlines.map((d) => d.event);
    expect([...events].sort((a, b) => a - b)).toEqual(events);
    expect(new Set(events).size).toBe(3);
    expect(proposalsJson(ws)[0]!.deadlines).toEqual(json.deadlines);
  });

  it('requires a reason, and exactly one of --to and --months (usage errors)', () => {
    const ws = withProposal();
    expectError(runCli(ws, ['proposal', 'extend', '152104', '--to', '2023-07-15']), 2, '缺少 --reason', '延期原因');
    expectError(runCli(ws, ['proposal', 'extend', '152104', '--to', '2023-07-15', '--reason', '  ']), 2, '缺少 --reason');
    expectError(runCli(ws, ['proposal', 'extend', '152104', '--reason', '协调']), 2, '--to', '--months');
    expectError(runCli(ws, ['proposal', 'extend', '152104', '--to', '2023-07-15', '--months', '1', '--reason', '协调']), 2, '二选一');
    expectError(runCli(ws, ['proposal', 'extend', '152104', '--months', '0', '--reason', '协调']), 2, '--months', '「0」');
    expect(proposalsJson(ws)[0]!.deadlines).toHaveLength(1);
  });

  it('refuses a date not later than the due date in force', () => {
    const ws = withProposal();
    expectError(runCli(ws, ['proposal', 'extend', '152104', '--to', '2023-06-01', '--reason', '协调']), 1, '新的期限 2023年6月1日 不晚于现行期限 2023年6月1日');
    expectError(runCli(ws, ['proposal', 'extend', '152104', '--to', '2023-05-01', '--reason', '协调']), 1, '不晚于现行期限');
    ok(ws, ['proposal', 'extend', '152104', '--to', '2023-07-15', '--reason', '协调']);
    expectError(runCli(ws, ['proposal', 'extend', '152104', '--to', '2023-07-01', '--reason', '再协调']), 1, '不晚于现行期限 2023年7月15日');
    expect(proposalsJson(ws)[0]!.deadlines).toHaveLength(2);
  });

  it('refuses a proposal already answered (its reply sent), and an unknown one', () => {
    const ws = withProposal();
    const id = answer(ws, '152104', { result: '采纳解决', 'signed-on': '2023-05-18', body: cleanBody(ws, 'a', { kind: '提案答复', title: '开发长三角一体化智能数据图表研报平台的建议' }) });
    advance(ws, id, 'signed');
    // signed is not yet answered: the deadline can still move
    ok(ws, ['proposal', 'extend', '152104', '--to', '2023-06-10', '--reason', '等待发送']);
    advance(ws, id, 'sent');
    expectError(runCli(ws, ['proposal', 'extend', '152104', '--to', '2023-07-15', '--reason', '协调']), 1, '提案 #1 已答复，无需延期');
    expectError(runCli(ws, ['proposal', 'extend', '999', '--to', '2023-07-15', '--reason', '协调']), 1, '找不到提案「999」');
    expect(proposalsJson(ws)[0]!.deadlines).toHaveLength(2);
  });
});

/**
 * The archive of `reply new --proposal`:
 *   #1 区政协十五届二次会议第152104号  提案  朱莺委员              主办
 *   #2 市政协十四届三次会议第0690号    提案  顾薇玲委员、李明委员  会办, lead unit 市发展改革委
 *   #3 区十七届人大二次会议第0231号    建议  李明代表              主办
 *   #4 区十七届人大二次会议第152104号  建议  张强代表              主办 (the number of #1 again, in another session)
 */
describe('reply new --proposal', () => {
  let ws: string;
  // These tests file several drafts for the same proposals, on purpose: --force (the guard is tested in corrections.test.ts).
  const rest = ['--result', '采纳解决', '--disclosure', '主动公开·全文', '--signed-on', '2023-05-18', '--body', BODY_000, '--force'];
  const fileFrom = (ref: string, more: string[] = []) => okJson<ReplyJson>(ws, ['new', '--proposal', ref, ...rest, ...more, '--json']);
  beforeAll(() => {
    ws = lastingWorkspace();
    ok(ws, proposalArgs());
    ok(ws, proposalArgs({ session: '市政协十四届三次会议', number: '0690', title: '打造科创会客厅', proposer: ['顾薇玲委员', '李明委员'], role: '会办', 'lead-unit': '市发展改革委' }));
    ok(ws, proposalArgs({ kind: '建议', session: '区十七届人大二次会议', number: '0231', title: '加强社区养老服务', proposer: '李明代表' }));
    ok(ws, proposalArgs({ kind: '建议', session: '区十七届人大二次会议', title: '完善社区体育设施', proposer: '张强代表' }));
  });
  afterAll(() => rmSync(ws, { recursive: true, force: true }));

  it('fills kind, session, number, title and proposers from a proposal the office leads', () => {
    const reply = fileFrom('#1');
    expect(reply).toMatchObject({
      kind: '提案答复',
      session: '区政协十五届二次会议',
      proposalNo: '152104',
      proposalTitle: '开发长三角一体化智能数据图表研报平台的建议',
      proposers: [{ name: '朱莺', role: '委员' }],
      leadUnit: null,
      salutation: '朱莺委员：',
      title: '对区政协十五届二次会议 第152104号提案的答复',
    });
  });

  it('makes a 会办意见 to the lead unit from a proposal the office joins', () => {
    const reply = fileFrom('0690');
    expect(reply).toMatchObject({
      kind: '会办意见',
      session: '市政协十四届三次会议',
      proposalNo: '0690',
      proposalTitle: '打造科创会客厅',
      proposers: [
        { name: '顾薇玲', role: '委员' },
        { name: '李明', role: '委员' },
      ],
      leadUnit: '市发展改革委',
      salutation: '市发展改革委：',
      title: '对市政协十四届三次会议 第0690号提案的会办意见',
    });
  });

  it('makes a 建议答复 from a deputy’s suggestion', () => {
    expect(fileFrom('0231')).toMatchObject({ kind: '建议答复', proposalNo: '0231', proposers: [{ name: '李明', role: '代表' }], salutation: '李明代表：' });
  });

  it('flags still win over the proposal', () => {
    const reply = fileFrom('0690', ['--title', '打造科创会客厅的建议', '--lead-unit', '区科委', '--proposer', '顾薇玲委员']);
    expect(reply).toMatchObject({ kind: '会办意见', proposalNo: '0690', proposalTitle: '打造科创会客厅的建议', leadUnit: '区科委', proposers: [{ name: '顾薇玲', role: '委员' }] });
  });

  it('a number registered in two sessions needs --session or #id; 第N号 is read too', () => {
    expectError(
      runCli(ws, ['new', '--proposal', '152104', ...rest]),
      1,
      '编号 152104 在多个会议中都有登记',
      '#4 区十七届人大二次会议',
      '#1 区政协十五届二次会议',
      '--session',
    );
    expect(fileFrom('152104', ['--session', '区十七届人大二次会议'])).toMatchObject({ kind: '建议答复', proposalTitle: '完善社区体育设施' });
    expect(fileFrom('第152104号', ['--session', '区政协十五届二次会议'])).toMatchObject({ kind: '提案答复', proposalTitle: '开发长三角一体化智能数据图表研报平台的建议' });
    expect(fileFrom('#4')).toMatchObject({ session: '区十七届人大二次会议', proposalNo: '152104' });
  });

  it('refuses an unknown number or id, writing nothing', () => {
    const before = okJson<ReplyJson[]>(ws, ['list', '--json']);
    expectError(runCli(ws, ['new', '--proposal', '999', ...rest]), 1, '找不到提案「999」', 'reply proposal list');
    expectError(runCli(ws, ['new', '--proposal', '#99', ...rest]), 1, '找不到提案「#99」');
    expectError(runCli(ws, ['new', '--proposal', '0231', '--session', '区政协十五届二次会议', ...rest]), 1, '找不到提案「0231」');
    expect(okJson<ReplyJson[]>(ws, ['list', '--json'])).toEqual(before);
  });

  it('still asks for what a proposal does not give: result, disclosure, body', () => {
    expectError(runCli(ws, ['new', '--proposal', '0231', '--signed-on', '2023-05-18']), 1, 'result（缺少）', 'disclosure（缺少）', 'body（缺少）');
  });

  it('the options are in --help', () => {
    expect(runCli(ws, ['new', '--help']).stdout).toContain('--proposal');
    const help = runCli(ws, ['proposal', '--help']).stdout;
    for (const command of ['add', 'list', 'extend']) expect(help).toMatch(new RegExp(`^\\s+${command}\\b`, 'm'));
  });
});
