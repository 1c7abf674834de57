import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseBody, plainText } from '../../src/core/body.js';
import { toChineseNumeral } from '../../src/core/numerals.js';
import { renderPdf } from '../../src/render/pdf.js';
import { corpusRecord, type CorpusId } from '../helpers/corpus.js';

/** The PDF tests need LibreOffice, the CJK fonts and poppler-utils: .ci/run installs them. */
const dir = mkdtempSync(join(tmpdir(), 'reply-pdf-test-'));

function tool(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  return result.stdout;
}

async function pdfOf(name: string, record: Parameters<typeof renderPdf>[0]): Promise<string> {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, await renderPdf(record, {}));
  return file;
}

const squash = (text: string) => text.replace(/\s+/g, '');
/** The text of the pages, without the page numbers (— 2 —) that stand between the halves of a split paragraph. */
const pagesText = (text: string) => squash(text).replace(/—\d+—/g, '');

describe('the PDF of every corpus reply', () => {
  for (const id of ['000', '001', '002', '004'] as CorpusId[]) {
    it(`${id} contains every sentence of the source, in embedded CJK fonts`, async () => {
      const record = corpusRecord(id);
      const file = await pdfOf(id, record);
      const text = pagesText(tool('pdftotext', [file, '-']));
      const tree = parseBody(record.body);
      const sentences = tree.blocks
        .map((b) => (b.type === 'paragraph' ? [b.inlines] : [[{ type: 'text' as const, text: b.marker.raw }], b.title, b.rest]))
        // A footnote reference prints as its number.
        .flatMap((runs) => runs.map((r) => plainText(r, String)).join('').split(/(?<=[。！？；])/u))
        .map(squash)
        .filter(Boolean);
      expect(sentences.length).toBeGreaterThan(10);
      for (const sentence of sentences) expect(text, sentence).toContain(sentence);
      for (const part of [record.docNumber.toString(), record.organ, '印发', ...tree.footnotes.map((f) => plainText(f.inlines))]) {
        expect(text).toContain(squash(part));
      }
      // Text tagged or set in a font without the characters shows boxes while pdftotext still reads it: look at the fonts.
      expect(tool('pdffonts', [file])).toMatch(/CJK|UKai/);
    });
  }
});

describe('the PDF page', () => {
  it('is A4 and breaks a page of body text after line 22', async () => {
    // Every paragraph one full line: 26 characters after the 2-character indent.
    const paragraphs = Array.from({ length: 40 }, (_, i) => {
      const mark = `第${toChineseNumeral(i + 1)}段`;
      return mark + '长'.repeat(26 - mark.length);
    });
    const record = { ...corpusRecord('000'), body: paragraphs.join('\n\n') + '\n', contact: {}, cc: [] };
    const file = await pdfOf('grid', record);
    expect(tool('pdfinfo', [file])).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const page = (n: number) => squash(tool('pdftotext', ['-f', String(n), '-l', String(n), file, '-']));
    const marks = (text: string) => paragraphs.map((p, i) => (text.includes(squash(p)) ? i + 1 : 0)).filter(Boolean);
    // Page 1: header, blank, doc number, rule, blank, a two-line title, blank, salutation: 9 lines, then 13 of body.
    expect(marks(page(1))).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    // Page 2: 22 lines of body.
    expect(marks(page(2))).toEqual(Array.from({ length: 22 }, (_, i) => i + 14));
  });
});
