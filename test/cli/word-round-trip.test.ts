/**
 * The Word round trip: the DOCX reply renders carries its record, so that importing or checking it
 * gives back the record it was made from, and a leader's edits in Word come back as a revision.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { runCli, workspace } from '../helpers/cli.js';
import { BODY_004, fileCleanReply, runOk, showJson, type ReplyJson } from './support.js';

/** Corpus 004 with a bold run-in, a footnote and joint proposers of two roles, signed: what the DOCX must carry whole. */
function signedReply(): string {
  const ws = workspace();
  const body = readFileSync(BODY_004, 'utf8').replace('十一届市委十次全会首次提出', '**十一届市委十次全会首次提出**');
  writeFileSync(join(ws, 'body.md'), body);
  fileCleanReply(ws, { body: join(ws, 'body.md'), proposer: undefined }, ['--proposer', '王东伟委员', '--proposer', '民盟普陀区委', '--cc', '区政协提案委']);
  runOk(ws, ['status', '1', 'checked']);
  runOk(ws, ['status', '1', 'signed']);
  expect(runCli(ws, ['render', '1', '--format', 'docx', '--out', 'signed.docx']).code).toBe(0);
  return ws;
}

/** The fields of a record, without what only the archive gives (id, times, status, source). */
const recordOf = (r: ReplyJson) => {
  const { id: _id, status: _s, createdAt: _c, updatedAt: _u, source: _src, version: _v, ...fields } = r as ReplyJson & Record<string, unknown>;
  return fields;
};

async function editedInWord(file: string, edit: (xml: string) => string): Promise<void> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const xml = await zip.file('word/document.xml')!.async('string');
  const changed = edit(xml);
  expect(changed).not.toBe(xml);
  zip.file('word/document.xml', changed);
  writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
}

describe('importing the DOCX reply rendered gives the record it was made from', () => {
  it('with the footnote, the bold run-in, 办理结果, 公开属性, the proposers\' roles, the 抄送 and the title', () => {
    const ws = signedReply();
    const original = showJson(ws, 1);
    expect(original.body).toContain('**十一届市委十次全会首次提出**');
    const copy = workspace();
    const run = runCli(copy, ['import', join(ws, 'signed.docx')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).not.toContain('注意');
    expect(recordOf(showJson(copy, 1))).toEqual(recordOf(original));
  });

  it('and reply check finds nothing in it', () => {
    const ws = signedReply();
    const run = runCli(ws, ['check', 'signed.docx']);
    expect(run.stdout).toBe('signed.docx：未发现问题\n');
    expect(run.code).toBe(0);
  });

  it('where the leader changed in Word what the text prints, the text stands and import says which field differs', async () => {
    const ws = signedReply();
    await editedInWord(join(ws, 'signed.docx'), (xml) => xml.replace('2021年4月19日', '2021年4月20日'));
    const copy = workspace();
    const run = runCli(copy, ['import', join(ws, 'signed.docx')]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('成文日期与文件中 reply 记下的属性不同，以文件的文字为准');
    expect(showJson(copy, 1).signedOn).toBe('2021-04-20');
  });
});

describe('a leader\'s edits in Word come back as a revision', () => {
  it('reply edit --body takes the edited DOCX, and reply diff shows what the leader changed, bold and footnote kept', async () => {
    const ws = signedReply();
    runOk(ws, ['status', '1', 'draft', '--reason', '领导退回修改']);
    await editedInWord(join(ws, 'signed.docx'), (xml) => xml.replace('上海要全面推进城市数字化转型', '上海要全面、加快推进城市数字化转型'));
    runOk(ws, ['edit', '1', '--body', 'signed.docx']);
    const body = showJson(ws, 1).body;
    expect(body).toContain('**十一届市委十次全会首次提出**，上海要全面、加快推进城市数字化转型');
    expect(body).toContain('倍增行动[^1]');
    expect(body).toMatch(/\[\^1\]: “411”倍增/u);
    const diff = runOk(ws, ['diff', '1']).stdout;
    expect(diff).toMatch(/^-.*上海要全面推进城市数字化转型/mu);
    expect(diff).toMatch(/^\+.*上海要全面、加快推进城市数字化转型/mu);
    expect(diff.split('\n').filter((l) => /^[-+][^-+]/u.test(l))).toHaveLength(2);
  });
});
