import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, workspace } from '../helpers/cli.js';
import { expectError, fileReply, lastingWorkspace, listJson, parseCsv } from './support.js';

/**
 * The archive of these tests, filed in an order unlike the signed dates:
 *   1  普发改委〔2023〕1号  2023-05-18  提案答复  朱莺委员      采纳解决  draft
 *   2  普发改委〔2021〕1号  2021-04-19  提案答复  王东伟委员    采纳解决  void
 *   3  普发改委〔2023〕2号  2023-09-01  建议答复  李明代表      部分采纳  sent
 *   4  普发改委〔2024〕1号  2024-01-10  会办意见  顾薇玲委员    解决或采纳 draft
 *   5  普发改委〔2023〕3号  2023-03-01  提案答复  经济委员会    留作参考  signed
 *   6  普发改委〔2023〕4号  2023-05-18  提案答复  朱莺委员、张强委员 采纳解决 draft (same day as 1, filed later)
 * 3 and 5 are signed, so their bodies pass the format check (signing runs it); the others keep corpus 000's.
 */
let ws: string;
const NEWEST_FIRST = [4, 3, 6, 1, 5, 2];
/** What `reply list` shows without --all: the void one (2) is left out. */
const LIVE = [4, 3, 6, 1, 5];
const TITLE_5 = '关于"一网通办",提升服务的建议';
/** Bodies without format errors: a 建议答复 to a deputy (3) and a 提案答复 to a group (5). */
const BODY_3 = [
  '您提出的《加强社区养老服务》的建议收悉，经研究，现将办理情况答复如下：',
  '一、办理情况',
  '区民政局会同各街道（镇）推进社区养老服务，已建成长者照护之家12家。',
  '二、下一步工作',
  '下一步，将继续加强统筹协调，推动各项举措落实。',
  '非常感谢您的建议，希望您在今后的工作中，继续给我们提出更多意见和建议。谢谢！',
].join('\n\n');
const BODY_5 = [
  '贵单位提出的关于“一网通办”提升服务的提案收悉，感谢贵单位对我们工作的关心与支持。经研究，现将办理情况答复如下：',
  '一、办理情况',
  '区政务服务办会同各部门推进“一网通办”，已实现高频事项全程网办。',
  '二、下一步工作',
  '下一步，将继续优化办事流程，提升服务水平。',
  '非常感谢贵单位的提案，希望在今后的工作中，继续给我们提出更多意见和建议。谢谢！',
].join('\n\n');

beforeAll(() => {
  // An office that numbers its drafts, so that every row of the list has a number to show.
  ws = lastingWorkspace('draft');
  writeFileSync(join(ws, 'body-3.md'), BODY_3);
  writeFileSync(join(ws, 'body-5.md'), BODY_5);
  fileReply(ws, { 'signed-on': '2023-05-18' });
  fileReply(ws, { 'signed-on': '2021-04-19', proposer: '王东伟委员', title: '以城市数字化转型激发普陀产业高质量发展的新动能' });
  fileReply(ws, { 'signed-on': '2023-09-01', kind: '建议答复', session: '区十七届人大二次会议', proposer: '李明代表', result: '部分采纳', title: '加强社区养老服务', body: join(ws, 'body-3.md') });
  fileReply(ws, {
    'signed-on': '2024-01-10', kind: '会办意见', session: '市政协十四届三次会议', 'proposal-no': '0690',
    proposer: '顾薇玲委员', 'lead-unit': '市发展改革委', result: '解决或采纳', title: '打造科创会客厅',
  });
  fileReply(ws, { 'signed-on': '2023-03-01', proposer: '经济委员会', result: '留作参考', title: TITLE_5, body: join(ws, 'body-5.md') });
  fileReply(ws, { 'signed-on': '2023-05-18', proposer: ['朱莺委员', '张强委员'], title: '同日的另一件' });
  for (const [id, status] of [[2, 'void'], [3, 'signed'], [3, 'sent'], [5, 'signed']] as const) {
    const run = runCli(ws, ['status', String(id), status, ...(status === 'void' ? ['--reason', '重复登记'] : [])]);
    expect(run.code, run.stderr).toBe(0);
  }
});

