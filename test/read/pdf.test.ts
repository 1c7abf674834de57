import { beforeAll, describe, expect, it } from 'vitest';
import { readReply } from '../../src/core/reader/read.js';
import { readerFor } from '../../src/read/index.js';
import { pdfReader } from '../../src/read/pdf.js';
import { fieldsOf } from '../core/reader/wild.test.js';
import { convert, hasSoffice, needInCi, typedDocx } from '../helpers/office.js';
import { hasOcr } from '../helpers/scan.js';
import { EXPECTED, WILD_FILES, wild } from '../helpers/wild.js';

needInCi(hasSoffice, 'soffice (Debian libreoffice-writer-nogui)');

/** Taken before pdf.js is first loaded (the reader loads it on first use). */
const NATIVE_PUSH = Array.prototype.push;
const NATIVE_PARSE = JSON.parse;

/** A PDF with one empty page and no text: what a scan's PDF is to a text reader. */
const EMPTY_PAGE = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
);

describe.skipIf(!hasSoffice)('each real reply typed in Word and saved as PDF reads to the fields a person reads (skipped: soffice is not installed)', () => {
  let pdfs = new Map<string, Buffer>();
  beforeAll(async () => {
    const docs = new Map<string, Buffer>();
    for (const file of WILD_FILES) docs.set(file.slice(0, 2), await typedDocx(wild(file)));
    pdfs = convert(docs, 'pdf');
  }, 240_000);

  for (const file of WILD_FILES) {
    it(file.slice(0, 2), async () => {
      const read = await pdfReader.read(pdfs.get(file.slice(0, 2))!);
      if (!read.ok) throw new Error(read.reason);
      expect(fieldsOf(readReply(read.lines!))).toEqual(EXPECTED[file]);
    });
  }

  it('gives each paragraph as one line, the title centred', async () => {
    const read = await pdfReader.read(pdfs.get('10')!);
    if (!read.ok) throw new Error(read.reason);
    const paragraphs = wild(WILD_FILES.find((f) => f.startsWith('10'))!).split('\n').filter((l) => l.trim());
    const long = paragraphs.find((p) => p.length > 200)!;
    expect(read.lines!.map((l) => l.text)).toContain(long.trim());
    const titled = WILD_FILES.find((f) => /^[^:：\n]{8,60}\n/u.test(wild(f).trimStart()))!;
    const title = await pdfReader.read(pdfs.get(titled.slice(0, 2))!);
    if (!title.ok) throw new Error(title.reason);
    expect(title.lines![0]).toMatchObject({ text: wild(titled).trimStart().split('\n')[0]!.trim(), align: 'center' });
  });
});

describe('what is not a PDF with text', () => {
  it('takes a PDF without text for a scan and hands it to OCR, which finds no text on an empty page (or is not installed)', async () => {
    expect(await pdfReader.read(EMPTY_PAGE)).toEqual({ ok: false, reason: hasOcr ? 'import.ocrNothing' : 'import.noTesseract' });
  }, 30_000);

  it('refuses bytes that are no PDF and a damaged one, with their reason', async () => {
    expect(await pdfReader.read(Buffer.from('只是文字'))).toEqual({ ok: false, reason: 'import.badPdf' });
    expect(await pdfReader.read(Buffer.from('%PDF-1.7\n' + 'x'.repeat(500)))).toEqual({ ok: false, reason: 'import.badPdf' });
  });

  it('leaves the process its native Array.prototype.push and JSON.parse, which pdf.js\'s build for Node replaces', async () => {
    await pdfReader.read(EMPTY_PAGE);
    // core-js makes its replacements print as native code: only their identity tells.
    expect(Array.prototype.push).toBe(NATIVE_PUSH);
    expect(JSON.parse).toBe(NATIVE_PARSE);
  }, 30_000);

  it('is the reader of .pdf files', () => expect(readerFor('存档/答复.PDF')).toBe(pdfReader));
});
