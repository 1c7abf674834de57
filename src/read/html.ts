import { isUtf8 } from 'node:buffer';
import { superscript } from '../core/numerals.js';
import { propertyLine } from '../core/properties.js';
import type { SourceLine } from '../core/reader/lines.js';
import { EXTENSIONS } from './extensions.js';
import type { FormatRead, FormatReader } from './format.js';
import { joinPieces, type Piece } from './runs.js';
import { textOf, type XmlNode } from './xml.js';

/**
 * A web page saved from a disclosure portal: the charset the page names (a
 * BOM, <meta charset>, <meta http-equiv content=…charset=>), else UTF-8 when
 * the bytes are valid UTF-8, else GB18030 (GB2312 and GBK are its subsets).
 * Scripts, styles, forms and the page's navigation, share bar and footer
 * are dropped; every block (paragraph, heading, table row, list item, line
 * break) is a line, a table row's cells on one line, so the tolerant reader
 * sees the info table as label: value lines. A block set centred or right
 * (align=, text-align:, <center>) says so on its lines.
 */
export const htmlReader: FormatReader = {
  format: 'html',
  extensions: EXTENSIONS.html,
  async read(bytes): Promise<FormatRead> {
    if (bytes.length > MAX_PAGE) return { ok: false, reason: 'import.tooLarge' };
    const { html, encoding } = await decode(bytes);
    if (!/<[a-z!]/iu.test(html)) return { ok: false, reason: 'import.badHtml' };
    const { parseDocument } = await import('htmlparser2');
    const root = parseDocument(html, { decodeEntities: true }) as unknown as Node;
    const lines = [...propertyLines(root), ...linesOf(root)];
    if (lines.length === 0) return { ok: false, reason: 'import.empty' };
    return { ok: true, text: lines.map((l) => l.text).join('\n'), lines, encoding };
  },
};

/** A saved page is some hundred KB; a portal's page with inlined images a few MB. */
const MAX_PAGE = 20_000_000;

async function decode(bytes: Buffer): Promise<{ html: string; encoding: string }> {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { html: bytes.subarray(3).toString('utf8'), encoding: 'utf-8' };
  const head = bytes.subarray(0, 4096).toString('latin1');
  const named = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/iu.exec(head)?.[1]?.toLowerCase();
  const encoding = named && !/^utf-?8$/u.test(named) ? named : isUtf8(bytes) ? 'utf-8' : 'gb18030';
  if (encoding === 'utf-8') return { html: bytes.toString('utf8'), encoding };
  const iconv = (await import('iconv-lite')).default;
  // GB2312 and GBK pages hold characters outside their tables more often than not: read them as GB18030.
  const label = /^(gb2312|gbk|gb_2312-80|x-gbk|cp936)$/u.test(encoding) ? 'gb18030' : encoding;
  if (!iconv.encodingExists(label)) return { html: bytes.toString('utf8'), encoding: 'utf-8' };
  return { html: iconv.decode(bytes, label), encoding: label };
}

/** htmlparser2's nodes, as the readers of XML formats walk them too. */
type Node = XmlNode;

/** Never text of the reply. */
const DROPPED = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'iframe', 'object', 'embed', 'svg', 'canvas', 'button', 'select',
  'input', 'textarea', 'nav', 'footer', 'aside', 'map',
]);
/** The page's furniture by its class or id: navigation, share bars, footers, breadcrumbs. */
const FURNITURE = /(?:^|[\s_-])(?:nav|navbar|menu|footer|foot|share|bdshare|breadcrumb|crumb|sidebar|copyright|toolbar|topbar)(?:$|[\s_-])/iu;
const BLOCKS = new Set([
  'p', 'div', 'section', 'article', 'main', 'header', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd',
  'table', 'tbody', 'thead', 'tfoot', 'tr', 'blockquote', 'pre', 'center', 'hr', 'form', 'fieldset', 'address', 'figure', 'caption',
]);
const CELLS = new Set(['td', 'th']);
/** Nested deeper than this is no page a portal makes: the rest is left unread. */
const MAX_DEPTH = 200;

function linesOf(root: Node): SourceLine[] {
  const out: SourceLine[] = [];
  let pieces: Piece[] = [];
  let align: SourceLine['align'];
  const flush = () => {
    const { text, bold } = joinPieces(pieces);
    const line = text.replace(/[ \t\r\n\f]+/gu, ' ').trim();
    if (line) out.push({ text: line, ...(align ? { align } : {}), ...(bold ? { bold } : {}) });
    pieces = [];
    align = undefined;
  };
  const add = (text: string, bold: boolean) => pieces.push({ text, bold });
  const walk = (node: Node, depth: number, inherited: SourceLine['align'], bold: boolean) => {
    if (depth > MAX_DEPTH) return;
    if (node.type === 'text') {
      if (!pieces.some((p) => /\S/u.test(p.text))) align = inherited;
      add(node.data ?? '', bold);
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root' && node.type !== 'script' && node.type !== 'style') return;
    const name = node.name?.toLowerCase() ?? '';
    const attribs = node.attribs ?? {};
    if (node.type !== 'root' && (DROPPED.has(name) || FURNITURE.test(`${attribs.class ?? ''} ${attribs.id ?? ''}`))) return;
    if (name === 'br') return flush();
    // A note mark (<sup>1</sup>) as the reader reads one: ¹.
    if (name === 'sup' && /^\s*\d{1,2}\s*$/u.test(textOf(node))) return void add(superscript(Number(textOf(node).trim())), bold);
    const own = alignOf(name, attribs) ?? inherited;
    const strong = bold || name === 'strong' || name === 'b' || /font-weight\s*:\s*(bold|[6-9]00)/iu.test(attribs.style ?? '');
    const block = BLOCKS.has(name);
    if (block) flush();
    if (CELLS.has(name)) add(' ', false);
    for (const child of node.children ?? []) walk(child, depth + 1, own, strong);
    if (CELLS.has(name)) add(' ', false);
    if (block) flush();
  };
  walk(root, 0, undefined, false);
  flush();
  return out;
}

/** The record's properties a page names in its <meta> (the tool's own pages do), as the info-table lines a portal prints. */
function propertyLines(root: Node): SourceLine[] {
  const head = find(root, 'head', 0);
  return (head?.children ?? []).flatMap((node) => {
    if (node.type !== 'tag' || node.name?.toLowerCase() !== 'meta') return [];
    const line = propertyLine(node.attribs?.name ?? '', node.attribs?.content ?? '');
    return line ? [{ text: line }] : [];
  });
}

function find(node: Node, name: string, depth: number): Node | undefined {
  if (node.name?.toLowerCase() === name) return node;
  if (depth > 3) return undefined;
  for (const child of node.children ?? []) {
    const found = find(child, name, depth + 1);
    if (found) return found;
  }
  return undefined;
}

function alignOf(name: string, attribs: Record<string, string>): SourceLine['align'] | undefined {
  if (name === 'center') return 'center';
  const value = (attribs.align ?? /text-align\s*:\s*(\w+)/iu.exec(attribs.style ?? '')?.[1] ?? '').toLowerCase();
  return value === 'center' || value === 'right' || value === 'left' ? value : undefined;
}
