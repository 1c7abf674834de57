import { beforeAll, describe, expect, it } from 'vitest';
import { parsePublished } from '../../src/core/published.js';
import { readReply } from '../../src/core/reader/read.js';
import { simplified } from '../../src/core/reader/simplified.js';
import { readerFor } from '../../src/read/index.js';
import { imageReader, pagesOfTsv } from '../../src/read/ocr.js';
import { pdfReader } from '../../src/read/pdf.js';
import { renderPdfs } from '../../src/render/pdf.js';
import { fieldsOf } from '../core/reader/wild.test.js';
import { corpusRecord } from '../helpers/corpus.js';
import { convert, hasSoffice, needInCi, typedDocx } from '../helpers/office.js';
import { hasOcr, pgm, scanPdf, scannedPages } from '../helpers/scan.js';
import { EXPECTED, WILD_FILES, wild } from '../helpers/wild.js';

needInCi(hasOcr, 'tesseract with chi_sim (Debian tesseract-ocr tesseract-ocr-chi-sim) and pdftoppm (poppler-utils)');
needInCi(hasSoffice, 'soffice (Debian libreoffice-writer-nogui)');

/**
 * Replies whose scans are read in the tests: OCR takes 1.5 s a page, so a
 * sample of the wild ones. A scan is of an office's paper, in simplified
 * script: the copies a mirror site turned traditional (with pinyin) are none.
 */
const SAMPLE = WILD_FILES.filter((f) => simplified(wild(f)) === wild(f)).filter((_, i) => i % 4 === 0);

describe('tesseract\'s lines as placed pages', () => {
  const tsv = [
    'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext',
    '1\t1\t0\t0\t0\t0\t0\t0\t1654\t2339\t-1\t',
    '4\t1\t1\t1\t1\t0\t612\t478\t440\t41\t-1\t',
    '5\t1\t1\t1\t1\t1\t612\t478\t200\t41\t95\t普发改委',
    '5\t1\t1\t1\t1\t2\t812\t478\t240\t41\t93\t〔2023〕16号',
    '4\t1\t2\t1\t1\t0\t222\t960\t300\t41\t-1\t',
    '5\t1\t2\t1\t1\t1\t222\t960\t150\t41\t90\tG60',
    '5\t1\t2\t1\t1\t2\t372\t960\t150\t41\t90\tcorridor',
    '4\t1\t3\t1\t1\t0\t222\t1000\t4\t2\t-1\t',
    '5\t1\t3\t1\t1\t1\t222\t1000\t4\t2\t95\t ',
  ].join('\n');

  it('makes each line a run with its box, its Chinese words joined without spaces, Latin ones with one; a blank box gives nothing', () => {
    const [page] = pagesOfTsv(tsv);
    expect(page).toMatchObject({ width: 1654, height: 2339 });
    expect(page!.runs.map((r) => [r.text, r.x, r.baseline])).toEqual([
      ['普发改委〔2023〕16号', 612, 519],
      ['G60 corridor', 222, 1001],
    ]);
  });

  it('takes a line\'s size from the width of its characters, not its tallest glyph', () => {
    // 7 Chinese characters and brackets, 6 digits at half a character: 10 characters wide.
    expect(pagesOfTsv(tsv)[0]!.runs[0]!.size).toBeCloseTo(440 / 10, 5);
  });
});

describe.skipIf(!hasOcr || !hasSoffice)('a scanned reply read by OCR (skipped: tesseract, chi_sim, pdftoppm or soffice is not installed)', () => {
  const scans = new Map<string, ReturnType<typeof scannedPages>>();
  beforeAll(async () => {
    const docs = new Map<string, Buffer>();
    for (const file of SAMPLE) docs.set(file.slice(0, 2), await typedDocx(wild(file)));
    for (const [name, pdf] of convert(docs, 'pdf')) scans.set(name, scannedPages(pdf));
    await renderPdfs([corpusRecord('004')], {}, (_, pdf) => void scans.set('004', scannedPages(pdf)));
  }, 240_000);

  it('reads the tool\'s own signed reply, scanned, to its record\'s fields, and says it was read by OCR', async () => {
    const read = await pdfReader.read(scanPdf(scans.get('004')!));
    if (!read.ok) throw new Error(read.reason);
    expect(read.ocr).toBe(true);
    const parsed = parsePublished(read.lines!);
    if (!parsed.ok) throw new Error(parsed.reason);
    const record = corpusRecord('004');
    for (const field of ['docNumber', 'session', 'proposalNo', 'proposalTitle', 'proposers', 'signedOn', 'organ', 'contact'] as const) {
      expect(parsed.reply[field], field).toEqual(record[field]);
    }
  }, 60_000);

  for (const file of SAMPLE) {
    it(`reads the scan of ${file.slice(0, 2)} to the fields a person reads`, async () => {
      const read = await pdfReader.read(scanPdf(scans.get(file.slice(0, 2))!));
      if (!read.ok) throw new Error(read.reason);
      expect(fieldsOf(readReply(read.lines!))).toEqual(EXPECTED[file]);
    }, 60_000);
  }

  it('reads a page image the same way', async () => {
    const read = await imageReader.read(pgm(scans.get('004')![0]!));
    if (!read.ok) throw new Error(read.reason);
    expect(read.ocr).toBe(true);
    expect(read.text).toContain('第145072号提案的答复');
  }, 60_000);

  it('says an image with no Chinese text on it has none, and bytes that are no image are refused', async () => {
    const blank = { width: 600, height: 800, pixels: Buffer.alloc(600 * 800, 255) };
    expect(await imageReader.read(pgm(blank))).toEqual({ ok: false, reason: 'import.ocrNothing' });
    expect(await imageReader.read(Buffer.from('不是图像'))).toEqual({ ok: false, reason: 'import.badImage' });
  }, 60_000);
});

describe('without tesseract', () => {
  it('refuses a scan with one line naming the packages to install', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(await imageReader.read(Buffer.from('P5\n1 1\n255\n\u00ff', 'latin1'))).toEqual({ ok: false, reason: 'import.noTesseract' });
    } finally {
      process.env.PATH = path;
    }
  });

  it('is the reader of page images', () => {
    for (const ext of ['png', 'JPG', 'jpeg', 'tif', 'tiff']) expect(readerFor(`扫描/答复.${ext}`)).toBe(imageReader);
  });
});
