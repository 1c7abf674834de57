import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { draftNumberingWorkspace, runCli, workspace } from '../helpers/cli.js';
import {
  BODY_000,
  copyAnswers,
  expectError,
  fileReply,
  fileReplyJson,
  flags,
  listJson,
  normalised,
  scriptedEditor,
  showJson,
  type ReplyJson,
} from './support.js';

const TITLE_000 = '对区政协十五届二次会议 第152104号提案的答复';

describe('reply new with flags', () => {
  it('files a reply as a draft without a number (given at signing) and says so on one line', () => {
    const ws = workspace();
    const run = runCli(ws, ['new', ...flags()]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`已归档：第 1 号  无文号  ${TITLE_000}（草稿）\n`);

    const reply = showJson(ws, 1);
    expect(reply).toMatchObject({
      id: 1,
      docNumber: null,
      kind: '提案答复',
      status: 'draft',
      session: '区政协十五届二次会议',
      proposalNo: '152104',
      proposalTitle: '开发长三角一体化智能数据图表研报平台的建议',
      proposers: [{ name: '朱莺', role: '委员' }],
      salutation: '朱莺委员：',
      result: '采纳解决',
      disclosure: '主动公开·全文',
      signedOn: '2023-05-18',
      issuedOn: '2023-05-18',
      organ: '上海市普陀区发展和改革委员会',
      // the config's default contact is filled in
      contact: { name: '宋佩颖', phone: '52564588-2321', address: '大渡河路1668号1号楼B区313室', postcode: '200333' },
    });
    expect(reply.body).toBe(normalised(readFileSync(BODY_000, 'utf8')));
  });

  it('takes repeated --proposer and --cc, 建议答复 and a Chinese date', () => {
    const ws = draftNumberingWorkspace();
    const reply = fileReplyJson(ws, {
      kind: 'suggestion',
      session: '区十七届人大二次会议',
      proposer: ['李明代表', '王芳代表'],
      cc: ['区人大代表工委', '区政府办'],
      'signed-on': '2024年3月5日',
      'issued-on': '2024-03-08',
    });
    expect(reply.kind).toBe('建议答复');
    expect(reply.proposers).toEqual([
      { name: '李明', role: '代表' },
      { name: '王芳', role: '代表' },
    ]);
    expect(reply.cc).toEqual(['区人大代表工委', '区政府办']);
    expect(reply.signedOn).toBe('2024-03-05');
    expect(reply.issuedOn).toBe('2024-03-08');
    expect(reply.docNumber.text).toBe('普发改委〔2024〕1号');
  });

  it('reads the body from standard input with --body -', () => {
    const ws = workspace();
    const run = runCli(ws, ['new', ...flags({ body: '-' }), '--json'], { input: '经研究，现答复如下：\r\n\r\n同意。  \r\n' });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as ReplyJson).body).toBe('经研究，现答复如下：\n\n同意。\n');
  });
});

