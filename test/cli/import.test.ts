import { READABLE_EXTENSIONS } from '../../src/read/index.js';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Document, Packer, Paragraph } from 'docx';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempDir, workspace } from '../helpers/cli.js';
import { corpusRecord, published, REPLIES, type CorpusId } from '../helpers/corpus.js';
import { expectError, listJson, showJson } from './support.js';

const SHARED_CORPUS = join(ROOT, 'test', 'fixtures', 'corpus');
const IDS = Object.keys(REPLIES) as CorpusId[];
const fileOf = (id: CorpusId) => join(SHARED_CORPUS, REPLIES[id].file);

function importOk(ws: string, args: string[]) {
  const run = runCli(ws, ['import', ...args]);
  expect(run.code, run.stderr).toBe(0);
  return run;
}

/** The fields of a reply's JSON that come from the document (not the archive's bookkeeping). */
function documentFields(json: Record<string, unknown>) {
  const { id: _id, createdAt: _c, updatedAt: _u, source: _s, ...fields } = json;
  return fields;
}

/** A .docx holding the published text, one Word paragraph per line, as an office's file would. */
async function docxOf(text: string): Promise<Buffer> {
  const paragraphs = text.split('\n').filter((l) => l.trim()).map((l) => new Paragraph(l));
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}

describe('reply import of the corpus', () => {
  it('files every reply, skips the news article, and says so per file', () => {
    const ws = workspace();
    const run = importOk(ws, [SHARED_CORPUS]);
    expect(run.stdout).toContain(`已导入  第 1 号  普发改委〔2023〕16号  ${fileOf('000')}`);
    expect(run.stdout).toContain('003_5561e4fdd77a1f2f.txt：不是答复文件');
    // The fixture folder holds the answers files the corpus was filed from: named once, as files of no reply format.
    expect(run.stderr).toMatch(/^目录中另有不是答复格式的文件，未读取：\.json 4 个\n共 \d+ 个文件：导入 4（完整 4，待补充 0），跳过 \d+，冲突 0\n$/);
    expect(listJson(ws).map((r) => r.docNumber.text).sort()).toEqual(
      ['普发改委〔2021〕9号', '普发改委〔2023〕10号', '普发改委〔2023〕16号', '普府〔2025〕19号'],
    );
  });

  it('renders each imported reply back to the published text, apart from the repaired artifacts', () => {
    const ws = workspace();
    importOk(ws, [SHARED_CORPUS]);
    for (const id of IDS) {
      const number = corpusRecord(id).docNumber.toString();
      const run = runCli(ws, ['render', number]);
      expect(run.code, run.stderr).toBe(0);
      // The golden files are the published texts with their named artifacts repaired (test/render/text.test.ts).
      expect(run.stdout).toBe(readFileSync(join(ROOT, 'test', 'golden', `${id}.txt`), 'utf8'));
    }
  });

  it('has every field right in show --json, keeps the source verbatim with its path and sha256, and files it as sent', () => {
    const ws = workspace();
    importOk(ws, [SHARED_CORPUS]);
    for (const id of IDS) {
      const expected = corpusRecord(id);
      const json = showJson(ws, expected.docNumber.toString()) as unknown as Record<string, unknown>;
      expect(json).toMatchObject({
        kind: expected.kind,
        status: 'sent',
        session: expected.session,
        proposalNo: expected.proposalNo,
        proposalTitle: expected.proposalTitle,
        proposers: expected.proposers,
        leadUnit: expected.leadUnit,
        result: expected.result,
        disclosure: expected.disclosure,
        signedOn: expected.signedOn,
        organ: expected.organ,
        header: expected.header,
        printingOrgan: expected.printingOrgan,
        contact: expected.contact,
        contactLabels: expected.contactLabels,
        cc: expected.cc,
        body: expected.body,
      });
      const bytes = readFileSync(fileOf(id));
      expect(json.source).toEqual({
        path: fileOf(id),
        sha256: createHash('sha256').update(bytes).digest('hex'),
        format: 'txt',
        encoding: 'utf-8',
        importedAt: expect.any(String),
      });
      expect(runCli(ws, ['show', expected.docNumber.toString(), '--source']).stdout).toBe(bytes.toString('utf8'));
    }
  });

  it('changes nothing when the same files are imported again', () => {
    const ws = workspace();
    importOk(ws, [SHARED_CORPUS]);
    const before = listJson(ws);
    const again = importOk(ws, [SHARED_CORPUS]);
    expect(again.stdout).toContain('已导入过（第 1 号）');
    expect(again.stderr).toMatch(/导入 0（/);
    expect(listJson(ws)).toEqual(before);
  });

  it('--dry-run shows what would be filed and writes nothing', () => {
    const ws = workspace();
    const run = importOk(ws, ['--dry-run', SHARED_CORPUS]);
    expect(run.stdout).toContain(`将导入  普发改委〔2023〕16号  ${fileOf('000')}`);
    expect(run.stderr).toContain('将导入 4');
    expect(existsSync(join(ws, 'data'))).toBe(false);
  });

  it('--json reports each file: filed, skipped with reason, warnings', () => {
    const ws = workspace();
    const run = runCli(ws, ['import', '--json', fileOf('000'), join(SHARED_CORPUS, '003_5561e4fdd77a1f2f.txt')]);
    expect(run.code).toBe(1); // 003 was named and is not a reply
    const reports = JSON.parse(run.stdout);
    expect(reports).toEqual([
      {
        file: fileOf('000'),
        outcome: 'filed',
        id: 1,
        docNumber: '普发改委〔2023〕16号',
        found: expect.objectContaining({
          docNumber: { value: '普发改委〔2023〕16号', how: 'printed', line: 9 },
          session: { value: '区政协十五届二次会议', how: 'printed', line: 11 },
          kind: { value: '提案答复', how: 'printed', line: 11 },
          signedOn: { value: '2023-05-18', how: 'printed', line: expect.any(Number) },
        }),
        missing: [],
        inferred: [],
        differing: [],
        warnings: [],
      },
      expect.objectContaining({ file: join(SHARED_CORPUS, '003_5561e4fdd77a1f2f.txt'), outcome: 'skipped', reason: expect.stringContaining('不是答复文件') }),
    ]);
  });
});

