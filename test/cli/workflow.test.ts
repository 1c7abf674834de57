import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli, workspace } from '../helpers/cli.js';
import { ok, okJson } from './handling-support.js';
import { expectError, fileCleanReply, fileReply, historyJson, listJson, showJson, type ReplyJson, type RevisionJson } from './support.js';

/**
 * The status workflow: draft → checked → signed → sent (→ published), void
 * from any state. Checking and signing run the format check (`reply check`):
 * a reply with errors takes neither step unless forced, with a reason that is
 * recorded together with the errors it overrode.
 */

/** A workspace with one draft, without a number until it is signed, that passes the format check (corpus 004). */
function withClean(): string {
  const ws = workspace();
  fileCleanReply(ws);
  return ws;
}

/** A workspace with one draft, without a number until it is signed, that has 4 format errors (corpus 000's body). */
function withErrors(): string {
  const ws = workspace();
  fileReply(ws);
  return ws;
}

interface FindingJson {
  code: string;
  severity: 'error' | 'warning';
  /** The body's line as typed (null outside the body); renderedLine, the line of the text rendering. */
  line: number | null;
  renderedLine: number;
  message: string;
}

/** The errors `reply check ID --json` finds. */
function checkErrors(ws: string, id: number): FindingJson[] {
  const run = runCli(ws, ['check', String(id), '--json']);
  const [report] = JSON.parse(run.stdout) as { findings: FindingJson[] }[];
  return report!.findings.filter((f) => f.severity === 'error');
}

type StatusChangeJson = { event: number; at: string; from: string; to: string; reason?: string | null; overridden?: { code: string; line: number; message: string }[] | null };
type HistoryJson = RevisionJson & { statusChange?: StatusChangeJson };

/** Nothing was written: one revision, still a draft. */
function expectUntouched(ws: string): void {
  const history = historyJson(ws, 1) as HistoryJson[];
  expect(history.map((r) => [r.change, r.reply.status])).toEqual([['created', 'draft']]);
  expect(showJson(ws, 1).status).toBe('draft');
}

describe('draft → checked: the format check guards it', () => {
  it('a reply without format errors becomes checked (已核稿), and list --status checked finds it', () => {
    const ws = withClean();
    fileReply(ws, { title: '另一件' }); // a draft that stays a draft
    expect(ok(ws, ['status', '1', 'checked']).stdout).toBe('第 1 号 无文号：草稿 → 已核稿\n');
    expect(runCli(ws, ['show', '1']).stdout).toMatch(/^状态\s+已核稿$/m);
    expect(listJson(ws, ['--status', 'checked']).map((r) => r.id)).toEqual([1]);
    expect(listJson(ws, ['--status', '已核稿']).map((r) => r.id)).toEqual([1]);
    expect(listJson(ws, ['--status', 'draft']).map((r) => r.id)).toEqual([2]);
    expect(runCli(ws, ['list']).stdout).toMatch(/^1\s+—\s+.*\s+已核稿\s+采纳解决$/m);
  });

  it('a reply with format errors is refused, the first errors named on one line, and nothing is written', () => {
    const ws = withErrors();
    expectError(runCli(ws, ['status', '1', 'checked']), 1, '第 1 号记录有 4 处格式错误，不能改为「已核稿」', 'reply check 1');
    expectUntouched(ws);
  });

  it('a reply with warnings only is not held back', () => {
    const ws = workspace();
    fileCleanReply(ws, { title: '另一个标题' }); // the opening no longer names the proposal: a warning
    expect(runCli(ws, ['check', '1']).stderr).toContain('错误 0 处，警告 1 处');
    expect(runCli(ws, ['status', '1', 'checked'])).toEqual({ stdout: '第 1 号 无文号：草稿 → 已核稿\n', stderr: '', code: 0 });
    expect(runCli(ws, ['status', '1', 'signed']).code).toBe(0);
  });
});

