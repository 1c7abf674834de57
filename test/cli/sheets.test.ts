/**
 * The tables a manager asks for, in the forms an office opens them: CSV that Excel on a Chinese
 * Windows reads (a byte order mark, Chinese headers and values), the machine form for scripts
 * (--csv --raw), and real workbooks (--xlsx), read back here with the library that wrote them.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { ok, proposalArgs } from './handling-support.js';
import { expectError, fileReply, lastingWorkspace, parseCsv } from './support.js';

/**
 * The archive: reply 1 (普发改委〔2023〕1号, 2023-05-18, draft) answers proposal #1 (152104, due
 * 2023-06-01); reply 2 (2021-04-19) is void; proposal #2 (0231, a deputy's) is due 2023-06-10.
 */
let ws: string;

beforeAll(() => {
  ws = lastingWorkspace('draft');
  ok(ws, proposalArgs());
  ok(ws, proposalArgs({ kind: '建议', session: '区十七届人大二次会议', number: '0231', title: '加强社区养老服务', proposer: '李明代表', 'assigned-on': '2023-03-10' }));
  fileReply(ws, { 'signed-on': '2023-05-18' });
  fileReply(ws, { 'signed-on': '2021-04-19', proposer: '王东伟委员', 'proposal-no': '145072', title: '以城市数字化转型激发普陀产业高质量发展的新动能' });
  ok(ws, ['status', '2', 'void', '--reason', '重复登记']);
});

afterAll(() => rmSync(ws, { recursive: true, force: true }));

const BOM = '\uFEFF';

/** A command's --csv, checked to be what Excel reads as UTF-8, parsed. */
function sheetCsv(args: string[]): string[][] {
  const run = ok(ws, [...args, '--csv']);
  expect(run.stdout.startsWith(BOM)).toBe(true);
  return parseCsv(run.stdout.slice(1));
}

describe('--csv is for Excel: a byte order mark, Chinese headers and values', () => {
  it('reply list', () => {
    const rows = sheetCsv(['list']);
    expect(rows[0]).toEqual(['编号', '发文字号', '成文日期', '提案人', '提案标题', '状态', '办理结果']);
    expect(rows.slice(1)).toEqual([['1', '普发改委〔2023〕1号', '2023-05-18', '朱莺委员', '开发长三角一体化智能数据图表研报平台的建议', '草稿', '采纳解决']]);
  });

  it('reply due, which had no --csv', () => {
    const rows = parseCsv(ok(ws, ['due', '--as-of', '2023-05-20', '--csv']).stdout.slice(1));
    expect(rows[0]).toEqual(['办理期限', '剩余天数', '编号', '提案号', '提案人', '提案标题', '办理情况']);
    expect(rows[1]).toEqual(['2023-06-01', '12', '1', '区政协十五届二次会议第152104号', '朱莺委员', '开发长三角一体化智能数据图表研报平台的建议', '未答复（答复 普发改委〔2023〕1号）']);
    expect(rows[2]!.slice(0, 3)).toEqual(['2023-06-10', '21', '2']);
  });

  it('reply proposal list', () => {
    const rows = sheetCsv(['proposal', 'list', '--as-of', '2023-05-20']);
    expect(rows[0]).toEqual(['编号', '会次', '提案号', '类型', '提案人', '提案标题', '角色', '交办日期', '办理期限', '办理情况']);
    expect(rows.find((r) => r[0] === '1')).toEqual(['1', '区政协十五届二次会议', '152104', '提案', '朱莺委员', '开发长三角一体化智能数据图表研报平台的建议', '主办', '2023-03-01', '2023-06-01', '未答复']);
  });

  it('reply stats: each share with its base', () => {
    const rows = sheetCsv(['stats', '--year', '2023', '--as-of', '2023-05-20']);
    expect(rows[0]).toEqual(['统计项', '项目', '数量', '基数', '基数数量', '占比']);
    expect(rows).toContainEqual(['提案办理（按交办日期）', '未答复', '2', '登记', '2', '100.0%']);
    expect(rows).toContainEqual(['按状态', '草稿', '1', '全部答复', '1', '100.0%']);
  });

  it('--csv --raw keeps the machine form for scripts: keys, stored values, no byte order mark', () => {
    const run = ok(ws, ['list', '--csv', '--raw', '--all']);
    expect(run.stdout.startsWith('id,docNumber,signedOn,proposers,title,status,result\r\n')).toBe(true);
    expect(parseCsv(run.stdout).map((r) => r[5])).toEqual(['status', 'draft', 'void']);
    expect(ok(ws, ['due', '--as-of', '2023-05-20', '--csv', '--raw']).stdout).toMatch(/^dueOn,daysLeft,id,number,proposers,title,state\r\n2023-06-01,12,1,/u);
  });

  it('refuses two outputs at once, --raw without --csv, and --force without --xlsx', () => {
    expectError(runCli(ws, ['list', '--csv', '--json']), 2, '--json、--csv 只能选一个');
    expectError(runCli(ws, ['list', '--raw']), 2, '--raw 只能与 --csv 同用');
    for (const command of [['list'], ['due'], ['proposal', 'list'], ['stats']]) {
      expectError(runCli(ws, [...command, '--force']), 2, '--force 只与 --xlsx 同用');
    }
  });
});

