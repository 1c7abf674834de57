import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { tempDir } from './cli.js';

/** tesseract with its Chinese model and pdftoppm: what the OCR tests need (.ci/run installs them). */
export const hasOcr =
  spawnSync('sh', ['-c', 'command -v pdftoppm']).status === 0 &&
  /\bchi_sim\b/u.test(spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' }).stdout ?? '');

/** The pages of a PDF as grey images (PGM) at this resolution, as a scanner gives them. */
export function scannedPages(pdf: Uint8Array, dpi = 150): { width: number; height: number; pixels: Buffer }[] {
  const dir = tempDir();
  writeFileSync(join(dir, 'in.pdf'), pdf);
  const run = spawnSync('pdftoppm', ['-r', String(dpi), '-gray', join(dir, 'in.pdf'), join(dir, 'page')]);
  if (run.status !== 0) throw new Error('pdftoppm failed');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pgm'))
    .sort()
    .map((f) => {
      const bytes = readFileSync(join(dir, f));
      const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/u.exec(bytes.subarray(0, 50).toString('latin1'))!;
      return { width: Number(header[1]), height: Number(header[2]), pixels: bytes.subarray(header[0].length) };
    });
}

/** A PDF of scanned pages: each page one grey image and no text, as a scanner writes it. */
export function scanPdf(pages: readonly { width: number; height: number; pixels: Buffer }[]): Buffer {
  const objects: Buffer[] = [];
  const add = (body: string | Buffer) => objects.push(Buffer.isBuffer(body) ? body : Buffer.from(body, 'latin1'));
  const kids = pages.map((_, i) => `${3 + i * 3} 0 R`).join(' ');
  add(`<</Type/Catalog/Pages 2 0 R>>`);
  add(`<</Type/Pages/Kids[${kids}]/Count ${pages.length}>>`);
  for (const [i, page] of pages.entries()) {
    const n = 3 + i * 3;
    const image = deflateSync(page.pixels);
    const draw = `q 595 0 0 842 0 0 cm /Im0 Do Q`;
    add(`<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Resources<</XObject<</Im0 ${n + 1} 0 R>>>>/Contents ${n + 2} 0 R>>`);
    add(Buffer.concat([Buffer.from(`<</Type/XObject/Subtype/Image/Width ${page.width}/Height ${page.height}/ColorSpace/DeviceGray/BitsPerComponent 8/Filter/FlateDecode/Length ${image.length}>>stream\n`, 'latin1'), image, Buffer.from('\nendstream', 'latin1')]));
    add(`<</Length ${draw.length}>>stream\n${draw}\nendstream`);
  }
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')];
  const offsets: number[] = [];
  let at = parts[0]!.length;
  for (const [i, body] of objects.entries()) {
    offsets.push(at);
    const part = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(part);
    at += part.length;
  }
  const xref = `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  parts.push(Buffer.from(`${xref}trailer\n<</Size ${objects.length + 1}/Root 1 0 R>>\nstartxref\n${at}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** A page as a PNG-less image file tesseract reads: PGM. */
export function pgm(page: { width: number; height: number; pixels: Buffer }): Buffer {
  return Buffer.concat([Buffer.from(`P5\n${page.width} ${page.height}\n255\n`, 'latin1'), page.pixels]);
}
