import { cpSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../helpers/cli.js';
import { advance, answer, cleanBody, configure, ok, okJson, proposalArgs } from './handling-support.js';
import { expectError, fileReply, lastingWorkspace, parseCsv } from './support.js';

/**
 * The fixture archive, built through the CLI. Proposals (due = assigned + 3 months):
 *   A #1 230001 提案 朱莺委员    2023-03-01 → 2023-06-01  answered on time (reply 1, 满意)
 *   B #2 230002 提案 张强委员    2023-03-01 → 2023-06-01  answered late (reply 2, 不满意 then 基本满意)
 *   C #3 230003 建议 李明代表    2023-03-10 → 2023-06-10  answered on time (reply 3), then 不满意: reopened, due 2023-07-01
 *   D #4 230004 提案 会办         2023-04-01 → 2023-07-01  pending (reply 4 only signed)
 *   E #5 230005 提案 经济委员会  2023-10-15 → 2024-01-15  pending (reply 5 a draft, reply 6 void)
 *   F #6 220001 提案 王东伟委员  2022-03-01 → 2022-06-01  answered on time (reply 8, 不满意 then 满意)
 * Replies (signed date, kind, result, status):
 *   1 2023-05-10 提案答复 采纳解决       sent
 *   2 2023-06-15 提案答复 解决或采纳     sent
 *   3 2023-05-20 建议答复 部分采纳       published
 *   4 2023-06-01 会办意见 列入计划拟解决 signed
 *   5 2023-11-01 提案答复 留作参考       draft
 *   6 2023-10-20 提案答复 采纳解决       void
 *   7 2023-07-01 提案答复 解决或采纳     checked (its proposal 230099 is not registered)
 *   8 2022-05-01 提案答复 采纳解决       sent
 * Counted as of 2023-12-31.
 */
let ws: string;
const AS_OF = ['--as-of', '2023-12-31'];

beforeAll(() => {
  ws = lastingWorkspace();
  const proposal = (number: string, title: string, more: Record<string, string> = {}) => ok(ws, proposalArgs({ number, title, ...more }));
  proposal('230001', '推进长三角数据平台建设');
  proposal('230002', '加快科创园区建设', { proposer: '张强委员' });
  proposal('230003', '加强社区养老服务', { kind: '建议', session: '区十七届人大二次会议', proposer: '李明代表', 'assigned-on': '2023-03-10' });
  proposal('230004', '打造科创会客厅', { session: '市政协十四届三次会议', proposer: '顾薇玲委员', 'assigned-on': '2023-04-01', role: '会办', 'lead-unit': '市发展改革委' });
  proposal('230005', '优化营商环境', { proposer: '经济委员会', 'assigned-on': '2023-10-15' });
  proposal('220001', '完善数字化转型政策', { session: '区政协十五届一次会议', proposer: '王东伟委员', 'assigned-on': '2022-03-01' });

  const body = (name: string, kind: '提案答复' | '建议答复' | '会办意见', title: string, to: 'member' | 'group' = 'member') =>
    cleanBody(ws, name, { kind, title, to });
  const r1 = answer(ws, '230001', { result: '采纳解决', 'signed-on': '2023-05-10', body: body('1', '提案答复', '推进长三角数据平台建设') });
  const r2 = answer(ws, '230002', { result: '解决或采纳', 'signed-on': '2023-06-15', body: body('2', '提案答复', '加快科创园区建设') });
  const r3 = answer(ws, '230003', { result: '部分采纳', 'signed-on': '2023-05-20', body: body('3', '建议答复', '加强社区养老服务') });
  const r4 = answer(ws, '230004', { result: '列入计划拟解决', 'signed-on': '2023-06-01', body: body('4', '会办意见', '打造科创会客厅') });
  answer(ws, '230005', { result: '留作参考', 'signed-on': '2023-11-01', body: body('5', '提案答复', '优化营商环境', 'group') });
  // a second draft for 230005 while the first is open: filed with --force
  const r6 = answer(ws, '230005', { result: '采纳解决', 'signed-on': '2023-10-20', body: body('6', '提案答复', '优化营商环境', 'group') }, ['--force']);
  fileReply(ws, {
    'proposal-no': '230099', title: '推进社区微更新', result: '解决或采纳', 'signed-on': '2023-07-01',
    body: body('7', '提案答复', '推进社区微更新'),
  });
  const r8 = answer(ws, '220001', { result: '采纳解决', 'signed-on': '2022-05-01', body: body('8', '提案答复', '完善数字化转型政策') });

  advance(ws, r1, 'signed', 'sent');
  advance(ws, r2, 'signed', 'sent');
  advance(ws, r3, 'checked', 'signed', 'sent', 'published');
  advance(ws, r4, 'signed');
  advance(ws, r6, 'void');
  advance(ws, 7, 'checked');
  advance(ws, r8, 'signed', 'sent');

  const feedback = (id: number, rating: string, on: string) => ok(ws, ['feedback', String(id), rating, '--received-on', on]);
  feedback(r1, '满意', '2023-06-01');
  feedback(r2, '不满意', '2023-06-20');
  feedback(r2, '基本满意', '2023-07-10');
  feedback(r3, '不满意', '2023-06-01');
  feedback(r8, '不满意', '2022-06-10');
  feedback(r8, '满意', '2022-07-01');
});

afterAll(() => rmSync(ws, { recursive: true, force: true }));

interface Count {
  label: string;
  count: number;
  base: number;
  of: string;
  share: number;
}

/** Counts with their shares of `base` (what `of` counts), in the given order. */
function counts(base: number, of: string, entries: [string, number][]): Count[] {
  return entries.map(([label, count]) => ({ label, count, base, of, share: base ? count / base : 0 }));
}

const statsJson = (args: string[] = []) => okJson<Record<string, unknown>>(ws, ['stats', '--json', ...AS_OF, ...args]);

describe('the fixture archive', () => {
  it('holds the replies and statuses the figures below are counted from', () => {
    const list = okJson<{ id: number; status: string; result: string }[]>(ws, ['list', '--json', '--all']);
    expect(Object.fromEntries(list.map((r) => [r.id, r.status]))).toEqual({
      1: 'sent', 2: 'sent', 3: 'published', 4: 'signed', 5: 'draft', 6: 'void', 7: 'checked', 8: 'sent',
    });
    const proposals = okJson<{ id: number; state: string }[]>(ws, ['proposal', 'list', '--json', ...AS_OF]);
    expect(Object.fromEntries(proposals.map((p) => [p.id, p.state]))).toEqual({
      1: 'answered', 2: 'answered', 3: 'reopened', 4: 'pending', 5: 'pending', 6: 'answered',
    });
  });
});

describe('reply stats --json --year 2023', () => {
  it('counts the year’s signed replies by result (drafts apart), its replies by kind and status (void included), its proposals and feedback', () => {
    expect(statsJson(['--year', '2023'])).toEqual({
      year: 2023,
      replies: 6,
      // 5 (draft) and 7 (checked) have no result yet: they are counted apart, not under 办理结果
      unsigned: 2,
      byResult: counts(4, 'signed', [['解决或采纳', 1], ['采纳解决', 1], ['部分采纳', 1], ['列入计划拟解决', 1], ['留作参考', 0]]),
      // both results configured as adopted count: 1 解决或采纳 (2) + 1 采纳解决 (1), of the 4 signed
      adopted: { label: 'adopted', count: 2, base: 4, of: 'signed', share: 0.5 },
      byKind: counts(6, 'replies', [['提案答复', 4], ['建议答复', 1], ['会办意见', 1]]),
      byStatus: counts(7, 'allReplies', [['draft', 1], ['checked', 1], ['signed', 1], ['sent', 2], ['published', 1], ['void', 1]]),
      proposals: {
        total: 5,
        answered: 2,
        pending: 2,
        reopened: 1,
        // C (reopened, due 2023-07-01) and D (due 2023-07-01); E is due 2024-01-15
        overdue: 2,
        // A and C answered by their due dates, B late
        onTime: { label: 'onTime', count: 2, base: 3, of: 'answeredEver', share: 2 / 3 },
      },
      feedback: {
        total: 3,
        // the latest answer on each reply: 1 满意, 2 基本满意 (after a 不满意), 3 不满意
        byRating: counts(3, 'rated', [['满意', 1], ['基本满意', 1], ['不满意', 1]]),
        satisfied: { label: 'satisfied', count: 2, base: 3, of: 'rated', share: 2 / 3 },
      },
    });
  });

  it('counts overdue proposals as of the day given', () => {
    const proposals = (asOf: string) =>
      okJson<{ proposals: { overdue: number } }>(ws, ['stats', '--json', '--year', '2023', '--as-of', asOf]).proposals.overdue;
    expect(proposals('2023-06-30')).toBe(0);
    expect(proposals('2023-07-02')).toBe(2);
    expect(proposals('2024-01-16')).toBe(3);
  });
});

describe('reply stats --json for the whole archive and for another year', () => {
  it('without --year counts everything: 2022 included', () => {
    expect(statsJson()).toEqual({
      year: null,
      replies: 7,
      unsigned: 2,
      byResult: counts(5, 'signed', [['解决或采纳', 1], ['采纳解决', 2], ['部分采纳', 1], ['列入计划拟解决', 1], ['留作参考', 0]]),
      adopted: { label: 'adopted', count: 3, base: 5, of: 'signed', share: 3 / 5 },
      byKind: counts(7, 'replies', [['提案答复', 5], ['建议答复', 1], ['会办意见', 1]]),
      byStatus: counts(8, 'allReplies', [['draft', 1], ['checked', 1], ['signed', 1], ['sent', 3], ['published', 1], ['void', 1]]),
      proposals: { total: 6, answered: 3, pending: 2, reopened: 1, overdue: 2, onTime: { label: 'onTime', count: 3, base: 4, of: 'answeredEver', share: 3 / 4 } },
      feedback: {
        total: 4,
        byRating: counts(4, 'rated', [['满意', 2], ['基本满意', 1], ['不满意', 1]]),
        satisfied: { label: 'satisfied', count: 3, base: 4, of: 'rated', share: 3 / 4 },
      },
    });
  });

  it('--year 2022 counts the one reply and proposal of 2022, its latest feedback 满意', () => {
    const stats = statsJson(['--year', '2022']);
    expect(stats).toMatchObject({
      year: 2022,
      replies: 1,
      adopted: { count: 1, share: 1 },
      proposals: { total: 1, answered: 1, pending: 0, reopened: 0, overdue: 0, onTime: { count: 1, share: 1 } },
      feedback: { total: 1, satisfied: { count: 1, share: 1 } },
    });
    expect(stats.byStatus).toEqual(counts(1, 'allReplies', [['draft', 0], ['checked', 0], ['signed', 0], ['sent', 1], ['published', 0], ['void', 0]]));
  });

  it('an empty year has zero counts and zero shares', () => {
    expect(statsJson(['--year', '2020'])).toMatchObject({
      replies: 0,
      adopted: { count: 0, share: 0 },
      proposals: { total: 0, onTime: { count: 0, share: 0 } },
      feedback: { total: 0, satisfied: { count: 0, share: 0 } },
    });
  });

  it('counts as adopted only the results handling.adoptedResults names', () => {
    const copy = tempDir();
    cpSync(ws, copy, { recursive: true });
    configure(copy, { adoptedResults: ['解决或采纳'] });
    const stats = okJson<{ adopted: Count }>(copy, ['stats', '--json', '--year', '2023', ...AS_OF]);
    expect(stats.adopted).toEqual({ label: 'adopted', count: 1, base: 4, of: 'signed', share: 1 / 4 });
  });

  it('refuses a bad --year as a usage error', () => {
    expectError(runCli(ws, ['stats', '--year', '23']), 2, '年份「23」无效');
  });
});

describe('reply stats as a table and as CSV', () => {
  it('prints each table with counts, the base of each share and percentages on a terminal', () => {
    const run = ok(ws, ['stats', '--year', '2023', ...AS_OF]);
    expect(run.stderr).toBe('');
    const text = run.stdout;
    expect(text.split('\n').slice(0, 2)).toEqual(['2023 年办理情况统计', '答复 6 份（不含作废）']);
    for (const [label, count, base, percent] of [
      ['解决或采纳', 1, '已签发 4', '25.0%'],
      ['采纳解决', 1, '已签发 4', '25.0%'],
      ['留作参考', 0, '已签发 4', '0.0%'],
      ['合计：解决或采纳', 2, '已签发 4', '50.0%'],
      ['提案答复', 4, '答复 6', '66.7%'],
      ['会办意见', 1, '答复 6', '16.7%'],
      ['已核稿', 1, '全部答复 7', '14.3%'],
      ['已发送', 2, '全部答复 7', '28.6%'],
      ['已公开', 1, '全部答复 7', '14.3%'],
      ['已作废', 1, '全部答复 7', '14.3%'],
      ['已答复', 2, '登记 5', '40.0%'],
      ['重新办理中', 1, '登记 5', '20.0%'],
      ['逾期未答复', 2, '登记 5', '40.0%'],
      ['按期答复', 2, '答复过 3', '66.7%'],
      ['不满意', 1, '有反馈 3', '33.3%'],
      ['满意和基本满意', 2, '有反馈 3', '66.7%'],
    ] as const) {
      expect(text, label).toMatch(new RegExp(`^\\s+${label}\\s+${count}\\s+/ ${base}\\s+${percent.replace('.', '\\.')}$`, 'm'));
    }
    // The number registered is the base of its table: said alone, with no share of itself.
    expect(text).toMatch(/^\s+登记\s+5$/m);
    // The drafts are said apart from the results.
    expect(text).toMatch(/^\s+另有未签发的草稿 2 份，不计入办理结果$/m);
    for (const title of ['按办理结果', '按类型', '按状态', '提案办理（按交办日期）', '反馈（每份答复取最近一次）']) {
      expect(text).toMatch(new RegExp(`^${title}$`, 'm'));
    }
    expect(ok(ws, ['stats', ...AS_OF]).stdout.split('\n').slice(0, 2)).toEqual(['全部办理情况统计', '答复 7 份（不含作废）']);
  });

  it('--csv --raw gives one row per figure for scripts: section, item, count, share', () => {
    const rows = parseCsv(ok(ws, ['stats', '--csv', '--raw', '--year', '2023', ...AS_OF]).stdout);
    expect(rows[0]).toEqual(['section', 'item', 'count', 'share']);
    expect(rows).toHaveLength(1 + 6 + 3 + 6 + 6 + 4);
    for (const row of rows) expect(row).toHaveLength(4);
    for (const row of [
      ['按办理结果', '解决或采纳', '1', '0.2500'],
      ['按办理结果', '合计：解决或采纳', '2', '0.5000'],
      ['按类型', '建议答复', '1', '0.1667'],
      ['按状态', '已签发', '1', '0.1429'],
      ['按状态', '已作废', '1', '0.1429'],
      ['提案办理（按交办日期）', '登记', '5', '1.0000'],
      ['提案办理（按交办日期）', '未答复', '2', '0.4000'],
      ['提案办理（按交办日期）', '逾期未答复', '2', '0.4000'],
      ['提案办理（按交办日期）', '按期答复', '2', '0.6667'],
      ['反馈（每份答复取最近一次）', '基本满意', '1', '0.3333'],
      ['反馈（每份答复取最近一次）', '满意和基本满意', '2', '0.6667'],
    ]) {
      expect(rows).toContainEqual(row);
    }
  });
});
