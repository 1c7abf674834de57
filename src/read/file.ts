import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import type { MessageKey } from '../messages/zh-CN.js';

/** The largest file read as a reply (or a body): a reply is a few pages, a scan some MB. */
export const MAX_FILE = 50_000_000;

export type FileBytes =
  | { readonly ok: true; readonly bytes: Buffer }
  | { readonly ok: false; readonly reason: 'unreadable' | 'folder' | 'notRegular' | 'tooLarge' };

/** Why a file named for its text was not read, as said to the clerk. */
export const FILE_ERRORS = {
  unreadable: 'file.unreadable',
  folder: 'file.notRegular',
  notRegular: 'file.notRegular',
  tooLarge: 'file.tooLarge',
} as const satisfies Record<Exclude<FileBytes, { ok: true }>['reason'], MessageKey>;

/**
 * The bytes of a regular file, at most `max` of them. A FIFO, a device (/dev/zero) or a socket is not
 * read at all: opened without blocking (a FIFO with no writer would hang the open), then refused by
 * what fstat says it is. A file that grows while it is read stops at the bound all the same.
 */
export function readRegularFile(path: string, max = MAX_FILE): FileBytes {
  return looked(path, (kind, fd, size) => {
    if (kind !== 'regular') return { ok: false, reason: kind };
    if (size > max) return { ok: false, reason: 'tooLarge' };
    return readUpTo(fd, max);
  }, (reason) => ({ ok: false, reason }));
}

/** What a path is, looked at without blocking (see readRegularFile). */
export function fileKind(path: string): Kind {
  return looked(path, (kind) => kind, (reason) => reason);
}

type Kind = 'regular' | 'unreadable' | 'folder' | 'notRegular';

/** The path opened without blocking, and what fstat says it is, handed to `then`; closed after. */
function looked<T>(path: string, then: (kind: Exclude<Kind, 'unreadable'>, fd: number, size: number) => T, failed: (reason: 'unreadable') => T): T {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch {
    return failed('unreadable');
  }
  try {
    const stat = fstatSync(fd);
    return then(stat.isFile() ? 'regular' : stat.isDirectory() ? 'folder' : 'notRegular', fd, stat.size);
  } catch {
    return failed('unreadable');
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

