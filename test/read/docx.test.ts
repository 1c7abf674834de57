import JSZip from 'jszip';
import { AlignmentType, Document, FootnoteReferenceRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { readReply } from '../../src/core/reader/read.js';
import { docxReader } from '../../src/read/docx.js';
import { readerFor } from '../../src/read/index.js';
import { fieldsOf } from '../core/reader/wild.test.js';
import { typedDocx } from '../helpers/office.js';
import { EXPECTED, WILD_FILES, wild } from '../helpers/wild.js';

async function linesOf(bytes: Buffer) {
  const read = await docxReader.read(bytes);
  if (!read.ok) throw new Error(read.reason);
  return read.lines!;
}

const docxOf = (children: (Paragraph | Table)[], extra: Partial<ConstructorParameters<typeof Document>[0]> = {}) =>
  Packer.toBuffer(new Document({ ...extra, sections: [{ children }] }));

describe('a Word file: each paragraph a line, with how it is set', () => {
  it('says a paragraph is centred or set right, by its own alignment or its style\'s, and gives its size', async () => {
    const lines = await linesOf(
      await docxOf(
        [
          new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '关于某某的答复', size: 44 })] }),
          new Paragraph({ style: 'Signature', text: '某某局' }),
          new Paragraph({ alignment: AlignmentType.BOTH, text: '正文。' }),
        ],
        { styles: { paragraphStyles: [{ id: 'Signature', name: 'Signature', paragraph: { alignment: AlignmentType.RIGHT } }] } },
      ),
    );
    expect(lines[0]).toEqual({ text: '关于某某的答复', align: 'center', size: 22 });
    expect(lines[1]).toMatchObject({ text: '某某局', align: 'right' });
    expect(lines[2]).toMatchObject({ text: '正文。', align: 'left' });
  });

  it('says a line is bold when all of it is, and marks a bold run inside a paragraph as the body does', async () => {
    const lines = await linesOf(
      await docxOf([
        new Paragraph({ children: [new TextRun({ text: '一、工作情况', bold: true })] }),
        new Paragraph({ children: [new TextRun('一是'), new TextRun({ text: '组建专班', bold: true }), new TextRun('。由专班牵头。')] }),
      ]),
    );
    expect(lines).toEqual([
      { text: '一、工作情况', bold: true },
      { text: '一是**组建专班**。由专班牵头。' },
    ]);
  });

  it('gives a table row its cells on one line, and a line break a new line', async () => {
    const cell = (t: string) => new TableCell({ children: [new Paragraph(t)] });
    const lines = await linesOf(
      await docxOf([
        new Table({ rows: [new TableRow({ children: [cell('发文字号：'), cell('武农复〔2020〕11号')] })] }),
        new Paragraph({ children: [new TextRun('第一行'), new TextRun({ text: '第二行', break: 1 })] }),
      ]),
    );
    expect(lines.map((l) => l.text)).toEqual(['发文字号： 武农复〔2020〕11号', '第一行', '第二行']);
  });

  it('keeps the footnotes after the body, each numbered where it is cited', async () => {
    const lines = await linesOf(
      await docxOf([new Paragraph({ children: [new TextRun('实施倍增行动'), new FootnoteReferenceRun(1), new TextRun('。')] })], {
        footnotes: { 1: { children: [new Paragraph('“411”倍增：税收占比每年提高。')] } },
      }),
    );
    expect(lines.map((l) => l.text)).toEqual(['实施倍增行动¹。', '¹ “411”倍增：税收占比每年提高。']);
  });

  it('reads no deleted text of tracked changes and no field codes', async () => {
    const zip = await JSZip.loadAsync(await docxOf([new Paragraph('占位')]));
    const xml = (await zip.file('word/document.xml')!.async('string')).replace(
      /<w:p>.*?占位.*?<\/w:p>/su,
      '<w:p><w:r><w:t>留下</w:t></w:r><w:del><w:r><w:delText>删去</w:delText></w:r></w:del><w:r><w:instrText> PAGE </w:instrText></w:r><w:ins><w:r><w:t>补上</w:t></w:r></w:ins></w:p>',
    );
    zip.file('word/document.xml', xml);
    expect((await linesOf(await zip.generateAsync({ type: 'nodebuffer' }))).map((l) => l.text)).toEqual(['留下补上']);
  });

  it('gives the record\'s properties among the keywords first, as the info lines of a disclosure page', async () => {
    const lines = await linesOf(await docxOf([new Paragraph('正文。')], { keywords: '办理结果：采纳解决；公开属性：主动公开·全文；其他' }));
    expect(lines.map((l) => l.text)).toEqual(['办理结果：采纳解决', '公开属性：主动公开·全文', '正文。']);
  });
});

describe('what is not a Word file', () => {
  it('refuses bytes that are no zip, a zip without word/document.xml, and a file with no text', async () => {
    expect(await docxReader.read(Buffer.from('不是压缩包'))).toEqual({ ok: false, reason: 'import.badDocx' });
    const zip = new JSZip();
    zip.file('a.txt', 'x');
    expect(await docxReader.read(await zip.generateAsync({ type: 'nodebuffer' }))).toEqual({ ok: false, reason: 'import.badDocx' });
    expect(await docxReader.read(await docxOf([new Paragraph('')]))).toEqual({ ok: false, reason: 'import.empty' });
  });

  it('refuses a document.xml that inflates past 20 MB as too large', async () => {
    const zip = await JSZip.loadAsync(await docxOf([new Paragraph('x')]));
    zip.file('word/document.xml', `<w:document>${' '.repeat(21_000_000)}</w:document>`);
    expect(await docxReader.read(await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }))).toEqual({ ok: false, reason: 'import.tooLarge' });
  });

  it('is the reader of .docx files', () => expect(readerFor('a/答复.DOCX')).toBe(docxReader));
});

describe('each real reply typed in Word reads to the fields a person reads', () => {
  for (const file of WILD_FILES) {
    it(file.slice(0, 2), async () => {
      expect(fieldsOf(readReply(await linesOf(await typedDocx(wild(file)))))).toEqual(EXPECTED[file]);
    });
  }
});
