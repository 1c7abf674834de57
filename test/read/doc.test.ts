import { Document, FootnoteReferenceRun, Packer, Paragraph, TextRun } from 'docx';
import { beforeAll, describe, expect, it } from 'vitest';
import { readReply } from '../../src/core/reader/read.js';
import { docReader } from '../../src/read/doc.js';
import { readerFor } from '../../src/read/index.js';
import { fieldsOf } from '../core/reader/wild.test.js';
import { convert, hasSoffice, needInCi } from '../helpers/office.js';
import { EXPECTED, WILD_FILES, wild } from '../helpers/wild.js';

needInCi(hasSoffice, 'soffice (Debian libreoffice-writer-nogui)');

const SAMPLE = WILD_FILES.slice(0, 6);

/** Each text as a Word file, one paragraph a line; the last one with a real footnote. */
async function docxOf(text: string, footnote = false): Promise<Buffer> {
  const lines = text.split('\n').filter((l) => l.trim());
  const paragraphs = lines.map((l) => new Paragraph(l));
  if (footnote) paragraphs.push(new Paragraph({ children: [new TextRun('附注所指的数据'), new FootnoteReferenceRun(1), new TextRun('。')] }));
  return Packer.toBuffer(
    new Document({ ...(footnote ? { footnotes: { 1: { children: [new Paragraph('数据来源：区统计局。')] } } } : {}), sections: [{ children: paragraphs }] }),
  );
}

describe.skipIf(!hasSoffice)('a Word 97–2003 file (.doc, written by LibreOffice) (skipped: soffice is not installed)', () => {
  const docs = new Map<string, Buffer>();
  beforeAll(async () => {
    const sources = new Map<string, Buffer>();
    for (const file of SAMPLE) sources.set(file.replace(/\.txt$/u, ''), await docxOf(wild(file)));
    sources.set('footnote', await docxOf('您好：\n您的提案收悉，现答复如下：', true));
    for (const [name, doc] of convert(sources, 'doc')) docs.set(name, doc);
  }, 180_000);

  for (const file of SAMPLE) {
    it(`reads ${file.slice(0, 2)} to the fields a person reads`, async () => {
      const read = await docReader.read(docs.get(file.replace(/\.txt$/u, ''))!);
      if (!read.ok) throw new Error(read.reason);
      expect(fieldsOf(readReply(read.text))).toEqual(EXPECTED[file]);
    });
  }

  it('keeps the footnotes, after the body, each with its number as a published copy prints it', async () => {
    const read = await docReader.read(docs.get('footnote')!);
    if (!read.ok) throw new Error(read.reason);
    expect(read.text).toContain('附注所指的数据');
    expect(read.text.trimEnd().split('\n').at(-1)).toBe('¹ 数据来源：区统计局。');
  });
});

describe('what is not a .doc', () => {
  it('refuses a file that is no compound file; leaves a compound file it cannot read to LibreOffice, with its reason if that cannot either', async () => {
    expect(await docReader.read(Buffer.from('PK\u0003\u0004 a docx renamed'))).toEqual({ ok: false, reason: 'import.badDoc' });
    const damaged = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(600, 0x41)]);
    expect(await docReader.read(damaged)).toEqual({ ok: false, reason: 'import.badDoc', convert: true });
  });

  it('is the reader of .doc files', () => expect(readerFor('存档/答复.DOC')).toBe(docReader));
});
