import { spawnSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, draftNumberingWorkspace, runCli, workspace } from '../helpers/cli.js';
import { convert, hasSoffice, needInCi } from '../helpers/office.js';
import {
  BODY_000,
  expectError,
  fileCleanReply,
  fileReply,
  fileReplyJson,
  flags,
  historyJson,
  lastingWorkspace,
  listJson,
  normalised,
  scriptedEditor,
  showJson,
  type ReplyJson,
  runOk,
} from './support.js';

/** A workspace holding one draft, 普发改委〔2023〕16号, as record 1 (by default in an office that numbers at signing). */
function withDraft(ws = workspace()): string {
  fileReply(ws, { 'doc-number': '2023-16' });
  return ws;
}

const ok = runOk;

describe('reply edit --set', () => {
  it('changes several fields at once and keeps one revision for it', () => {
    const ws = withDraft();
    const run = ok(ws, [
      'edit', '1',
      '--set', 'title=新的提案标题',
      '--set', 'result=部分采纳',
      '--set', 'contact.name=张三',
      '--set', 'proposer=李明委员、经济委员会',
      '--set', 'salutation=李明委员、经济委员会：',
    ]);
    expect(run.stdout).toBe('已更新第 1 号 普发改委〔2023〕16号（修订 2）\n');
    const revisions = historyJson(ws, 1);
    expect(revisions).toHaveLength(2);
    const reply = revisions[1]!.reply;
    expect(reply.proposalTitle).toBe('新的提案标题');
    expect(reply.result).toBe('部分采纳');
    expect(reply.contact).toMatchObject({ name: '张三', phone: '52564588-2321' });
    expect(reply.proposers).toEqual([
      { name: '李明', role: '委员' },
      { name: '经济委员会', role: '集体' },
    ]);
    expect(reply.salutation).toBe('李明委员、经济委员会：');
  });

  it('keeps an "=" inside the value, reaches the reply by doc number, and an empty value clears a field', () => {
    const ws = workspace();
    fileReply(ws, { 'doc-number': '2023-16', 'issued-on': '2023-05-20', cc: '区政府办' });
    const run = ok(ws, ['edit', '普发改委[2023]16号', '--set', 'title=甲=乙', '--set', 'issued-on=', '--set', 'cc=', '--json']);
    const reply = JSON.parse(run.stdout) as ReplyJson;
    expect(reply.proposalTitle).toBe('甲=乙');
    expect(reply.issuedOn).toBe('2023-05-18');
    expect(reply.cc).toEqual([]);
    expect(showJson(ws, 1)).toEqual(reply);
  });

  it('--json prints the edited reply, derived title included', () => {
    const ws = withDraft();
    const run = ok(ws, ['edit', '1', '--set', 'session=区政协十五届三次会议', '--json']);
    const reply = JSON.parse(run.stdout) as ReplyJson;
    expect(reply.session).toBe('区政协十五届三次会议');
    expect(reply.title).toBe('对区政协十五届三次会议 第152104号提案的答复');
  });
});

