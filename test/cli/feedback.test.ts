import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, workspace } from '../helpers/cli.js';
import { advance, answer, cleanBody, dueJson, ok, okJson, proposalArgs, proposalsJson } from './handling-support.js';
import { expectError, fileCleanReplyJson, lastingWorkspace } from './support.js';

const TITLE = '开发长三角一体化智能数据图表研报平台的建议';

/** A workspace with 152104 registered (#1, due 2023-06-01) and a reply to it (signed 2023-05-18) moved through `statuses`. */
function withReply(...statuses: string[]): string {
  const ws = workspace();
  ok(ws, proposalArgs());
  const id = answer(ws, '152104', { result: '采纳解决', 'signed-on': '2023-05-18', body: cleanBody(ws, 'reply', { kind: '提案答复', title: TITLE }) });
  advance(ws, id, ...statuses);
  return ws;
}

interface FeedbackJson {
  id: number;
  event: number;
  replyId: number;
  rating: string;
  note: string | null;
  receivedOn: string;
  at: string;
  docNumber: string;
  proposal: number | null;
  reopenDueOn: string | null;
}

/** Today in the time zone the CLI runs in (runCli sets Asia/Shanghai). */
function today(): string {
  return new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
}

describe('reply feedback: records the member’s answer to a reply that went out', () => {
  it('records a rating with its note and date, and the proposal shows it', () => {
    const ws = withReply('signed', 'sent');
    const run = ok(ws, ['feedback', '1', '满意', '--received-on', '2023-06-01', '--note', '答复详实，措施具体']);
    expect(run).toEqual({ stdout: '已记录第 1 号 普发改委〔2023〕1号 的反馈：满意\n', stderr: '', code: 0 });
    expect(proposalsJson(ws)[0]).toMatchObject({
      state: 'answered',
      feedback: { rating: '满意', note: '答复详实，措施具体', receivedOn: '2023-06-01' },
    });
  });

  it('--json prints the entry, the reply’s doc number and the proposal it belongs to', () => {
    const ws = withReply('signed', 'sent');
    const json = okJson<FeedbackJson>(ws, ['feedback', '普发改委〔2023〕1号', '基本满意', '--received-on', '2023年6月1日', '--json']);
    expect(json).toEqual({
      id: 1,
      event: expect.any(Number),
      replyId: 1,
      rating: '基本满意',
      note: null,
      receivedOn: '2023-06-01',
      at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      operator: '王敏',
      retracted: null,
      docNumber: '普发改委〔2023〕1号',
      proposal: 1,
      reopenDueOn: null,
    });
  });

  it('accepts a published reply, the signed date itself, the English names, and today by default', () => {
    const ws = withReply('signed', 'sent', 'published');
    expect(okJson<FeedbackJson>(ws, ['feedback', '2023-1', 'mostly-satisfied', '--received-on', '2023-05-18', '--json'])).toMatchObject({
      rating: '基本满意',
      receivedOn: '2023-05-18',
    });
    expect(okJson<FeedbackJson>(ws, ['feedback', '1', 'satisfied', '--json'])).toMatchObject({ rating: '满意', receivedOn: today() });
  });
});

