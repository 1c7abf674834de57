import { isUtf8 } from 'node:buffer';
import type { SourceLine } from '../core/reader/lines.js';
import type { FormatRead, FormatReader } from './format.js';

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
  extensions: ['.html', '.htm'],
  async read(bytes): Promise<FormatRead> {
    if (bytes.length > MAX_PAGE) return { ok: false, reason: 'import.tooLarge' };
    const { html, encoding } = await decode(bytes);
    if (!/<[a-z!]/iu.test(html)) return { ok: false, reason: 'import.badHtml' };
    const { parseDocument } = await import('htmlparser2');
    const lines = linesOf(parseDocument(html, { decodeEntities: true }) as unknown as Node);
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

/** The nodes of htmlparser2's document that the walk looks at. */
interface Node {
  readonly type: string;
  readonly name?: string;
  readonly data?: string;
  readonly attribs?: Record<string, string>;
  readonly children?: readonly Node[];
}

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
  let text = '';
  let align: SourceLine['align'];
  const flush = () => {
    const line = text.replace(/[ \t\r\n\f]+/gu, ' ').trim();
    if (line) out.push(align ? { text: line, align } : { text: line });
    text = '';
    align = undefined;
  };
  const walk = (node: Node, depth: number, inherited: SourceLine['align']) => {
    if (depth > MAX_DEPTH) return;
    if (node.type === 'text') {
      if (text === '' || !/\S/u.test(text)) align = inherited;
      text += node.data ?? '';
      return;
    }
    if (node.type !== 'tag' && node.type !== 'root' && node.type !== 'script' && node.type !== 'style') return;
    const name = node.name?.toLowerCase() ?? '';
    if (node.type !== 'root' && (DROPPED.has(name) || FURNITURE.test(`${node.attribs?.class ?? ''} ${node.attribs?.id ?? ''}`))) return;
    if (name === 'br') return flush();
    const own = alignOf(name, node.attribs ?? {}) ?? inherited;
    const block = BLOCKS.has(name);
    if (block) flush();
    if (CELLS.has(name)) text += ' ';
    for (const child of node.children ?? []) walk(child, depth + 1, own);
    if (CELLS.has(name)) text += ' ';
    if (block) flush();
  };
  walk(root, 0, undefined);
  flush();
  return out;
}

function alignOf(name: string, attribs: Record<string, string>): SourceLine['align'] | undefined {
  if (name === 'center') return 'center';
  const value = (attribs.align ?? /text-align\s*:\s*(\w+)/iu.exec(attribs.style ?? '')?.[1] ?? '').toLowerCase();
  return value === 'center' || value === 'right' || value === 'left' ? value : undefined;
}
