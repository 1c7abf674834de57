import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocStyle } from '../../src/core/style.js';
import { FONTCONFIG, renderPdfs } from '../../src/render/pdf.js';
import { corpusRecord, type CompleteFields, type CorpusId } from '../helpers/corpus.js';
import { lineOf, MM, pageCount, pageText, redLines, requireLatinFont, type RedLine } from './paged.js';

/**
 * The 版头 of every corpus reply, measured on its PDF (LibreOffice's, from the Word file) to the letter of
 * GB/T 9704-2012, within ±1 mm: the text's positions by pdftotext -bbox, the red rules from the page's
 * image. "N lines under" an element puts the next line's top N lines of the grid (28.9 pt, 22 in the
 * 225 mm block) under its lower edge, and a line's text stands on a baseline 4/5 down the line.
 */
const dir = mkdtempSync(join(tmpdir(), 'reply-gbt9704-'));
const CORPUS: CorpusId[] = ['000', '001', '002', '004'];
const STYLES: DocStyle[] = ['文件', '信函'];
const LINE = 28.9 / MM;
const BASELINE = 0.8 * LINE;
const BLOCK_TOP = 37;
const BLOCK_LEFT = 28;
const BLOCK_RIGHT = 28 + 156;
const SIZE_3 = 16 / MM;
const files: Record<string, string> = {};
const records = Object.fromEntries(CORPUS.map((id) => [id, corpusRecord(id)])) as Record<CorpusId, CompleteFields>;
/** Reply 000 with every optional element of the 版头 and a 附注. */
const marked: CompleteFields = { ...records['000'], classification: { copyNo: '000001', secrecy: '秘密★1年', urgency: '特急' }, annotation: '此件公开发布' };

beforeAll(async () => {
  requireLatinFont(FONTCONFIG);
  for (const style of STYLES) {
    const names = [...CORPUS, 'marked'];
    await renderPdfs([...CORPUS.map((id) => records[id]), marked], { style }, (i, pdf) => {
      writeFileSync((files[`${names[i]}-${style}`] = join(dir, `${names[i]}-${style}.pdf`)), pdf);
    });
  }
}, 180_000);

const near = (actual: number, expected: number, what: string) => expect(Math.abs(actual - expected), `${what}: ${actual.toFixed(2)} mm, not ${expected.toFixed(2)} mm`).toBeLessThanOrEqual(1);
const centre = (line: { left: number; right: number }) => (line.left + line.right) / 2;
const ruleCentre = (rule: RedLine) => (rule.top + rule.bottom) / 2;

describe('the 文件 layout (GB/T 9704 7.2)', () => {
  for (const id of CORPUS) {
    const record = records[id];
    const label = record.header ? 'the 标志 35 mm down the text block, the doc number two lines under it' : 'no 标志: the doc number on the block’s first line';
    it(`${id}: ${label}, the red rule 4 mm under the doc number, the title two lines under the rule`, () => {
      const file = files[`${id}-文件`]!;
      const doc = lineOf(file, 1, record.docNumber.toString().slice(0, 4));
      if (record.header) {
        const mark = lineOf(file, 1, record.header);
        // 7.2.4: the upper edge 35 mm below the top of the text block, centred.
        near(mark.top, BLOCK_TOP + 35, '标志 top');
        near(centre(mark), (BLOCK_LEFT + BLOCK_RIGHT) / 2, '标志 centre');
        // 7.2.5: two blank lines under the 标志.
        near(doc.baseline, mark.bottom + 2 * LINE + BASELINE, 'doc number baseline');
      } else {
        near(doc.baseline, BLOCK_TOP + BASELINE, 'doc number baseline');
      }
      near(centre(doc), (BLOCK_LEFT + BLOCK_RIGHT) / 2, 'doc number centre');
      // 7.2.7: the red rule as wide as the text block, 4 mm under the doc number.
      const rules = redLines(file, 1);
      expect(rules).toHaveLength(1);
      const [rule] = rules as [RedLine];
      near(ruleCentre(rule), doc.bottom + 4, 'red rule');
      near(rule.left, BLOCK_LEFT, 'red rule’s left end');
      near(rule.right, BLOCK_RIGHT, 'red rule’s right end');
      // 7.3.1: the title two lines under the rule.
      near(lineOf(file, 1, '对').baseline, ruleCentre(rule) + 2 * LINE + BASELINE, 'title baseline');
      expect(pageText(file, 1)).toContain('—1—');
    });
  }
});

