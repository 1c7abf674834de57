import { deflateSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTextLayer, Unsupported } from '../../src/read/pdf-text.js';
import { placedPages, pdfReader } from '../../src/read/pdf.js';
import { placedLines } from '../../src/read/placement.js';
import { renderPdfs } from '../../src/render/pdf.js';
import { corpusRecord, REPLIES, type CorpusId } from '../helpers/corpus.js';
import { convert, hasSoffice, needInCi, typedDocx } from '../helpers/office.js';
import { WILD_FILES, wild } from '../helpers/wild.js';

needInCi(hasSoffice, 'soffice (Debian libreoffice-writer-nogui)');

/** A PDF assembled from its objects (1 is the catalog), with a classic xref table or an xref stream holding an object stream. */
function pdfOf(objects: readonly (string | Buffer)[], form: 'table' | 'stream' = 'table'): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.5\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  const add = (n: number, body: string | Buffer) => {
    offsets[n] = at;
    const part = Buffer.concat([Buffer.from(`${n} 0 obj\n`, 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'), Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(part);
    at += part.length;
  };
  const stream = (dict: string, data: Buffer) => Buffer.concat([Buffer.from(`<<${dict}/Length ${data.length}>>stream\n`, 'latin1'), data, Buffer.from('\nendstream', 'latin1')]);
  if (form === 'table') {
    objects.forEach((o, i) => add(i + 1, o));
    const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.slice(1).map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
    parts.push(Buffer.from(`${xref}trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
    return Buffer.concat(parts);
  }
  // The plain objects (no streams) go into an object stream, the rest stand alone.
  const inStream = objects.map((o, i) => (typeof o === 'string' && !o.includes('stream') ? i + 1 : 0)).filter(Boolean);
  objects.forEach((o, i) => !inStream.includes(i + 1) && add(i + 1, o));
  const bodies = inStream.map((n) => `${objects[n - 1] as string}\n`);
  let offset = 0;
  const header = inStream.map((n, k) => `${n} ${(offset += k ? bodies[k - 1]!.length : 0)}`).join(' ') + '\n';
  const objStm = objects.length + 1;
  add(objStm, stream(`/Type/ObjStm/N ${inStream.length}/First ${header.length}/Filter/FlateDecode`, deflateSync(Buffer.from(header + bodies.join(''), 'latin1'))));
  const xrefNo = objects.length + 2;
  const rows: number[][] = [[0, 0, 0]];
  for (let n = 1; n <= objects.length; n++) rows.push(inStream.includes(n) ? [2, objStm, inStream.indexOf(n)] : [1, offsets[n]!, 0]);
  rows.push([1, offsets[objStm]!, 0], [1, at, 0]);
  const data = Buffer.concat(rows.map(([t, a, c]) => Buffer.from([t!, (a! >> 16) & 0xff, (a! >> 8) & 0xff, a! & 0xff, c!])));
  add(xrefNo, stream(`/Type/XRef/Size ${xrefNo + 1}/W [1 3 1]/Root 1 0 R/Filter/FlateDecode`, deflateSync(data)));
  parts.push(Buffer.from(`startxref\n${offsets[xrefNo]}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** A page of two lines of Chinese in a CID font mapped by its ToUnicode, as Word writes them. */
function wordLikePdf(form: 'table' | 'stream' = 'table', font = '/Type/Font/Subtype/Type0/BaseFont/ABCDEF+SimSun/Encoding/Identity-H/DescendantFonts[6 0 R]/ToUnicode 5 0 R') {
  const cmap = '/CIDInit /ProcSet findresource begin 12 dict begin begincmap 1 begincodespacerange <0000> <FFFF> endcodespacerange\n2 beginbfchar <0001> <7B54> <0002> <590D> endbfchar\n2 beginbfrange <0003> <0004> [<6536> <6587>] <0005> <0006> <4E00> endbfrange endcmap end end';
  const content = 'BT /F1 16 Tf 1 0 0 1 79.5 700 Tm [<00010002>] TJ 0 -28.9 Td <000300040005> Tj ET';
  return pdfOf(
    [
      '<</Type/Catalog/Pages 2 0 R>>',
      '<</Type/Pages/Kids[3 0 R]/Count 1/MediaBox[0 0 595 842]>>',
      '<</Type/Page/Parent 2 0 R/Resources<</Font<</F1 4 0 R>>>>/Contents 7 0 R>>',
      `<<${font}>>`,
      `<</Length ${cmap.length}>>stream\n${cmap}\nendstream`,
      '<</Type/Font/Subtype/CIDFontType2/BaseFont/ABCDEF+SimSun/DW 1000/W[1 [1000 1000] 3 5 1000]>>',
      `<</Length ${content.length}>>stream\n${content}\nendstream`,
    ],
    form,
  );
}

describe('the text layer read directly', () => {
  it('reads a CID font through its ToUnicode map (bfchar and bfrange), with its widths, from a classic xref table', () => {
    const { pages } = readTextLayer(wordLikePdf(), 60);
    expect(pages[0]!.runs.map((r) => [r.text, r.x, Math.round(r.baseline * 10) / 10, r.width, r.size])).toEqual([
      ['答复', 79.5, 142, 32, 16],
      ['收文一', 79.5, 142 + 28.9, 48, 16],
    ]);
  });

  it('reads a file whose objects stand in an object stream indexed by an xref stream', () => {
    expect(readTextLayer(wordLikePdf('stream'), 60).pages[0]!.runs.map((r) => r.text)).toEqual(['答复', '收文一']);
  });

  it('leaves to pdf.js what it does not know for certain: a font without ToUnicode, a Type 3 font, encryption, another filter', () => {
    expect(() => readTextLayer(wordLikePdf('table', '/Type/Font/Subtype/Type0/Encoding/Identity-H/DescendantFonts[6 0 R]'), 60)).toThrow(Unsupported);
    expect(() => readTextLayer(wordLikePdf('table', '/Type/Font/Subtype/Type3/ToUnicode 5 0 R'), 60)).toThrow(Unsupported);
    const encrypted = Buffer.from(wordLikePdf().toString('latin1').replace('/Root 1 0 R>>', '/Root 1 0 R/Encrypt 5 0 R>>'), 'latin1');
    expect(() => readTextLayer(encrypted, 60)).toThrow(Unsupported);
    expect(() => readTextLayer(Buffer.from('%PDF-1.4\nnot a pdf at all'), 60)).toThrow(Unsupported);
  });
});

describe('a damaged PDF', () => {
  it('cut short anywhere, or with bytes changed, is read or refused as Unsupported, never anything else', () => {
    const whole = wordLikePdf('stream');
    const tries: Buffer[] = [];
    for (let cut = 0; cut < whole.length; cut += 37) tries.push(whole.subarray(0, cut));
    for (let at = 0; at < whole.length; at += 29) {
      const changed = Buffer.from(whole);
      changed[at] = (changed[at]! + 0x41) & 0xff;
      tries.push(changed);
    }
    for (const bytes of tries) {
      try {
        readTextLayer(bytes, 60);
      } catch (error) {
        expect(error).toBeInstanceOf(Unsupported);
      }
    }
  });
});

describe.skipIf(!hasSoffice)('the direct reader and pdf.js read LibreOffice\'s PDFs to the same lines (skipped: soffice is not installed)', () => {
  const pdfs = new Map<string, Buffer>();
  beforeAll(async () => {
    const docs = new Map<string, Buffer>();
    for (const file of WILD_FILES.slice(0, 8)) docs.set(file.slice(0, 2), await typedDocx(wild(file)));
    for (const [name, pdf] of convert(docs, 'pdf')) pdfs.set(name, pdf);
    const ids = Object.keys(REPLIES) as CorpusId[];
    await renderPdfs(ids.map((id) => corpusRecord(id)), {}, (i, pdf) => void pdfs.set(ids[i]!, Buffer.from(pdf)));
  }, 240_000);

  it('every one of them, without falling back', async () => {
    for (const [name, pdf] of pdfs) {
      const direct = readTextLayer(pdf, 60);
      const viaPdfjs = await placedPages(pdf);
      expect(placedLines(direct.pages), name).toEqual(placedLines(viaPdfjs.pages));
      expect(direct.keywords, name).toBe(viaPdfjs.keywords);
    }
  }, 120_000);

  it('is what the PDF reader reads them with', async () => {
    const read = await pdfReader.read(pdfs.get('000')!);
    expect(read).toMatchObject({ ok: true });
  });
});
