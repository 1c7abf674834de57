import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { isIntact } from '../../core/health.js';
import { ReplyError } from '../../core/errors.js';
import { t } from '../messages.js';
import { megabytes } from '../present.js';
import { writeWhole } from '../whole-file.js';
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
  const copy = await writeWhole(target, async (partial) => {
    const made = await care.backup(partial);
    if (!isIntact(made.integrity)) throw new ReplyError('backup.notWhole', { file: target, found: made.integrity.join('；') });
    return made;
  });
  if (opts.json) ctx.streams.stdout.write(JSON.stringify({ file: target, replies: copy.replies, bytes: copy.bytes }) + '\n');
  else ctx.streams.stdout.write(t('backup.done', { file: target, replies: copy.replies, size: megabytes(copy.bytes) }) + '\n');
  return 0;
}, 'read');
