import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { expectError, fileCleanReplyJson, fileReplyJson, listJson, showJson, signingWorkspace } from './support.js';

/** The office's ledger of numbers given out, and each reply's number on its row. */
function numbers(ws: string): { ledger: string[]; rows: (string | null)[] } {
  const db = new Database(join(ws, 'data', 'replies.db'), { readonly: true });
  try {
    const ledger = (db.prepare('SELECT prefix, year, seq FROM doc_numbers ORDER BY year, seq').all() as { prefix: string; year: number; seq: number }[]).map(
      (n) => `${n.prefix}〔${n.year}〕${n.seq}号`,
    );
    const rows = (db.prepare('SELECT doc_prefix, doc_year, doc_seq FROM replies ORDER BY id').all() as { doc_prefix: string | null; doc_year: number; doc_seq: number }[]).map(
      (r) => (r.doc_prefix === null ? null : `${r.doc_prefix}〔${r.doc_year}〕${r.doc_seq}号`),
    );
    return { ledger, rows };
  } finally {
    db.close();
  }
}

const sign = (ws: string, id: number, ...extra: string[]) => runCli(ws, ['status', String(id), 'signed', ...extra]);

describe('numbers at signing (numbering "sign"): a draft takes none, signing takes the next', () => {
  it('three drafts, one abandoned, two signed: the two carry consecutive numbers and none was burnt', () => {
    const ws = signingWorkspace();
    const drafts = [0, 1, 2].map((i) => fileCleanReplyJson(ws, { 'proposal-no': String(145072 + i) }));
    expect(drafts.map((d) => d.docNumber)).toEqual([null, null, null]);
    expect(runCli(ws, ['status', String(drafts[1]!.id), 'void', '--reason', '放弃']).code).toBe(0);

    const first = sign(ws, drafts[2]!.id);
    expect(first).toMatchObject({ code: 0, stderr: '已登记文号 普发改委〔2021〕1号\n' });
    expect(first.stdout).toBe(`第 ${drafts[2]!.id} 号 普发改委〔2021〕1号：草稿 → 已签发\n`);
    expect(sign(ws, drafts[0]!.id).stderr).toBe('已登记文号 普发改委〔2021〕2号\n');
    expect(numbers(ws)).toEqual({ ledger: ['普发改委〔2021〕1号', '普发改委〔2021〕2号'], rows: ['普发改委〔2021〕2号', null, '普发改委〔2021〕1号'] });
    // the history keeps the draft as it was, without a number
    expect(runCli(ws, ['show', String(drafts[0]!.id), '--history', '--json']).stdout).toContain('"docNumber": null');
  });

  it('the year is that of the signed date, and a number given at signing is taken (checked as any typed number)', () => {
    const ws = signingWorkspace();
    const a = fileCleanReplyJson(ws);
    const b = fileCleanReplyJson(ws, { 'proposal-no': '145073' });
    const c = fileCleanReplyJson(ws, { 'proposal-no': '145074', 'signed-on': '2022-01-05' });
    expect(sign(ws, a.id, '--doc-number', '2021-16').stderr).toBe('已登记文号 普发改委〔2021〕16号\n');
    expect(sign(ws, b.id).stderr).toBe('已登记文号 普发改委〔2021〕17号\n');
    expect(sign(ws, c.id).stderr).toBe('已登记文号 普发改委〔2022〕1号\n');
    expect(showJson(ws, a.id).docNumber.text).toBe('普发改委〔2021〕16号');
  });

  it('refuses a number another reply holds, a number for a step that gives none, and a number that is none; nothing is written', () => {
    const ws = signingWorkspace();
    const a = fileCleanReplyJson(ws);
    const b = fileCleanReplyJson(ws, { 'proposal-no': '145073' });
    sign(ws, a.id);
    const before = numbers(ws);
    expectError(sign(ws, b.id, '--doc-number', '2021-1'), 1, '普发改委〔2021〕1号');
    expectError(runCli(ws, ['status', String(b.id), 'checked', '--doc-number', '2021-5']), 2, '--doc-number', '不是签发');
    expectError(runCli(ws, ['status', String(a.id), 'signed', '--doc-number', '2021-5']), 2);
    expectError(sign(ws, b.id, '--doc-number', '第几号'), 2, '--doc-number', '第几号');
    expect(numbers(ws)).toEqual(before);
    expect(listJson(ws).find((r) => r.id === b.id)!.status).toBe('draft');
  });

  it('an unnumbered draft passes the check and is checked; a reply given a number at filing keeps it', () => {
    const ws = signingWorkspace();
    const draft = fileCleanReplyJson(ws);
    expect(runCli(ws, ['check', String(draft.id)]).code).toBe(0);
    expect(runCli(ws, ['status', String(draft.id), 'checked']).code).toBe(0);
    const numbered = fileReplyJson(ws, { 'doc-number': '2023-40', 'proposal-no': '152105' });
    expect(numbered.docNumber.text).toBe('普发改委〔2023〕40号');
  });
});

describe('a number given out once and left', () => {
  it('is named with the reply it was given to, and what that reply carries now', () => {
    const ws = signingWorkspace();
    const r = fileReplyJson(ws, { 'doc-number': '2023-5' });
    expect(runCli(ws, ['edit', String(r.id), '--set', 'doc-number=2023-6']).code).toBe(0);
    expectError(runCli(ws, ['show', '普发改委〔2023〕5号']), 1, '普发改委〔2023〕5号', `第 ${r.id} 号`, '普发改委〔2023〕6号');
    expectError(runCli(ws, ['show', '2023-99']), 1, '普发改委〔2023〕99号');
  });
});
