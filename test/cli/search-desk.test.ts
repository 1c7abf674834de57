/**
 * reply search as a clerk reads it: how many replies hold the query, a reply found by its doc number
 * in any typed form, snippets in plain text that fit the terminal.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import stringWidth from 'string-width';
import { BIN, runCli } from '../helpers/cli.js';
import { fileReply, lastingWorkspace } from './support.js';
import { CORPUS } from '../helpers/corpus.js';
import { join } from 'node:path';

const hasScript = spawnSync('script', ['--version']).status === 0;

function archive(): string {
  const ws = lastingWorkspace();
  // Corpus 001 holds bold run-ins (**稳固推进市级特色产业园区建设**) and a footnote.
  for (let i = 0; i < 25; i++) fileReply(ws, { 'proposal-no': String(150000 + i), body: join(CORPUS, '001.body.md') });
  fileReply(ws, { 'proposal-no': '160000', 'doc-number': '普发改委〔2023〕16号' });
  return ws;
}

describe('reply search counts what it found', () => {
  const ws = archive();
  it('共 N 份 when the page holds them all, 共 N 份，显示前 20 份 past the page', () => {
    expect(runCli(ws, ['search', '城市城市']).stdout.split('\n')[0]).toBe('共 1 份');
    expect(runCli(ws, ['search', '特色产业园区']).stdout.split('\n')[0]).toBe('共 25 份，显示前 20 份（--limit 可多显示）');
    expect(runCli(ws, ['search', '特色产业园区', '--limit', '30']).stdout.split('\n')[0]).toBe('共 25 份');
    // A short term or a filter is counted as far as search reads past the page (100 hits).
    expect(runCli(ws, ['search', '园区']).stdout.split('\n')[0]).toBe('共 26 份，显示前 20 份（--limit 可多显示）');
    expect(runCli(ws, ['search', '特色产业园区', '--status', 'draft']).stdout.split('\n')[0]).toBe('共 25 份，显示前 20 份（--limit 可多显示）');
    expect(runCli(ws, ['search', '没有这个词']).stderr).toBe('没有找到符合条件的答复。\n');
  });

  it('a doc number in any typed form finds its reply first', () => {
    const forms = [['普发改委〔2023〕16号'], ['普发改委[2023]16号'], ['普发改委（2023）16号'], ['2023-16'], ['普发改委2023年16号'], ['2023年第16号'], ['普发改委', '2023', '16']];
    for (const form of forms) {
      const run = runCli(ws, ['search', ...form, '--json']);
      const hits = JSON.parse(run.stdout) as { docNumber: { text: string } | null; hit: string }[];
      expect(hits[0], form.join(' ')).toMatchObject({ docNumber: { text: '普发改委〔2023〕16号' }, hit: 'docNumber' });
    }
  });

  it('snippets are plain text: no bold marks, no footnote markers', () => {
    const out = runCli(ws, ['search', '特色产业园区', '--json']).stdout;
    const snippets = (JSON.parse(out) as { snippet: { text: string } }[]).map((h) => h.snippet.text);
    expect(snippets.some((s) => s.includes('稳固推进市级特色产业园区建设'))).toBe(true);
    for (const s of snippets) expect(s).not.toMatch(/\*\*|\[\^/u);
  });
});

describe('reply search finds a reply by its contact and its 抄送', () => {
  const ws = lastingWorkspace();
  fileReply(ws, { 'proposal-no': '150001' });
  fileReply(ws, { 'proposal-no': '150002', cc: '区政协提案委' });
  const hits = (q: string) => JSON.parse(runCli(ws, ['search', q, '--json']).stdout) as { proposalTitle: string; snippet: { field: string; text: string } }[];

  it('the contact’s name finds every reply she is the contact of, the snippet showing the contact line', () => {
    const found = hits('宋佩颖');
    expect(found).toHaveLength(2);
    for (const hit of found) expect(hit.snippet).toMatchObject({ field: 'contact', text: '联系人姓名：宋佩颖' });
  });

  it('a unit of the 抄送 finds the reply copied to it, and only that one', () => {
    const found = hits('区政协提案委');
    expect(found).toHaveLength(1);
    expect(found[0]!.snippet).toMatchObject({ field: 'cc', text: '抄送：区政协提案委。' });
    expect(runCli(ws, ['search', '区政协提案委']).stdout).toContain('抄送：区政协提案委。');
  });
});

describe.skipIf(!hasScript && !process.env.CI)('search results fit the terminal (skipped outside CI without util-linux script)', () => {
  it('on 80 columns no line is wider than the terminal', () => {
    const ws = archive();
    const command = `stty cols 80 rows 24; '${process.execPath}' '${BIN}' search 特色产业园区`;
    const result = spawnSync('script', ['-qec', command, '/dev/null'], {
      cwd: ws,
      env: { PATH: process.env.PATH, HOME: ws, TERM: 'xterm', NO_COLOR: '1', PAGER: 'cat' },
      encoding: 'utf8',
    });
    const lines = result.stdout.replace(/\r\n/g, '\n').replace(/\x1b\[[0-9;?]*[A-Za-z]/gu, '').split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(20);
    expect(Math.max(...lines.map((l) => stringWidth(l)))).toBeLessThanOrEqual(80);
  });
});