describe('reply new with an answers file', () => {
  it('files the reply the answers describe, reading body-file relative to the answers file', () => {
    const ws = workspace();
    copyAnswers(join(ws, '答案'));
    const run = runCli(ws, ['new', '--answers', join('答案', '000.answers.json')]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(`已归档：第 1 号  普发改委〔2023〕16号  ${TITLE_000}（草稿）\n`);
    const reply = showJson(ws, '普发改委〔2023〕16号');
    expect(reply.body).toBe(normalised(readFileSync(BODY_000, 'utf8')));
    expect(reply.proposers).toEqual([{ name: '朱莺', role: '委员' }]);
  });

  it('reads a body-file in GB18030 as import reads one', () => {
    const ws = workspace();
    const answers = copyAnswers(join(ws, 'in'));
    writeFileSync(join(ws, 'in', 'gbk.md'), iconv.encode('旧电脑上写的正文。\n', 'gbk'));
    writeFileSync(answers, JSON.stringify({ ...JSON.parse(readFileSync(answers, 'utf8')), 'body-file': 'gbk.md' }));
    expect(runCli(ws, ['new', '--answers', answers]).code).toBe(0);
    expect(showJson(ws, 1).body).toBe('旧电脑上写的正文。\n');
  });

  it('lets flags win over the answers file, keeping the rest of the answers', () => {
    const ws = workspace();
    const answers = copyAnswers(join(ws, 'in'));
    const run = runCli(ws, [
      'new', '--answers', answers,
      '--title', '旗标给出的标题', '--result', '部分采纳', '--doc-number', '2023-20', '--proposer', '李明委员',
      '--json',
    ]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const reply = JSON.parse(run.stdout) as ReplyJson;
    expect(reply.proposalTitle).toBe('旗标给出的标题');
    expect(reply.result).toBe('部分采纳');
    expect(reply.docNumber.text).toBe('普发改委〔2023〕20号');
    expect(reply.proposers).toEqual([{ name: '李明', role: '委员' }]);
    // from the answers file
    expect(reply.session).toBe('区政协十五届二次会议');
    expect(reply.proposalNo).toBe('152104');
    expect(reply.signedOn).toBe('2023-05-18');
    expect(reply.body).toBe(normalised(readFileSync(BODY_000, 'utf8')));
  });

  it('refuses an answers file with unknown keys, naming them', () => {
    const ws = workspace();
    const file = join(ws, 'a.json');
    writeFileSync(file, JSON.stringify({ kind: '提案答复', colour: 'red', 'signed_on': '2023-01-01' }));
    expectError(runCli(ws, ['new', '--answers', file]), 1, file, 'colour', 'signed_on');
    expect(listJson(ws)).toEqual([]);
  });

  it('refuses an answers file that is not JSON, or not there', () => {
    const ws = workspace();
    writeFileSync(join(ws, 'bad.json'), '{ "kind": ');
    expectError(runCli(ws, ['new', '--answers', 'bad.json']), 1, 'bad.json', '不是有效的 JSON');
    expectError(runCli(ws, ['new', '--answers', 'missing.json']), 1, '无法读取文件 missing.json');
  });

  it('refuses an answers file whose body-file cannot be read', () => {
    const ws = workspace();
    writeFileSync(join(ws, 'a.json'), JSON.stringify({ ...JSON.parse(readFileSync(copyAnswers(ws), 'utf8')), 'body-file': 'gone.md' }));
    expectError(runCli(ws, ['new', '--answers', join(ws, 'a.json')]), 1, '无法读取文件', 'gone.md');
  });
});

// An office that numbers its drafts: each is given the next number as it is filed.
describe('reply new: doc numbers', () => {
  it('gives the next doc number as it files the draft, and says so on one line', () => {
    const ws = draftNumberingWorkspace();
    expect(runCli(ws, ['new', ...flags()]).stdout).toBe(`已归档：第 1 号  普发改委〔2023〕1号  ${TITLE_000}（草稿）\n`);
    expect(showJson(ws, 1).docNumber).toEqual({ text: '普发改委〔2023〕1号', prefix: '普发改委', year: 2023, seq: 1 });
  });

  it('numbers 1, 2, 3 … per year, each year on its own', () => {
    const ws = draftNumberingWorkspace();
    const numbers = [
      ['2023-01-05', '普发改委〔2023〕1号'],
      ['2023-02-01', '普发改委〔2023〕2号'],
      ['2024-01-02', '普发改委〔2024〕1号'],
      ['2023-12-30', '普发改委〔2023〕3号'],
      ['2024-06-30', '普发改委〔2024〕2号'],
    ].map(([signedOn]) => fileReplyJson(ws, { 'signed-on': signedOn }).docNumber.text);
    expect(numbers).toEqual(['普发改委〔2023〕1号', '普发改委〔2023〕2号', '普发改委〔2024〕1号', '普发改委〔2023〕3号', '普发改委〔2024〕2号']);
  });

  it('refuses a typed serial past 9999, which would leave the numbering nowhere to go, and files nothing', () => {
    const ws = draftNumberingWorkspace();
    expectError(runCli(ws, ['new', ...flags({ 'doc-number': '2023-99999' })]), 1, 'doc-number', '序号「99999」过大');
    expect(listJson(ws)).toEqual([]);
    expect(fileReplyJson(ws).docNumber.text).toBe('普发改委〔2023〕1号');
  });

  it.each(['普发改委〔2023〕16号', '普发改委[2023]16号', '2023-16'])(
    'accepts --doc-number %s and prints it as 普发改委〔2023〕16号; the next one is 17',
    (form) => {
      const ws = draftNumberingWorkspace();
      const run = fileReply(ws, { 'doc-number': form });
      expect(run.stdout).toBe(`已归档：第 1 号  普发改委〔2023〕16号  ${TITLE_000}（草稿）\n`);
      expect(fileReplyJson(ws).docNumber.text).toBe('普发改委〔2023〕17号');
    },
  );

  it('refuses a doc number already taken, naming it, and writes nothing', () => {
    const ws = draftNumberingWorkspace();
    fileReply(ws, { 'doc-number': '2023-16' });
    const before = listJson(ws);
    const run = runCli(ws, ['new', ...flags({ 'doc-number': '普发改委[2023]16号', title: '另一件提案' })]);
    expectError(run, 1, '普发改委〔2023〕16号', '第 1 号');
    expect(listJson(ws)).toEqual(before);
  });

  it('refuses an unreadable doc number', () => {
    const ws = draftNumberingWorkspace();
    expectError(runCli(ws, ['new', ...flags({ 'doc-number': '十六号' })]), 1, 'doc-number', '十六号');
  });
});

describe('reply new: invalid input', () => {
  it('lists every missing field together on one line, and writes nothing', () => {
    const ws = workspace();
    const run = runCli(ws, ['new', '--title', '只有标题']);
    expectError(run, 1, '未写入任何内容');
    for (const field of ['kind', 'session', 'proposal-no', 'proposer', 'result', 'disclosure', 'body']) {
      expect(run.stderr).toContain(`${field}（缺少）`);
    }
    expect(run.stderr).not.toContain('title（');
    expect(listJson(ws)).toEqual([]);
  });

  it('asks for the lead unit of a 会办意见', () => {
    const ws = workspace();
    expectError(runCli(ws, ['new', ...flags({ kind: '会办意见' })]), 1, 'lead-unit（缺少）');
  });

  it.each([
    ['2023-13-45', '日期「2023-13-45」不存在'],
    ['2023年2月30日', '不存在'],
    ['去年五月', '无法识别的日期「去年五月」'],
  ])('refuses the signed date %s', (date, problem) => {
    const ws = workspace();
    expectError(runCli(ws, ['new', ...flags({ 'signed-on': date })]), 1, 'signed-on', problem);
  });

  it('refuses an issue date before the signed date', () => {
    const ws = workspace();
    expectError(runCli(ws, ['new', ...flags({ 'issued-on': '2023-05-17' })]), 1, 'issued-on', '印发日期早于成文日期');
  });

  it('refuses a result and a disclosure outside the configured lists, both at once, naming the allowed ones', () => {
    const ws = workspace();
    const run = runCli(ws, ['new', ...flags({ result: '已办结', disclosure: '内部' })]);
    expectError(run, 1, 'result（「已办结」不在允许的取值中', '采纳解决', 'disclosure（「内部」不在允许的取值中', '主动公开·全文');
  });

  it('follows the lists of the workspace config, not the built-in ones', () => {
    const ws = workspace();
    const file = join(ws, 'reply.config.json');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/}\s*$/, '"results": ["已办结"],\n}\n'));
    expect(fileReplyJson(ws, { result: '已办结' }).result).toBe('已办结');
    expectError(runCli(ws, ['new', ...flags({ result: '采纳解决' })]), 1, '「采纳解决」不在允许的取值中：已办结');
  });

  it('refuses an unknown kind', () => {
    const ws = workspace();
    expectError(runCli(ws, ['new', ...flags({ kind: '通知' })]), 1, 'kind（未知的类型「通知」');
  });

  it('refuses a bad proposal number', () => {
    const ws = workspace();
    expectError(runCli(ws, ['new', ...flags({ 'proposal-no': '第一号' })]), 1, 'proposal-no（提案号「第一号」');
  });

  it('reports a bad proposal number together with the other bad fields', () => {
    const ws = workspace();
    const run = runCli(ws, ['new', ...flags({ kind: '通知', 'proposal-no': '第一号' })]);
    expectError(run, 1, 'kind（未知的类型「通知」', 'proposal-no（提案号「第一号」');
  });

  it('refuses a body file that is not there', () => {
    const ws = workspace();
    expectError(runCli(ws, ['new', ...flags({ body: 'nowhere/body.md' })]), 1, '找不到文件 nowhere/body.md');
  });

  it('refuses a body file that is neither UTF-8 nor GB18030 text (GBK is taken, as import takes it), naming where', () => {
    const ws = workspace();
    // 正文 in GBK, then two bytes no encoding has
    writeFileSync(join(ws, 'gbk.txt'), Buffer.from([0xd5, 0xfd, 0xce, 0xc4, 0xff, 0xfe]));
    expectError(runCli(ws, ['new', ...flags({ body: 'gbk.txt' })]), 1, '无法从文件 gbk.txt 读出正文：第 1 行第 3 字（文件第 5 字节）起既不是 UTF-8 也不是 GB18030');
  });
});

