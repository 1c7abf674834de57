/** Characters no document may hold are refused where a clerk types them, and dropped from other offices' files. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli, workspace } from '../helpers/cli.js';
import { REPLIES } from '../helpers/corpus.js';
import { expectError, fileReply, flags, listJson, showJson } from './support.js';

describe('typed fields', () => {
  it('reply new refuses a session with a line break and a title with an escape sequence, naming both, and files nothing', () => {
    const ws = workspace();
    const run = runCli(ws, ['new', ...flags({ session: '区政协十五届二次会议\n对某某的答复', title: '标题\u001b[2J' })]);
    expectError(run, 1, 'session', '只能写一行', 'title', 'U+001B');
    expect(listJson(ws)).toEqual([]);
  });

  it('reply edit refuses a proposer with a right-to-left override, and the reply stays as it was', () => {
    const ws = workspace();
    fileReply(ws);
    const before = showJson(ws, 1);
    expectError(runCli(ws, ['edit', '1', '--set', 'proposer=朱莺\u202E委员']), 1, 'proposer', 'U+202E');
    expect(showJson(ws, 1)).toEqual(before);
  });
});

describe('files of other offices', () => {
  it('are read without the direction overrides and noncharacters a copied page carries', () => {
    const ws = workspace();
    const text = readFileSync(join(FIXTURES, 'corpus', REPLIES['004'].file), 'utf8').replace('感谢', '\u202E感\uFFFE谢\u2066');
    writeFileSync(join(ws, 'copied.txt'), text);
    const run = runCli(ws, ['import', 'copied.txt']);
    expect(run.code, run.stderr).toBe(0);
    const body = showJson(ws, 1).body as string;
    expect(body).toContain('感谢');
    expect(body).not.toMatch(/[\u202E\uFFFE\u2066]/u);
  });
});
