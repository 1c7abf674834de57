import { propertyLines } from '../core/properties.js';
import { EXTENSIONS } from './extensions.js';
import type { FormatRead, FormatReader } from './format.js';
import { placedLines, type PlacedPage, type Run } from './placement.js';
import { ocrPdf } from './ocr.js';
import { readTextLayer } from './pdf-text.js';

/**
 * A PDF with a text layer: read directly (pdf-text.ts) where its objects,
 * fonts and operators are the plain ones offices' writers use, else through
 * pdfjs-dist (loaded on first use); each page's text runs where they stand,
 * made lines by their positions (placement.ts). A PDF with no text to speak
 * of is a scan: it is read by OCR (ocr.ts).
 */
export const pdfReader: FormatReader = {
  format: 'pdf',
  extensions: EXTENSIONS.pdf,
  async read(bytes): Promise<FormatRead> {
    if (bytes.length > MAX_PDF) return { ok: false, reason: 'import.tooLarge' };
    if (!bytes.subarray(0, 1024).includes('%PDF-')) return { ok: false, reason: 'import.badPdf' };
    let placed: { pages: PlacedPage[]; keywords: string };
    try {
      placed = readTextLayer(bytes, MAX_PAGES);
    } catch {
      // What the direct reader does not know for certain, pdf.js reads.
      try {
        placed = await placedPages(bytes);
      } catch {
        return { ok: false, reason: 'import.badPdf' };
      }
    }
    const lines = [...propertyLines(placed.keywords).map((text) => ({ text })), ...placedLines(placed.pages)];
    // No text layer: a scan, read by OCR.
    if (!hasText(lines.map((l) => l.text).join(''))) return ocrPdf(bytes);
    return { ok: true, text: lines.map((l) => l.text).join('\n'), lines, encoding: 'utf-8' };
  },
};

/** A reply is a few pages; a 50 MB PDF is a scan of a whole file of them. */
const MAX_PDF = 50_000_000;
/** More pages than any reply has are not read: a reply is found on its first pages. */
const MAX_PAGES = 60;

/** Text enough to be a reply's text layer, not a scan's stray characters (a stamp, a page number). */
function hasText(text: string): boolean {
  return (text.match(/\p{Script=Han}/gu)?.length ?? 0) >= 20;
}

/**
 * pdf.js's build for Node carries core-js, which replaces Array.prototype.push
 * and JSON.parse (for corners of the standard Node 20 lacks) with polyfills
 * written in JavaScript: every push and parse of the whole process, the
 * reader's and the store's included, then ran at half speed or worse (a PDF
 * read in 99 ms, 53 ms with the natives). pdf.js works with the natives, so
 * they are put back after its modules load (its worker module loads with the
 * first document).
 */
const NATIVE = { push: Array.prototype.push, parse: JSON.parse };
function keepNatives(): void {
  Array.prototype.push = NATIVE.push;
  JSON.parse = NATIVE.parse;
}

/** The pages as pdf.js reads them (exported for the tests that hold the direct reader to it). */
export async function placedPages(bytes: Buffer): Promise<{ pages: PlacedPage[]; keywords: string }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  keepNatives();
  const task = pdfjs.getDocument({
    // pdf.js takes the buffer over; a copy leaves the caller's bytes (hashed for the record) alone.
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    keepNatives();
    const pages: PlacedPage[] = [];
    for (let n = 1; n <= Math.min(doc.numPages, MAX_PAGES); n++) {
      const page = await doc.getPage(n);
      const { width, height } = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const runs: Run[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str === '') continue;
        const [a, b, c, d, e, f] = item.transform as number[];
        // Only upright text: a rotated stamp or a vertical margin note is not the reply's.
        if (Math.abs(b!) > 0.01 * Math.abs(a!)) continue;
        runs.push({ text: item.str, x: e!, baseline: height - f!, width: item.width, size: Math.hypot(c!, d!) || item.height });
      }
      pages.push({ width, height, runs });
      page.cleanup();
    }
    const { info } = await doc.getMetadata();
    const keywords = (info as { Keywords?: unknown }).Keywords;
    return { pages, keywords: typeof keywords === 'string' ? keywords : '' };
  } finally {
    await task.destroy();
  }
}
