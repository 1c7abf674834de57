import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DocNumber } from '../../src/core/doc-number.js';
import type { CreateOptions } from '../../src/core/ports.js';
import { openDatabase } from '../../src/store/db.js';
import { SqliteReplies } from '../../src/store/replies.js';
import type { NewReply } from '../../src/core/fields.js';
import { runCli } from '../helpers/cli.js';
import { corpusRecord } from '../helpers/corpus.js';
import { expectError, fileReply, lastingWorkspace, listJson, parseCsv, showJson, runOk } from './support.js';

/**
 * Records that do not have every field yet, as imports from other offices
 * bring them. Record 1 is filed with `reply new`; the others go straight into
 * the workspace's archive through the store (`reply import` is being rewritten):
 *   1  普发改委〔2023〕1号  2023-05-18  complete                                   draft
 *   2  —                    —           no session, number or date; organ inferred sent
 *   3  普府〔2025〕19号 (another organ's, not in the ledger)  2025-03-06  no proposer, no organ  sent
 *   4  —                    2021-04-19  complete but for the doc number (corpus 004)  draft
 *   5  普发改委〔2021〕20号  —           no date (corpus 004)                       draft
 */
function seed(): string {
  // An office that numbers its drafts: its signing asks for a number a record lacks, rather than giving one.
  const ws = lastingWorkspace('draft');
  fileReply(ws, { 'signed-on': '2023-05-18' });
  const db = openDatabase(join(ws, 'data', 'replies.db'));
  const repo = new SqliteReplies(db, { now: () => new Date() });
  const file = (reply: NewReply, options: CreateOptions) => repo.create(reply, '普发改委', options);
  const base = corpusRecord('000');
  file({ ...base, docNumber: null, signedOn: null, session: null, proposalNo: null }, { numbering: 'none', status: 'sent', inferred: ['organ'] });
  const gov = corpusRecord('002');
  file({ ...gov, proposers: [], organ: null }, { foreignNumber: true, status: 'sent', inferred: ['session'] });
  file({ ...corpusRecord('004'), docNumber: null }, { numbering: 'none' });
  file({ ...corpusRecord('004'), docNumber: DocNumber.of('普发改委', 2021, 20), signedOn: null }, {});
  db.close();
  return ws;
}

const ok = runOk;

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});
function seeded(): string {
  const ws = seed();
  made.push(ws);
  return ws;
}

/** One archive for the tests that only read it. */
let ws: string;
beforeAll(() => {
  ws = seeded();
});

describe('reply list --incomplete', () => {
  it('lists only the records that lack a needed field, newest signed first and undated last, with what each lacks', () => {
    const lines = ok(ws, ['list', '--incomplete']).stdout.trimEnd().split('\n');
    expect(lines[0]!.split(/\s{2,}/)).toEqual(['编号', '发文字号', '成文日期', '提案人', '提案标题', '状态', '办理结果', '待补充']);
    expect(lines.slice(1).map((l) => Number(l.split(/\s+/)[0]))).toEqual([3, 5, 2]);
    expect(lines[1]).toMatch(/^3\s+普府〔2025〕19号\s+2025年3月6日\s+—\s+.*已发送\s+\S+\s+提案人、署名$/u);
    expect(lines[2]).toMatch(/^5\s+普发改委〔2021〕20号\s+—\s+王东伟委员\s+.*草稿\s+采纳解决\s+成文日期$/u);
    expect(lines[3]).toMatch(/^2\s+—\s+—\s+朱莺委员\s+.*已发送\s+采纳解决\s+会次、提案号、成文日期$/u);
  });

  it('--json gives the whole records with their missing and inferred fields', () => {
    const records = listJson(ws, ['--incomplete']) as unknown as Record<string, unknown>[];
    expect(records.map((r) => [r.id, r.missing, r.inferred])).toEqual([
      [3, ['proposers', 'organ'], ['session']],
      [5, ['signedOn'], []],
      [2, ['session', 'proposalNo', 'signedOn'], ['organ']],
    ]);
    expect(records[2]).toMatchObject({ docNumber: null, signedOn: null, issuedOn: null, session: null, proposalNo: null, title: '对提案的答复' });
    expect(typeof records[2]!.body).toBe('string');
  });

  it('--csv --raw has empty cells for what is not known and a missing column', () => {
    const rows = parseCsv(ok(ws, ['list', '--incomplete', '--csv', '--raw']).stdout);
    expect(rows[0]).toEqual(['id', 'docNumber', 'signedOn', 'proposers', 'title', 'status', 'result', 'missing']);
    expect(rows.slice(1).map((r) => [r[0], r[1], r[2], r[7]])).toEqual([
      ['3', '普府〔2025〕19号', '2025-03-06', '提案人、署名'],
      ['5', '普发改委〔2021〕20号', '', '成文日期'],
      ['2', '', '', '会次、提案号、成文日期'],
    ]);
  });

  it('combines with the other filters', () => {
    const ids = (args: string[]) => listJson(ws, ['--incomplete', ...args]).map((r) => r.id);
    expect(ids(['--status', 'sent'])).toEqual([3, 2]);
    expect(ids(['--year', '2025'])).toEqual([3]);
    expect(ids(['--proposer', '王东伟'])).toEqual([5]);
    expect(ids(['--kind', '会办意见'])).toEqual([3]);
    expect(ids(['--limit', '1'])).toEqual([3]);
  });

  it('says so when none is incomplete', () => {
    expect(runCli(ws, ['list', '--incomplete', '--status', 'void'])).toEqual({ stdout: '', stderr: '没有待补充的答复。\n', code: 0 });
  });

  it('without --incomplete the listing has every record, a dash where a record has no number or date', () => {
    const lines = ok(ws, ['list']).stdout.trimEnd().split('\n');
    expect(lines[0]).not.toContain('待补充');
    expect(lines.slice(1).map((l) => Number(l.split(/\s+/)[0]))).toEqual([3, 1, 4, 5, 2]);
    expect(lines[3]).toMatch(/^4\s+—\s+2021年4月19日\s+王东伟委员/u);
  });
});

