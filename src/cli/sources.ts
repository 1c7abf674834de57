import type { MessageKey } from '../messages/zh-CN.js';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, resolve } from 'node:path';
import { convertToDocx, type Converted } from '../read/convert.js';
import { docxReader } from '../read/docx.js';
import { readRegularFile, type FileBytes } from '../read/file.js';
import { readerFor, type FormatRead } from '../read/index.js';

/**
 * What reading a file for import gives: what its reader read (the text, and
 * the lines with what the format knows of them), the format as the archive
 * records it (…+ocr for a reading by OCR) and the file's sha256; or why there
 * is none.
 */
export type SourceText =
  | (Omit<Extract<FormatRead, { ok: true }>, 'ocr'> & { readonly format: string; readonly sha256: string })
  | { readonly ok: false; readonly reason: MessageKey; readonly params?: Readonly<Record<string, string | number>>; readonly sha256?: string };


/**
 * The files to import under the given paths (relative ones from `base`, the
 * command's folder): each as the user named it and where it is; named files
 * as they are, folders walked recursively for the files a reader reads (hidden folders
 * skipped), in a stable order. A path that does not exist is returned too: it
 * is reported. The other files a folder holds are counted by extension, to be
 * named once at the end rather than one line each.
 */
export function collectFiles(
  paths: readonly string[],
  base: string,
): { files: { file: string; path: string; named: boolean }[]; others: Map<string, number> } {
  const files: { file: string; path: string; named: boolean }[] = [];
  const others = new Map<string, number>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(resolve(base, dir), { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      // A link is never passed over: one to a file is read as the file; one to a folder is reported, not followed (it may loop).
      const linkedFolder = entry.isSymbolicLink() && isFolder(resolve(base, path));
      const file = entry.isFile() || (entry.isSymbolicLink() && !linkedFolder);
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && entry.name !== 'node_modules') walk(path);
      } else if (linkedFolder || (file && readerFor(entry.name) !== undefined)) {
        files.push({ file: path, path: resolve(base, path), named: false });
      } else if (file && !entry.name.startsWith('.')) {
        const ext = extname(entry.name).toLowerCase() || entry.name;
        others.set(ext, (others.get(ext) ?? 0) + 1);
      }
    }
  };
  for (const path of paths) {
    let isDir = false;
    try {
      isDir = statSync(resolve(base, path)).isDirectory();
    } catch {
      // reported when read
    }
    if (isDir) walk(path);
    else files.push({ file: path, path: resolve(base, path), named: true });
  }
  return { files, others };
}

const FILE_REASONS = {
  unreadable: 'import.unreadable',
  folder: 'import.linkedFolder',
  notRegular: 'import.notRegular',
  tooLarge: 'import.tooLarge',
} as const satisfies Record<Exclude<FileBytes, { ok: true }>['reason'], MessageKey>;

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

/**
 * Reads one file through the reader of its format. A file its reader leaves
 * to LibreOffice is read from the .docx LibreOffice makes of it: made before
 * (`converted`, for a run's files in one call), or now.
 */
export async function readSource(file: string, converted?: Converted): Promise<SourceText> {
  const reader = readerFor(file);
  // A path typed wrong is said as that, whatever its name's ending.
  if (!existsSync(file)) return { ok: false, reason: 'import.notFound' };
  if (!reader) return { ok: false, reason: isFolder(file) ? 'import.linkedFolder' : 'import.unsupported' };
  const read0 = readRegularFile(file);
  if (!read0.ok) return { ok: false, reason: FILE_REASONS[read0.reason] };
  const bytes = read0.bytes;
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  let read = await reader.read(bytes);
  if (!read.ok && read.convert) {
    // The run's conversion, when it took this file or found no LibreOffice; else this file's own.
    const made = converted && (converted.docx.has(file) || converted.missing) ? converted : await convertToDocx([file]);
    const docx = made.docx.get(file);
    if (made.missing) return { ok: false, reason: made.missing, sha256 };
    if (docx) read = await docxReader.read(docx);
  }
  if (!read.ok) return { ok: false, reason: read.reason, ...(read.params ? { params: read.params } : {}), sha256 };
  // A reading by OCR is marked so in the record of its source, to be reviewed.
  const format = read.ocr ? `${reader.format}+ocr` : reader.format;
  return { ok: true, text: read.text, ...(read.lines ? { lines: read.lines } : {}), ...(read.properties ? { properties: read.properties } : {}), format, encoding: read.encoding, sha256 };
}

/**
 * The files of a run that LibreOffice must read, made .docx in one go: every
 * .rtf, and a .wps of WPS's own format (a compound file without Word's
 * stream). Another file its reader cannot read after all is converted alone.
 */
export async function convertAll(files: readonly string[]): Promise<Converted> {
  const WORD_STREAM = Buffer.from('WordDocument', 'utf16le');
  const needed = files.filter((file) => {
    const ext = extname(file).toLowerCase();
    if (ext === '.rtf') return true;
    if (ext !== '.wps') return false;
    try {
      return !readFileSync(file).includes(WORD_STREAM);
    } catch {
      return false;
    }
  });
  return convertToDocx(needed);
}
