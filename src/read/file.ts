import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';

/** The largest file read as a reply (or a body): a reply is a few pages, a scan some MB. */
export const MAX_FILE = 50_000_000;

export type FileBytes =
  | { readonly ok: true; readonly bytes: Buffer }
  | { readonly ok: false; readonly reason: 'unreadable' | 'folder' | 'notRegular' | 'tooLarge' };

/**
 * The bytes of a regular file, at most `max` of them. A FIFO, a device (/dev/zero) or a socket is not
 * read at all: opened without blocking (a FIFO with no writer would hang the open), then refused by
 * what fstat says it is. A file that grows while it is read stops at the bound all the same.
 */
export function readRegularFile(path: string, max = MAX_FILE): FileBytes {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return { ok: false, reason: 'unreadable' };
  }
  try {
    const stat = fstatSync(fd);
    if (stat.isDirectory()) return { ok: false, reason: 'folder' };
    if (!stat.isFile()) return { ok: false, reason: 'notRegular' };
    if (stat.size > max) return { ok: false, reason: 'tooLarge' };
    return readUpTo(fd, max);
  } catch {
    return { ok: false, reason: 'unreadable' };
  } finally {
    closeSync(fd);
  }
}

/** What a descriptor gives (standard input, a regular file), refused once it passes `max` bytes. */
export function readUpTo(fd: number, max = MAX_FILE): FileBytes {
  const chunks: Buffer[] = [];
  let total = 0;
  for (;;) {
    const chunk = Buffer.allocUnsafe(1 << 16);
    let n: number;
    try {
      n = readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      // Standard input that is a terminal or a pipe without data yet: wait for it.
      if ((error as { code?: string }).code === 'EAGAIN') {
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
        continue;
      }
      if ((error as { code?: string }).code === 'EOF') break;
      return { ok: false, reason: 'unreadable' };
    }
    if (n === 0) break;
    total += n;
    if (total > max) return { ok: false, reason: 'tooLarge' };
    chunks.push(chunk.subarray(0, n));
  }
  return { ok: true, bytes: Buffer.concat(chunks, total) };
}

/** What a path is, looked at without blocking (see readRegularFile). */
export function fileKind(path: string): 'regular' | 'unreadable' | 'folder' | 'notRegular' {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return 'unreadable';
  }
  try {
    const stat = fstatSync(fd);
    return stat.isFile() ? 'regular' : stat.isDirectory() ? 'folder' : 'notRegular';
  } finally {
    closeSync(fd);
  }
}
