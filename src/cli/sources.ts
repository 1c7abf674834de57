import { isUtf8 } from 'node:buffer';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

/** What reading a file for import gives: its text, or why there is none. */
export type SourceText =
  | { readonly ok: true; readonly text: string; readonly format: string; readonly encoding: string; readonly sha256: string }
  | { readonly ok: false; readonly reason: string; readonly sha256?: string };

export const IMPORTABLE = new Set(['.txt', '.md', '.docx']);

/**
 * The files to import under the given paths: named files as they are,
 * folders walked recursively for .txt/.md/.docx (hidden folders skipped), in
 * a stable order. A path that does not exist is returned too: it is reported.
 */
export function collectFiles(paths: readonly string[]): { file: string; named: boolean }[] {
  const out: { file: string; named: boolean }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') walk(path);
      } else if (entry.isFile() && IMPORTABLE.has(extname(entry.name).toLowerCase())) {
        out.push({ file: path, named: false });
      }
    }
  };
  for (const path of paths) {
    let isDir = false;
    try {
      isDir = statSync(path).isDirectory();
    } catch {
      // reported when read
    }
    if (isDir) walk(path);
    else out.push({ file: path, named: true });
  }
  return out;
}

/** Reads and decodes one file: UTF-8 (with or without BOM), else GB18030/GBK; .docx through mammoth. */
export async function readSource(file: string): Promise<SourceText> {
  const ext = extname(file).toLowerCase();
  if (!IMPORTABLE.has(ext)) return { ok: false, reason: 'import.unsupported' };
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return { ok: false, reason: 'import.unreadable' };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (ext === '.docx') {
    try {
      const mammoth = (await import('mammoth')).default;
      const { value } = await mammoth.extractRawText({ buffer: bytes });
      if (!value.trim()) return { ok: false, reason: 'import.empty', sha256 };
      return { ok: true, text: value, format: 'docx', encoding: 'utf-8', sha256 };
    } catch {
      return { ok: false, reason: 'import.badDocx', sha256 };
    }
  }
  const decoded = await decodeText(bytes);
  if (!decoded.ok) return { ...decoded, sha256 };
  return { ok: true, text: decoded.text, format: ext.slice(1), encoding: decoded.encoding, sha256 };
}

/**
 * Text in UTF-8 or, as older Chinese files often are, in GB18030 (a superset
 * of GBK and GB2312). Bytes that are neither are not text.
 */
export async function decodeText(
  bytes: Uint8Array,
): Promise<{ ok: true; text: string; encoding: string } | { ok: false; reason: string }> {
  if (bytes.includes(0)) return { ok: false, reason: 'import.binary' };
  let text: string;
  let encoding = 'utf-8';
  if (isUtf8(bytes)) {
    // Checked natively, then decoded: ~25 µs less a file than a fatal TextDecoder (which also dropped one BOM).
    text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  } else {
    const iconv = (await import('iconv-lite')).default;
    text = iconv.decode(Buffer.from(bytes), 'gb18030');
    encoding = 'gb18030';
  }
  text = text.replace(/^\uFEFF/, '');
  if (/[\uFFFD\u0000-\u0008\u000E-\u001F]/u.test(text)) return { ok: false, reason: 'import.binary' };
  if (!text.trim()) return { ok: false, reason: 'import.empty' };
  return { ok: true, text, encoding };
}
