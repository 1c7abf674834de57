import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseBody, plainText } from '../../src/core/body.js';
import { isoDay } from '../../src/core/dates.js';
import { buildNewReply } from '../../src/core/fields.js';
import { toChineseNumeral } from '../../src/core/numerals.js';
import type { ReplyFields } from '../../src/core/reply.js';
import { layoutPages } from '../../src/render/layout.js';
import { FONTCONFIG, renderPdfs } from '../../src/render/pdf.js';
import { corpusRecord, workspaceConfig, type CorpusId } from '../helpers/corpus.js';
import { BLOCK_BOTTOM, bottomOf, edgeRecords, pageCount, pageText, requireLatinFont, squash, tool } from './paged.js';
// @ts-expect-error: a plain JavaScript module of the benchmark
import { syntheticAnswers } from '../../scripts/synthetic.mjs';

/** The PDF tests need LibreOffice, the CJK fonts and poppler-utils: .ci/run installs them. */
const dir = mkdtempSync(join(tmpdir(), 'reply-pdf-test-'));
const CORPUS: CorpusId[] = ['000', '001', '002', '004'];

/** Every paragraph one full line: 26 characters after the 2-character indent. */
const gridParagraphs = Array.from({ length: 40 }, (_, i) => {
  const mark = `第${toChineseNumeral(i + 1)}段`;
  return mark + '长'.repeat(26 - mark.length);
});
const synthetic = (i: number): ReplyFields => {
  const draft = buildNewReply(syntheticAnswers(i), workspaceConfig('workspace'), isoDay(2026, 1, 1));
  return { ...draft, docNumber: draft.docNumber! };
};

const records: Record<string, ReplyFields> = {
  ...Object.fromEntries(CORPUS.map((id) => [id, corpusRecord(id)])),
  grid: { ...corpusRecord('000'), body: gridParagraphs.join('\n\n') + '\n', contact: {}, cc: [] },
  ...edgeRecords(),
  ...Object.fromEntries([0, 1, 2, 3, 4, 5].map((i) => [`synthetic-${i}`, synthetic(i)])),
};
const files: Record<string, string> = {};

beforeAll(async () => {
  requireLatinFont(FONTCONFIG);
  // All of them in one LibreOffice call, as `reply render --all --format pdf` does.
  const names = Object.keys(records);
  await renderPdfs(names.map((n) => records[n]!), {}, (i, pdf) => {
    const file = join(dir, `${names[i]}.pdf`);
    writeFileSync(file, pdf);
    files[names[i]!] = file;
  });
}, 180_000);

describe('the PDF of every corpus reply', () => {
  for (const id of CORPUS) {
    it(`${id} contains every sentence of the source, in embedded CJK fonts`, () => {
      const record = records[id]!;
      const file = files[id]!;
      const tree = parseBody(record.body);
      const notes = tree.footnotes.map((f) => squash(plainText(f.inlines)));
      // pdftotext drops a hyphen that ends a line (2021-|2023): hyphens are not compared.
      const lines = tool('pdftotext', [file, '-'])
        .split('\n')
        .map((l) => squash(l).replace(/-/g, ''))
        .filter((l) => l && !/^—\d+—$/.test(l) && !/^\d$/.test(l));
      /** The text of the pages, without what stands between the halves of a split paragraph: page numbers (— 2 —) and footnotes. */
      const text = lines.filter((l) => !notes.some((n) => n.includes(l))).join('');
      const sentences = tree.blocks
        .map((b) => (b.type === 'paragraph' ? [b.inlines] : [[{ type: 'text' as const, text: b.marker.raw }], b.title, b.rest]))
        // A footnote reference prints as its number.
        .flatMap((runs) => runs.map((r) => plainText(r, String)).join('').split(/(?<=[。！？；])/u))
        .map((sentence) => squash(sentence).replace(/-/g, ''))
        .filter(Boolean);
      expect(sentences.length).toBeGreaterThan(10);
      for (const sentence of sentences) expect(text, sentence).toContain(sentence);
      for (const part of [record.docNumber!.toString(), record.organ!, '印发', ...tree.footnotes.map((f) => plainText(f.inlines))]) {
        expect(lines.join('')).toContain(squash(part).replace(/-/g, ''));
      }
      // Text tagged or set in a font without the characters shows boxes while pdftotext still reads it: look at the fonts.
      expect(tool('pdffonts', [file])).toMatch(/CJK|UKai/);
    });
  }
});