/** Writes a command's --xlsx into the workspace and reads it back. */
async function workbook(args: string[], name: string): Promise<ExcelJS.Worksheet> {
  const file = join(ws, name);
  rmSync(file, { force: true });
  const run = ok(ws, [...args, '--xlsx', name]);
  expect(run.stdout).toBe('');
  expect(run.stderr).toContain(`已写入 ${file}`);
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(file);
  expect(book.worksheets).toHaveLength(1);
  return book.worksheets[0]!;
}

const rowValues = (sheet: ExcelJS.Worksheet, n: number) => (sheet.getRow(n).values as unknown[]).slice(1);

describe('--xlsx writes a workbook: header frozen, dates as dates, numbers as numbers', () => {
  it('reply list', async () => {
    const sheet = await workbook(['list'], '答复.xlsx');
    expect(sheet.name).toBe('答复');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(rowValues(sheet, 1)).toEqual(['编号', '发文字号', '成文日期', '提案人', '提案标题', '状态', '办理结果']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const [id, number, signed, proposer, title, status, result] = rowValues(sheet, 2);
    expect([id, number, proposer, title, status, result]).toEqual([1, '普发改委〔2023〕1号', '朱莺委员', '开发长三角一体化智能数据图表研报平台的建议', '草稿', '采纳解决']);
    expect(signed).toBeInstanceOf(Date);
    expect((signed as Date).toISOString().slice(0, 10)).toBe('2023-05-18');
    expect(sheet.getCell('C2').numFmt).toBe('yyyy"年"m"月"d"日"');
    // A column is as wide as its widest cell, a Chinese character counted twice; the void reply is left out.
    expect(sheet.getColumn(5).width).toBe(2 * '开发长三角一体化智能数据图表研报平台的建议'.length + 2);
    expect(sheet.rowCount).toBe(2);
  });

  it('reply due, reply proposal list and reply stats', async () => {
    const due = await workbook(['due', '--as-of', '2023-05-20'], '待办.xlsx');
    expect(rowValues(due, 2).slice(0, 3)).toEqual([new Date('2023-06-01T00:00:00Z'), 12, 1]);
    const proposals = await workbook(['proposal', 'list', '--as-of', '2023-05-20'], '提案.xlsx');
    expect(rowValues(proposals, 1)[7]).toBe('交办日期');
    const first = [2, 3].map((n) => rowValues(proposals, n)).find((r) => r[0] === 1)!;
    expect(first[7]).toEqual(new Date('2023-03-01T00:00:00Z'));
    const stats = await workbook(['stats', '--year', '2023', '--as-of', '2023-05-20'], '统计.xlsx');
    expect(stats.name).toBe('办理情况统计');
    const rows = Array.from({ length: stats.rowCount }, (_, i) => rowValues(stats, i + 1));
    expect(rows).toContainEqual(['提案办理（按交办日期）', '已答复', 0, '登记', 2, '0.0%']);
  });

  it('keeps an existing file unless --force, and wants a name ending in .xlsx', () => {
    const file = join(ws, '台账.xlsx');
    ok(ws, ['list', '--xlsx', '台账.xlsx']);
    const before = readFileSync(file);
    expectError(runCli(ws, ['list', '--xlsx', '台账.xlsx']), 1, '已存在，未覆盖（加 --force 覆盖）');
    expect(readFileSync(file)).toEqual(before);
    ok(ws, ['list', '--xlsx', '台账.xlsx', '--force', '--all']);
    expectError(runCli(ws, ['list', '--xlsx', '台账.csv']), 2, '应以 .xlsx 结尾');
    expect(existsSync(join(ws, '台账.csv'))).toBe(false);
  });
});
