import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli, workspace } from '../helpers/cli.js';
import { CORPUS, copyAnswers, expectError, fileCleanReply, historyJson, lastingWorkspace, normalised, showJson } from './support.js';

/** The real reply 普发改委〔2021〕9号 (corpus 004: no header, a footnote, its own contact labels) as record 1. */
let ws: string;
let shown: string;

beforeAll(() => {
  ws = lastingWorkspace();
  const run = runCli(ws, ['new', '--answers', copyAnswers(join(ws, 'answers'), '004')]);
  expect(run.code, run.stderr).toBe(0);
  shown = runCli(ws, ['show', '1']).stdout;
});

afterAll(() => rmSync(ws, { recursive: true, force: true }));

describe('reply show', () => {
  it('shows every field, then the body', () => {
    const run = runCli(ws, ['show', '1']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const [fields, body] = run.stdout.split('\n正文\n\n');
    const row = (label: string, value: string) => expect(fields).toMatch(new RegExp(`^${label}\\s+${value}$`, 'mu'));
    row('编号', '1');
    row('发文字号', '普发改委〔2021〕9号');
    row('标题', '对区政协十四届四次会议 第145072号提案的答复');
    row('状态', '草稿');
    row('类型', '提案答复');
    row('会次', '区政协十四届四次会议');
    row('提案号', '145072');
    row('提案标题', '以城市数字化转型激发普陀产业高质量发展的新动能');
    row('提案人', '王东伟委员');
    row('主送', '王东伟委员：');
    row('办理结果', '采纳解决');
    row('公开属性', '主动公开·全文');
    row('成文日期', '2021年4月19日');
    row('印发日期', '2021年4月19日');
    row('发文机关', '上海市普陀区发展和改革委员会');
    row('版头', '（无）');
    row('联系人', '钱婷婷\\s+52564588-2343\\s+大渡河路1668号1号楼B区313室\\s+200333');
    row('抄送', '（无）');
    row('脚注', '1\\. “411”倍增：.*');
    row('创建时间', '\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d');
    expect(body).toBe(normalised(readFileSync(join(CORPUS, '004.body.md'), 'utf8')));
  });

  it.each(['普发改委〔2021〕9号', '普发改委[2021]9号', '2021-9', '2021/9', '普发改委【2021】9号', '普发改委(2021)第9号', ' 普发改委〔2021〕09号 '])(
    'finds the reply by its doc number written as %j',
    (form) => {
      const run = runCli(ws, ['show', form]);
      expect(run.stderr).toBe('');
      expect(run.code).toBe(0);
      expect(run.stdout).toBe(shown);
    },
  );

  it('--json has every field, derived ones included', () => {
    const reply = showJson(ws, '2021-9');
    expect(Object.keys(reply).sort()).toEqual(
      [
        'id', 'docNumber', 'kind', 'status', 'title', 'session', 'proposalNo', 'proposalTitle', 'proposers',
        'salutation', 'salutationOverride', 'leadUnit', 'result', 'disclosure', 'signedOn', 'issuedOn', 'organ',
        'header', 'printingOrgan', 'contact', 'contactLabels', 'cc', 'classification', 'annotation', 'style', 'footnotes', 'body', 'missing',
        'inferred', 'createdAt', 'updatedAt',
      ].sort(),
    );
    expect(reply).toMatchObject({
      id: 1,
      docNumber: { text: '普发改委〔2021〕9号', prefix: '普发改委', year: 2021, seq: 9 },
      kind: '提案答复',
      status: 'draft',
      title: '对区政协十四届四次会议 第145072号提案的答复',
      proposalNo: '145072',
      proposers: [{ name: '王东伟', role: '委员' }],
      salutation: '王东伟委员：',
      salutationOverride: null,
      leadUnit: null,
      signedOn: '2021-04-19',
      issuedOn: '2021-04-19',
      header: null,
      printingOrgan: '上海市普陀区发展和改革委员会',
      contact: { name: '钱婷婷', phone: '52564588-2343', address: '大渡河路1668号1号楼B区313室', postcode: '200333' },
      contactLabels: { name: '联系人姓名', phone: '联系电话', address: '承办单位通讯地址', postcode: '邮政编码' },
      cc: [],
      missing: [],
      inferred: [],
    });
    expect(reply.footnotes).toHaveLength(1);
    expect(reply.footnotes[0]).toMatchObject({ number: 1, label: '1' });
    expect(reply.footnotes[0]!.text).toMatch(/^“411”倍增：四大重点培育产业/);
    expect(reply.body).toContain('[^1]');
    expect(new Date(reply.createdAt).toISOString()).toBe(reply.createdAt);
  });

  it('refuses an unknown id, an unknown doc number and a text that is neither', () => {
    expectError(runCli(ws, ['show', '99']), 1, '找不到答复「99」');
    expectError(runCli(ws, ['show', '普发改委[2021]10号']), 1, '找不到答复「普发改委〔2021〕10号」');
    expectError(runCli(ws, ['show', '第九号']), 1, '「第九号」既不是记录编号，也不是发文字号');
  });
});

describe('reply show --history', () => {
  it('lists the revisions: filed, each edit with the fields it changed, each status change', () => {
    const dir = workspace();
    fileCleanReply(dir); // signing runs the format check: a reply that passes it
    for (const args of [
      ['edit', '1', '--set', 'result=部分采纳'],
      ['edit', '1', '--set', 'cc=区政协提案委'],
      ['status', '1', 'signed'],
    ]) {
      const run = runCli(dir, args);
      expect(run.code, run.stderr).toBe(0);
    }
    const run = runCli(dir, ['show', '1', '--history']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const lines = run.stdout.trimEnd().split('\n');
    // who did each (the clerk, $REPLY_USER), and why where a reason was given
    expect(lines[0]!.split(/\s{2,}/)).toEqual(['修订', '时间', '经办人', '变更', '原因']);
    expect(lines).toHaveLength(5);
    expect(lines[1]).toMatch(/^1\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+王敏\s+归档\s+—$/);
    expect(lines[2]).toMatch(/^2\s+.*王敏\s+修改：result\s+—$/);
    expect(lines[3]).toMatch(/^3\s+.*修改：cc\s+—$/);
    expect(lines[4]).toMatch(/^4\s+.*状态：已签发\s+—$/);

    const revisions = historyJson(dir, '2021-1');
    expect(revisions.map((r) => [r.revision, r.change, r.reply.status, r.reply.result])).toEqual([
      [1, 'created', 'draft', '采纳解决'],
      [2, 'edited', 'draft', '部分采纳'],
      [3, 'edited', 'draft', '部分采纳'],
      [4, 'status', 'signed', '部分采纳'],
    ]);
    expect(revisions[3]!.reply.cc).toEqual(['区政协提案委']);
  });

  it('refuses the history of an unknown reply', () => {
    expectError(runCli(ws, ['show', '7', '--history']), 1, '找不到答复「7」');
  });
});
