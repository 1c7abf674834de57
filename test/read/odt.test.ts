import { AlignmentType, Document, FootnoteReferenceRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { readReply } from '../../src/core/reader/read.js';
import { odtReader } from '../../src/read/odt.js';
import { fieldsOf } from '../core/reader/wild.test.js';
import { convert, hasSoffice, needInCi } from '../helpers/office.js';
import { EXPECTED, WILD_FILES, wild } from '../helpers/wild.js';

needInCi(hasSoffice, 'soffice (Debian libreoffice-writer-nogui)');

const NS = [
  'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"',
  'xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0"',
  'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"',
  'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"',
  'xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"',
].join(' ');

/** An .odt as a zip holds it: the mimetype first and stored, content.xml, and styles.xml when given. */
async function odtOf(body: string, automatic = '', styles?: string): Promise<Buffer> {
  const zip = new JSZip();
  zip.file('mimetype', 'application/vnd.oasis.opendocument.text', { compression: 'STORE' });
  zip.file(
    'content.xml',
    `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${NS} office:version="1.3"><office:automatic-styles>${automatic}</office:automatic-styles><office:body><office:text>${body}</office:text></office:body></office:document-content>`,
  );
  if (styles !== undefined) zip.file('styles.xml', `<?xml version="1.0" encoding="UTF-8"?><office:document-styles ${NS}>${styles}</office:document-styles>`);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** Common styles: paragraphs 12 pt by default, a Title centred at 22 pt; a header's automatic P1, set right, which is not the body's P1. */
const STYLES = `<office:styles>
<style:default-style style:family="paragraph"><style:text-properties fo:font-size="12pt"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"/>
<style:style style:name="Title" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="22pt"/></style:style>
</office:styles><office:automatic-styles><style:style style:name="P1" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/></style:style></office:automatic-styles>`;

const AUTOMATIC = `<style:style style:name="P1" style:family="paragraph" style:parent-style-name="Title"/>
<style:style style:name="P2" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="end"/></style:style>
<style:style style:name="P3" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-weight="bold" fo:font-size="16pt"/></style:style>
<style:style style:name="P4" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:text-align="justify"/></style:style>
<style:style style:name="T1" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>`;

const note = (id: number, text: string) =>
  `<text:note text:id="ftn${id}" text:note-class="footnote"><text:note-citation>${id}</text:note-citation><text:note-body><text:p text:style-name="Standard">${text}</text:p></text:note-body></text:note>`;

describe('an OpenDocument text: its lines and how they are set', () => {
  it('takes a paragraph’s alignment from its style or the parent it names in styles.xml, not from styles.xml’s own automatic styles', async () => {
    const read = await odtReader.read(
      await odtOf(`<text:p text:style-name="P1">关于某某的答复</text:p><text:p text:style-name="P4">正文两端对齐</text:p><text:p text:style-name="P2">某某局</text:p>`, AUTOMATIC, STYLES),
    );
    if (!read.ok) throw new Error(read.reason);
    expect(read.lines).toEqual([
      { text: '关于某某的答复', align: 'center', size: 22 },
      { text: '正文两端对齐', size: 12 },
      { text: '某某局', align: 'right', size: 12 },
    ]);
  });

  it('says a line is bold by its paragraph’s style or when all its text is in bold spans, and of its size in points', async () => {
    const read = await odtOf(
      `<text:h text:style-name="P3" text:outline-level="1">一、总体情况</text:h><text:p text:style-name="Standard"><text:span text:style-name="T1">全部加粗</text:span></text:p><text:p text:style-name="Standard">部分<text:span text:style-name="T1">加粗</text:span></text:p>`,
      AUTOMATIC,
      STYLES,
    ).then((b) => odtReader.read(b));
    if (!read.ok) throw new Error(read.reason);
    expect(read.lines).toEqual([
      { text: '一、总体情况', bold: true, size: 16 },
      { text: '全部加粗', bold: true, size: 12 },
      { text: '部分加粗', size: 12 },
    ]);
  });

  it('gives text:s its count of blanks, a tab a blank and a line break a new line; XML’s own blanks are one', async () => {
    const read = await odtReader.read(
      await odtOf(`<text:p>联<text:s text:c="3"/>系<text:s/>人<text:tab/>张三</text:p>
      <text:p text:style-name="P2"><text:s text:c="4"/>某某局<text:line-break/>2020年1月2日</text:p><text:p>末  段
      文字</text:p>`, AUTOMATIC),
    );
    if (!read.ok) throw new Error(read.reason);
    expect(read.lines).toEqual([
      { text: '联   系 人 张三' },
      { text: '    某某局', align: 'right' },
      { text: '2020年1月2日', align: 'right' },
      { text: '末 段 文字' },
    ]);
  });

  it('puts a table row’s cells on one line, the paragraphs of a cell too', async () => {
    const cell = (...ps: string[]) => `<table:table-cell>${ps.map((p) => `<text:p>${p}</text:p>`).join('')}</table:table-cell>`;
    const read = await odtReader.read(
      await odtOf(`<table:table><table:table-column/><table:table-row>${cell('索引号：')}${cell('11532329/2020-00012')}${cell('发文字号：')}${cell('武农复〔2020〕11号')}</table:table-row>
      <table:table-row>${cell('成文日期：')}${cell('2020年09月16日', '（星期三）')}<table:covered-table-cell/></table:table-row></table:table><text:p>表后</text:p>`),
    );
    if (!read.ok) throw new Error(read.reason);
    expect(read.text).toBe('索引号： 11532329/2020-00012 发文字号： 武农复〔2020〕11号\n成文日期： 2020年09月16日 （星期三）\n表后');
  });

  it('numbers each footnote where it is cited and puts the notes after the body, as a published copy prints them', async () => {
    const read = await odtReader.read(
      await odtOf(`<text:p>附注所指的数据${note(1, '数据来源：区统计局。')}，另见${note(2, '第二条注。')}。</text:p><text:p>某某局</text:p>`),
    );
    if (!read.ok) throw new Error(read.reason);
    expect(read.text).toBe('附注所指的数据¹，另见²。\n某某局\n¹ 数据来源：区统计局。\n² 第二条注。');
  });

  it('leaves out what is no text of the document: comments, tracked deletions, declarations', async () => {
    const read = await odtReader.read(
      await odtOf(`<text:tracked-changes><text:changed-region text:id="c1"><text:deletion><text:p>删除的段落</text:p></text:deletion></text:changed-region></text:tracked-changes>
      <text:sequence-decls><text:sequence-decl text:name="Table"/></text:sequence-decls><text:p>正文<office:annotation><text:p>批注不是正文</text:p></office:annotation>。</text:p>`),
    );
    expect(read).toMatchObject({ ok: true, text: '正文。' });
  });

  it('is the reader of .odt files', () => {
    expect(odtReader).toMatchObject({ format: 'odt', extensions: ['.odt'] });
  });
});

describe('what is not an .odt, or too large', () => {
  it('refuses bytes that are no zip, a damaged zip and a zip without content.xml, with their reason', async () => {
    expect(await odtReader.read(Buffer.from('只是一段文字'))).toEqual({ ok: false, reason: 'import.badOdt' });
    expect(await odtReader.read(Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(600, 0x41)]))).toEqual({ ok: false, reason: 'import.badOdt' });
    const docx = new JSZip();
    docx.file('word/document.xml', '<w:document/>');
    expect(await odtReader.read(await docx.generateAsync({ type: 'nodebuffer' }))).toEqual({ ok: false, reason: 'import.badOdt' });
  });

  it('refuses a document with no text as empty', async () => {
    expect(await odtReader.read(await odtOf('<text:p> <text:s text:c="3"/></text:p><table:table><table:table-row><table:table-cell/></table:table-row></table:table>'))).toEqual({
      ok: false,
      reason: 'import.empty',
    });
  });

  it('refuses a file over 50 MB, and one whose content.xml inflates past 20 MB (a few hundred KB zipped)', async () => {
    expect(await odtReader.read(Buffer.alloc(50_000_001))).toEqual({ ok: false, reason: 'import.tooLarge' });
    const bomb = await odtOf(`<text:p>${'答'.repeat(7_000_000)}</text:p>`);
    expect(bomb.length).toBeLessThan(1_000_000);
    expect(await odtReader.read(bomb)).toEqual({ ok: false, reason: 'import.tooLarge' });
  });
});

