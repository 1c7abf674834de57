import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceLine } from '../core/reader/lines.js';
import { readerFor } from '../read/index.js';

/** What reading a file for import gives: its text, or why there is none. */
export type SourceText =
  | {
      readonly ok: true;
      readonly text: string;
      /** The lines with what the format knows of them (a web page's centred title), where it knows more than the text. */
      readonly lines?: readonly SourceLine[];
      readonly format: string;
      readonly encoding: string;
      readonly sha256: string;
    }
  | { readonly ok: false; readonly reason: string; readonly sha256?: string };


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
      } else if (entry.isFile() && readerFor(entry.name) !== undefined) {
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

/** Reads one file through the reader of its format. */
export async function readSource(file: string): Promise<SourceText> {
  const reader = readerFor(file);
  if (!reader) return { ok: false, reason: 'import.unsupported' };
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch {
    return { ok: false, reason: 'import.unreadable' };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const read = await reader.read(bytes);
  if (!read.ok) return { ...read, sha256 };
  return { ok: true, text: read.text, ...(read.lines ? { lines: read.lines } : {}), format: reader.format, encoding: read.encoding, sha256 };
}
