import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { ReplyError } from '../core/errors.js';

/**
 * Writes a file whole or not at all: `write` fills FILE.partial beside it (its folder made), which
 * takes the file's name only once `write` has finished; on any failure it is removed. A backup or an
 * export cut short leaves no file that looks whole.
 */
export async function writeWhole<T>(target: string, write: (partial: string) => T | Promise<T>): Promise<T> {
  const partial = `${target}.partial`;
  try {
    rmSync(partial, { force: true });
    mkdirSync(dirname(target), { recursive: true });
    const result = await write(partial);
    renameSync(partial, target);
    return result;
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof ReplyError) throw error;
    throw new ReplyError('file.cannotWrite', { file: target });
  }
}
