import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli, tempDir, workspace, type Run } from '../helpers/cli.js';
import { hasSoffice } from '../helpers/office.js';
import { BODY_000, BODY_004, CORPUS, copyAnswers, expectError, fileCleanReplyJson, historyJson, showJson } from './support.js';

interface FindingJson {
  code: string;
  severity: 'error' | 'warning';
  /** A file's line; an archive reply's body line as typed (null outside the body). */
  line: number | null;
  renderedLine?: number;
  message: string;
}

interface ReportJson {
  file?: string;
  id?: number;
  docNumber?: string;
  status?: string;
  errors: number;
  warnings: number;
  findings: FindingJson[];
  fix?: { revision: number; diff: string };
}

const FILES = {
  '000': '000_4fb67617f60c5557.txt',
  '001': '001_70d0034a1d17f697.txt',
  '002': '002_a164b7bb32c782c3.txt',
  '003': '003_5561e4fdd77a1f2f.txt',
  '004': '004_c7071f7df36f8e71.txt',
} as const;

/** A temporary copy of a fixture workspace. */
function workspaceOf(name: 'workspace' | 'workspace-government'): string {
  const dir = tempDir();
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

function checkJson(cwd: string, args: readonly string[]): { run: Run; reports: ReportJson[] } {
  const run = runCli(cwd, ['check', ...args, '--json']);
  expect(run.stderr, run.stderr).toMatch(/^共检查 \d+ 份：错误 \d+ 处，警告 \d+ 处\n$/u);
  return { run, reports: JSON.parse(run.stdout) as ReportJson[] };
}

const pairs = (report: ReportJson) => report.findings.map((f) => [f.code, f.line]);

/**
 * The findings expected on each published reply of the corpus, by rule code
 * and line of the file: the real defects, and nothing on the clean parts.
 */
const EXPECTED: Record<'000' | '001' | '002' | '004', { workspace: 'workspace' | 'workspace-government'; findings: [string, number][] }> = {
  '000': {
    workspace: 'workspace',
    findings: [
      ['punctuation/half-width', 35], // 二期(上海)私募
      ['punctuation/half-width', 37], // 合伙企业(有限合伙)
      ['heading/brackets', 39], // ## (二) among （一）
      ['date/spaces', 41], // 2022 年 8 月
      ['heading/skip', 51], // 二、 then 1、 without （一）
      ['text/duplicate', 57], // 城市城市
    ],
  },
  '001': {
    workspace: 'workspace',
    findings: [
      ['text/latin-word', 27], // 政策 and 行动方案
      ['punctuation/half-width', 33], // 专项政策,助力 … 中以(上海)
      ['punctuation/half-width', 37], // 赛道愈加拥挤,寻找
    ],
  },
  '002': {
    workspace: 'workspace-government',
    findings: [
      ['text/stop-continues', 33], // 下一步。将
      ['date/spaces', 53], // 2025 年 3 月 6 日
      ['date/spaces', 65], // 2025 年 3 月 6 日印发
    ],
  },
  '004': { workspace: 'workspace', findings: [] },
};

describe('reply check FILE: the corpus', () => {
  for (const [id, expected] of Object.entries(EXPECTED)) {
    it(`${id}: exactly the expected findings, by rule and line`, () => {
      const ws = workspaceOf(expected.workspace);
      const file = join(CORPUS, FILES[id as keyof typeof FILES]);
      const { run, reports } = checkJson(ws, [file]);
      expect(reports).toHaveLength(1);
      const report = reports[0]!;
      expect(report.file).toBe(file);
      expect(pairs(report)).toEqual(expected.findings);
      for (const f of report.findings) expect(f.message).toMatch(/\p{Script=Han}/u);
      const errors = report.findings.filter((f) => f.severity === 'error').length;
      expect([report.errors, report.warnings]).toEqual([errors, report.findings.length - errors]);
      expect(run.code).toBe(errors > 0 ? 1 : 0);
    });
  }

  it('names the defects in Chinese, with the text they are in', () => {
    const { reports } = checkJson(workspace(), [join(CORPUS, FILES['000'])]);
    const messages = Object.fromEntries(reports[0]!.findings.map((f) => [`${f.code}@${f.line}`, f.message]));
    expect(messages['heading/brackets@39']).toBe('标题序号「(二)」用了半角括号，应为「（二）」');
    expect(messages['text/duplicate@57']).toContain('城市城市');
    const severities = Object.fromEntries(reports[0]!.findings.map((f) => [`${f.code}@${f.line}`, f.severity]));
    expect(severities['heading/skip@51']).toBe('warning');
    expect(severities['text/duplicate@57']).toBe('error');
  });

  it('outside a workspace there is no config: the prefix and the value lists are not checked', () => {
    const { reports } = checkJson(tempDir(), [join(CORPUS, FILES['002'])]);
    expect(pairs(reports[0]!)).toEqual(EXPECTED['002'].findings);
  });

  it('in another office\'s workspace the doc number\'s prefix is not the configured one', () => {
    const { reports } = checkJson(workspace(), [join(CORPUS, FILES['002'])]);
    expect(pairs(reports[0]!)).toEqual([['doc-number/prefix', 9], ...EXPECTED['002'].findings]);
  });

  it('prints a table by default: the file, then line, severity, message and rule; a summary on stderr', () => {
    const ws = workspaceOf('workspace-government');
    const run = runCli(ws, ['check', join(CORPUS, FILES['002'])]);
    expect(run.code).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe(join(CORPUS, FILES['002']));
    expect(lines[1]).toMatch(/^ {2}第 33 行 +错误 +「下一步」后句子并未结束，句号应为逗号：.*下一步。将.* +text\/stop-continues$/u);
    expect(lines[2]).toMatch(/^ {2}第 53 行 +错误 +成文日期「2025 年 3 月 6 日」中不应有空格 +date\/spaces$/u);
    expect(lines[3]).toMatch(/^ {2}第 65 行 +错误 +印发日期「2025 年 3 月 6 日」中不应有空格 +date\/spaces$/u);
    expect(run.stderr).toBe('共检查 1 份：错误 3 处，警告 0 处\n');
  });

  it('a clean file: one line saying so, exit 0', () => {
    const run = runCli(workspace(), ['check', join(CORPUS, FILES['004'])]);
    expect(run).toEqual({ stdout: `${join(CORPUS, FILES['004'])}：未发现问题\n`, stderr: '共检查 1 份：错误 0 处，警告 0 处\n', code: 0 });
  });

  it('warnings alone exit 0', () => {
    const dir = workspace();
    const file = join(dir, '004-no-postcode.txt');
    writeFileSync(file, readFileSync(join(CORPUS, FILES['004']), 'utf8').replace('邮政编码：200333', ''));
    const { run, reports } = checkJson(dir, [file]);
    expect(reports[0]!.findings.map((f) => [f.code, f.severity])).toEqual([['contact/missing', 'warning']]);
    expect(run.code).toBe(0);
  });

  // A file that cannot be checked is reported in its place among the others (it used to stop the run as an error).
  const unchecked = (run: Run, ...fragments: string[]) => {
    expect(run.code).toBe(1);
    expect(run.stdout.trim().split('\n')).toHaveLength(1);
    for (const f of fragments) expect(run.stdout).toContain(f);
    expect(run.stderr).toBe('共检查 0 份：错误 0 处，警告 0 处；另有 1 个不是答复、无法读取或找不到，未检查\n');
  };

  it('a file that is not a reply (003): one Chinese line in its place, exit 1', () => {
    unchecked(runCli(workspace(), ['check', join(CORPUS, FILES['003'])]), '无法检查', '003_5561e4fdd77a1f2f.txt', '不是答复文件');
  });

  it('a missing file, or one of another type: one line in its place, exit 1', () => {
    unchecked(runCli(workspace(), ['check', '没有这个文件.txt']), '无法检查 没有这个文件.txt：文件或目录不存在');
    const dir = workspace();
    writeFileSync(join(dir, 'a.xlsx'), 'PK');
    unchecked(runCli(dir, ['check', 'a.xlsx']), '不支持的文件类型');
    writeFileSync(join(dir, 'a.pdf'), '%PDF');
    unchecked(runCli(dir, ['check', 'a.pdf']), '无法检查 a.pdf：无法读取的 PDF 文件');
  });
});

/** A workspace holding the corpus reply 000 filed with `reply new --answers` (a draft, record 1). */
function withReply000(): string {
  const ws = workspace();
  const answers = copyAnswers(join(ws, 'in'), '000');
  const run = runCli(ws, ['new', '--answers', answers]);
  expect(run.stderr, run.stderr).toBe('');
  return ws;
}

/** The findings expected on record 1 (000 as filed), by line of `reply render 1 --format txt`. */
/** The findings of corpus 000 as filed, by line of the body the clerk edits (000.body.md). */
const EXPECTED_000_BODY: [string, number][] = [
  ['punctuation/half-width', 17],
  ['heading/brackets', 19],
  ['date/spaces', 21],
  ['heading/skip', 29],
  ['text/duplicate', 35],
];
/** The same, by line of its text rendering (reply render 1), as --json gives them too. */
const RENDERED_000 = [29, 31, 33, 41, 47];

describe('reply check FILE: the tool\'s own Word, PDF and HTML files', () => {
  it('finds in each file rendered from a record what checking the record finds (a paragraph a page split is two lines of a page)', () => {
    const ws = workspace();
    expect(runCli(ws, ['import', CORPUS]).code).toBe(0);
    const byRecord = checkJson(ws, ['1', '2', '3', '4']).reports.map((r) => [r.docNumber, r.findings.map((f) => f.code)] as const);
    const formats = ['docx', 'html', ...(hasSoffice ? ['pdf'] : [])];
    for (const format of formats) {
      expect(runCli(ws, ['render', '--all', '--format', format, '--out', format]).code).toBe(0);
      const reports = checkJson(ws, [format]).reports;
      const codes = byRecord.map(([docNumber]) => {
        const report = reports.find((r) => r.file?.includes(docNumber!))!;
        return [docNumber, report.findings.map((f) => f.code)] as const;
      });
      const once = (list: readonly (readonly [string | undefined, string[]])[]) => list.map(([d, c]) => [d, [...new Set(c)]]);
      expect(once(codes), format).toEqual(once(byRecord));
    }
  }, 120_000);
});

describe('reply check ID: a reply of the archive', () => {
  // The lines were those of the text rendering; they are now the body's as the clerk edits it, the rendering's kept in --json.
  it('by id or doc number; the lines are those of the body as typed, and of the text rendering in --json', () => {
    const ws = withReply000();
    const { run, reports } = checkJson(ws, ['1']);
    expect(run.code).toBe(1);
    expect(reports[0]).toMatchObject({ id: 1, docNumber: '普发改委〔2023〕16号', status: 'draft' });
    expect(pairs(reports[0]!)).toEqual(EXPECTED_000_BODY);
    expect(reports[0]!.findings.map((f) => f.renderedLine)).toEqual(RENDERED_000);
    const body = readFileSync(BODY_000, 'utf8').split('\n');
    expect(body[19 - 1]).toBe('(二) 深化产业联动，提升服务辐射能力');
    expect(body[35 - 1]).toContain('城市城市');
    expect(body[17 - 1]).toContain('二期(上海)私募');
    const rendered = runCli(ws, ['render', '1', '--format', 'txt']).stdout.split('\n');
    expect(rendered[31 - 1]).toBe('(二) 深化产业联动，提升服务辐射能力');
    expect(rendered[47 - 1]).toContain('城市城市');
    for (const form of ['普发改委〔2023〕16号', '普发改委[2023]16号', '2023-16']) {
      expect(pairs(checkJson(ws, [form]).reports[0]!)).toEqual(EXPECTED_000_BODY);
    }
    const table = runCli(ws, ['check', '1']);
    expect(table.stdout.split('\n')[0]).toBe('第 1 号 普发改委〔2023〕16号');
  });

  it('is checked by the built-in text layout, not the workspace\'s own: a title its template words otherwise is no defect of the record', () => {
    const ws = workspace();
    expect(runCli(ws, ['import', join(CORPUS, FILES['004'])]).code).toBe(0);
    expect(pairs(checkJson(ws, ['1']).reports[0]!)).toEqual([]);
    mkdirSync(join(ws, 'templates', 'txt'), { recursive: true });
    writeFileSync(join(ws, 'templates', 'txt', 'proposal.hbs'), '{{> head}}\n\n关于{{proposalTitle}}的答复意见\n\n{{> main}}\n\n{{> tail}}\n');
    expect(runCli(ws, ['render', '1', '--format', 'txt']).stdout).toContain('的答复意见');
    const { run, reports } = checkJson(ws, ['1']);
    expect(pairs(reports[0]!)).toEqual([]);
    expect(run.code).toBe(0);
  });

  it('an imported reply gives the findings of its file, less what the import repaired', () => {
    const ws = workspace();
    expect(runCli(ws, ['import', join(CORPUS, FILES['001'])]).code).toBe(0);
    const { reports } = checkJson(ws, ['1']);
    expect(pairs(reports[0]!)).toEqual([
      ['text/latin-word', 11],
      ['punctuation/half-width', 13],
      ['punctuation/half-width', 17],
    ]);
    expect(reports[0]!.status).toBe('sent');
  });

  it('several targets at once: replies and files, one report each', () => {
    const ws = withReply000();
    const { run, reports } = checkJson(ws, ['1', join(CORPUS, FILES['004'])]);
    expect(reports.map((r) => r.id ?? r.file)).toEqual([1, join(CORPUS, FILES['004'])]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('共检查 2 份：错误 4 处，警告 1 处\n');
  });

  it('a reply named twice is checked once', () => {
    const { reports } = checkJson(withReply000(), ['1', '2023-16']);
    expect(reports.map((r) => r.id)).toEqual([1]);
  });

  it('an unknown reply: one error line, exit 1', () => {
    expectError(runCli(withReply000(), ['check', '9']), 1, '找不到答复「9」');
  });
});

describe('reply check --fix', () => {
  it('repairs what is mechanical, prints the diff, saves an edit; the earlier state stays in the history', () => {
    const ws = withReply000();
    const run = runCli(ws, ['check', '1', '--fix']);
    const out = run.stdout;
    expect(out).toContain('--- 普发改委〔2023〕16号 正文（修正前）\n+++ 普发改委〔2023〕16号 正文（修正后）\n@@ ');
    expect(out).toContain('\n-(二) 深化产业联动，提升服务辐射能力\n+（二）深化产业联动，提升服务辐射能力\n');
    expect(out).toMatch(/\n-.*二期\(上海\)私募.*\n\+.*二期（上海）私募/u);
    expect(out).toMatch(/\n\+.*。2022年8月，海纳小镇/u);
    expect(run.stderr).toBe('已修正第 1 号 普发改委〔2023〕16号（修订 2），修改见上方差异\n共检查 1 份：错误 1 处，警告 1 处\n');
    // What is left is what a clerk decides: the doubled word (and the level skip, a warning).
    expect(run.code).toBe(1);
    expect(out).toMatch(/正文第 35 行 +错误 +词语「城市」重复/u);

    const after = checkJson(ws, ['1']).reports[0]!;
    expect(pairs(after)).toEqual([
      ['heading/skip', 29],
      ['text/duplicate', 35],
    ]);

    const history = historyJson(ws, 1);
    expect(history.map((r) => r.change)).toEqual(['created', 'edited']);
    expect(history[0]!.reply.body).toContain('(二) 深化产业联动');
    expect(history[1]!.reply.body).toContain('（二）深化产业联动');
    expect(history[1]!.reply.body).not.toContain('(上海)');
    expect(runCli(ws, ['show', '1', '--history']).stdout).toMatch(/^2 .*修改：body\s+—$/mu);
  });

  it('a second --fix finds nothing to repair and writes nothing', () => {
    const ws = withReply000();
    runCli(ws, ['check', '1', '--fix']);
    const again = runCli(ws, ['check', '1', '--fix']);
    expect(again.stderr).toContain('第 1 号 普发改委〔2023〕16号 没有可自动修正的问题');
    expect(again.stdout).not.toContain('---');
    expect(historyJson(ws, 1)).toHaveLength(2);
  });

  it('--json carries the diff and the revision', () => {
    const ws = withReply000();
    const run = runCli(ws, ['check', '1', '--fix', '--json']);
    const [report] = JSON.parse(run.stdout) as ReportJson[];
    expect(report!.fix!.revision).toBe(2);
    expect(report!.fix!.diff).toContain('+（二）深化产业联动');
    expect(pairs(report!)).toEqual([
      ['heading/skip', 29],
      ['text/duplicate', 35],
    ]);
  });

  it('refuses signed and sent replies as `reply edit` does, unless --force; a void one always', () => {
    const ws = workspace();
    expect(runCli(ws, ['import', join(CORPUS, FILES['001'])]).code).toBe(0);
    expectError(runCli(ws, ['check', '1', '--fix']), 1, '第 1 号记录已发送', '--force');
    expect(historyJson(ws, 1)).toHaveLength(1);
    const forced = runCli(ws, ['check', '1', '--fix', '--force', '--reason', '更正']);
    expect(forced.stdout).toContain('\n+赛道愈加拥挤，寻找落地应用场景');
    expect(forced.stdout).toContain('三是**稳固推进市级特色产业园区建设**。加强中以交流合作，加快');
    expect(pairs(checkJson(ws, ['1']).reports[0]!)).toEqual([['text/latin-word', 11]]);
    expect(runCli(ws, ['status', '1', 'void', '--reason', '重复登记']).code).toBe(0);
    expectError(runCli(ws, ['check', '1', '--fix', '--force', '--reason', '更正']), 1, '第 1 号记录已作废');
  });

  it('does not touch files: usage error, exit 2', () => {
    const ws = withReply000();
    expectError(runCli(ws, ['check', '1', join(CORPUS, FILES['000']), '--fix']), 2, '--fix 只修正档案中的答复');
    expect(historyJson(ws, 1)).toHaveLength(1);
  });
});

describe('reply check --help', () => {
  it('describes the command and its options', () => {
    const run = runCli(tempDir(), ['check', '--help']);
    expect(run.code).toBe(0);
    for (const text of ['reply check', '按公文格式检查答复', '--fix', '--force', '--json']) expect(run.stdout).toContain(text);
    expect(runCli(tempDir(), ['--help']).stdout).toMatch(/^\s+check\b.*按公文格式检查答复/mu);
  });
});

describe('a draft with the scaffold’s placeholder left in', () => {
  it('is an error of reply check, and checking and signing refuse it; nothing is written', () => {
    const ws = workspace();
    const body = join(ws, 'body.md');
    writeFileSync(body, readFileSync(BODY_004, 'utf8').replace(/\n\n(?=[^\n]*\n*$)/u, '\n\n【请在此写明下一步举措】\n\n'));
    const reply = fileCleanReplyJson(ws, { body });
    const check = runCli(ws, ['check', String(reply.id)]);
    expect(check.code).toBe(1);
    expect(check.stdout).toContain('text/placeholder');
    expect(check.stdout).toContain('【请在此写明下一步举措】');
    expectError(runCli(ws, ['status', String(reply.id), 'checked']), 1, 'text/placeholder');
    expectError(runCli(ws, ['status', String(reply.id), 'signed']), 1, 'text/placeholder');
    expect(showJson(ws, reply.id).status).toBe('draft');
  });
});