/** Refusals against one archive: replies to 152104 in every status but sent (1 draft · 2 checked · 3 signed · 5 void) and 4 sent. */
describe('reply feedback: refusals write nothing', () => {
  let ws: string;
  beforeAll(() => {
    ws = lastingWorkspace();
    ok(ws, proposalArgs());
    const body = cleanBody(ws, 'reply', { kind: '提案答复', title: TITLE });
    // five replies to one proposal, four of them drafts at once: the second and later are filed with --force
    const ids = [1, 2, 3, 4, 5].map((n) => answer(ws, '152104', { result: '采纳解决', 'signed-on': '2023-05-18', body }, n > 1 ? ['--force'] : []));
    advance(ws, ids[1]!, 'checked');
    advance(ws, ids[2]!, 'signed');
    advance(ws, ids[3]!, 'signed', 'sent');
    advance(ws, ids[4]!, 'signed', 'sent', 'void');
  });
  afterAll(() => rmSync(ws, { recursive: true, force: true }));

  it('refuses a reply that has not gone out, or was voided, naming its status', () => {
    expectError(runCli(ws, ['feedback', '1', '满意']), 1, '第 1 号记录为「草稿」', '只有已发送或已公开的答复才能记录反馈');
    expectError(runCli(ws, ['feedback', '2', '满意']), 1, '第 2 号记录为「已核稿」');
    expectError(runCli(ws, ['feedback', '3', '不满意']), 1, '第 3 号记录为「已签发」');
    expectError(runCli(ws, ['feedback', '5', '不满意']), 1, '第 5 号记录为「已作废」');
  });

  it('refuses a date before the reply’s signed date, and a date that does not exist', () => {
    expectError(
      runCli(ws, ['feedback', '4', '不满意', '--received-on', '2023-05-17']),
      1,
      '反馈日期 2023年5月17日 早于答复的成文日期 2023年5月18日',
    );
    expectError(runCli(ws, ['feedback', '4', '满意', '--received-on', '2023-06-31']), 1, 'received-on', '2023-06-31');
  });

  it('refuses an unknown rating as a usage error, and an unknown reply', () => {
    expectError(runCli(ws, ['feedback', '4', '很好']), 2, '未知的意见「很好」', '满意、基本满意 或 不满意');
    expectError(runCli(ws, ['feedback', '9', '满意']), 1, '找不到答复「9」');
    expectError(runCli(ws, ['feedback', '4']), 2, '缺少参数');
  });

  it('none of the refusals above wrote anything: no feedback, no reopened deadline', () => {
    const [proposal] = proposalsJson(ws);
    expect(proposal).toMatchObject({ state: 'answered', feedback: null });
    expect(proposal!.deadlines.map((d) => d.cause)).toEqual(['assigned']);
    expect(okJson<{ feedback: { total: number } }>(ws, ['stats', '--json']).feedback.total).toBe(0);
  });
});

