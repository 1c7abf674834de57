import { createReadStream } from 'node:fs';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { ReplyError } from '../../core/errors.js';
import { FILE_ERRORS, fileKind } from '../../read/file.js';
import type { Context } from '../context.js';
import { t } from '../messages.js';

/** `reply import --format jsonl FILE`: a whole archive from reply export, into an archive that holds nothing yet. */
export async function restoreArchive(ctx: Context, args: readonly string[], format: string, dryRun: boolean): Promise<number> {
  if (format !== 'jsonl') throw new ReplyError('export.unknownFormat', { value: format }, 2);
  if (args.length !== 1 || dryRun) throw new ReplyError('restore.oneFile', {}, 2);
  const file = resolve(ctx.cwd, args[0]!);
  // Only a regular file is read: a FIFO or a device is refused by what it is, before any stream opens.
  const kind = fileKind(file);
  if (kind !== 'regular') throw new ReplyError(FILE_ERRORS[kind], { file });
  const care = await ctx.care({ create: true });
  // Made only now: readline starts reading at once, and lines read before the loop takes them are lost.
  const lines = createInterface({ input: createReadStream(file, { encoding: 'utf8' }), crlfDelay: Infinity });
  const { rows, replies } = await care.restore(lines, file);
  ctx.streams.stderr.write(t('restore.done', { file, rows, replies }) + '\n');
  return 0;
}