afterAll(() => rmSync(ws, { recursive: true, force: true }));

/** The terminal column where `text` starts in `line` (CJK characters are two columns wide). */
function columnOf(line: string, text: string): number {
  return [...line.slice(0, line.indexOf(text))].reduce((n, ch) => n + (/[\u2e80-\u9fff\uff00-\uff60]/u.test(ch) ? 2 : 1), 0);
}

const ids = (args: string[]) => listJson(ws, args).map((r) => r.id);

describe('reply list', () => {
  it('prints a table, newest signed date first (then latest filed), with Chinese dates and status labels', () => {
    const run = runCli(ws, ['list', '--all']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(1 + NEWEST_FIRST.length);
    expect(lines[0]!.split(/\s{2,}/)).toEqual(['编号', '发文字号', '成文日期', '提案人', '提案标题', '状态', '办理结果']);
    expect(lines.slice(1).map((l) => Number(l.split(/\s+/)[0]))).toEqual(NEWEST_FIRST);
    expect(lines[1]).toMatch(/^4\s+普发改委〔2024〕1号\s+2024年1月10日\s+顾薇玲委员\s+打造科创会客厅\s+草稿\s+解决或采纳$/);
    expect(lines[2]).toMatch(/^3\s+普发改委〔2023〕2号\s+2023年9月1日\s+李明代表\s+加强社区养老服务\s+已发送\s+部分采纳$/);
    expect(lines[3]).toMatch(/^6\s+普发改委〔2023〕4号\s+2023年5月18日\s+朱莺委员、张强委员\s+同日的另一件\s+草稿/);
    expect(lines[6]).toMatch(/^2\s+普发改委〔2021〕1号\s+2021年4月19日\s+王东伟委员\s+.*\s+已作废\s+采纳解决$/);
    // columns line up: every row's doc number starts where the header's does
    const at = columnOf(lines[0]!, '发文字号');
    for (const line of lines.slice(1)) expect(columnOf(line, '普发改委')).toBe(at);
  });

  it('--year keeps the replies signed in that year', () => {
    expect(ids(['--year', '2023'])).toEqual([3, 6, 1, 5]);
    expect(ids(['--year', '2021', '--all'])).toEqual([2]);
  });

  it('--status keeps one status', () => {
    expect(ids(['--status', 'draft'])).toEqual([4, 6, 1]);
    expect(ids(['--status', 'signed'])).toEqual([5]);
  });

  it('--kind keeps one kind, by Chinese or English name', () => {
    expect(ids(['--kind', '建议答复'])).toEqual([3]);
    expect(ids(['--kind', 'co-handling'])).toEqual([4]);
  });

  it('--result keeps one result', () => {
    expect(ids(['--result', '部分采纳'])).toEqual([3]);
    expect(ids(['--result', '采纳解决', '--all'])).toEqual([6, 1, 2]);
  });

  it('--proposer matches part of a name, with or without the role', () => {
    expect(ids(['--proposer', '朱莺委员'])).toEqual([6, 1]);
    expect(ids(['--proposer', '经济'])).toEqual([5]);
  });

  it('combines filters', () => {
    expect(ids(['--year', '2023', '--kind', '提案答复', '--status', 'draft'])).toEqual([6, 1]);
  });

  it('--json gives every reply in full, newest first', () => {
    const replies = listJson(ws, ['--all']);
    expect(replies.map((r) => r.id)).toEqual(NEWEST_FIRST);
    const cohandling = replies[0]!;
    expect(cohandling.docNumber).toEqual({ text: '普发改委〔2024〕1号', prefix: '普发改委', year: 2024, seq: 1 });
    expect(cohandling.leadUnit).toBe('市发展改革委');
    expect(cohandling.proposalNo).toBe('0690');
    expect(replies.find((r) => r.id === 3)!.status).toBe('sent');
  });

  it('--csv --raw is RFC 4180 CSV for scripts that parses back to the same values', () => {
    const run = runCli(ws, ['list', '--csv', '--raw', '--all']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const rows = parseCsv(run.stdout);
    expect(rows[0]).toEqual(['id', 'docNumber', 'signedOn', 'proposers', 'title', 'status', 'result']);
    expect(rows.slice(1).map((r) => Number(r[0]))).toEqual(NEWEST_FIRST);
    for (const row of rows) expect(row).toHaveLength(7);
    const five = rows.find((r) => r[0] === '5')!;
    // quotes and commas survive; titles are whole, dates ISO, statuses as stored
    expect(five).toEqual(['5', '普发改委〔2023〕3号', '2023-03-01', '经济委员会', TITLE_5, 'signed', '留作参考']);
  });

  it('--csv and --json follow the filters too', () => {
    const rows = parseCsv(runCli(ws, ['list', '--csv', '--raw', '--status', 'sent']).stdout);
    expect(rows.map((r) => r[0])).toEqual(['id', '3']);
  });

  it('says so, on stderr, when nothing matches', () => {
    const run = runCli(ws, ['list', '--year', '1999']);
    expect(run).toEqual({ stdout: '', stderr: '没有符合条件的答复。\n', code: 0 });
    expect(runCli(ws, ['list', '--json', '--year', '1999']).stdout).toBe('[]\n');
    expect(parseCsv(runCli(ws, ['list', '--csv', '--raw', '--year', '1999']).stdout)).toEqual([
      ['id', 'docNumber', 'signedOn', 'proposers', 'title', 'status', 'result'],
    ]);
  });

  it('says so for an empty archive', () => {
    const empty = workspace();
    expect(runCli(empty, ['list'])).toEqual({ stdout: '', stderr: '没有符合条件的答复。\n', code: 0 });
  });

  it('refuses a bad --year or --status as a usage error', () => {
    expectError(runCli(ws, ['list', '--year', '23']), 2, '年份「23」无效');
    expectError(runCli(ws, ['list', '--status', 'lost']), 2, '--status', 'lost');
  });

  it('--limit keeps the newest ones, after the filters', () => {
    expect(ids(['--limit', '2'])).toEqual(NEWEST_FIRST.slice(0, 2));
    expect(ids(['--year', '2023', '--limit', '3'])).toEqual([3, 6, 1]);
    expectError(runCli(ws, ['list', '--limit', '0']), 2, '--limit');
  });

  it('leaves the void replies out unless asked (--all or --status void), and says how many it left out', () => {
    const run = runCli(ws, ['list']);
    expect(run.code).toBe(0);
    expect(run.stdout.trimEnd().split('\n').slice(1).map((l) => Number(l.split(/\s+/)[0]))).toEqual(LIVE);
    expect(run.stdout).not.toContain('已作废');
    expect(run.stderr).toBe('另有 1 份已作废的答复未列出（加 --all 列出）\n');
    expect(ids([])).toEqual(LIVE);
    expect(runCli(ws, ['list', '--all']).stderr).toBe('');
    expect(runCli(ws, ['list', '--status', 'void']).stdout).toContain('已作废');
    // Nothing is said of void replies a filter leaves out anyway.
    expect(runCli(ws, ['list', '--year', '2024']).stderr).toBe('');
  });

  it('--status takes the Chinese status names that `reply status` takes', () => {
    expect(ids(['--status', '作废'])).toEqual([2]);
  });

  it('refuses an unknown --kind as a usage error, without claiming anything was (not) written', () => {
    const run = runCli(ws, ['list', '--kind', '通知']);
    expectError(run, 2, '「通知」');
    expect(run.stderr).not.toContain('未写入');
  });
});