describe('checked → signed, or back to draft', () => {
  it('a checked reply is signed, then sent', () => {
    const ws = withClean();
    ok(ws, ['status', '1', 'checked']);
    expect(ok(ws, ['status', '1', 'signed']).stdout).toBe('第 1 号 普发改委〔2021〕1号：已核稿 → 已签发\n');
    expect(ok(ws, ['status', '1', 'sent']).stdout).toBe('第 1 号 普发改委〔2021〕1号：已签发 → 已发送\n');
    expect(historyJson(ws, 1).map((r) => [r.change, r.reply.status])).toEqual([
      ['created', 'draft'],
      ['status', 'checked'],
      ['status', 'signed'],
      ['status', 'sent'],
    ]);
  });

  it('a checked reply may go back to draft, but not straight to sent', () => {
    const ws = withClean();
    ok(ws, ['status', '1', 'checked']);
    expectError(runCli(ws, ['status', '1', 'sent']), 1, '不能从「已核稿」改为「已发送」', '可改为：draft（草稿）、signed（已签发）、void（已作废）');
    expect(ok(ws, ['status', '1', 'draft']).stdout).toBe('第 1 号 无文号：已核稿 → 草稿\n');
  });

  it('editing a checked reply returns it to draft, saying so; it must be checked again', () => {
    const ws = withClean();
    ok(ws, ['status', '1', 'checked']);
    const run = ok(ws, ['edit', '1', '--set', 'result=部分采纳']);
    expect(run.stdout).toBe('已更新第 1 号 无文号（修订 3）\n第 1 号记录已改动，退回草稿；签发前会重新检查\n');
    expect(showJson(ws, 1)).toMatchObject({ status: 'draft', result: '部分采纳' });
    expect(historyJson(ws, 1).map((r) => [r.change, r.reply.status])).toEqual([
      ['created', 'draft'],
      ['status', 'checked'],
      ['edited', 'draft'],
    ]);
    expect(listJson(ws, ['--status', 'checked'])).toEqual([]);
  });

  it('editing a draft says nothing about the status', () => {
    const ws = withClean();
    expect(ok(ws, ['edit', '1', '--set', 'result=部分采纳']).stdout).toBe('已更新第 1 号 无文号（修订 2）\n');
  });
});

describe('signing a draft with format errors', () => {
  it('is refused with the errors named on one line (line, message, rule), exit 1, and nothing is written', () => {
    const ws = withErrors();
    const errors = checkErrors(ws, 1);
    expect(errors.map((e) => e.code)).toEqual(['punctuation/half-width', 'heading/brackets', 'date/spaces', 'text/duplicate']);
    const run = runCli(ws, ['status', '1', 'signed']);
    expectError(
      run,
      1,
      '第 1 号记录有 4 处格式错误，不能改为「已签发」：',
      // the first three, as `reply check` reports them, then how many more
      ...errors.slice(0, 3).map((e) => `正文第 ${e.line} 行 ${e.message}（${e.code}）`),
      '；另有 1 处。',
      '运行 reply check 1 查看全部；确需继续请加 --force --reason 原因',
    );
    expect(run.stderr).not.toContain('text/duplicate');
    expectUntouched(ws);
  });

  it('a reason without --force changes nothing', () => {
    const ws = withErrors();
    expectError(runCli(ws, ['status', '1', 'signed', '--reason', '领导已审定']), 1, '不能改为「已签发」');
    expectUntouched(ws);
  });

  it('--force without --reason is a usage error (exit 2), and so is an empty reason', () => {
    const ws = withErrors();
    expectError(runCli(ws, ['status', '1', 'signed', '--force']), 2, '--force 须同时用 --reason 写明原因');
    expectError(runCli(ws, ['status', '1', 'signed', '--force', '--reason', '  ']), 2, '--reason 不能为空');
    expectUntouched(ws);
  });

  it('--force --reason signs it, saying how many errors it overrode; the history keeps the reason and the errors', () => {
    const ws = withErrors();
    const errors = checkErrors(ws, 1);
    const run = runCli(ws, ['status', '1', 'signed', '--force', '--reason', '领导已审定，按原文印发']);
    expect(run).toEqual({
      stdout: '第 1 号 普发改委〔2023〕1号：草稿 → 已签发\n',
      stderr: '已登记文号 普发改委〔2023〕1号\n已越过 4 处格式错误，原因「领导已审定，按原文印发」已记录\n',
      code: 0,
    });

    const table = ok(ws, ['show', '1', '--history']).stdout.trimEnd().split('\n');
    expect(table).toHaveLength(3);
    expect(table[2]).toMatch(/^2\s+.*王敏\s+状态：已签发\s+领导已审定，按原文印发（越过 4 处格式错误）$/);

    const history = historyJson(ws, 1) as HistoryJson[];
    expect(history.map((r) => [r.change, r.reply.status])).toEqual([
      ['created', 'draft'],
      ['status', 'signed'],
    ]);
    expect(history[0]!.statusChange).toBeUndefined();
    expect(history[1]!.statusChange).toEqual({
      event: expect.any(Number),
      at: history[1]!.at,
      operator: '王敏',
      from: 'draft',
      to: 'signed',
      reason: '领导已审定，按原文印发',
      // The record of the signing keeps each error at its line of the printed text (check --json: renderedLine).
      overridden: errors.map(({ code, renderedLine, message }) => ({ code, line: renderedLine, message })),
    });
  });

  it('keeps what was overridden as rule codes, message keys and parameters, translated only when shown', () => {
    const ws = withErrors();
    ok(ws, ['status', '1', 'checked', '--force', '--reason', '先行核稿']);
    const db = new Database(join(ws, 'data', 'replies.db'), { readonly: true });
    const { overridden } = db.prepare('SELECT overridden FROM status_changes').get() as { overridden: string };
    db.close();
    const kept = JSON.parse(overridden) as Record<string, unknown>[];
    expect(kept[0]).toEqual({ code: 'punctuation/half-width', line: expect.any(Number), key: 'check.punctuation/half-width', params: expect.any(Object) });
    expect(kept.every((k) => !('message' in k))).toBe(true);
    const shown = (historyJson(ws, 1) as HistoryJson[])[1]!.statusChange!.overridden!;
    expect(shown[0]!.message).toMatch(/半角标点/u);
  });

  it('--json prints the reply and the status change with what was overridden', () => {
    const ws = withErrors();
    const json = okJson<ReplyJson & { statusChange: StatusChangeJson }>(ws, ['status', '1', 'checked', '--force', '--reason', '先行核稿', '--json']);
    expect(json.status).toBe('checked');
    expect(json.statusChange).toMatchObject({ from: 'draft', to: 'checked', reason: '先行核稿' });
    expect(json.statusChange.overridden!.map((o) => o.code)).toEqual(['punctuation/half-width', 'heading/brackets', 'date/spaces', 'text/duplicate']);
    // forced past the check once, it is checked again when signed
    expectError(runCli(ws, ['status', '1', 'signed']), 1, '不能改为「已签发」');
  });

  it('a reason given for a reply without errors is recorded too, with nothing overridden', () => {
    const ws = withClean();
    const run = runCli(ws, ['status', '1', 'signed', '--reason', '主任签批']);
    expect(run).toEqual({ stdout: '第 1 号 普发改委〔2021〕1号：草稿 → 已签发\n', stderr: '已登记文号 普发改委〔2021〕1号\n', code: 0 });
    expect(ok(ws, ['show', '1', '--history']).stdout).toMatch(/状态：已签发\s+主任签批$/m);
    const change = (historyJson(ws, 1) as HistoryJson[])[1]!.statusChange!;
    expect(change).toMatchObject({ from: 'draft', to: 'signed', reason: '主任签批' });
    expect(change.overridden ?? null).toBeNull();
  });

  it('the steps after signing run no check: a forced reply is sent and voided without --force', () => {
    const ws = withErrors();
    ok(ws, ['status', '1', 'signed', '--force', '--reason', '领导已审定']);
    expect(runCli(ws, ['status', '1', 'sent'])).toEqual({ stdout: '第 1 号 普发改委〔2023〕1号：已签发 → 已发送\n', stderr: '', code: 0 });
    expect(runCli(ws, ['status', '1', 'void', '--reason', '重复登记']).code).toBe(0);
  });
});

