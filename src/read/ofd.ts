import type { MessageKey } from '../messages/zh-CN.js';
import { EXTENSIONS } from './extensions.js';
import type { FormatRead, FormatReader } from './format.js';
import { placedLines, type PlacedPage, type Run } from './placement.js';
import { childNamed, childrenNamed, localName, parseXml, textOf, type XmlNode } from './xml.js';
import { MAX_PART, MAX_ZIP, openZip, partText, TOO_LARGE, type Zip } from './zip.js';

/**
 * OFD (GB/T 33190-2016), the format of China's e-documents: a zip whose
 * OFD.xml names a Document.xml, which lists the pages and their templates.
 * Each TextCode of a page (its templates' first, where a red 版头 often
 * stands) is a run where it is placed, made lines by placement.ts as a PDF's are.
 */
export const ofdReader: FormatReader = {
  format: 'ofd',
  extensions: EXTENSIONS.ofd,
  async read(bytes): Promise<FormatRead> {
    if (bytes.length > MAX_ZIP) return { ok: false, reason: 'import.tooLarge' };
    let pages: PlacedPage[] | MessageKey;
    try {
      pages = await placedPages(bytes);
    } catch {
      return { ok: false, reason: 'import.badOfd' };
    }
    if (typeof pages === 'string') return { ok: false, reason: pages };
    const lines = placedLines(pages);
    // Pages without text are a scan's images: OCR reads those.
    if (lines.length === 0) return { ok: false, reason: 'import.scanned' };
    return { ok: true, text: lines.map((l) => l.text).join('\n'), lines, encoding: 'utf-8' };
  },
};

/** All the XML read of one file: a zip's parts may each stay under MAX_PART and still inflate to gigabytes. */
const MAX_TOTAL_XML = 100_000_000;
const MAX_PAGES = 200;
const MAX_DEPTH = 50;
/** OFD's unit is the millimetre; lines give sizes in points. */
const PT = 72 / 25.4;

class TooLarge extends Error {}

/** The pages' runs, or the reason the file is refused. */
async function placedPages(bytes: Buffer): Promise<PlacedPage[] | MessageKey> {
  const zip = await openZip(bytes);
  if (!zip) return 'import.badOfd';
  const budget = { left: MAX_TOTAL_XML };
  const xmlOf = async (path: string): Promise<XmlNode | undefined> => {
    const text = await partText(zip, nameOf(zip, path), MAX_PART, budget);
    if (text === TOO_LARGE) throw new TooLarge();
    return text === undefined ? undefined : parseXml(text.replace(/^\uFEFF/u, ''));
  };
  try {
    const root = await xmlOf('OFD.xml');
    const docPath = root && textOf(find(root, 'OFD', 'DocBody', 'DocRoot')).trim();
    if (!docPath) return 'import.badOfd';
    const docAt = resolved('OFD.xml', docPath);
    const doc = await xmlOf(docAt);
    if (!doc) return 'import.badOfd';
    const common = find(doc, 'Document', 'CommonData');
    const defaultBox = boxOf(find(common, 'PageArea', 'PhysicalBox')) ?? { width: 210, height: 297 };
    const templates = new Map<string, string>();
    for (const t of childrenNamed(common, 'TemplatePage')) {
      const a = t.attribs ?? {};
      if (a.ID && a.BaseLoc) templates.set(a.ID, resolved(docAt, a.BaseLoc));
    }
    const templateRuns = new Map<string, Run[]>();
    const runsOfTemplate = async (id: string): Promise<Run[]> => {
      let runs = templateRuns.get(id);
      if (!runs) {
        const at = templates.get(id);
        const page = at ? await xmlOf(at) : undefined;
        runs = page ? runsOfPage(find(page, 'Page')) : [];
        templateRuns.set(id, runs);
      }
      return runs;
    };
    const pages: PlacedPage[] = [];
    for (const p of childrenNamed(find(doc, 'Document', 'Pages'), 'Page').slice(0, MAX_PAGES)) {
      const loc = p.attribs?.BaseLoc;
      const content = loc ? find(await xmlOf(resolved(docAt, loc)), 'Page') : undefined;
      const runs: Run[] = [];
      for (const t of childrenNamed(content, 'Template')) runs.push(...(await runsOfTemplate(t.attribs?.TemplateID ?? '')));
      runs.push(...runsOfPage(content));
      const box = boxOf(find(content, 'Area', 'PhysicalBox')) ?? defaultBox;
      pages.push({ width: box.width * PT, height: box.height * PT, runs });
    }
    return pages;
  } catch (e) {
    if (e instanceof TooLarge) return 'import.tooLarge';
    throw e;
  }
}