describe('reply edit --body and the editor', () => {
  it('--body FILE replaces the body', () => {
    const ws = withDraft();
    writeFileSync(join(ws, 'new.md'), '\uFEFF新的正文第一段。\r\n\r\n第二段。   \r\n');
    const run = ok(ws, ['edit', '1', '--body', 'new.md']);
    expect(run.stdout).toBe('已更新第 1 号 普发改委〔2023〕16号（修订 2）\n');
    expect(showJson(ws, 1).body).toBe('新的正文第一段。\n\n第二段。\n');
  });

  it('--body FILE takes a GB18030 text as the text it is', () => {
    const ws = withDraft();
    writeFileSync(join(ws, 'gbk.txt'), iconv.encode('鎔基礎的正文。\n', 'gbk'));
    ok(ws, ['edit', '1', '--body', 'gbk.txt']);
    expect(showJson(ws, 1).body).toBe('鎔基礎的正文。\n');
  });

  it('--body - and a file of no known extension take GB18030 too, as import does', () => {
    const ws = withDraft();
    const piped = spawnSync(process.execPath, [BIN, 'edit', '1', '--body', '-'], {
      cwd: ws,
      env: { PATH: process.env.PATH, HOME: ws, NO_COLOR: '1', REPLY_USER: '王敏' },
      input: iconv.encode('从标准输入来的正文。\n', 'gbk'),
      encoding: 'utf8',
    });
    expect(piped.stderr).toBe('');
    expect(piped.status).toBe(0);
    expect(showJson(ws, 1).body).toBe('从标准输入来的正文。\n');
    writeFileSync(join(ws, '领导改稿'), iconv.encode('没有扩展名的正文。\n', 'gbk'));
    ok(ws, ['edit', '1', '--body', '领导改稿']);
    expect(showJson(ws, 1).body).toBe('没有扩展名的正文。\n');
  });

  it.skipIf(!hasSoffice && !process.env.CI)('--body FILE takes a Word 97 .doc the leader saved, as import reads one (skipped outside CI without LibreOffice)', () => {
    needInCi(hasSoffice, 'LibreOffice');
    const ws = withDraft();
    expect(runCli(ws, ['render', '1', '--format', 'docx', '--out', 'signed.docx']).code).toBe(0);
    const edited = showJson(ws, 1).body.replace(/。/u, '，并已完成。');
    writeFileSync(join(ws, 'edited.md'), edited);
    // The leader's copy: the reply's DOCX with the change, saved by Word as .doc.
    ok(ws, ['edit', '1', '--body', 'edited.md']);
    expect(runCli(ws, ['render', '1', '--format', 'docx', '--out', 'edited.docx']).code).toBe(0);
    ok(ws, ['revert', '1', '1']);
    const doc = convert(new Map([['leader', readFileSync(join(ws, 'edited.docx'))]]), 'doc').get('leader')!;
    writeFileSync(join(ws, 'leader.doc'), doc);
    ok(ws, ['edit', '1', '--body', 'leader.doc']);
    expect(showJson(ws, 1).body).toContain('，并已完成。');
  });

  it('--body FILE takes the body of the reply\'s own Word file as the leader edited it, and a page\'s paragraphs', async () => {
    const ws = withDraft();
    expect(runCli(ws, ['render', '1', '--format', 'docx', '--out', 'signed.docx']).code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(join(ws, 'signed.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    const before = showJson(ws, 1).body;
    const first = before.split('\n')[0]!;
    expect(xml).toContain(first.slice(0, 8));
    zip.file('word/document.xml', xml.replace(first.slice(0, 8), '领导改过：' + first.slice(0, 8)));
    writeFileSync(join(ws, 'signed.docx'), await zip.generateAsync({ type: 'nodebuffer' }));
    ok(ws, ['edit', '1', '--body', 'signed.docx']);
    expect(showJson(ws, 1).body).toBe(before.replace(first, '领导改过：' + first));

    writeFileSync(join(ws, 'page.html'), '<html><body><p>网页第一段。</p><p>第二段。</p></body></html>');
    ok(ws, ['edit', '1', '--body', 'page.html']);
    expect(showJson(ws, 1).body).toBe('网页第一段。\n\n第二段。\n');
  });

  it('--body FILE refuses a file it cannot read, naming it', () => {
    const ws = withDraft();
    writeFileSync(join(ws, 'bad.docx'), 'PK not a zip');
    expectError(runCli(ws, ['edit', '1', '--body', 'bad.docx']), 1, '无法从文件 bad.docx 读出正文：无法读取的 .docx 文件');
  });

  it('--body with --set changes both in one revision', () => {
    const ws = withDraft();
    writeFileSync(join(ws, 'new.md'), '正文。\n');
    ok(ws, ['edit', '1', '--body', 'new.md', '--set', 'result=留作参考']);
    const revisions = historyJson(ws, 1);
    expect(revisions).toHaveLength(2);
    expect(revisions[1]!.reply).toMatchObject({ body: '正文。\n', result: '留作参考' });
  });

  it('with neither --set nor --body, opens $EDITOR on the body', () => {
    const ws = withDraft();
    const { editor, seen } = scriptedEditor(ws, '编辑器改过的正文。\n');
    const run = ok(ws, ['edit', '1'], { EDITOR: editor });
    expect(run.stdout).toBe('已更新第 1 号 普发改委〔2023〕16号（修订 2）\n');
    expect(readFileSync(seen, 'utf8')).toBe(normalised(readFileSync(BODY_000, 'utf8')));
    expect(showJson(ws, 1).body).toBe('编辑器改过的正文。\n');
  });

  it('--force edits a signed reply, which stays signed', () => {
    const ws = workspace();
    fileCleanReply(ws); // signing runs the format check: a reply that passes it
    ok(ws, ['status', '1', 'signed']);
    const reply = JSON.parse(ok(ws, ['edit', '1', '--set', 'title=签发后修改', '--force', '--reason', '更正', '--json']).stdout) as ReplyJson;
    expect(reply.proposalTitle).toBe('签发后修改');
    expect(reply.status).toBe('signed');
  });
});

/**
 * Refusals, all against one archive that none of them may change:
 *   1 普发改委〔2023〕16号 draft · 2 〔2021〕1号 signed · 3 〔2021〕2号 sent · 4 〔2021〕3号 void
 * (2–4 pass the format check, which signing runs).
 */
describe('reply edit: refusals (nothing is written)', () => {
  let ws: string;
  let before: ReplyJson[];
  beforeAll(() => {
    ws = lastingWorkspace();
    fileReply(ws, { 'doc-number': '2023-16' });
    for (const title of ['二', '三', '四']) fileCleanReply(ws, { title });
    for (const [id, status] of [['2', 'signed'], ['3', 'signed'], ['3', 'sent'], ['4', 'void']]) ok(ws, ['status', id!, status!, ...(status === 'void' ? ['--reason', '重复登记'] : [])]);
    writeFileSync(join(ws, 'empty.md'), '  \n\n');
    before = listJson(ws);
  });
  afterAll(() => rmSync(ws, { recursive: true, force: true }));

  it('refuses an unknown field, naming it and the editable ones', () => {
    const run = runCli(ws, ['edit', '1', '--set', 'colour=red', '--set', 'title=不应保存']);
    expectError(run, 1, 'colour', 'title', 'doc-number', 'contact.phone');
  });

  it('refuses bad values, all of them together', () => {
    const run = runCli(ws, ['edit', '1', '--set', 'result=已办结', '--set', 'signed-on=2023-02-30', '--set', 'contact.postcode=12']);
    expectError(run, 1, 'result（「已办结」', 'signed-on（日期「2023-02-30」不存在', 'contact.postcode');
  });

  it('refuses a phone the checker would call an error, rather than take it and then refuse signing for it', () => {
    const ws = withDraft();
    expectError(runCli(ws, ['edit', '1', '--set', 'contact.phone=021 52564588']), 1, '联系电话「021 52564588」格式不对', '021-52564588');
    expect(showJson(ws, 1).contact.phone).toBe('52564588-2321');
    ok(ws, ['edit', '1', '--set', 'contact.phone=021-52564588']);
    expect(runCli(ws, ['check', '1', '--json']).stdout).not.toContain('contact/phone');
  });

  it('refuses a --set without "=" as a usage error', () => {
    expectError(runCli(ws, ['edit', '1', '--set', 'title']), 2, '字段=值', '「title」');
  });

  it('refuses an unreadable or empty body file', () => {
    expectError(runCli(ws, ['edit', '1', '--body', 'missing.md']), 1, '找不到文件 missing.md');
    expectError(runCli(ws, ['edit', '1', '--body', 'empty.md']), 1, '正文为空');
  });

  it('refuses to edit an unknown reply', () => {
    expectError(runCli(ws, ['edit', '9', '--set', 'title=x']), 1, '找不到答复「9」');
  });

  it('without a terminal or an editor, says how to edit (usage error)', () => {
    expectError(runCli(ws, ['edit', '1']), 2, '--set', '--body');
  });

  it('says "no change" when the values are the same', () => {
    const run = runCli(ws, ['edit', '1', '--set', 'result=采纳解决', '--set', 'title=开发长三角一体化智能数据图表研报平台的建议']);
    expect(run).toEqual({ stdout: '', stderr: '没有变化，未写入。\n', code: 0 });
  });

  it('says "no change" when the editor changes nothing (EDITOR=true)', () => {
    expect(runCli(ws, ['edit', '1'], { env: { EDITOR: 'true' } })).toEqual({ stdout: '', stderr: '没有变化，未写入。\n', code: 0 });
  });

  it('refuses a signed reply without --force, naming its state', () => {
    expectError(runCli(ws, ['edit', '2', '--set', 'title=签发后修改']), 1, '第 2 号记录', '已签发', '--force');
  });

  it('words that refusal without a doubled 已 (第 2 号记录已已签发)', () => {
    expect(runCli(ws, ['edit', '2', '--set', 'title=x']).stderr).not.toContain('已已');
  });

  it('refuses a sent reply without --force', () => {
    expectError(runCli(ws, ['edit', '3', '--set', 'title=x']), 1, '已发送', '--force');
  });

  it('refuses a void reply always, even with --force', () => {
    expectError(runCli(ws, ['edit', '4', '--set', 'title=x']), 1, '第 4 号记录已作废，不能再修改');
    expectError(runCli(ws, ['edit', '4', '--set', 'title=x', '--force', '--reason', '更正']), 1, '已作废');
  });

  it('none of the refusals above wrote anything', () => {
    expect(listJson(ws)).toEqual(before);
  });
});

describe('reply edit: revisions', () => {
  /** One reply, edited twice: its title, then its doc number (16 → 30). */
  let ws: string;
  beforeAll(() => {
    ws = lastingWorkspace();
    fileReply(ws, { 'doc-number': '2023-16' });
    ok(ws, ['edit', '1', '--set', 'title=第二稿']);
    ok(ws, ['edit', '1', '--set', 'doc-number=2023-30']);
  });
  afterAll(() => rmSync(ws, { recursive: true, force: true }));

  it('keeps every earlier state, shown by show --history', () => {
    const revisions = historyJson(ws, 1);
    expect(revisions.map((r) => [r.revision, r.change, r.reply.proposalTitle, r.reply.docNumber.text])).toEqual([
      [1, 'created', '开发长三角一体化智能数据图表研报平台的建议', '普发改委〔2023〕16号'],
      [2, 'edited', '第二稿', '普发改委〔2023〕16号'],
      [3, 'edited', '第二稿', '普发改委〔2023〕30号'],
    ]);
    const table = runCli(ws, ['show', '1', '--history']).stdout.trimEnd().split('\n');
    expect(table).toHaveLength(4);
    expect(table[1]).toMatch(/^1\s.*归档\s+—$/);
    expect(table[3]).toMatch(/^3\s.*修改：/);
  });

  it('names the changed fields in the history as the user types them (title, doc-number), not internal keys', () => {
    const lines = runCli(ws, ['show', '1', '--history']).stdout.trimEnd().split('\n');
    expect(lines[2]).toMatch(/修改：(title|提案标题)\s+—$/);
    expect(lines[3]).toMatch(/修改：(doc-number|发文字号)\s+—$/);
  });

  it('says a burnt number was used before, rather than that a reply which no longer has it holds it', () => {
    const run = runCli(ws, ['new', ...flags({ 'doc-number': '2023-16' })]);
    expectError(run, 1, '普发改委〔2023〕16号', '曾经使用过');
  });
});

describe('reply edit: doc number', () => {
  it('moves the reply to the new number and keeps the old one burnt', () => {
    // An office that numbers its drafts, so that a new reply is given the next number.
    const ws = withDraft(draftNumberingWorkspace());
    const run = ok(ws, ['edit', '1', '--set', 'doc-number=普发改委〔2023〕30号']);
    expect(run.stdout).toBe('已更新第 1 号 普发改委〔2023〕30号（修订 2）\n');
    expect(showJson(ws, '2023-30').id).toBe(1);
    // the old number is burnt, and says which reply it was given to and what that reply carries now
    expectError(runCli(ws, ['show', '2023-16']), 1, '普发改委〔2023〕16号 已不再使用', '第 1 号', '普发改委〔2023〕30号');

    // a new reply is never given the old number: not by default …
    expect(fileReplyJson(ws, { title: '下一件' }).docNumber.text).toBe('普发改委〔2023〕31号');
    // … nor when asked for it
    const taken = runCli(ws, ['new', ...flags({ 'doc-number': '2023-16', title: '想要旧号' })]);
    expectError(taken, 1, '普发改委〔2023〕16号');
    // … nor may the reply itself take it back
    expectError(runCli(ws, ['edit', '1', '--set', 'doc-number=2023-16']), 1, '普发改委〔2023〕16号', '曾经使用过');
    expect(listJson(ws).map((r) => r.docNumber.text)).toEqual(['普发改委〔2023〕31号', '普发改委〔2023〕30号']);
  });

  it('refuses a number another reply holds', () => {
    // An office that numbers its drafts, so that a new reply is given the next number.
    const ws = withDraft(draftNumberingWorkspace());
    fileReply(ws, { title: '第二件' }); // 普发改委〔2023〕17号
    expectError(runCli(ws, ['edit', '2', '--set', 'doc-number=2023-16']), 1, '普发改委〔2023〕16号 已被第 1 号记录占用');
    expect(showJson(ws, 2).docNumber.text).toBe('普发改委〔2023〕17号');
  });
});