describe('sent → published, and void from any state', () => {
  it('a sent reply is published (已公开), and a published one can only be voided', () => {
    const ws = withClean();
    ok(ws, ['status', '1', 'signed']);
    ok(ws, ['status', '1', 'sent']);
    expect(ok(ws, ['status', '1', 'published']).stdout).toBe('第 1 号 普发改委〔2021〕1号：已发送 → 已公开\n');
    expect(listJson(ws, ['--status', 'published']).map((r) => r.id)).toEqual([1]);
    expect(listJson(ws, ['--status', '已公开']).map((r) => r.id)).toEqual([1]);
    expectError(runCli(ws, ['status', '1', 'sent']), 1, '不能从「已公开」改为「已发送」', '可改为：void（已作废）');
    expect(ok(ws, ['status', '1', 'void', '--reason', '重复登记']).stdout).toBe('第 1 号 普发改委〔2021〕1号：已公开 → 已作废\n');
    expect(historyJson(ws, 1).map((r) => r.reply.status)).toEqual(['draft', 'signed', 'sent', 'published', 'void']);
  });

  it('a draft is not published, nor a signed reply', () => {
    const ws = withClean();
    expectError(runCli(ws, ['status', '1', 'published']), 1, '不能从「草稿」改为「已公开」');
    ok(ws, ['status', '1', 'signed']);
    expectError(runCli(ws, ['status', '1', '公开']), 1, '不能从「已签发」改为「已公开」', '可改为：draft（草稿）、checked（已核稿）、sent（已发送）、void（已作废）');
  });

  it('void is reached from every state, a checked one included, without a check', () => {
    for (const path of [[], ['checked'], ['signed'], ['signed', 'sent'], ['signed', 'sent', 'published']]) {
      const ws = withClean();
      for (const status of path) ok(ws, ['status', '1', status]);
      expect(runCli(ws, ['status', '1', 'void', '--reason', '重复登记']).code, path.join('→')).toBe(0);
      expect(showJson(ws, 1).status).toBe('void');
    }
    const ws = withErrors();
    expect(runCli(ws, ['status', '1', 'void', '--reason', '重复登记'])).toEqual({ stdout: '第 1 号 无文号：草稿 → 已作废\n', stderr: '', code: 0 });
  });
});
