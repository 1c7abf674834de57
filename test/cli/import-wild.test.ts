import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as OpenCC from 'opencc-js/t2cn';
import { describe, expect, it } from 'vitest';
import { runCli, workspace } from '../helpers/cli.js';
import { EXPECTED, WILD, WILD_FILES, wild } from '../helpers/wild.js';
import { listJson, showJson } from './support.js';

/** What a reply of the sample still needs once filed: the fields expected.json does not have, of those a record needs. */
const NEEDS = { who: 'proposers', session: 'session', no: 'proposalNo', date: 'signedOn', organ: 'organ' } as const;

function importWild(ws: string) {
  const run = runCli(ws, ['import', '--json', WILD]);
  expect(run.code, run.stderr).toBe(0);
  return { run, reports: JSON.parse(run.stdout) as Record<string, any>[] };
}

describe('reply import files every real reply of other offices, complete or not', () => {
  it('files all 21, counts the complete and the incomplete, and skips only the README', () => {
    const ws = workspace();
    const { run, reports } = importWild(ws);
    const filed = reports.filter((r) => r.outcome === 'filed');
    expect(filed).toHaveLength(21);
    expect(reports.filter((r) => r.outcome === 'skipped').map((r) => r.file)).toEqual([join(WILD, 'README.md')]);
    const incomplete = filed.filter((r) => r.missing.length > 0).length;
    // expected.json is a file of no reply format: named once, by type.
    expect(run.stderr).toBe(`目录中另有不是答复格式的文件，未读取：.json 1 个\n共 22 个文件：导入 21（完整 ${21 - incomplete}，待补充 ${incomplete}），跳过 1，冲突 0\n`);
  });

  it('reports per file the fields found, with how and where, and those still missing', () => {
    const ws = workspace();
    const { reports } = importWild(ws);
    for (const file of WILD_FILES) {
      const r = reports.find((x) => x.file === join(WILD, file))!;
      const expected = EXPECTED[file]!;
      if (expected.no) expect(r.found.proposalNo, file).toMatchObject({ value: expected.no, how: 'printed' });
      if (expected.session) expect(r.found.session, file).toMatchObject({ value: expected.session, how: 'printed' });
      if (expected.date) expect(r.found.signedOn, file).toMatchObject({ value: expected.date, how: 'printed' });
      if (expected.organ) expect(r.found.organ, file).toMatchObject({ value: expected.organ, how: 'printed' });
      // What the page does not say is missing, unless the reader inferred it (and says so).
      const missing = (Object.keys(NEEDS) as (keyof typeof NEEDS)[])
        .filter((k) => expected[k] === undefined)
        .map((k) => NEEDS[k])
        .filter((f) => !r.inferred.includes(f));
      expect([...r.missing].sort(), file).toEqual(missing.sort());
    }
  });

  it('keeps each record as the page printed it, the punctuation restored in the body only', () => {
    const ws = workspace();
    const { reports } = importWild(ws);
    const longling = reports.find((r) => r.file.endsWith('07_yunnan-longling-jytyj-rd-nonum-2019.txt'))!;
    const json = showJson(ws, longling.id) as unknown as Record<string, any>;
    expect(json).toMatchObject({ kind: '建议答复', organ: '龍陵縣教育體育局', signedOn: '2019-06-27', docNumber: null, status: 'sent' });
    expect(json.body).toMatch(/^你在龍陵縣第十七屆人民代表大會第三次會議上提的《關于將赧場完全小學整體搬遷的建議》，已交我局辦理。/u);
    expect(json.body).not.toMatch(/[,:;]/u);
    expect(runCli(ws, ['show', String(longling.id), '--source']).stdout).toBe(wild('07_yunnan-longling-jytyj-rd-nonum-2019.txt'));
  });

  it('recognises a copy of a reply already filed in the other script, and files it not twice', () => {
    const ws = workspace();
    importWild(ws);
    const before = listJson(ws);
    const convert = OpenCC.Converter({ from: 't', to: 'cn' });
    const copy = join(ws, '龙陵-简体.txt');
    writeFileSync(copy, convert(wild('07_yunnan-longling-jytyj-rd-nonum-2019.txt')));
    const run = runCli(ws, ['import', copy]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/同一份答复/u);
    expect(listJson(ws)).toEqual(before);
  });
});

describe('search finds a reply printed in traditional script from a simplified query', () => {
  it('finds the mirrors\' replies by simplified and by traditional words, and shows them as printed', () => {
    const ws = workspace();
    importWild(ws);
    const ids = (q: string) => JSON.parse(runCli(ws, ['search', '--json', q]).stdout).map((h: { id: number }) => h.id);
    const panzhihua = showJson(ws, ids('采煤沉陷区 综合治理')[0]) as unknown as Record<string, string>;
    expect(panzhihua.organ).toBe('攀枝花市發展和改革委員會');
    expect(ids('采煤沉陷區')).toEqual(ids('采煤沉陷区'));
    expect(ids('龙陵县县城规划区')).toHaveLength(1);
  });
});

describe('reply check reads the same real replies through the same reader', () => {
  it('says once that a web copy was normalised, instead of an error per comma', () => {
    const ws = workspace();
    const run = runCli(ws, ['check', '--json', join(WILD, '04_yunnan-maguan-jtj-rd-124-2023.txt')]);
    const [report] = JSON.parse(run.stdout);
    const codes = report.findings.map((f: { code: string }) => f.code);
    expect(codes.filter((c: string) => c === 'punctuation/normalised')).toHaveLength(1);
    expect(codes).not.toContain('punctuation/half-width');
  });

  it('checks every real reply, and reports the parts it lacks', () => {
    const ws = workspace();
    for (const file of WILD_FILES) {
      const run = runCli(ws, ['check', '--json', join(WILD, file)]);
      expect(run.stderr, file).not.toMatch(/不是答复文件/u);
      const [report] = JSON.parse(run.stdout);
      const codes = report.findings.map((f: { code: string }) => f.code);
      if (EXPECTED[file]!.date === undefined) expect(codes, file).toEqual(expect.arrayContaining([expect.stringMatching(/^date\/(missing|unreadable)$/)]));
    }
  });
});