describe('reply show of an incomplete record', () => {
  it('says what is to be completed and what was inferred, each on a line before the fields', () => {
    const out = ok(ws, ['show', '2']).stdout;
    const lines = out.split('\n');
    expect(lines[0]).toBe('待补充：会次、提案号、成文日期');
    expect(lines[1]).toBe('推断：署名（上海市普陀区发展和改革委员会）');
    const [fields] = out.split('\n正文\n\n');
    const row = (label: string, value: string) => expect(fields).toMatch(new RegExp(`^${label}\\s+${value}$`, 'mu'));
    row('发文字号', '（无）');
    row('标题', '对提案的答复');
    row('会次', '（无）');
    row('提案号', '（无）');
    row('成文日期', '（无）');
    row('印发日期', '（无）');
  });

  it('names each missing or inferred field in Chinese (proposers, the signing organ, the session with its value)', () => {
    const lines = ok(ws, ['show', '普府〔2025〕19号']).stdout.split('\n');
    expect(lines[0]).toBe('待补充：提案人、署名');
    expect(lines[1]).toBe('推断：会次（市政协十四届三次会议）');
  });

  it('prints neither line for a complete record, nor for one that only lacks its doc number', () => {
    for (const id of ['1', '4']) {
      const out = ok(ws, ['show', id]).stdout;
      expect(out, id).not.toMatch(/待补充|推断/u);
      expect(out.startsWith('编号'), id).toBe(true);
    }
  });

  it('--json has the missing and inferred arrays, null for the doc number and date it has not', () => {
    const json = showJson(ws, 2) as unknown as Record<string, unknown>;
    expect(json).toMatchObject({ missing: ['session', 'proposalNo', 'signedOn'], inferred: ['organ'], docNumber: null, signedOn: null });
    expect(showJson(ws, 1)).toMatchObject({ missing: [], inferred: [] });
    expect(showJson(ws, 4)).toMatchObject({ missing: [], inferred: [], docNumber: null, signedOn: '2021-04-19' });
  });
});

