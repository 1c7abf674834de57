import { closeSync, existsSync, openSync, writeSync } from 'node:fs';
import { resolve } from 'node:path';
import { ReplyError } from '../../core/errors.js';
import { t } from '../messages.js';
import { writeWhole } from '../whole-file.js';
import { command, flag, value } from '../command.js';

const OPTIONS = { format: value, out: value, force: flag };

/** `reply export --format jsonl [--out FILE]`: the whole record, a row a line, to move or keep an archive. */
export default command(OPTIONS, async function exportArchive(ctx, _args, opts) {
  const format = opts.format ?? 'jsonl';
  if (format !== 'jsonl') throw new ReplyError('export.unknownFormat', { value: format }, 2);
  const care = await ctx.care();
  if (!opts.out) {
    for (const line of care.dump()) ctx.streams.stdout.write(line + '\n');
    return 0;
  }
  const target = resolve(ctx.cwd, opts.out);
  if (existsSync(target) && !opts.force) throw new ReplyError('file.exists', { file: target });
  // Written beside its name and named when whole: an export cut short leaves no file that looks whole.
  const rows = await writeWhole(target, (partial) => {
    // The first line names the schema: it is no row.
    let written = -1;
    const fd = openSync(partial, 'w');
    try {
      for (const line of care.dump()) {
        writeSync(fd, line + '\n');
        written++;
      }
    } finally {
      closeSync(fd);
    }
    return written;
  });
  ctx.streams.stderr.write(t('export.done', { rows, file: target }) + '\n');
  return 0;
}, 'read');