describe('reply feedback: a 不满意 reopens the handling; the latest answer by received date stands', () => {
  it('a 不满意 reopens the proposal, due handling.reopenMonths after the feedback date; a later 满意 closes it again', () => {
    const ws = withReply('signed', 'sent');
    const run = ok(ws, ['feedback', '1', '不满意', '--received-on', '2023-06-20', '--note', '希望明确时间表']);
    expect(run).toEqual({
      stdout: '已记录第 1 号 普发改委〔2023〕1号 的反馈：不满意\n提案 #1 重新办理，新的办理期限 2023年7月20日\n',
      stderr: '',
      code: 0,
    });
    const [reopened] = proposalsJson(ws, ['--as-of', '2023-06-25']);
    expect(reopened).toMatchObject({ state: 'reopened', dueOn: '2023-07-20', daysLeft: 25, feedback: { rating: '不满意', note: '希望明确时间表' } });
    expect(reopened!.deadlines.map(({ dueOn, cause, reason }) => ({ dueOn, cause, reason }))).toEqual([
      { dueOn: '2023-06-01', cause: 'assigned', reason: null },
      { dueOn: '2023-07-20', cause: 'reopened', reason: null },
    ]);
    expect(dueJson(ws, ['--as-of', '2023-06-25']).due.map((h) => h.id)).toEqual([1]);

    ok(ws, ['feedback', '1', '满意', '--received-on', '2023-07-05']);
    const [closed] = proposalsJson(ws, ['--as-of', '2023-07-06']);
    expect(closed).toMatchObject({ state: 'answered', feedback: { rating: '满意', receivedOn: '2023-07-05' } });
    // the reopening stays in the history of deadlines
    expect(closed!.deadlines.map((d) => d.cause)).toEqual(['assigned', 'reopened']);
    expect(dueJson(ws, ['--as-of', '2023-07-06']).due).toEqual([]);
  });

  it('an answer received earlier does not overrule one received later, even when recorded after it', () => {
    const ws = withReply('signed', 'sent');
    ok(ws, ['feedback', '1', '不满意', '--received-on', '2023-06-20']);
    ok(ws, ['feedback', '1', '满意', '--received-on', '2023-06-10']);
    expect(proposalsJson(ws)[0]).toMatchObject({ state: 'reopened', feedback: { rating: '不满意', receivedOn: '2023-06-20' } });
    // on the same day, the one recorded last stands
    ok(ws, ['feedback', '1', '基本满意', '--received-on', '2023-06-20']);
    expect(proposalsJson(ws)[0]).toMatchObject({ state: 'answered', feedback: { rating: '基本满意', receivedOn: '2023-06-20' } });
  });

  it('a 不满意 that does not stand reopens nothing: received before a later 满意, or on a reply a newer one replaced', () => {
    const ws = withReply('signed', 'sent');
    ok(ws, ['feedback', '1', '满意', '--received-on', '2023-06-20']);
    const late = okJson<FeedbackJson>(ws, ['feedback', '1', '不满意', '--received-on', '2023-06-10', '--json']);
    expect(late.reopenDueOn).toBeNull();

    const second = answer(ws, '152104', { result: '采纳解决', 'signed-on': '2023-07-01', body: cleanBody(ws, 'second', { kind: '提案答复', title: TITLE }) });
    advance(ws, second, 'signed', 'sent');
    const old = runCli(ws, ['feedback', '1', '不满意', '--received-on', '2023-07-05']);
    expect(old.stdout).toBe('已记录第 1 号 普发改委〔2023〕1号 的反馈：不满意\n');
    expect(proposalsJson(ws)[0]).toMatchObject({ state: 'answered' });
    expect(proposalsJson(ws)[0]!.deadlines.map((d) => d.cause)).toEqual(['assigned']);
    // The same answer on the reply that stands does reopen.
    expect(okJson<FeedbackJson>(ws, ['feedback', String(second), '不满意', '--received-on', '2023-07-05', '--json']).reopenDueOn).toBe('2023-08-05');
  });

  it('a 基本满意 or 满意 reopens nothing', () => {
    const ws = withReply('signed', 'sent');
    const json = okJson<FeedbackJson>(ws, ['feedback', '1', '基本满意', '--received-on', '2023-06-20', '--json']);
    expect(json.reopenDueOn).toBeNull();
    expect(proposalsJson(ws)[0]!.deadlines.map((d) => d.cause)).toEqual(['assigned']);
  });

  it('a 不满意 on a reply whose proposal is not registered is recorded, with a word that its new deadline cannot be followed', () => {
    const ws = workspace();
    const reply = fileCleanReplyJson(ws); // signed 2021-04-19, to 区政协十四届四次会议第145072号
    advance(ws, reply.id, 'signed', 'sent');
    const run = runCli(ws, ['feedback', '1', '不满意', '--received-on', '2021-05-10']);
    expect(run).toEqual({
      stdout: '已记录第 1 号 普发改委〔2021〕1号 的反馈：不满意\n',
      stderr: '该答复的提案未登记，重新办理的期限无法跟踪；可用 reply proposal add 登记\n',
      code: 0,
    });
    expect(okJson<FeedbackJson>(ws, ['feedback', '1', '不满意', '--received-on', '2021-05-11', '--json'])).toMatchObject({ proposal: null, reopenDueOn: null });
  });
});

describe('reply feedback refuses an answer dated after today', () => {
  it('names the date and writes nothing', () => {
    const ws = withReply('signed', 'sent');
    expectError(runCli(ws, ['feedback', '1', '不满意', '--received-on', '2062-06-01']), 1, '2062年6月1日', '晚于今天');
    expect(runCli(ws, ['show', '1', '--history', '--json']).code).toBe(0);
    // nothing was recorded: the next answer is the first
    expect(okJson<FeedbackJson>(ws, ['feedback', '1', '满意', '--json'])).toMatchObject({ id: 1, rating: '满意' });
  });
});

describe('reply show names the proposal a reply answers and the answers to it', () => {
  it('a registered proposal with where its handling stands, and every answer with its date and note', () => {
    const ws = withReply('signed', 'sent');
    ok(ws, ['feedback', '1', '满意', '--received-on', '2023-06-01', '--note', '答复详实']);
    const shown = ok(ws, ['show', '1']).stdout;
    expect(shown).toMatch(/办理情况\s+#1 区政协十五届二次会议 第152104号：已答复，办理期限 2023年6月\d+日/u);
    expect(shown).toMatch(/提案人意见\s+1\. 满意（2023年6月1日）：答复详实/u);
  });

  it('no such rows for a reply to a proposal nobody registered', () => {
    const ws = workspace();
    const id = fileCleanReplyJson(ws).id;
    const shown = ok(ws, ['show', String(id)]).stdout;
    // (办理情况 is a word of the body's opening too: the row is the label with a register number)
    expect(shown).not.toMatch(/办理情况\s+#/u);
    expect(shown).not.toContain('提案人意见');
  });
});