describe('the stand-ins for the official fonts (templates/fontconfig/fonts.conf)', () => {
  const match = (family: string) =>
    spawnSync('fc-match', ['-f', '%{family[0]}:%{style[0]}', family], { encoding: 'utf8', env: { ...process.env, FONTCONFIG_FILE: FONTCONFIG } }).stdout;

  it('sets 小标宋 in Noto Serif CJK SC Bold and 楷体 in LXGW WenKai, as .ci/run installs them', () => {
    expect(match('方正小标宋简体')).toBe('Noto Serif CJK SC:Bold');
    expect(match('楷体_GB2312')).toBe('LXGW WenKai:Regular');
    expect(match('仿宋_GB2312')).toBe('Noto Serif CJK SC:Regular');
    expect(match('黑体')).toBe('Noto Sans CJK SC:Regular');
  });

  it('embeds them in the PDF: the 标志 and title in the bold Song, the （一） headings in the 楷体', () => {
    const fonts = tool('pdffonts', [files['000']!]);
    expect(fonts).toMatch(/NotoSerifCJK\w*-Bold/);
    expect(fonts).toMatch(/LXGWWenKai-Regular/);
  });
});

describe('the PDF has the pages the layout gives (22 lines of 28 characters)', () => {
  for (const id of [...CORPUS, 'synthetic-0', 'synthetic-1', 'synthetic-2', 'synthetic-3', 'synthetic-4', 'synthetic-5']) {
    it(`${id}: the page count of layoutPages, and each page starts and ends on the line it says`, () => {
      const record = records[id]!;
      const tree = parseBody(record.body);
      const layout = layoutPages(record, tree);
      const file = files[id]!;
      expect(pageCount(file)).toBe(layout.pages);
      const notes = tree.footnotes.map((f) => squash(plainText(f.inlines)));
      for (let page = 1; page <= layout.pages; page++) {
        const mine = layout.lines.filter((l) => l.page === page && l.text.trim()).map((l) => squash(l.text).replace(/[\ue000-\ue0ff]/gu, (c) => String(c.codePointAt(0)! - 0xe000)));
        if (!mine.length) continue;
        // pdftotext's lines, without the page number, the footnotes and a footnote's number on a line of its own.
        const lines = pageText(file, page).filter((l) => !/^—\d+—$/.test(l) && !/^\d$/.test(l) && !notes.some((n) => n.includes(l)));
        expect(lines[0], `page ${page}`).toBe(mine[0]);
        // A line that ends in a hyphen is joined to the next by pdftotext.
        const lastMine = mine[mine.length - 1]!;
        expect(lines.some((l) => l === lastMine || (mine.length > 1 && l.startsWith(mine[mine.length - 2]!.replace(/-$/, '')) && l.endsWith(lastMine))), `page ${page}: ${lastMine}`).toBe(true);
      }
    });
  }
});

describe('the PDF page', () => {
  it('is A4 and breaks a page of body text after line 22', () => {
    const file = files.grid!;
    expect(tool('pdfinfo', [file])).toMatch(/Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/);
    const page = (n: number) => pageText(file, n).join('');
    const marks = (text: string) => gridParagraphs.map((p, i) => (text.includes(squash(p)) ? i + 1 : 0)).filter(Boolean);
    // Page 1: the 版头 of GB/T 9704 (9.64 lines down to the title), a two-line title, blank, salutation, then 8 of body.
    expect(marks(page(1))).toEqual(Array.from({ length: 8 }, (_, i) => i + 1));
    // Page 2: 22 lines of body.
    expect(marks(page(2))).toEqual(Array.from({ length: 22 }, (_, i) => i + 9));
  });

  it('breaks the title before 第N号', () => {
    expect(pageText(files['000']!, 1)).toContain('对区政协十五届二次会议');
    expect(pageText(files['000']!, 1)).toContain('第152104号提案的答复');
  });
});

describe('the 版记 at the bottom of the last page', () => {
  for (const id of ['000', '002']) {
    it(`${id}: the 印发 line is the last line of the block`, () => {
      const file = files[id]!;
      const last = pageCount(file);
      expect(BLOCK_BOTTOM - bottomOf(file, last, '印发')).toBeLessThan(8);
    });
  }

  for (const kind of ['cc', 'plain']) {
    it(`${kind}: a last page full to the brim keeps the 版记 under the text`, () => {
      const file = files[`fit-${kind}`]!;
      expect(pageCount(file)).toBe(1);
      expect(BLOCK_BOTTOM - bottomOf(file, 1, '印发')).toBeLessThan(8);
      expect(pageText(file, 1)).toContain('—1—');
    });

    it(`${kind}: one line more and the 版记 takes a page of its own, with no page number`, () => {
      const file = files[`alone-${kind}`]!;
      expect(pageCount(file)).toBe(2);
      expect(pageText(file, 1)).toContain('—1—');
      const page2 = pageText(file, 2);
      expect(page2.some((l) => l.endsWith('印发'))).toBe(true);
      expect(page2.join('')).not.toMatch(/—\d+—/);
      expect(BLOCK_BOTTOM - bottomOf(file, 2, '印发')).toBeLessThan(8);
    });
  }
});
