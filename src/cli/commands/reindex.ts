import { command } from '../command.js';
import { t } from '../messages.js';

export default command({}, async function reindex(ctx) {
  // 'read': an archive that does not exist yet is not created just to be indexed.
  const count = (await ctx.replies()).fullText().reindex();
  ctx.streams.stdout.write(t('reindex.done', { count }) + '\n');
  return 0;
}, 'write');
