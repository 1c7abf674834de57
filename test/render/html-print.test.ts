import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ReplyFields } from '../../src/core/reply.js';
import { chromiumArgs, FONTCONFIG, renderPdfs } from '../../src/render/pdf.js';
import { htmlExporter } from '../../src/render/text.js';
import { corpusRecord, type CorpusId } from '../helpers/corpus.js';
import { BLOCK_BOTTOM, bottomOf, edgeRecords, pageCount, pageText, requireLatinFont, tool } from './paged.js';

/**
 * The HTML render printed by headless Chromium has the pages of the PDF that
 * LibreOffice makes from the DOCX. Chromium is Debian's `chromium` (.ci/run
 * installs it); without it these tests are skipped, saying why.
 */
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
const dir = mkdtempSync(join(tmpdir(), 'reply-html-print-'));
const CORPUS: CorpusId[] = ['000', '001', '002', '004'];
/** Reply 000 with every optional element of the 版头 and a 附注. */
const MARKED = { ...corpusRecord('000'), classification: { copyNo: '000001', secrecy: '秘密★1年', urgency: '特急' }, annotation: '此件公开发布' };
const PAGED = [...CORPUS, 'marked'];
const records: Record<string, ReplyFields> = {
  ...Object.fromEntries(CORPUS.map((id) => [id, corpusRecord(id)])),
  marked: MARKED,
  ...(hasChromium ? edgeRecords() : {}),
};
const office: Record<string, string> = {};
const printed: Record<string, string> = {};

/** Prints an HTML file to PDF as a user's browser would, with a fresh profile. */
function print(name: string, html: string): string {
  const file = join(dir, `${name}.html`);
  const pdf = join(dir, `${name}.chromium.pdf`);
  writeFileSync(file, html);
  const result = spawnSync(CHROMIUM, [...chromiumArgs(join(dir, `profile-${name}`), pdf), pathToFileURL(file).href], {
    env: { ...process.env, FONTCONFIG_FILE: FONTCONFIG },
    stdio: 'ignore',
    timeout: 60_000,
  });
  if (result.status !== 0 || !existsSync(pdf)) throw new Error(`chromium could not print ${name}`);
  return pdf;
}

beforeAll(async () => {
  if (!hasChromium) return;
  requireLatinFont(FONTCONFIG);
  const names = Object.keys(records);
  await renderPdfs(names.map((n) => records[n]!), {}, (i, pdf) => {
    writeFileSync((office[names[i]!] = join(dir, `${names[i]}.office.pdf`)), pdf);
  });
  for (const name of names) printed[name] = print(name, (await htmlExporter.render(records[name]!, {})) as string);
  // The same replies as letters.
  await renderPdfs(PAGED.map((id) => records[id]!), { style: '信函' }, (i, pdf) => {
    writeFileSync((office[`${PAGED[i]}-信函`] = join(dir, `${PAGED[i]}-信函.office.pdf`)), pdf);
  });
  for (const id of PAGED) printed[`${id}-信函`] = print(`${id}-信函`, (await htmlExporter.render(records[id]!, { style: '信函' })) as string);
}, 300_000);

describe.skipIf(!hasChromium)('the HTML render printed by Chromium (skipped: /usr/bin/chromium is not installed)', () => {
  for (const id of PAGED) {
    it(`${id}: has as many pages as the PDF from the DOCX, page for page`, () => {
      const pages = pageCount(office[id]!);
      expect(pageCount(printed[id]!)).toBe(pages);
      for (let page = 1; page <= pages; page++) {
        // The same first line on every page, and the same page number at its foot.
        const html = pageText(printed[id]!, page);
        const docx = pageText(office[id]!, page);
        expect(html[0], `page ${page}`).toBe(docx[0]);
        expect(html).toContain(`—${page}—`);
      }
      const [width, height] = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(tool('pdfinfo', [printed[id]!]))!.slice(1).map(Number);
      expect(width).toBeCloseTo(595.3, 0);
      expect(height).toBeCloseTo(841.9, 0);
    });
  }

  for (const id of PAGED) {
    it(`${id} as a letter: has the pages of the PDF from the DOCX, page for page, and no page number on the first`, () => {
      const name = `${id}-信函`;
      const pages = pageCount(office[name]!);
      expect(pageCount(printed[name]!)).toBe(pages);
      for (let page = 1; page <= pages; page++) {
        const html = pageText(printed[name]!, page);
        expect(html[0], `page ${page}`).toBe(pageText(office[name]!, page)[0]);
        if (page === 1) expect(html.join('')).not.toMatch(/—\d+—/);
        else expect(html).toContain(`—${page}—`);
      }
    });
  }

  for (const id of ['000', '002', 'fit-cc', 'fit-plain']) {
    it(`${id}: prints the 版记 at the bottom of the last page`, () => {
      const last = pageCount(printed[id]!);
      expect(last).toBe(pageCount(office[id]!));
      expect(BLOCK_BOTTOM - bottomOf(printed[id]!, last, '印发')).toBeLessThan(8);
    });
  }

  for (const id of ['alone-cc', 'alone-plain']) {
    it(`${id}: prints a 版记 that does not fit under the text on a page of its own, at its bottom, with no page number`, () => {
      expect(pageCount(printed[id]!)).toBe(2);
      expect(pageCount(office[id]!)).toBe(2);
      const page2 = pageText(printed[id]!, 2);
      expect(page2.join('')).toContain('印发');
      expect(page2.join('')).not.toMatch(/—\d+—/);
      expect(BLOCK_BOTTOM - bottomOf(printed[id]!, 2, '印发')).toBeLessThan(8);
    });
  }
});
