import { existsSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, workspace } from '../helpers/cli.js';
import { CORPUS, expectError } from './support.js';

function archiveOfCorpus(): string {
  const ws = workspace();
  const run = runCli(ws, ['import', CORPUS]);
  expect(run.code, run.stderr).toBe(0);
  return ws;
}

describe('reply render of several replies', () => {
  it('writes one file per reply into the folder, named from doc number and title', () => {
    const ws = archiveOfCorpus();
    const run = runCli(ws, ['render', '2023-16', '2021-9', '--out', 'out']);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(join(ws, 'out')).sort()).toEqual([
      '普发改委〔2021〕9号 对区政协十四届四次会议 第145072号提案的答复.txt',
      '普发改委〔2023〕16号 对区政协十五届二次会议 第152104号提案的答复.txt',
    ]);
    expect(readFileSync(join(ws, 'out', '普发改委〔2021〕9号 对区政协十四届四次会议 第145072号提案的答复.txt'), 'utf8')).toContain('王东伟委员：');
  });

  it('selects with --all, --year and --status', () => {
    const ws = archiveOfCorpus();
    expect(runCli(ws, ['render', '--all', '--out', 'all', '--format', 'md']).code).toBe(0);
    expect(readdirSync(join(ws, 'all'))).toHaveLength(4);
    expect(runCli(ws, ['render', '--year', '2023', '--out', 'y2023']).code).toBe(0);
    expect(readdirSync(join(ws, 'y2023'))).toHaveLength(2);
    expect(runCli(ws, ['status', '2021-9', 'void', '--reason', '重复登记']).code).toBe(0);
    expect(runCli(ws, ['render', '--status', 'void', '--out', 'void', '--format', 'docx']).code).toBe(0);
    expect(readdirSync(join(ws, 'void'))).toEqual(['普发改委〔2021〕9号 对区政协十四届四次会议 第145072号提案的答复.docx']);
  });

  it('overwrites nothing without --force, and writes nothing at all then', () => {
    const ws = archiveOfCorpus();
    mkdirSync(join(ws, 'out'));
    const existing = join(ws, 'out', '普发改委〔2023〕10号 对区政协十五届二次会议 第152038号提案的答复.txt');
    writeFileSync(existing, 'kept');
    expectError(runCli(ws, ['render', '--all', '--out', 'out']), 1, '已存在', '--force');
    expect(readdirSync(join(ws, 'out'))).toHaveLength(1);
    expect(readFileSync(existing, 'utf8')).toBe('kept');
    expect(runCli(ws, ['render', '--all', '--out', 'out', '--force']).code).toBe(0);
    expect(readdirSync(join(ws, 'out'))).toHaveLength(4);
    expect(readFileSync(existing, 'utf8')).toContain('经济委员会：');
  });

  it('needs a folder for several replies, and refuses ids mixed with filters', () => {
    const ws = archiveOfCorpus();
    expectError(runCli(ws, ['render', '--all']), 2, '--out');
    expectError(runCli(ws, ['render', '1', '--all', '--out', 'x']), 2, '--all');
    expectError(runCli(ws, ['render']), 2, '记录编号');
    expectError(runCli(ws, ['render', '--year', '1999', '--out', 'x']), 1, '没有符合条件的答复');
    expect(existsSync(join(ws, 'x'))).toBe(false);
  });

  it('refuses to print a Word file to a terminal but pipes it', () => {
    const ws = archiveOfCorpus();
    const run = runCli(ws, ['render', '2023-16', '--format', 'docx']);
    expect(run.code).toBe(0); // stdout is a pipe here
    expect(run.stdout.startsWith('PK')).toBe(true);
  });
});