/** Each text as a Word file, one paragraph a line. */
function docxOf(text: string): Promise<Buffer> {
  const paragraphs = text.split('\n').filter((l) => l.trim()).map((l) => new Paragraph(l));
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}

/** A reply as set in Word: a centred bold title in 16 pt, an info table, a footnote, the signature set right. */
function setDocx(): Promise<Buffer> {
  const cell = (text: string) => new TableCell({ children: [new Paragraph(text)] });
  return Packer.toBuffer(
    new Document({
      footnotes: { 1: { children: [new Paragraph('数据来源：区统计局。')] } },
      sections: [
        {
          children: [
            new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: '关于某某的答复', bold: true, size: 32 })] }),
            new Table({ rows: [new TableRow({ children: [cell('索引号：'), cell('11532329/2020-00012')] })] }),
            new Paragraph({ children: [new TextRun('附注所指的数据'), new FootnoteReferenceRun(1), new TextRun('。')] }),
            new Paragraph({ alignment: AlignmentType.RIGHT, children: [new TextRun('某某局')] }),
          ],
        },
      ],
    }),
  );
}

describe.skipIf(!hasSoffice)('an OpenDocument text written by LibreOffice (skipped: soffice is not installed)', () => {
  const odts = new Map<string, Buffer>();
  beforeAll(async () => {
    const docs = new Map<string, Buffer>();
    for (const file of WILD_FILES) docs.set(file.replace(/\.txt$/u, ''), await docxOf(wild(file)));
    docs.set('set', await setDocx());
    for (const [name, odt] of convert(docs, 'odt')) odts.set(name, odt);
  }, 180_000);

  for (const file of WILD_FILES) {
    it(`reads ${file.slice(0, 2)} to the fields a person reads`, async () => {
      const read = await odtReader.read(odts.get(file.replace(/\.txt$/u, ''))!);
      if (!read.ok) throw new Error(read.reason);
      expect(fieldsOf(readReply(read.lines!))).toEqual(EXPECTED[file]);
    });
  }

  it('reads how Word set the lines: the title centred, bold (its runs are) and 16 pt, the signature right, the table row on a line, the note last', async () => {
    const read = await odtReader.read(odts.get('set')!);
    if (!read.ok) throw new Error(read.reason);
    expect(read.lines![0]).toEqual({ text: '关于某某的答复', align: 'center', bold: true, size: 16 });
    expect(read.lines!.map((l) => l.text)).toEqual(['关于某某的答复', '索引号： 11532329/2020-00012', '附注所指的数据¹。', '某某局', '¹ 数据来源：区统计局。']);
    expect(read.lines![3]).toMatchObject({ align: 'right' });
  });
});
