/**
 * reply check misses nothing a day's use met: impossible dates in the body, a half-width full stop,
 * every doubled word, a salutation typed into the body; it names the clerk's body lines; it checks
 * several targets and folders one by one, the archive by status, and previews its fixes; and every
 * body the tool scaffolds passes its own check.
 */
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, workspace } from '../helpers/cli.js';
import { CORPUS as SHARED_CORPUS } from '../helpers/corpus.js';
import { expectError, fileCleanReply, historyJson, runOk, showJson } from './support.js';

const SLIPS = [
  '朱莺委员：',
  '',
  '您提出的关于开发长三角一体化智能数据图表研报平台的建议的提案收悉，经研究，现将办理情况答复如下：',
  '',
  '一是组建专班。我委于2026年2月30日成立专班，推进推进数据更新. 二是完善机制，长三角长三角协同。',
  '',
  '三是落实到实处实处。',
  '',
  '非常感谢您的提案，希望您在今后的工作中，继续给我们提出更多意见和建议。谢谢！',
  '',
].join('\n');

function withSlips(config?: string): string {
  const ws = workspace();
  if (config) writeFileSync(join(ws, 'reply.config.json'), config);
  writeFileSync(join(ws, 'slips.md'), SLIPS);
  runOk(ws, [
    'new', '--kind', '提案答复', '--session', '区政协十五届二次会议', '--proposal-no', '152104', '--title', '开发长三角一体化智能数据图表研报平台的建议',
    '--proposer', '朱莺委员', '--result', '采纳解决', '--disclosure', '主动公开·全文', '--signed-on', '2026-03-01', '--body', 'slips.md',
  ]);
  return ws;
}

interface CheckJson {
  file?: string;
  name?: string;
  id?: number;
  unchecked?: string;
  findings: { code: string; line: number | null; renderedLine?: number; field?: string; message: string }[];
}
const checkJson = (ws: string, args: readonly string[]) => {
  const run = runCli(ws, ['check', '--json', ...args]);
  return { run, reports: JSON.parse(run.stdout) as CheckJson[] };
};

describe('the slips a day\'s use met are findings, each at the line of the body the clerk typed', () => {
  it('a salutation typed again, a day that does not exist, a half-width full stop, and every doubled word of a paragraph', () => {
    const ws = withSlips();
    const { run, reports } = checkJson(ws, ['1']);
    expect(run.code).toBe(1);
    const found = reports[0]!.findings.map((f) => [f.line, f.code, f.message]);
    expect(found).toEqual([
      [1, 'salutation/repeated', '正文开头又写了一遍主送「朱莺委员：」（主送已单独成行，会印两次）'],
      [5, 'punctuation/half-width', '中文中有 1 处半角标点「.」，应为全角「。」：…数据更新. 二是完…'],
      [5, 'text/duplicate', '词语「推进」重复：…立专班，推进推进数据更新…'],
      [5, 'text/duplicate', '词语「长三角」重复：…善机制，长三角长三角协同。'],
      [5, 'date/form', '正文中的日期「2026年2月30日」不存在：…。我委于2026年2月30日成立专班…'],
      [7, 'text/duplicate', '词语「实处」重复：…是落实到实处实处。'],
    ]);
    // The line of the text rendering stays in --json, and the text names the body's lines.
    const rendered = runCli(ws, ['render', '1']).stdout.split('\n');
    for (const f of reports[0]!.findings) expect(rendered[f.renderedLine! - 1]).toContain(f.message.includes('「.」') ? '更新.' : SLIPS.split('\n')[f.line! - 1]!.slice(0, 6));
    expect(runCli(ws, ['check', '1']).stdout).toContain('  正文第 5 行  错误  词语「长三角」重复');
  });

  it('a finding outside the body names the field, not a line', () => {
    // An office whose config gives no contact: its replies print none.
    const ws = withSlips('{"organ": "上海市普陀区发展和改革委员会", "docPrefix": "普发改委"}');
    const { reports } = checkJson(ws, ['1']);
    const contact = reports[0]!.findings.find((f) => f.code === 'contact/missing')!;
    expect(contact).toMatchObject({ line: null });
    expect(typeof contact.renderedLine).toBe('number');
  });

  it('--fix takes the salutation out of the body and makes the stop full-width, the typed space with it; --dry-run only shows it', () => {
    const ws = withSlips();
    const dry = runCli(ws, ['check', '1', '--fix', '--dry-run']);
    expect(dry.stdout).toContain('-朱莺委员：');
    expect(dry.stdout).toContain('+一是组建专班。我委于2026年2月30日成立专班，推进推进数据更新。二是完善机制');
    expect(dry.stderr).toContain('第 1 号 无文号 将修正如上方差异（试运行，未保存）');
    expect(historyJson(ws, 1)).toHaveLength(1);
    expect(showJson(ws, 1).body).toBe(SLIPS);
    const fixed = runCli(ws, ['check', '1', '--fix']);
    expect(fixed.stdout).toBe(dry.stdout);
    expect(showJson(ws, 1).body.startsWith('您提出的')).toBe(true);
    expect(historyJson(ws, 1)).toHaveLength(2);
    expect(runCli(ws, ['check', '--dry-run', '1']).code).toBe(2);
  });
});

