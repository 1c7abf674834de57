import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, runCli, workspace } from '../helpers/cli.js';
import { addProposal, advance, answer, cleanBody, configure, dueJson, ok, proposalArgs, type HandlingJson } from './handling-support.js';
import { expectError, lastingWorkspace } from './support.js';

/** The three proposals of these tests, each by its `reply proposal add` overrides. */
const P1 = {}; // #1 区政协十五届二次会议第152104号, 朱莺委员, assigned 2023-03-01, due 2023-06-01
const P2 = {
  session: '市政协十四届三次会议', number: '0690', title: '打造科创会客厅', proposer: '顾薇玲委员',
  'assigned-on': '2023-04-10', role: '会办', 'lead-unit': '市发展改革委',
}; // #2, due 2023-07-10
const P3 = {
  kind: '建议', session: '区十七届人大二次会议', number: '0231', title: '加强社区养老服务', proposer: '李明代表', 'assigned-on': '2023-02-15',
}; // #3, due 2023-05-15

const TITLE_1 = '开发长三角一体化智能数据图表研报平台的建议';

/** Files a reply to 152104 that passes the format check; returns its id. */
function answer1(ws: string, signedOn = '2023-05-18', name = 'p1'): number {
  return answer(ws, '152104', { result: '采纳解决', 'signed-on': signedOn, body: cleanBody(ws, name, { kind: '提案答复', title: TITLE_1 }) });
}

const ids = (json: { due: HandlingJson[] }) => json.due.map((h) => h.id);