describe('the letter layout (GB/T 9704 10.1)', () => {
  for (const id of CORPUS) {
    const record = records[id];
    it(`${id}: the organ’s name 30 mm from the top, red double rules 170 mm long under it and 20 mm above the bottom, the doc number flush right under the first`, () => {
      const file = files[`${id}-信函`]!;
      const [thick, thin, lowerThin, lowerThick, ...more] = redLines(file, 1);
      expect(more).toEqual([]);
      for (const rule of [thick!, thin!, lowerThin!, lowerThick!]) {
        near(rule.right - rule.left, 170, 'double rule’s length');
        near(rule.left, (BLOCK_LEFT + BLOCK_RIGHT) / 2 - 85, 'double rule’s left end');
      }
      // Thick over thin under the 标志, thin over thick at the foot.
      expect(thick!.bottom - thick!.top).toBeGreaterThan(2 * (thin!.bottom - thin!.top));
      expect(lowerThick!.bottom - lowerThick!.top).toBeGreaterThan(2 * (lowerThin!.bottom - lowerThin!.top));
      if (record.header) {
        // The organ's full name, without 文件.
        const mark = lineOf(file, 1, record.organ!);
        expect(mark.text).toBe(record.header.replace(/文件$/u, ''));
        near(mark.top, 30, '标志 top');
        near(centre(mark), (BLOCK_LEFT + BLOCK_RIGHT) / 2, '标志 centre');
        near(thick!.top, mark.bottom + 4, 'upper double rule');
      }
      near((lowerThin!.top + lowerThick!.bottom) / 2, 297 - 20, 'lower double rule');
      // The doc number flush right, 7/8 of a 3号 character under the first double rule.
      const doc = lineOf(file, 1, record.docNumber.toString().slice(0, 4));
      near(doc.right, BLOCK_RIGHT, 'doc number’s right end');
      near(doc.top, thin!.bottom + (7 / 8) * SIZE_3, 'doc number top');
      // The title two lines under it.
      near(lineOf(file, 1, '对').baseline, doc.bottom + 2 * LINE + BASELINE, 'title baseline');
    });

    it(`${id}: no page number on the first page, — 2 — on the second; the 版记 without the 印发 line`, () => {
      const file = files[`${id}-信函`]!;
      expect(pageText(file, 1).join('')).not.toMatch(/—\d+—/);
      expect(pageText(file, 2)).toContain('—2—');
      const last = pageText(file, pageCount(file)).join('');
      expect(last).not.toContain('印发');
      if (record.cc.length) expect(last).toContain(`抄送：${record.cc.join('，')}。`);
    });
  }
});

describe('the optional elements of the 版头 (7.2.1–7.2.3) and the 附注 (7.3.7)', () => {
  const first = (style: DocStyle, text: string) => lineOf(files[`marked-${style}`]!, 1, text);

  it('stacks 份号, 密级和保密期限 and 紧急程度 flush left on the text block’s first three lines, above the 标志', () => {
    ['000001', '秘密★1年', '特急'].forEach((text, i) => {
      const line = first('文件', text);
      near(line.baseline, BLOCK_TOP + i * LINE + BASELINE, `${text} baseline`);
      near(line.left, BLOCK_LEFT, `${text} left`);
    });
    // The 标志 stays where it was.
    near(first('文件', marked.header!).top, BLOCK_TOP + 35, '标志 top');
  });

  it('in a letter, stacks them flush left under the first double rule, the 份号 beside the doc number', () => {
    const copy = first('信函', '000001');
    const doc = first('信函', '普发改委');
    near(copy.baseline, doc.baseline, '份号 beside the doc number');
    near(copy.left, BLOCK_LEFT, '份号 left');
    near(first('信函', '秘密★1年').baseline, doc.baseline + LINE, '密级 baseline');
    near(first('信函', '特急').baseline, doc.baseline + 2 * LINE, '紧急程度 baseline');
    near(lineOf(files['marked-信函']!, 1, '对').baseline, first('信函', '特急').bottom + 2 * LINE + BASELINE, 'title two lines under the last');
  });

  it('prints the 附注 in round brackets on the line under the date, indented 2 characters', () => {
    const file = files['marked-文件']!;
    const pages = Array.from({ length: pageCount(file) }, (_, i) => i + 1);
    const page = pages.find((p) => pageText(file, p).includes('2023年5月18日'))!;
    const lines = pageText(file, page);
    const date = lines.findIndex((l) => l === '2023年5月18日');
    expect(date).toBeGreaterThan(0);
    expect(lines[date + 1]).toBe('（此件公开发布）');
    near(lineOf(file, page, '（此件公开发布）').left, BLOCK_LEFT + (2 * 16) / MM, '附注 indent');
  });
});