describe('several targets, folders and the archive by status', () => {
  it('a folder and files are checked one by one; the one that is no reply is said, the others still checked', () => {
    const ws = workspace();
    const dir = join(tempDir(), '公开答复');
    mkdirSync(dir);
    for (const f of readdirSync(SHARED_CORPUS).filter((f) => f.endsWith('.txt'))) copyFileSync(join(SHARED_CORPUS, f), join(dir, f));
    const { run, reports } = checkJson(ws, [dir]);
    expect(run.code).toBe(1);
    expect(reports).toHaveLength(5);
    expect(reports.filter((r) => r.unchecked).map((r) => r.file)).toEqual([join(dir, '003_5561e4fdd77a1f2f.txt')]);
    expect(reports.filter((r) => !r.unchecked && r.findings.length > 0)).toHaveLength(3);
    const text = runCli(ws, ['check', join(dir, '003_5561e4fdd77a1f2f.txt'), join(dir, '004_c7071f7df36f8e71.txt')]);
    expect(text.stdout).toContain('无法检查');
    expect(text.stdout).toContain('004_c7071f7df36f8e71.txt：未发现问题');
    expect(text.stderr).toBe('共检查 1 份：错误 0 处，警告 0 处；另有 1 个不是答复、无法读取或找不到，未检查\n');
    expect(text.code).toBe(1);
  });

  it('a name that is no reply of the archive is said, and the files beside it are still checked', () => {
    const ws = workspace();
    const file = join(tempDir(), '004.txt');
    copyFileSync(join(SHARED_CORPUS, '004_c7071f7df36f8e71.txt'), file);
    const run = runCli(ws, ['check', file, '99']);
    expect(run.stdout).toContain('004.txt：未发现问题');
    expect(run.stdout).toContain('找不到答复「99」');
    expect(run.stderr).toBe('共检查 1 份：错误 0 处，警告 0 处；另有 1 个不是答复、无法读取或找不到，未检查\n');
    expect(run.code).toBe(1);
    expect(checkJson(ws, [file, '99']).reports.map((r) => r.name ?? r.file)).toEqual([file, '99']);
    // A fix names every reply before it writes: one that is not there stops it whole.
    expectError(runCli(ws, ['check', '--fix', '99']), 1, '找不到答复「99」');
  });

  it('--status draft checks the drafts, --all every reply but the void, and a selection of nothing says so', () => {
    const ws = withSlips();
    fileCleanReply(ws);
    runOk(ws, ['status', '2', 'checked']);
    fileCleanReply(ws, { 'proposal-no': '145073' });
    runOk(ws, ['status', '3', 'void', '--reason', '重复登记']);
    expect(checkJson(ws, ['--status', 'draft']).reports.map((r) => r.id)).toEqual([1]);
    expect(checkJson(ws, ['--all']).reports.map((r) => r.id).sort()).toEqual([1, 2]);
    expect(checkJson(ws, ['--status', 'void']).reports.map((r) => r.id)).toEqual([3]);
    const none = runCli(ws, ['check', '--status', 'published']);
    expect([none.code, none.stderr]).toEqual([1, '错误：没有符合条件的答复可检查\n']);
    const nothing = runCli(ws, ['check']);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('或用 --all、--status、--year 选择档案中的答复');
  });
});

describe('every body the tool scaffolds passes its own check, once its placeholders are written', () => {
  const SHAPES: [string, string[]][] = [
    ['提案答复', ['朱莺委员']],
    ['提案答复', ['朱莺委员', '王东伟委员']],
    ['提案答复', ['民盟普陀区委']],
    ['提案答复', ['民盟普陀区委', '九三学社普陀区委']],
    ['建议答复', ['李明代表']],
    ['建议答复', ['李明代表', '张强代表', '周敏代表']],
    ['建议答复', ['区工商联']],
    ['会办意见', ['顾薇玲委员']],
    ['会办意见', ['顾薇玲委员', '陈蕾艳委员']],
    ['会办意见', ['民盟普陀区委', '九三学社普陀区委']],
    ['提案答复', ['朱莺委员', '民盟普陀区委']],
  ];
  it.each(SHAPES)('%s to %j', (kind, proposers) => {
    const ws = workspace();
    // The editor writes the two sections the scaffold leaves to the clerk, and keeps the rest as it is.
    const editor = join(ws, 'fill.mjs');
    writeFileSync(editor, "import { readFileSync, writeFileSync } from 'node:fs';\nconst f = process.argv[2];\nwriteFileSync(f, readFileSync(f, 'utf8').replace(/【[^】]*】/gu, '我委会同有关部门开展了相关工作。'));\n");
    const session = kind === '建议答复' ? '区十七届人大二次会议' : '区政协十五届二次会议';
    runOk(
      ws,
      [
        'new', '--kind', kind, '--session', session, '--proposal-no', '152104', '--title', '关于推进长三角一体化发展的建议',
        ...proposers.flatMap((p) => ['--proposer', p]), ...(kind === '会办意见' ? ['--lead-unit', '区科委'] : []),
        '--result', '采纳解决', '--disclosure', '主动公开·全文', '--signed-on', '2026-03-01', '--edit',
      ],
      { EDITOR: `"${process.execPath}" "${editor}"` },
    );
    expect(showJson(ws, 1).body).toContain('我委会同有关部门开展了相关工作。');
    const check = runCli(ws, ['check', '1']);
    expect(check.stdout).toBe('第 1 号 无文号：未发现问题\n');
    expect(check.code).toBe(0);
    // The draft's own Word file, as the leader is sent it: clean too, and it reads back as the same record.
    expect(runCli(ws, ['render', '1', '--format', 'docx', '--out', 'draft.docx']).code).toBe(0);
    const word = runCli(ws, ['check', 'draft.docx']);
    expect(word.stdout).toBe('draft.docx：未发现问题\n');
    const copy = workspace();
    const imported = runCli(copy, ['import', join(ws, 'draft.docx')]);
    expect(imported.stdout).not.toContain('不同');
    const [was, is] = [showJson(ws, 1), showJson(copy, 1)];
    expect([is.kind, is.proposers, is.leadUnit, is.body]).toEqual([was.kind, was.proposers, was.leadUnit, was.body]);
  });
});
