import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ReplyError } from '../../core/errors.js';
import { t } from '../messages.js';
import { command, flag } from '../command.js';

const OPTIONS = { force: flag, json: flag };

/**
 * `reply backup FILE`: a copy of the archive made with SQLite's online backup, safe while others
 * write, checked whole before it takes the file's name (until then it is FILE.partial).
 */
export default command(OPTIONS, async function backup(ctx, args, opts) {
  const [name] = args;
  if (!name) throw new ReplyError('backup.noFile', {}, 2);
  const target = resolve(ctx.cwd, name);
  if (target === resolve(ctx.dbFile)) throw new ReplyError('backup.sameFile', { file: target }, 2);
  if (existsSync(target) && !opts.force) throw new ReplyError('file.exists', { file: target });
  const care = await ctx.care();
  const partial = `${target}.partial`;
  rmSync(partial, { force: true });
  let copy;
  try {
    mkdirSync(dirname(target), { recursive: true });
    copy = await care.backup(partial);
  } catch (error) {
    rmSync(partial, { force: true });
    if (error instanceof ReplyError) throw error;
    throw new ReplyError('file.cannotWrite', { file: target });
  }
  if (copy.integrity.join() !== 'ok') {
    rmSync(partial, { force: true });
    throw new ReplyError('backup.notWhole', { file: target, found: copy.integrity.join('；') });
  }
  renameSync(partial, target);
  if (opts.json) ctx.streams.stdout.write(JSON.stringify({ file: target, replies: copy.replies, bytes: copy.bytes }) + '\n');
  else ctx.streams.stdout.write(t('backup.done', { file: target, replies: copy.replies, size: megabytes(copy.bytes) }) + '\n');
  return 0;
}, 'read');

function megabytes(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(1);
}
