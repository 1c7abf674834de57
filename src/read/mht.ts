import { EXTENSIONS } from './extensions.js';
import type { FormatRead, FormatReader } from './format.js';
import { htmlReader } from './html.js';

/**
 * A web page saved as one file (MHTML, by IE, Edge or Chrome): a MIME
 * message whose first text/html part is the page, beside its images and
 * styles. The part is decoded (quoted-printable, base64) in the charset it
 * names, else as the page says, and read as the html reader reads a page,
 * so the lines are those of the same page saved as .html.
 */
export const mhtReader: FormatReader = {
  format: 'mht',
  extensions: EXTENSIONS.mht,
  async read(bytes): Promise<FormatRead> {
    if (bytes.length > MAX_MHT) return { ok: false, reason: 'import.tooLarge' };
    try {
      const part = htmlPart(bytes.toString('latin1'), 0);
      if (!part) return { ok: false, reason: 'import.badMht' };
      const body = bodyBytes(part.body, part.headers.get('content-transfer-encoding') ?? '');
      const encoding = charsetOf(part);
      const iconv = encoding && encoding !== 'utf-8' ? (await import('iconv-lite')).default : undefined;
      // Without a charset (or with one unknown) the bytes are the page's own: the html reader finds its charset as in a .html file.
      if (!encoding || (iconv && !iconv.encodingExists(encoding))) return asPage(await htmlReader.read(body));
      const html = iconv ? iconv.decode(body, encoding) : body.toString('utf8');
      // The BOM makes the html reader take the text as UTF-8 whatever charset the page's own meta names.
      const read = asPage(await htmlReader.read(Buffer.from('\ufeff' + html.replace(/^\ufeff/u, ''), 'utf8')));
      return read.ok ? { ...read, encoding } : read;
    } catch {
      return { ok: false, reason: 'import.badMht' };
    }
  },
};

/** As large as a saved page the html reader takes. */
const MAX_MHT = 20_000_000;
/** A page inside a message inside a message is as deep as any browser saves. */
const MAX_NESTING = 4;

interface Part {
  readonly headers: ReadonlyMap<string, string>;
  readonly body: string;
}

/** The charset the part names, as the html reader names it (GB2312 and GBK read as GB18030, their superset). */
function charsetOf(part: Part): string | undefined {
  const named = param(part.headers.get('content-type') ?? '', 'charset')?.trim().toLowerCase();
  if (!named) return undefined;
  if (/^(gb2312|gbk|gb_2312-80|x-gbk|cp936)$/u.test(named)) return 'gb18030';
  return /^utf-?8$/u.test(named) ? 'utf-8' : named;
}

/** A part with no markup at all is refused as this format, not as a .html file. */
function asPage(read: FormatRead): FormatRead {
  return !read.ok && read.reason === 'import.badHtml' ? { ok: false, reason: 'import.badMht' } : read;
}

/** The first text/html part of the message (the bytes as latin1, one character a byte), or undefined. */
function htmlPart(message: string, depth: number): Part | undefined {
  const part = split(message);
  const type = (part.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (type === 'text/html') return part;
  const boundary = param(part.headers.get('content-type') ?? '', 'boundary');
  if (!type.startsWith('multipart/') || !boundary || depth >= MAX_NESTING) return undefined;
  const delimiter = new RegExp(`(?:^|\\r?\\n)--${boundary.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}(?=--|[ \\t]*(?:\\r?\\n|$))`);
  // The first piece is the preamble ("This is a multi-part message in MIME format.").
  for (const piece of part.body.split(delimiter).slice(1)) {
    if (piece.startsWith('--')) break;
    const found = htmlPart(piece.replace(/^[ \t]*\r?\n/u, ''), depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** Headers (names in lower case, folded values unfolded) and body, split at the first blank line. */
function split(text: string): Part {
  const blank = /^\r?\n|\r?\n\r?\n/u.exec(text);
  const head = blank ? text.slice(0, blank.index) : text;
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r?\n[ \t]+/gu, ' ').split(/\r?\n/u)) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon).trim().toLowerCase();
    if (colon > 0 && !headers.has(name)) headers.set(name, line.slice(colon + 1).trim());
  }
  return { headers, body: blank ? text.slice(blank.index + blank[0].length) : '' };
}

/** A parameter of a header value: charset of `text/html; charset="gb2312"`. */
function param(value: string, name: string): string | undefined {
  const m = new RegExp(`;\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'iu').exec(value);
  return m?.[1] ?? m?.[2];
}

function bodyBytes(body: string, transfer: string): Buffer {
  const encoding = transfer.trim().toLowerCase();
  if (encoding === 'base64') return Buffer.from(body.replace(/[^A-Za-z0-9+/=]/gu, ''), 'base64');
  if (encoding !== 'quoted-printable') return Buffer.from(body, 'latin1');
  // Soft breaks go first, so a character whose bytes a break split (=B4=\r\n=F0) comes whole.
  const joined = body.replace(/=[ \t]*\r?\n/gu, '');
  return Buffer.from(joined.replace(/=([0-9A-Fa-f]{2})/gu, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), 'latin1');
}
