/**
 * `reply import` of a folder as an office keeps it: replies in every format
 * side by side, and files that are none.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir, workspace } from '../helpers/cli.js';
import { ofdOf } from '../helpers/ofd.js';
import { convert, hasSoffice, needInCi, typedDocx } from '../helpers/office.js';
import { hasOcr, pgm, scannedPages } from '../helpers/scan.js';
import { WILD_FILES, wild } from '../helpers/wild.js';

needInCi(hasSoffice && hasOcr, 'soffice, tesseract with chi_sim and pdftoppm');

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const page = (text: string) => `<html><head><meta charset="utf-8"></head><body>${text.split('\n').map((l) => `<p>${escape(l)}</p>`).join('')}</body></html>`;

describe.skipIf(!hasSoffice || !hasOcr)('a folder of replies in every format (skipped: soffice or tesseract is not installed)', () => {
  it('files each reply, marks the scan as read by OCR, and names the other files once by type', async () => {
    const dir = join(tempDir(), '存档');
    mkdirSync(join(dir, '2020'), { recursive: true });
    const text = (i: number) => wild(WILD_FILES[i]!);
    const docs = new Map([['doc', await typedDocx(text(5))], ['rtf', await typedDocx(text(6))], ['odt', await typedDocx(text(7))], ['pdf', await typedDocx(text(8))], ['scan', await typedDocx(text(9))]]);
    const made = { ...Object.fromEntries(convert(new Map([['doc', docs.get('doc')!]]), 'doc')), ...Object.fromEntries(convert(new Map([['rtf', docs.get('rtf')!]]), 'rtf')) };
    const odt = convert(new Map([['odt', docs.get('odt')!]]), 'odt').get('odt')!;
    const pdfs = convert(new Map([['pdf', docs.get('pdf')!], ['scan', docs.get('scan')!]]), 'pdf');
    const files: Record<string, Buffer | string> = {
      'a.txt': text(0),
      'b.docx': await typedDocx(text(1)),
      'c.html': page(text(2)),
      'd.mht': `MIME-Version: 1.0\r\nContent-Type: text/html; charset="utf-8"\r\n\r\n${page(text(3))}`,
      'e.ofd': await ofdOf(text(4)),
      'f.doc': made.doc!,
      '2020/g.rtf': made.rtf!,
      '2020/h.odt': odt,
      '2020/i.pdf': pdfs.get('pdf')!,
      '2020/j.pgm': '',
      'k.xlsx': 'PK',
      'l.xlsx': 'PK',
      '2020/m.zip': 'PK',
    };
    for (const [name, bytes] of Object.entries(files)) if (name !== '2020/j.pgm') writeFileSync(join(dir, name), bytes);
    // The scan as a page image, as a scanner saves it (.pgm is no image type the tool takes: .png stands for it).
    writeFileSync(join(dir, '2020', 'j.png'), pgm(scannedPages(pdfs.get('scan')!)[0]!));

    const ws = workspace();
    const run = runCli(ws, ['import', dir]);
    expect(run.stderr).toContain('目录中另有不是答复格式的文件，未读取：.xlsx 2 个、.zip 1 个');
    expect(run.stderr).toContain('共 10 个文件：导入 10');
    expect(run.code, run.stdout + run.stderr).toBe(0);
    expect(run.stdout).toMatch(/j\.png（注意：.*由 OCR 识别，文字可能有误/u);
    const formats = (JSON.parse(runCli(ws, ['list', '--json']).stdout) as { id: number }[])
      .map(({ id }) => JSON.parse(runCli(ws, ['show', String(id), '--json']).stdout).source.format)
      .sort();
    expect(formats).toEqual(['doc', 'docx', 'html', 'image+ocr', 'mht', 'odt', 'ofd', 'pdf', 'rtf', 'txt']);
  }, 240_000);
});