describe('reply edit --set completes a record', () => {
  it('session, proposal-no and signed-on complete record 2, which then no longer lists as incomplete; its organ stays inferred', () => {
    const dir = seeded();
    const run = ok(dir, ['edit', '2', '--set', 'session=区政协十五届二次会议', '--set', 'proposal-no=152104', '--set', 'signed-on=2023-05-18', '--force', '--reason', '更正']);
    expect(run.stdout).toBe('已更新第 2 号 无文号（修订 2）\n');
    expect(listJson(dir, ['--incomplete']).map((r) => r.id)).toEqual([3, 5]);
    expect(showJson(dir, 2)).toMatchObject({ missing: [], inferred: ['organ'], signedOn: '2023-05-18', title: '对区政协十五届二次会议 第152104号提案的答复' });
    expect(ok(dir, ['show', '2']).stdout.split('\n')[0]).toBe('推断：署名（上海市普陀区发展和改革委员会）');
    // the clerk's own value for the organ is no longer inferred, even when the text is the same as before it is set again
    ok(dir, ['edit', '2', '--set', 'organ=上海市普陀区人民政府', '--force', '--reason', '更正']);
    expect(showJson(dir, 2)).toMatchObject({ organ: '上海市普陀区人民政府', inferred: [] });
    expect(ok(dir, ['show', '2']).stdout).not.toMatch(/待补充|推断/u);
  });

  it('proposer and organ complete record 3; a changed session is no longer inferred', () => {
    const dir = seeded();
    ok(dir, ['edit', '3', '--set', 'proposer=顾薇玲委员', '--set', 'organ=上海市普陀区人民政府', '--set', 'session=市政协十四届四次会议', '--force', '--reason', '更正']);
    expect(showJson(dir, 3)).toMatchObject({ missing: [], inferred: [], proposers: [{ name: '顾薇玲', role: '委员' }] });
    expect(runCli(dir, ['list', '--incomplete']).stdout).not.toMatch(/^3\s/mu);
  });

  it("doc-number gives a reply without one the office's number (short form, the workspace's prefix), which enters the ledger", () => {
    const dir = seeded();
    expect(ok(dir, ['edit', '4', '--set', 'doc-number=2021-30']).stdout).toBe('已更新第 4 号 普发改委〔2021〕30号（修订 2）\n');
    expect(showJson(dir, '普发改委〔2021〕30号').id).toBe(4);
    // numbers are never given twice: not to a new reply, nor back to another
    expect(JSON.parse(fileReply(dir, { 'signed-on': '2021-05-01' }, ['--json']).stdout).docNumber.text).toBe('普发改委〔2021〕31号');
    ok(dir, ['edit', '4', '--set', 'doc-number=']);
    expect(showJson(dir, 4).docNumber).toBeNull();
    expectError(runCli(dir, ['edit', '5', '--set', 'doc-number=2021-30']), 1, '普发改委〔2021〕30号', '曾经使用过');
  });

  it("another organ's number set on a record is kept on it but does not move the office's numbering", () => {
    const dir = seeded();
    ok(dir, ['edit', '4', '--set', 'doc-number=普府〔2021〕7号']);
    expect(showJson(dir, '普府〔2021〕7号').id).toBe(4);
    const db = openDatabase(join(dir, 'data', 'replies.db'));
    try {
      expect(db.prepare("SELECT count(*) AS n FROM doc_numbers WHERE prefix = '普府'").get()).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });
});

describe('reply status signed of a record without a doc number or a date', () => {
  it('is refused in one line that says what is lacking and how to add it, and nothing changes', () => {
    const dir = seeded();
    const before = listJson(dir);
    expectError(runCli(dir, ['status', '4', 'signed']), 1, '第 4 号记录没有发文字号，不能签发', 'reply edit 4 --set doc-number=…');
    expectError(runCli(dir, ['status', '5', 'signed']), 1, '第 5 号记录没有成文日期，不能签发', '--set signed-on=…');
    // --force goes past format errors, not past this
    expectError(runCli(dir, ['status', '5', 'signed', '--force', '--reason', '领导已审定']), 1, '没有成文日期');
    expect(listJson(dir)).toEqual(before);
  });

  it('names both when both are lacking', () => {
    const dir = seeded();
    // record 2 is sent already; a fresh undated draft without a number:
    const db = openDatabase(join(dir, 'data', 'replies.db'));
    new SqliteReplies(db, { now: () => new Date() }).create({ ...corpusRecord('004'), docNumber: null, signedOn: null }, '普发改委', { numbering: 'none' });
    db.close();
    expectError(runCli(dir, ['status', '6', 'signed']), 1, '第 6 号记录没有发文字号、成文日期，不能签发', '--set doc-number=… --set signed-on=…');
  });

  it('goes through once the number is given (the format check then runs as usual)', () => {
    const dir = seeded();
    ok(dir, ['edit', '4', '--set', 'doc-number=2021-9']);
    expect(ok(dir, ['status', '4', 'signed']).stdout).toBe('第 4 号 普发改委〔2021〕9号：草稿 → 已签发\n');
  });

  it('other steps do not ask for them: a record without a number may be voided, or checked past the format check', () => {
    const dir = seeded();
    expect(ok(dir, ['status', '2', 'void', '--reason', '重复登记']).stdout).toBe('第 2 号 无文号：已发送 → 已作废\n');
    // (the format check itself reports the missing number: doc-number/missing)
    expect(runCli(dir, ['status', '4', 'checked', '--force', '--reason', '文号待定']).stdout).toBe('第 4 号 无文号：草稿 → 已核稿\n');
  });
});

describe('reply render of a record without a doc number or a date', () => {
  it('prints no doc-number line for a reply without a number', () => {
    const out = ok(ws, ['render', '4']).stdout;
    const lines = out.split('\n');
    expect(out).not.toMatch(/〔\d{4}〕/u);
    // the disclosure line is followed (after a blank line) by the title, where the doc number was
    const title = lines.indexOf('对区政协十四届四次会议 第145072号提案的答复');
    expect(lines[title - 2]).toBe('公开属性：主动公开·全文');
    expect(out).toContain('2021年4月19日');
  });

  it('prints no date line, and no 印发 date, for a reply without a date', () => {
    const out = ok(ws, ['render', '5']).stdout;
    expect(out).toContain('普发改委〔2021〕20号');
    expect(out).not.toMatch(/^\d{4}年\d{1,2}月\d{1,2}日/mu);
    expect(out).not.toMatch(/印发$/mu);
    // the signature without its date, the contact, and the printing organ without a date
    const lines = out.trimEnd().split('\n');
    expect(lines.at(-1)).toBe('上海市普陀区发展和改革委员会');
    const signature = lines.lastIndexOf('上海市普陀区发展和改革委员会', lines.length - 2);
    expect(lines[signature + 2]).toMatch(/^联系人姓名：/u);
  });

  it('leaves out the session and number it lacks from the title', () => {
    expect(ok(ws, ['render', '2']).stdout).toContain('\n对提案的答复\n');
  });

  it('names the file of a reply without a number by its record id', () => {
    const dir = seeded();
    expect(runCli(dir, ['render', '4', '5', '--out', 'out/']).code).toBe(0);
    expect(readdirSync(join(dir, 'out')).sort()).toEqual(
      ['普发改委〔2021〕20号 对区政协十四届四次会议 第145072号提案的答复.txt', '编号4 对区政协十四届四次会议 第145072号提案的答复.txt'].sort(),
    );
    expect(readFileSync(join(dir, 'out', '编号4 对区政协十四届四次会议 第145072号提案的答复.txt'), 'utf8')).toBe(ok(dir, ['render', '4']).stdout);
  });

  it('renders Word and HTML files of both', () => {
    const dir = seeded();
    for (const format of ['docx', 'html']) {
      const run = runCli(dir, ['render', '2', '4', '5', '--format', format, '--out', `${format}/`]);
      expect(run.code, run.stderr).toBe(0);
    }
    expect(readdirSync(join(dir, 'docx'))).toHaveLength(3);
    // Record 4 is a draft: its number line shows where the number goes; printed final, the line is empty.
    const html = readFileSync(join(dir, 'html', '编号4 对区政协十四届四次会议 第145072号提案的答复.html'), 'utf8');
    expect(html).toContain('<div class="band docNumber" style="height: 28.9pt; line-height: 28.9pt"><span class="centre">普发改委〔　〕号</span>');
    expect(ok(dir, ['render', '4', '--format', 'html', '--final']).stdout).toContain('<div class="band docNumber" style="height: 28.9pt; line-height: 28.9pt"><span class="rule"');
    expect(readFileSync(join(dir, 'html', '普发改委〔2021〕20号 对区政协十四届四次会议 第145072号提案的答复.html'), 'utf8')).not.toContain('class="date l"');
  });
});

describe('stats and search over records without a date or a number', () => {
  it('reply stats counts a reply without a signed date in the whole archive, in no year', () => {
    const stats = (args: string[]) => JSON.parse(ok(ws, ['stats', '--json', ...args]).stdout) as { replies: number };
    expect(stats([]).replies).toBe(5);
    expect(stats(['--year', '2021']).replies).toBe(1); // record 4; record 5 (same text, no date) is in no year
    expect(stats(['--year', '2023']).replies).toBe(1); // record 1; record 2 has no date
  });

  it('reply search lists an undated reply after the dated ones, a dash for what it lacks', () => {
    const run = ok(ws, ['search', '海纳小镇']);
    const heads = run.stdout.split('\n').filter((l) => /^\d/u.test(l));
    expect(heads.map((l) => Number(l.split(/\s+/)[0]))).toEqual([1, 2]);
    expect(heads[1]).toMatch(/^2\s+—\s+—\s+/u);
    const json = JSON.parse(ok(ws, ['search', '海纳小镇', '--json']).stdout) as { id: number; docNumber: unknown; signedOn: unknown }[];
    expect(json.map((h) => [h.id, h.docNumber, h.signedOn])).toEqual([
      [1, expect.objectContaining({ text: '普发改委〔2023〕1号' }), '2023-05-18'],
      [2, null, null],
    ]);
  });
});
