import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HAN } from '../core/reader/lines.js';
import { EXTENSIONS } from './extensions.js';
import type { FormatRead, FormatReader } from './format.js';
import { placedLines, type PlacedPage, type Run } from './placement.js';
import { findExecutable, inParallel, runTool } from './tools.js';

/**
 * Scans read by OCR: tesseract with its Simplified Chinese model (Debian
 * tesseract-ocr, tesseract-ocr-chi-sim), a PDF's pages first made images by
 * pdftoppm (poppler-utils). tesseract gives each printed line with its box;
 * placement.ts makes them the reply's lines as it does a PDF's text. Pages are
 * read in parallel, one tesseract to a core (each told to use one thread:
 * its own threads cost more than they give on a page this size).
 *
 * What OCR gives is a reading, not the text: characters are misread (a
 * clean 3号 page at 200 dpi reads ~94% of its characters right, a stamp or
 * a photocopy far fewer), so a record read so is marked (its source's
 * format ends in +ocr) and the text kept for review.
 */
export const imageReader: FormatReader = {
  format: 'image',
  extensions: EXTENSIONS.image,
  async read(bytes): Promise<FormatRead> {
    if (bytes.length > MAX_IMAGE) return { ok: false, reason: 'import.tooLarge' };
    return withTemp(async (dir) => {
      const file = join(dir, 'page');
      writeFileSync(file, bytes);
      return ocrFiles([file]);
    });
  },
};

/** A page scanned at 300 dpi in colour is some MB; 50 MB is a poster. */
const MAX_IMAGE = 50_000_000;
/** The pages of a scanned PDF that are read: a reply is a few pages. */
const MAX_SCANNED_PAGES = 20;
/** 200 dpi: a 3号 character is ~44 pixels high, where tesseract reads Chinese best; 300 dpi reads no better and slower. */
const DPI = 200;
/** A page takes tesseract 1.5–3 s on one core; a minute is a page it cannot read. */
const PAGE_TIMEOUT = 60_000;

/** Whether OCR can run here: tesseract with chi_sim, and pdftoppm for PDFs. */
export function ocrTools(env: NodeJS.ProcessEnv = process.env): { tesseract?: string; pdftoppm?: string } {
  const tesseract = findExecutable(['tesseract'], env);
  const pdftoppm = findExecutable(['pdftoppm'], env);
  return { ...(tesseract ? { tesseract } : {}), ...(pdftoppm ? { pdftoppm } : {}) };
}

/** A scanned PDF read by OCR: its pages made images, then read. */
export async function ocrPdf(bytes: Buffer): Promise<FormatRead> {
  const { pdftoppm } = ocrTools();
  if (!pdftoppm) return { ok: false, reason: 'import.noPdftoppm' };
  return withTemp(async (dir) => {
    const pdf = join(dir, 'scan.pdf');
    writeFileSync(pdf, bytes);
    const run = await runTool(pdftoppm, ['-r', String(DPI), '-gray', '-png', '-l', String(MAX_SCANNED_PAGES), pdf, join(dir, 'page')], {
      timeout: PAGE_TIMEOUT * 2,
    });
    if (!run.ok) return { ok: false, reason: 'import.badPdf' };
    const pages = readdirSync(dir)
      .filter((f) => /^page-\d+\.png$/u.test(f))
      .sort((a, b) => Number(/\d+/u.exec(a)![0]) - Number(/\d+/u.exec(b)![0]))
      .map((f) => join(dir, f));
    return ocrFiles(pages);
  });
}

async function ocrFiles(files: readonly string[]): Promise<FormatRead> {
  const { tesseract } = ocrTools();
  if (!tesseract) return { ok: false, reason: 'import.noTesseract' };
  const env = { ...process.env, OMP_THREAD_LIMIT: '1' };
  const runs = await inParallel(files, (file) => runTool(tesseract, [file, 'stdout', '-l', 'chi_sim', '--psm', '4', 'tsv'], { timeout: PAGE_TIMEOUT, env }));
  if (runs.some((r) => !r.ok)) {
    // tesseract fails at once when its Chinese model is missing, or when the file is no image it reads.
    return { ok: false, reason: runs.every((r) => !r.ok && r.reason === 'failed') ? 'import.badImage' : 'import.ocrFailed' };
  }
  const pages = runs.flatMap((r) => (r.ok ? pagesOfTsv(r.stdout) : []));
  const lines = placedLines(pages);
  if (!lines.some((l) => HAN.test(l.text))) return { ok: false, reason: 'import.ocrNothing' };
  return { ok: true, text: lines.map((l) => l.text).join('\n'), lines, encoding: 'utf-8', ocr: true };
}

/**
 * tesseract's TSV as placed pages: each printed line (level 4) one run, its
 * words (level 5) joined — no space between Chinese ones, which tesseract
 * sets apart as words — its size the width of its characters, since a line
 * box's height is that of its tallest glyph.
 */
export function pagesOfTsv(tsv: string): PlacedPage[] {
  const pages = new Map<number, { width: number; height: number; lines: Map<string, { box: number[]; words: string[] }> }>();
  for (const row of tsv.split('\n').slice(1)) {
    const cells = row.split('\t');
    if (cells.length < 12) continue;
    const [level, page, block, par, line] = cells.slice(0, 5).map(Number);
    const box = cells.slice(6, 10).map(Number);
    const text = cells.slice(11).join('\t');
    if (level === 1) pages.set(page!, { width: box[2]!, height: box[3]!, lines: new Map() });
    const key = `${block}.${par}.${line}`;
    const lines = pages.get(page!)?.lines;
    if (!lines) continue;
    if (level === 4) lines.set(key, { box, words: [] });
    if (level === 5 && text.trim()) lines.get(key)?.words.push(text.trim());
  }
  return [...pages.values()].map(({ width, height, lines }) => ({
    width,
    height,
    runs: [...lines.values()].flatMap(({ box, words }): Run[] => {
      const text = words.reduce((a, w) => (a && /[A-Za-z0-9]$/u.test(a) && /^[A-Za-z0-9]/u.test(w) ? `${a} ${w}` : a + w), '');
      if (!text) return [];
      const [left, top, w, h] = box as [number, number, number, number];
      const ems = [...text].reduce((n, ch) => n + (/[\u0000-\u00ff]/u.test(ch) ? 0.5 : 1), 0);
      const size = ems >= 4 ? w / ems : h;
      return [{ text, x: left, baseline: top + h, width: w, size }];
    }),
  }));
}

async function withTemp(job: (dir: string) => Promise<FormatRead>): Promise<FormatRead> {
  const dir = mkdtempSync(join(tmpdir(), 'reply-ocr-'));
  try {
    return await job(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
