import { rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftNumberingWorkspace, runCli, workspace } from '../helpers/cli.js';
import {
  expectError,
  fileCleanReply,
  fileReply,
  fileReplyJson,
  flags,
  historyJson,
  lastingWorkspace,
  listJson,
  type ReplyJson,
  runOk,
} from './support.js';

/** A workspace of an office that numbers its drafts, with one draft, 普发改委〔2023〕1号. */
function withDraft(): string {
  const ws = draftNumberingWorkspace();
  fileReply(ws);
  return ws;
}

/** A workspace with one draft that passes the format check (corpus 004): it may be signed, and is then 普发改委〔2021〕1号. */
function withCleanDraft(): string {
  const ws = workspace();
  fileCleanReply(ws);
  return ws;
}

const ok = runOk;

describe('reply status', () => {
  it('moves a draft to signed, then to sent, saying each step', () => {
    const ws = withCleanDraft();
    expect(runCli(ws, ['status', '1', 'signed'])).toEqual({ stdout: '第 1 号 普发改委〔2021〕1号：草稿 → 已签发\n', stderr: '已登记文号 普发改委〔2021〕1号\n', code: 0 });
    expect(ok(ws, ['status', '普发改委〔2021〕1号', 'sent']).stdout).toBe('第 1 号 普发改委〔2021〕1号：已签发 → 已发送\n');
    expect(historyJson(ws, 1).map((r) => [r.change, r.reply.status])).toEqual([
      ['created', 'draft'],
      ['status', 'signed'],
      ['status', 'sent'],
    ]);
  });

  it('voids a signed and a sent reply; --json prints the reply in its new state', () => {
    const ws = withCleanDraft();
    fileCleanReply(ws, { title: '第二件' });
    ok(ws, ['status', '1', 'signed']);
    ok(ws, ['status', '2', 'signed']);
    ok(ws, ['status', '2', 'sent']);
    expect(ok(ws, ['status', '1', 'void', '--reason', '重复登记']).stdout).toBe('第 1 号 普发改委〔2021〕1号：已签发 → 已作废\n');
    const reply = JSON.parse(ok(ws, ['status', '2', 'void', '--reason', '重复登记', '--json']).stdout) as ReplyJson;
    expect(reply).toMatchObject({ id: 2, status: 'void', docNumber: { text: '普发改委〔2021〕2号' } });
  });

  it('takes the Chinese status names', () => {
    const ws = withCleanDraft();
    expect(ok(ws, ['status', '1', '签发']).stdout).toContain('草稿 → 已签发');
    expect(ok(ws, ['status', '1', '已发送']).stdout).toContain('已签发 → 已发送');
    expect(ok(ws, ['status', '1', '作废', '--reason', '重复登记']).stdout).toContain('已发送 → 已作废');
  });

  it('voids a draft, keeping the record and its number: the next reply gets the next number', () => {
    const ws = withDraft();
    expect(ok(ws, ['status', '1', 'void', '--reason', '重复登记']).stdout).toBe('第 1 号 普发改委〔2023〕1号：草稿 → 已作废\n');
    // still there: shown, listed (when void ones are asked for), rendered
    expect(ok(ws, ['show', '2023-1']).stdout).toMatch(/^状态\s+已作废$/m);
    expect(ok(ws, ['render', '1']).stdout).toContain('普发改委〔2023〕1号');
    expect(listJson(ws, ['--status', 'void']).map((r) => [r.id, r.docNumber.text])).toEqual([[1, '普发改委〔2023〕1号']]);

    expect(fileReplyJson(ws, { title: '作废之后' }).docNumber.text).toBe('普发改委〔2023〕2号');
    expectError(runCli(ws, ['new', ...flags({ 'doc-number': '2023-1' })]), 1, '普发改委〔2023〕1号');
    expect(listJson(ws, ['--all']).map((r) => [r.id, r.docNumber.text, r.status])).toEqual([
      [2, '普发改委〔2023〕2号', 'draft'],
      [1, '普发改委〔2023〕1号', 'void'],
    ]);
  });
});

/** Refused changes, all against one archive none of them may change: 1 draft · 2 sent · 3 void (all pass the format check). */
describe('reply status: refusals', () => {
  let ws: string;
  let before: ReplyJson[];
  beforeAll(() => {
    ws = lastingWorkspace();
    for (const title of ['一', '二', '三']) fileCleanReply(ws, { title });
    for (const [id, status] of [['2', 'signed'], ['2', 'sent'], ['3', 'void']]) ok(ws, ['status', id!, status!, ...(status === 'void' ? ['--reason', '重复登记'] : [])]);
    before = listJson(ws);
  });
  afterAll(() => rmSync(ws, { recursive: true, force: true }));

  it('refuses sent → signed, listing what is allowed', () => {
    expectError(runCli(ws, ['status', '2', 'signed']), 1, '第 2 号记录不能从「已发送」改为「已签发」', '可改为：published（已公开）、void（已作废）');
  });

  it('refuses draft → sent, listing checked, signed and void', () => {
    expectError(runCli(ws, ['status', '1', 'sent']), 1, '第 1 号记录不能从「草稿」改为「已发送」', '可改为：checked（已核稿）、signed（已签发）、void（已作废）');
  });

  it('refuses void → anything: nothing is allowed', () => {
    for (const to of ['checked', 'signed', 'sent', 'published', 'draft']) {
      expectError(runCli(ws, ['status', '3', to]), 1, '第 3 号记录不能从「已作废」改为', '可改为：（无）');
    }
  });

  it('refuses to set the status a reply already has', () => {
    expectError(runCli(ws, ['status', '1', 'draft']), 1, '第 1 号记录已是「草稿」状态');
    expectError(runCli(ws, ['status', '3', 'void', '--reason', '重复登记']), 1, '第 3 号记录已是「已作废」状态');
  });

  it('refuses an unknown status as a usage error, and an unknown reply', () => {
    expectError(runCli(ws, ['status', '1', 'archived']), 2, '未知的状态「archived」', 'checked、signed、sent、published 或 void');
    expectError(runCli(ws, ['status', '9', 'signed']), 1, '找不到答复「9」');
  });

  it('none of the refusals above changed anything', () => {
    expect(listJson(ws)).toEqual(before);
  });
});