/** The name of the entry at a path; some writers' names differ in case from the paths their XML gives. */
function nameOf(zip: Zip, path: string): string {
  if (zip.file(path)) return path;
  const lower = path.toLowerCase();
  return Object.keys(zip.files).find((n) => n.toLowerCase() === lower) ?? path;
}

/** A BaseLoc read from the part at `from`: relative to that part's folder, from the zip's root when it starts with a slash. */
function resolved(from: string, loc: string): string {
  const parts = loc.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const p of loc.replace(/\\/gu, '/').split('/')) {
    if (p === '..') parts.pop();
    else if (p !== '' && p !== '.') parts.push(p);
  }
  return parts.join('/');
}

/** The element down a path of names from a node (a document's root element first). */
function find(node: XmlNode | undefined, ...path: string[]): XmlNode | undefined {
  let at = node;
  for (const name of path) at = childNamed(at, name);
  return at;
}

function numbers(s: string | undefined): number[] {
  return (s ?? '').trim().split(/[\s,]+/u).filter(Boolean).map(Number);
}

function boxOf(box: XmlNode | undefined): { width: number; height: number } | undefined {
  const [, , width, height] = numbers(textOf(box));
  return width !== undefined && height !== undefined && width > 0 && height > 0 ? { width, height } : undefined;
}

/** The runs of a page's (or a template's) content: its TextObjects in layers and page blocks. */
function runsOfPage(page: XmlNode | undefined): Run[] {
  const runs: Run[] = [];
  const walk = (node: XmlNode, depth: number): void => {
    if (depth > MAX_DEPTH) return;
    for (const c of node.children ?? []) {
      if (c.type !== 'tag') continue;
      const name = localName(c);
      if (name === 'TextObject') runs.push(...runsOfText(c));
      else if (name === 'Layer' || name === 'PageBlock') walk(c, depth + 1);
    }
  };
  const content = find(page, 'Content');
  if (content) walk(content, 0);
  return runs;
}

/** Each TextCode of a text object a run, in points from the page's top left. */
function runsOfText(object: XmlNode): Run[] {
  const a = object.attribs ?? {};
  const [bx, by] = numbers(a.Boundary);
  const size = Number(a.Size);
  const ctm = numbers(a.CTM);
  const [sx, b, c, sy, e, f] = ctm.length === 6 && ctm.every(Number.isFinite) ? ctm : [1, 0, 0, 1, 0, 0];
  // A rotated text is a stamp's or a margin note's, not the reply's.
  if (!Number.isFinite(bx) || !Number.isFinite(by) || !(size > 0) || Math.abs(b!) > 1e-6 || Math.abs(c!) > 1e-6) return [];
  const runs: Run[] = [];
  // A TextCode without X or Y takes the one before it (GB/T 33190 11.3).
  let x = 0;
  let y = 0;
  for (const code of childrenNamed(object, 'TextCode')) {
    const ca = code.attribs ?? {};
    x = ca.X !== undefined && Number.isFinite(Number(ca.X)) ? Number(ca.X) : x;
    y = ca.Y !== undefined && Number.isFinite(Number(ca.Y)) ? Number(ca.Y) : y;
    const text = textOf(code);
    // Vertical text (DeltaY and no DeltaX) is a stamp's or a table's margin.
    if (!text || (ca.DeltaY && !ca.DeltaX)) continue;
    const width = advances(ca.DeltaX, [...text].length - 1, size).reduce((s, v) => s + v, 0) + size;
    runs.push({
      text,
      x: (bx! + sx! * x + e!) * PT,
      baseline: (by! + sy! * y + f!) * PT,
      width: width * Math.abs(sx!) * PT,
      size: size * Math.abs(sy!) * PT,
    });
  }
  return runs;
}

/** The n advances a DeltaX gives: numbers, or `g N v` for N times v; the ones it does not give are a Size each. */
function advances(delta: string | undefined, n: number, size: number): number[] {
  const tokens = (delta ?? '').trim().split(/\s+/u).filter(Boolean);
  const out: number[] = [];
  for (let i = 0; i < tokens.length && out.length < n; ) {
    const repeat = tokens[i] === 'g';
    const count = repeat ? Number(tokens[i + 1]) : 1;
    const value = Number(tokens[repeat ? i + 2 : i]);
    if (!Number.isFinite(value) || !Number.isFinite(count)) break;
    for (let k = 0; k < count && out.length < n; k++) out.push(value);
    i += repeat ? 3 : 1;
  }
  while (out.length < n) out.push(size);
  return out;
}