describe('reply import of other encodings and formats', () => {
  it('imports a GB18030 (GBK) copy of a corpus reply to the same record', () => {
    const utf8 = workspace();
    importOk(utf8, [fileOf('000')]);
    const gbk = workspace();
    const copy = join(gbk, '答复-gbk.txt');
    writeFileSync(copy, iconv.encode(published('000'), 'gb18030'));
    importOk(gbk, [copy]);
    const json = showJson(gbk, 1) as unknown as Record<string, unknown>;
    expect(documentFields(json)).toEqual(documentFields(showJson(utf8, 1) as unknown as Record<string, unknown>));
    expect(json.source).toMatchObject({ encoding: 'gb18030', format: 'txt' });
  });

  it('imports a UTF-8 file with a BOM', () => {
    const ws = workspace();
    const copy = join(ws, 'bom.txt');
    writeFileSync(copy, '\uFEFF' + published('004'));
    importOk(ws, [copy]);
    expect(showJson(ws, 1).docNumber.text).toBe('普发改委〔2021〕9号');
  });

  it('imports a .docx copy of a corpus reply to the same record', async () => {
    const txt = workspace();
    importOk(txt, [fileOf('002')]);
    const word = workspace();
    const copy = join(word, '会办意见.docx');
    writeFileSync(copy, await docxOf(published('002')));
    importOk(word, [copy]);
    const json = showJson(word, 1) as unknown as Record<string, unknown>;
    expect(documentFields(json)).toEqual(documentFields(showJson(txt, 1) as unknown as Record<string, unknown>));
    expect(json.source).toMatchObject({ format: 'docx' });
  });

  it('imports a corpus reply saved as a GB2312 web page (with a portal\'s chrome) to the same record', () => {
    const txt = workspace();
    importOk(txt, [fileOf('000')]);
    const page = workspace();
    const copy = join(page, '答复.htm');
    const paragraphs = published('000')
      .split('\n')
      .filter((l) => l.trim())
      .map((l) => `<p>${l.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
      .join('');
    const html = `<html><head><meta charset="gb2312"><script>var a = '答复如下';</script></head><body><nav>首页 政务公开</nav>${paragraphs}<footer>版权所有</footer></body></html>`;
    writeFileSync(copy, iconv.encode(html, 'gbk'));
    importOk(page, [copy]);
    const json = showJson(page, 1) as unknown as Record<string, unknown>;
    expect(documentFields(json)).toEqual(documentFields(showJson(txt, 1) as unknown as Record<string, unknown>));
    expect(json.source).toMatchObject({ format: 'html', encoding: 'gb18030' });
    const check = runCli(page, ['check', copy]);
    expect(check.stderr).not.toMatch(/不支持|不是答复/u);
  });

  it('recognises another copy of a reply already filed (here in GB18030), and files it not twice', () => {
    const ws = workspace();
    importOk(ws, [fileOf('000')]);
    const before = listJson(ws);
    const copy = join(ws, 'gbk.txt');
    writeFileSync(copy, iconv.encode(published('000'), 'gb18030'));
    const run = importOk(ws, [copy]);
    expect(run.stdout).toBe(`跳过    ${copy}：与第 1 号是同一份答复（机关、会次、编号与正文相同），未重复归档\n`);
    expect(listJson(ws)).toEqual(before);
  });

  it('reports another reply under a doc number already filed as a conflict, and keeps the first', () => {
    const ws = workspace();
    importOk(ws, [fileOf('000')]);
    const before = listJson(ws);
    const other = join(ws, 'other.txt');
    writeFileSync(other, published('000').replace('普陀区作为上海市中心城区', '普陀区作为一个城区'));
    const run = runCli(ws, ['import', other]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(`冲突    ${other}：发文字号 普发改委〔2023〕16号 已被第 1 号记录占用，未覆盖\n`);
    expect(listJson(ws)).toEqual(before);
  });
});

describe('reply import skips what is not a reply, with a reason, and goes on', () => {
  it('judges every file of a folder on its own: a reply dated 2023年2月30日 first in the folder stops nothing', () => {
    const ws = workspace();
    const dir = join(tempDir(), 'in');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a-bad-date.txt'), readFileSync(fileOf('000'), 'utf8').replaceAll('2023年5月18日', '2023年2月30日'));
    copyFileSync(fileOf('001'), join(dir, 'b-reply.txt'));
    copyFileSync(fileOf('004'), join(dir, 'c-reply.txt'));
    const run = importOk(ws, [dir]);
    const lines = run.stdout.split('\n').filter(Boolean);
    expect(lines[0]).toMatch(/^已导入  第 1 号  普发改委〔2023〕16号  .*a-bad-date\.txt（注意：待补充：成文日期；成文日期已损坏、无法识别（未猜测））$/u);
    expect(lines.slice(1)).toEqual([
      `已导入  第 2 号  普发改委〔2023〕10号  ${join(dir, 'b-reply.txt')}`,
      `已导入  第 3 号  普发改委〔2021〕9号  ${join(dir, 'c-reply.txt')}`,
    ]);
    expect(run.stderr).toContain('共 3 个文件：导入 3（完整 2，待补充 1），跳过 0，冲突 0');
    expect(showJson(ws, 1).signedOn).toBeNull();
  });

  it('skips an empty file, a binary file, a corrupt .docx, a broken PDF and an unsupported file, and files the rest', () => {
    const ws = workspace();
    const dir = join(tempDir(), 'in');
    mkdirSync(dir);
    writeFileSync(join(dir, 'a-empty.txt'), '');
    writeFileSync(join(dir, 'b-binary.txt'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    writeFileSync(join(dir, 'c-corrupt.docx'), 'PK\u0003\u0004 not really a zip');
    copyFileSync(fileOf('001'), join(dir, 'd-reply.txt'));
    writeFileSync(join(dir, 'e-broken.pdf'), '%PDF-1.4');
    writeFileSync(join(dir, 'f-table.xlsx'), 'PK');
    const run = runCli(ws, ['import', dir, join(dir, 'f-table.xlsx')]);
    expect(run.stdout.split('\n').filter(Boolean)).toEqual([
      `跳过    ${join(dir, 'a-empty.txt')}：文件为空`,
      `跳过    ${join(dir, 'b-binary.txt')}：不是文本文件`,
      `跳过    ${join(dir, 'c-corrupt.docx')}：无法读取的 .docx 文件（已损坏或不是 Word 文档）`,
      `已导入  第 1 号  普发改委〔2023〕10号  ${join(dir, 'd-reply.txt')}`,
      `跳过    ${join(dir, 'e-broken.pdf')}：无法读取的 PDF 文件（已损坏或不是 PDF）`,
      `跳过    ${join(dir, 'f-table.xlsx')}：不支持的文件类型（可读取 ${READABLE_EXTENSIONS.join(' ')}）`,
    ]);
    // The .xlsx was named on the command line: a file the user asked for and did not get.
    expect(run.code).toBe(1);
    expect(listJson(ws)).toHaveLength(1);
  });

  it('says where a damaged copy of a reply stops being text, by line, character and byte', () => {
    const ws = workspace();
    const dir = join(tempDir(), 'in');
    mkdirSync(dir);
    const text = readFileSync(fileOf('001'));
    // the copy opens with two empty lines: line 3 is 办理结果：…, and the byte goes before its third character
    expect(text.subarray(0, 2).toString()).toBe('\n\n');
    const cut = 2 + 6;
    writeFileSync(join(dir, 'damaged.txt'), Buffer.concat([text.subarray(0, cut), Buffer.from([0xff]), text.subarray(cut)]));
    const run = runCli(ws, ['import', '--json', join(dir, 'damaged.txt')]);
    expect(run.code).toBe(1);
    const [report] = JSON.parse(run.stdout) as { outcome: string; reason: string }[];
    expect(report).toMatchObject({ outcome: 'skipped', reason: `第 3 行第 3 字（文件第 ${cut + 1} 字节）起既不是 UTF-8 也不是 GB18030 编码的文字，文件可能已损坏` });
  });

  it('names the other files of a folder once, by type and count, and reads no line for each', () => {
    const ws = workspace();
    const dir = join(tempDir(), 'in');
    mkdirSync(join(dir, 'sub'), { recursive: true });
    copyFileSync(fileOf('001'), join(dir, 'reply.txt'));
    for (const name of ['a.xlsx', 'b.xlsx', 'sub/c.XLSX', 'd.zip', 'Makefile']) writeFileSync(join(dir, name), 'x');
    const run = runCli(ws, ['import', dir]);
    expect(run.code).toBe(0);
    expect(run.stdout.split('\n').filter(Boolean)).toHaveLength(1);
    expect(run.stderr).toContain('目录中另有不是答复格式的文件，未读取：.xlsx 3 个、.zip 1 个、Makefile 1 个');
  });

  it('names a missing file', () => {
    const ws = workspace();
    const run = runCli(ws, ['import', join(ws, 'nope.txt')]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(`跳过    ${join(ws, 'nope.txt')}：文件或目录不存在\n`);
  });

  it('files a reply with a field it could not find, and warns', () => {
    const ws = workspace();
    const file = join(ws, 'no-contact.txt');
    writeFileSync(file, published('000').replace(/联系人姓名：宋佩颖\n/, ''));
    const run = importOk(ws, [file]);
    expect(run.stdout).toContain('（注意：未找到联系人）');
  });

  it('needs at least one path', () => {
    expectError(runCli(workspace(), ['import']), 2, '缺少参数');
  });
});