describe('reply new --json', () => {
  it('prints the filed reply as JSON and nothing else', () => {
    const ws = draftNumberingWorkspace();
    const run = runCli(ws, ['new', ...flags(), '--json']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const reply = JSON.parse(run.stdout) as ReplyJson;
    expect(reply.id).toBe(1);
    expect(reply.docNumber).toEqual({ text: '普发改委〔2023〕1号', prefix: '普发改委', year: 2023, seq: 1 });
    expect(reply.status).toBe('draft');
    expect(reply.title).toBe(TITLE_000);
    expect(reply).toEqual(showJson(ws, 1));
  });
});

describe('reply new --edit', () => {
  it('opens $EDITOR on a scaffold and files what the editor saved', () => {
    const ws = workspace();
    const { editor, seen } = scriptedEditor(ws, '经研究，现答复如下：\n\n编辑器里写的正文。\n');
    const run = runCli(ws, ['new', ...flags({ body: undefined }), '--edit'], { env: { EDITOR: editor } });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('已归档：第 1 号  无文号');
    // the scaffold names the proposal
    expect(readFileSync(seen, 'utf8')).toContain('《开发长三角一体化智能数据图表研报平台的建议》');
    expect(showJson(ws, 1).body).toBe('经研究，现答复如下：\n\n编辑器里写的正文。\n');
  });

  it('with --body, opens the editor on that body', () => {
    const ws = workspace();
    const { editor, seen } = scriptedEditor(ws, '改过的正文。\n');
    const run = runCli(ws, ['new', ...flags(), '--edit'], { env: { EDITOR: editor } });
    expect(run.code).toBe(0);
    expect(readFileSync(seen, 'utf8')).toBe(readFileSync(BODY_000, 'utf8'));
    expect(showJson(ws, 1).body).toBe('改过的正文。\n');
  });

  it('does not save a scaffold left unchanged (EDITOR=true)', () => {
    const ws = workspace();
    const run = runCli(ws, ['new', ...flags({ body: undefined }), '--edit'], { env: { EDITOR: 'true' } });
    expectError(run, 1, '正文未作修改，未保存');
    expect(listJson(ws)).toEqual([]);
  });

  it('does not save when the editor fails', () => {
    const ws = workspace();
    const run = runCli(ws, ['new', ...flags({ body: undefined }), '--edit'], { env: { EDITOR: 'false' } });
    expectError(run, 1, '编辑器 false 异常退出');
  });

  it('checks the other fields before opening the editor, so no text is written in vain', () => {
    const ws = workspace();
    const { editor, seen } = scriptedEditor(ws, '正文\n');
    const run = runCli(ws, ['new', ...flags({ body: undefined, result: '不存在的结果' }), '--edit'], { env: { EDITOR: editor } });
    expectError(run, 1, 'result');
    expect(() => readFileSync(seen)).toThrow(); // the editor never ran
  });
});

describe('reply new without a terminal', () => {
  it('never prompts when stdin is not a terminal: it lists what is missing', () => {
    const ws = workspace();
    const run = runCli(ws, ['new'], { input: '提案答复\n区政协十五届二次会议\n152104\n标题\n朱莺委员\n' });
    expectError(run, 1, '未写入任何内容');
    for (const field of ['kind', 'session', 'proposal-no', 'title', 'proposer', 'result', 'disclosure', 'body']) {
      expect(run.stderr).toContain(`${field}（缺少）`);
    }
  });

  it('--no-input reports missing fields instead of asking', () => {
    const ws = workspace();
    const run = runCli(ws, ['--no-input', 'new', ...flags({ session: undefined, body: undefined })]);
    expectError(run, 1, 'session（缺少）', 'body（缺少）');
    expect(run.stderr).not.toContain('kind（');
  });

  it('--no-input with complete flags files the reply', () => {
    const ws = workspace();
    const run = runCli(ws, ['--no-input', 'new', ...flags()]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('已归档：第 1 号  无文号');
  });
});
