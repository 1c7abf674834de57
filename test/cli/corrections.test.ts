import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli, workspace } from '../helpers/cli.js';
import { advance, answer, cleanBody, dueJson, ok, proposalArgs, proposalsJson } from './handling-support.js';
import { expectError, fileCleanReplyJson, historyJson, showJson, signingWorkspace } from './support.js';

const TITLE = '开发长三角一体化智能数据图表研报平台的建议';

/** Every row of every table of the archive: a refusal must leave it exactly as it was. */
function archive(ws: string): Record<string, unknown[]> {
  const db = new Database(join(ws, 'data', 'replies.db'), { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'replies_fts%' ORDER BY name").all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM "${name}"`).all()]));
  } finally {
    db.close();
  }
}

/** Runs a command that must be refused with `code` and the fragments, and checks that it wrote nothing. */
function refused(ws: string, args: readonly string[], code: number, ...fragments: string[]): void {
  const before = archive(ws);
  expectError(runCli(ws, args), code, ...fragments);
  expect(archive(ws)).toEqual(before);
}

/** A workspace numbering at signing, with 152104 registered and a clean reply to it (#1). */
function withAnswer(...statuses: string[]): string {
  const ws = signingWorkspace();
  ok(ws, proposalArgs());
  const id = answer(ws, '152104', { result: '采纳解决', 'signed-on': '2023-05-18', body: cleanBody(ws, 'reply', { kind: '提案答复', title: TITLE }) });
  advance(ws, id, ...statuses);
  return ws;
}

describe('reply revert and reply diff: back to an earlier revision, nothing removed', () => {
  it('reverts to revision 1: reply diff then shows its fields and body equal revision 1’s; the history lists every act', () => {
    const ws = signingWorkspace();
    fileCleanReplyJson(ws);
    ok(ws, ['edit', '1', '--set', 'result=留作参考', '--set', 'cc=市政协提案委']);
    ok(ws, ['edit', '1', '--set', 'title=改过的标题', '--by', '李强']);
    const diff = ok(ws, ['diff', '1', '1']).stdout;
    expect(diff).toContain('-result: 采纳解决\n+result: 留作参考');
    expect(ok(ws, ['revert', '1', '1', '--reason', '改错了']).stdout).toBe('已将第 1 号记录（无文号）恢复为第 1 版的内容，记为第 4 版\n');
    expect(runCli(ws, ['diff', '1', '1', '4'])).toEqual({ stdout: '', stderr: '第 1 号记录第 1 版与第 4 版相同\n', code: 0 });
    expect(JSON.parse(ok(ws, ['diff', '1', '1', '--json']).stdout)).toMatchObject({ from: 1, to: 4, same: true, fields: '', body: '' });
    const history = historyJson(ws, 1) as unknown as { change: string; operator: string | null; reason: string | null }[];
    expect(history.map((h) => [h.change, h.operator, h.reason])).toEqual([
      ['created', '王敏', null],
      ['edited', '王敏', null],
      ['edited', '李强', null],
      ['reverted', '王敏', '改错了'],
    ]);
    const lines = ok(ws, ['show', '1', '--history']).stdout.trimEnd().split('\n');
    expect(lines[3]).toMatch(/^3\s+.*李强\s+修改：title\s+—$/);
    expect(lines[4]).toMatch(/^4\s+.*王敏\s+恢复为第 1 版\s+改错了$/);
  });

  it('shows a revision as it was, and refuses one that is not there', () => {
    const ws = signingWorkspace();
    fileCleanReplyJson(ws);
    ok(ws, ['edit', '1', '--set', 'result=留作参考']);
    const shown = ok(ws, ['show', '1', '--revision', '1']).stdout;
    expect(shown).toMatch(/^第 1 版（共 2 版），.*王敏\n/);
    expect(shown).toMatch(/办理结果\s+采纳解决/);
    expect(JSON.parse(ok(ws, ['show', '1', '--revision', '2', '--json']).stdout)).toMatchObject({ revision: 2, change: 'edited', operator: '王敏', reply: { result: '留作参考' } });
    expectError(runCli(ws, ['show', '1', '--revision', '3']), 2, '第 1 号记录没有第 3 版：共 2 版');
    refused(ws, ['revert', '1', '3'], 2, '没有第 3 版');
    refused(ws, ['revert', '1', '2'], 1, '与第 2 版相同');
    refused(ws, ['diff', '1', 'x'], 2, '没有第 x 版');
  });

  it('a reply that went out is reverted only with --force and a reason, as it is edited', () => {
    const ws = withAnswer('signed', 'sent');
    ok(ws, ['edit', '1', '--set', 'result=留作参考', '--force', '--reason', '更正办理结果']);
    refused(ws, ['revert', '1', '1'], 1, '已发送', '--force');
    refused(ws, ['revert', '1', '1', '--force'], 2, '须用 --reason');
    refused(ws, ['edit', '1', '--set', 'result=采纳解决', '--force'], 2, '强制修改须用 --reason 写明原因');
    expect(ok(ws, ['revert', '1', '3', '--force', '--reason', '恢复原结果']).stdout).toContain('恢复为第 3 版');
    // the number stays: a revert never takes back what signing gave
    expect(showJson(ws, 1)).toMatchObject({ status: 'sent', result: '采纳解决', docNumber: { text: '普发改委〔2023〕1号' } });
  });
});

describe('reply status back to draft: a signed reply is corrected and keeps its number', () => {
  it('refuses without a reason; with one it goes back, keeps 普发改委〔2023〕1号 and is signed again under it', () => {
    const ws = withAnswer('signed');
    refused(ws, ['status', '1', 'draft'], 2, '从「已签发」改为「草稿」须用 --reason');
    expect(ok(ws, ['status', '1', 'draft', '--reason', '第三段有错别字']).stdout).toBe('第 1 号 普发改委〔2023〕1号：已签发 → 草稿\n');
    ok(ws, ['edit', '1', '--set', 'result=留作参考']);
    const signed = ok(ws, ['status', '1', 'signed']);
    expect(signed.stdout).toBe('第 1 号 普发改委〔2023〕1号：草稿 → 已签发\n');
    expect(signed.stderr).toBe('');
    // a reply filed next still takes the next number: none was burnt, none given twice
    fileCleanReplyJson(ws, { 'proposal-no': '145073' });
    expect(ok(ws, ['status', '2', 'signed']).stderr).toContain('普发改委〔2021〕1号');
    advance(ws, 1, 'sent');
    refused(ws, ['status', '1', 'draft', '--reason', '太晚了'], 1, '不能从「已发送」改为「草稿」');
  });

  it('voiding needs a reason', () => {
    const ws = withAnswer();
    refused(ws, ['status', '1', 'void'], 2, '须用 --reason 写明原因');
    expect(ok(ws, ['status', '1', 'void', '--reason', '重复登记']).stdout).toContain('已作废');
  });
});

describe('reply feedback retract: an answer recorded by mistake is kept, marked, and counts no more', () => {
  it('retracts a 不满意: the proposal is answered again, and show marks the answer', () => {
    const ws = withAnswer('signed', 'sent');
    ok(ws, ['feedback', '1', '不满意', '--received-on', '2023-06-10']);
    expect(proposalsJson(ws, ['--as-of', '2023-06-20'])[0]).toMatchObject({ state: 'reopened', dueOn: '2023-07-10' });
    refused(ws, ['feedback', 'retract', '1', '1'], 2, '缺少 --reason');
    refused(ws, ['feedback', 'retract', '1', '2', '--reason', '录错'], 1, '第 1 号记录没有第 2 条提案人意见（共 1 条）');
    refused(ws, ['feedback', 'retract', '1', 'x', '--reason', '录错'], 2, '意见序号「x」无效');
    expect(ok(ws, ['feedback', 'retract', '1', '1', '--reason', '录错，应为满意']).stdout).toBe(
      '已撤回第 1 号记录（普发改委〔2023〕1号）的提案人意见：不满意（2023年6月10日）；原因：录错，应为满意\n',
    );
    expect(proposalsJson(ws, ['--as-of', '2023-06-20'])[0]).toMatchObject({ state: 'answered', dueOn: '2023-06-01', feedback: null });
    expect(ok(ws, ['show', '1']).stdout).toMatch(/提案人意见\s+1\. 不满意（2023年6月10日）（已撤回：录错，应为满意）/u);
    refused(ws, ['feedback', 'retract', '1', '1', '--reason', '再撤'], 1, '已撤回');
    // a new answer is recorded as before, and counts
    ok(ws, ['feedback', '1', '满意', '--received-on', '2023-06-12']);
    expect(ok(ws, ['show', '1']).stdout).toMatch(/2\. 满意（2023年6月12日）/u);
  });
});

describe('reply proposal show / edit / withdraw: a wrongly registered proposal is corrected, never lost', () => {
  it('corrects a field with a reason, keeping the state before; refuses without one, or a 人大 sitting for a 提案', () => {
    const ws = workspace();
    ok(ws, proposalArgs());
    refused(ws, ['proposal', 'edit', '152104', '--set', 'title=新标题'], 2, '缺少 --reason');
    refused(ws, ['proposal', 'edit', '152104', '--reason', '录错'], 2, '--set');
    refused(ws, ['proposal', 'edit', '152104', '--set', 'session=区十七届人大三次会议', '--reason', '录错'], 1, 'session');
    refused(ws, ['proposal', 'edit', '152104', '--set', 'due-on=2023-09-01', '--reason', '录错'], 1, 'reply proposal extend');
    refused(ws, ['proposal', 'edit', '152104', '--set', 'colour=红', '--reason', '录错'], 1, 'colour');
    expect(ok(ws, ['proposal', 'edit', '152104', '--set', 'title=开发长三角一体化数据研报平台的建议', '--reason', '标题录错']).stdout).toBe(
      '已更正提案 #1（区政协十五届二次会议第152104号）：title；原因：标题录错\n',
    );
    const shown = ok(ws, ['proposal', 'show', '152104', '--as-of', '2023-05-01']).stdout;
    expect(shown).toMatch(/提案标题\s+开发长三角一体化数据研报平台的建议/u);
    expect(shown).toMatch(/办理情况\s+未答复，31 天/u);
    expect(shown).toMatch(/^1\s+.*王敏\s+登记提案\s+—$/mu);
    expect(shown).toMatch(/^2\s+.*王敏\s+更正提案\s+标题录错$/mu);
    const json = JSON.parse(ok(ws, ['proposal', 'show', '#1', '--json']).stdout) as { history: { proposal: { title: string } }[] };
    expect(json.history.map((h) => h.proposal.title)).toEqual([TITLE, '开发长三角一体化数据研报平台的建议']);
  });

  it('withdraws a proposal: out of due and of the figures, listed with --all, and refused a second time', () => {
    const ws = workspace();
    ok(ws, proposalArgs());
    ok(ws, proposalArgs({ number: '152105', title: '另一件' }));
    refused(ws, ['proposal', 'withdraw', '152104'], 2, '缺少 --reason');
    expect(ok(ws, ['proposal', 'withdraw', '152104', '--reason', '并入第152105号']).stdout).toContain('已撤回提案 #1');
    expect(dueJson(ws, ['--as-of', '2023-07-01']).due.map((h) => h.number)).toEqual(['152105']);
    expect(proposalsJson(ws).map((h) => h.number)).toEqual(['152105']);
    expect(proposalsJson(ws, ['--all']).map((h) => [h.number, h.state])).toEqual([['152105', 'pending'], ['152104', 'withdrawn']]);
    const stats = JSON.parse(ok(ws, ['stats', '--year', '2023', '--json']).stdout) as { proposals: { total: number } };
    expect(stats.proposals.total).toBe(1);
    refused(ws, ['proposal', 'withdraw', '152104', '--reason', '再撤'], 1, '已撤回');
    refused(ws, ['proposal', 'extend', '152104', '--months', '1', '--reason', '延'], 1, '已撤回');
    refused(ws, ['proposal', 'edit', '152104', '--set', 'title=x', '--reason', '改'], 1, '已撤回');
  });
});

describe('who: every change names its operator; reply log lists them', () => {
  it('takes --by, else REPLY_USER, else the config’s user, else the system’s user name', () => {
    const ws = signingWorkspace();
    ok(ws, proposalArgs(), { REPLY_USER: undefined });
    ok(ws, proposalArgs({ number: '152105' }), { REPLY_USER: '李强' });
    ok(ws, [...proposalArgs({ number: '152106' }), '--by', '张华'], { REPLY_USER: '李强' });
    const log = JSON.parse(ok(ws, ['log', '--json']).stdout) as { operator: string | null; type: string }[];
    expect(log.map((e) => e.operator)).toEqual(['张华', '李强', expect.stringMatching(/.+/)]);
    expectError(runCli(ws, [...proposalArgs({ number: '152107' }), '--by', ' ']), 2, '--by 给出的经办人姓名无效');
  });

  it('lists the archive’s changes newest first, filtered by operator, day and reply', () => {
    const ws = withAnswer('signed');
    ok(ws, ['status', '1', 'draft', '--reason', '错别字', '--by', '李强']);
    const table = ok(ws, ['log']).stdout.trimEnd().split('\n');
    expect(table[0]!.split(/\s{2,}/)).toEqual(['时间', '经办人', '记录', '变更', '原因']);
    expect(table[1]).toMatch(/李强\s+答复 1\s+状态：已签发 → 草稿\s+错别字$/);
    expect(table.at(-1)).toMatch(/王敏\s+提案 #1\s+登记提案\s+—$/);
    expect(ok(ws, ['log', '--by', '李强']).stdout.trimEnd().split('\n')).toHaveLength(2);
    expect(JSON.parse(ok(ws, ['log', '--id', '普发改委〔2023〕1号', '--json']).stdout).map((e: { type: string }) => e.type)).toEqual(['status', 'status', 'created']);
    expect(runCli(ws, ['log', '--since', '2999-01-01'])).toEqual({ stdout: '', stderr: '没有符合条件的修改记录\n', code: 0 });
    expectError(runCli(ws, ['log', '--since', '昨天']), 2, '--since');
    expectError(runCli(ws, ['log', '--limit', '0']), 2, '--limit');
    // a log writes nothing
    const before = archive(ws);
    ok(ws, ['log']);
    expect(archive(ws)).toEqual(before);
  });
});

describe('reply new: a registered proposal that has a draft open gets a second one only with --force', () => {
  it('says which draft is open and writes nothing; --force files the second; a signed or void one is no obstacle', () => {
    const ws = withAnswer();
    const body = cleanBody(ws, 'second', { kind: '提案答复', title: TITLE });
    const again = ['new', '--proposal', '152104', '--result', '采纳解决', '--disclosure', '主动公开·全文', '--signed-on', '2023-05-18', '--body', body];
    refused(ws, again, 1, '提案 #1（区政协十五届二次会议第152104号）已有未签发的草稿：第 1 号（草稿）', 'reply edit 1', '--force');
    expect(ok(ws, [...again, '--force']).stdout).toContain('已归档：第 2 号');
    advance(ws, 1, 'void');
    advance(ws, 2, 'signed');
    expect(ok(ws, again).stdout).toContain('已归档：第 3 号');
    // a reply naming no registered proposal is never held back
    const free = ['new', '--kind', '提案答复', '--session', '区政协十五届二次会议', '--proposal-no', '152999', '--title', '另一件',
      '--proposer', '朱莺委员', '--result', '采纳解决', '--disclosure', '主动公开·全文', '--signed-on', '2023-05-18', '--body', body];
    ok(ws, free);
    ok(ws, free);
  });
});