describe('reply due: open proposals, soonest first', () => {
  let ws: string;
  beforeAll(() => {
    ws = lastingWorkspace();
    for (const p of [P1, P2, P3]) ok(ws, proposalArgs(p));
  });
  afterAll(() => rmSync(ws, { recursive: true, force: true }));

  it('lists them in a table by due date, marking the overdue ones, with the days left', () => {
    const run = runCli(ws, ['due', '--as-of', '2023-05-20']);
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]!.split(/\s{2,}/)).toEqual(['办理期限', '剩余天数', '编号', '提案号', '提案人', '提案标题', '办理情况']);
    expect(lines).toHaveLength(4);
    expect(lines[1]).toMatch(/^2023年5月15日\s+! 逾期 5 天\s+#3\s+区十七届人大二次会议第0231号\s+李明代表\s+加强社区养老服务\s+未答复$/);
    // Not on a terminal, a title is whole: a file or a pipe has no width to fit.
    expect(lines[2]).toMatch(/^2023年6月1日\s+12 天\s+#1\s+区政协十五届二次会议第152104号\s+朱莺委员\s+开发长三角一体化智能数据图表研报平台的建议\s+未答复$/);
    expect(lines[3]).toMatch(/^2023年7月10日\s+51 天\s+#2\s+市政协十四届三次会议第0690号\s+顾薇玲委员\s+打造科创会客厅\s+未答复$/);
    expect(run.stderr).toBe('待办 3 件，其中逾期 1 件\n');
  });

  it('says 今天到期 on the due date itself, which is not yet overdue', () => {
    const run = runCli(ws, ['due', '--as-of', '2023-06-01']);
    expect(run.stdout).toMatch(/^2023年6月1日\s+今天到期\s+#1/m);
    expect(run.stdout).not.toMatch(/! 今天到期/);
    expect(run.stderr).toBe('待办 3 件，其中逾期 1 件\n');
  });

  it('--within DAYS keeps those due within that many days, overdue ones included', () => {
    expect(ids(dueJson(ws, ['--as-of', '2023-05-20', '--within', '12']))).toEqual([3, 1]);
    expect(ids(dueJson(ws, ['--as-of', '2023-05-20', '--within', '11']))).toEqual([3]);
    expect(ids(dueJson(ws, ['--as-of', '2023-05-20', '--within', '0']))).toEqual([3]);
    expect(ids(dueJson(ws, ['--as-of', '2023-05-20', '--within', '365']))).toEqual([3, 1, 2]);
    expect(ids(dueJson(ws, ['--as-of', '2023-02-15']))).toEqual([3, 1, 2]);
  });

  it('says so on stderr when nothing is due within the days', () => {
    expect(runCli(ws, ['due', '--as-of', '2023-02-15', '--within', '30'])).toEqual({ stdout: '', stderr: '30 天内没有到期的提案。\n', code: 0 });
    expect(runCli(workspace(), ['due'])).toEqual({ stdout: '', stderr: '没有待办的提案。\n', code: 0 });
  });

  it('--json gives the day counted from, the days asked for and each proposal with its handling', () => {
    const json = dueJson(ws, ['--as-of', '2023-05-20', '--within', '12']);
    expect(Object.keys(json)).toEqual(['asOf', 'within', 'due']);
    expect(json.asOf).toBe('2023-05-20');
    expect(json.within).toBe(12);
    expect(Object.keys(json.due[0]!)).toEqual([
      'id', 'kind', 'session', 'number', 'title', 'proposers', 'role', 'leadUnit', 'assignedOn', 'dueOn', 'deadlines',
      'state', 'status', 'daysLeft', 'overdue', 'firstAnsweredOn', 'onTime', 'replies', 'feedback',
    ]);
    expect(json.due[0]).toMatchObject({ id: 3, kind: '建议', dueOn: '2023-05-15', state: 'pending', daysLeft: -5, overdue: true, replies: [], feedback: null });
    expect(json.due[1]).toMatchObject({ id: 1, dueOn: '2023-06-01', daysLeft: 12, overdue: false });
    expect(dueJson(ws, ['--as-of', '2023-05-20']).within).toBeNull();
    expect(dueJson(ws, ['--as-of', '2023-01-01', '--within', '1']).due).toEqual([]);
  });

  it('refuses a bad --within or --as-of as a usage error', () => {
    expectError(runCli(ws, ['due', '--within', 'x']), 2, '--within 应为非负整数', '「x」');
    expectError(runCli(ws, ['due', '--within', '-3']), 2, '--within');
    expectError(runCli(ws, ['due', '--as-of', '2023-02-30']), 2, '--as-of 的值「2023-02-30」不是有效的日期');
  });
});

describe('reply due: answered proposals leave the list, reopened ones come back', () => {
  it('a proposal stays due while its reply is drafted, checked and signed, and leaves once it is sent', () => {
    const ws = workspace();
    for (const p of [P1, P3]) ok(ws, proposalArgs(p)); // #1 and #2
    const reply = answer1(ws);
    const asOf = ['--as-of', '2023-05-20'];
    for (const status of [null, 'checked', 'signed']) {
      if (status) advance(ws, reply, status);
      const one = dueJson(ws, asOf).due.find((h) => h.id === 1)!;
      expect(one.state, String(status)).toBe('pending');
      // The number is given at signing.
      const docNumber = status === 'signed' ? '普发改委〔2023〕1号' : null;
      expect(one.replies, String(status)).toEqual([{ id: reply, docNumber, status: status ?? 'draft', signedOn: '2023-05-18' }]);
    }
    expect(runCli(ws, ['due', ...asOf]).stdout).toMatch(/#1\s+.*未答复（答复 普发改委〔2023〕1号）$/m);
    advance(ws, reply, 'sent');
    expect(ids(dueJson(ws, asOf))).toEqual([2]);
    // published is answered too
    advance(ws, reply, 'published');
    expect(ids(dueJson(ws, asOf))).toEqual([2]);
  });

  it('a void reply does not answer: voiding the sent reply brings the proposal back', () => {
    const ws = workspace();
    ok(ws, proposalArgs(P1));
    const reply = answer1(ws);
    advance(ws, reply, 'signed', 'sent');
    expect(ids(dueJson(ws, ['--as-of', '2023-05-20']))).toEqual([]);
    advance(ws, reply, 'void');
    const [back] = dueJson(ws, ['--as-of', '2023-05-20']).due;
    expect(back).toMatchObject({ id: 1, state: 'pending', dueOn: '2023-06-01', replies: [] });
  });

  it('a 不满意 brings it back, due handling.reopenMonths (default 1) after the feedback date; a new answer sent closes it', () => {
    const ws = workspace();
    for (const p of [P1, P2]) ok(ws, proposalArgs(p));
    const first = answer1(ws);
    advance(ws, first, 'signed', 'sent');
    expect(ids(dueJson(ws, ['--as-of', '2023-06-25']))).toEqual([2]);

    ok(ws, ['feedback', String(first), '不满意', '--received-on', '2023-06-20', '--note', '希望明确平台建设时间表']);
    const json = dueJson(ws, ['--as-of', '2023-06-25']);
    expect(ids(json)).toEqual([2, 1]);
    expect(json.due[1]).toMatchObject({
      id: 1,
      state: 'reopened',
      dueOn: '2023-07-20',
      daysLeft: 25,
      overdue: false,
      firstAnsweredOn: '2023-05-18',
      onTime: true,
      feedback: { rating: '不满意', note: '希望明确平台建设时间表', receivedOn: '2023-06-20' },
    });
    expect(json.due[1]!.deadlines.map(({ dueOn, cause }) => [dueOn, cause])).toEqual([
      ['2023-06-01', 'assigned'],
      ['2023-07-20', 'reopened'],
    ]);
    expect(runCli(ws, ['due', '--as-of', '2023-06-25']).stdout).toMatch(/^2023年7月20日\s+25 天\s+#1\s+.*不满意，重新办理（答复 普发改委〔2023〕1号）$/m);
    // overdue once the reopened date has passed
    expect(dueJson(ws, ['--as-of', '2023-07-21']).due.find((h) => h.id === 1)).toMatchObject({ daysLeft: -1, overdue: true });

    const second = answer(ws, '152104', {
      result: '采纳解决', 'signed-on': '2023-07-10',
      body: cleanBody(ws, 'second', { kind: '提案答复', title: TITLE_1 }),
    });
    advance(ws, second, 'signed');
    // #2 overdue by 2 days, #1 due in 8
    expect(ids(dueJson(ws, ['--as-of', '2023-07-12']))).toEqual([2, 1]);
    advance(ws, second, 'sent');
    expect(ids(dueJson(ws, ['--as-of', '2023-07-12']))).toEqual([2]);
  });

  it('follows the configured periods: handling.dueMonths for the first due date, handling.reopenMonths after a 不满意', () => {
    const ws = workspace();
    configure(ws, { dueMonths: 2, reopenMonths: 2 });
    expect(addProposal(ws).dueOn).toBe('2023-05-01');
    const reply = answer1(ws, '2023-04-20');
    advance(ws, reply, 'signed', 'sent');
    ok(ws, ['feedback', String(reply), '不满意', '--received-on', '2023-05-31']);
    expect(dueJson(ws, ['--as-of', '2023-06-01']).due[0]).toMatchObject({ id: 1, state: 'reopened', dueOn: '2023-07-31' });
  });
});

const hasScript = spawnSync('script', ['--version'], { encoding: 'utf8' }).status === 0;

/** Runs `reply ARGS` with its stdout on a pseudo-terminal (util-linux `script`). */
function onTerminal(cwd: string, args: string[], env: NodeJS.ProcessEnv = {}): string {
  const command = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], {
    cwd,
    env: { PATH: process.env.PATH, HOME: cwd, TERM: 'xterm', TZ: 'Asia/Shanghai', ...env },
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.replace(/\r\n/g, '\n');
}

describe.skipIf(!hasScript)('reply due on a terminal', () => {
  it('shows the overdue ones in red, and only them; NO_COLOR turns colour off', () => {
    const ws = workspace();
    for (const p of [P1, P3]) ok(ws, proposalArgs(p)); // #1 and #2
    const lines = onTerminal(ws, ['due', '--as-of', '2023-05-20']).split('\n');
    const overdue = lines.find((l) => l.includes('#2'))!;
    const open = lines.find((l) => l.includes('#1'))!;
    expect(overdue).toContain('\u001b[31m2023年5月15日\u001b[39m');
    expect(overdue).toContain('\u001b[31m! 逾期 5 天\u001b[39m');
    expect(open).not.toContain('\u001b[');
    expect(onTerminal(ws, ['due', '--as-of', '2023-05-20'], { NO_COLOR: '1' })).not.toContain('\u001b[');
  });
});
