import { hasWholeRecords, isIntact, isWhole } from '../../core/health.js';
import { megabytes } from '../present.js';
import { t } from '../messages.js';
import { command, flag } from '../command.js';

const OPTIONS = { json: flag };

/** `reply doctor`: the archive's health, read without changing it; exit 1 when it is not whole. */
export default command(OPTIONS, async function doctor(ctx, _args, opts) {
  const health = (await ctx.care()).health();
  const whole = isWhole(health);
  if (opts.json) {
    ctx.streams.stdout.write(JSON.stringify({ whole, ...health }) + '\n');
    return whole ? 0 : 1;
  }
  const say = (line: string) => ctx.streams.stdout.write(line + '\n');
  say(t('doctor.file', { file: ctx.dbFile, replies: health.replies ?? '—', size: megabytes(health.bytes) }));
  say(isIntact(health.integrity) ? t('doctor.integrityOk') : t('doctor.integrityBad', { found: health.integrity.join('；') }));
  if (health.replies === null) {
    say(t('doctor.notRead'));
  } else {
    const orphans = Object.entries(health.orphans);
    say(orphans.length === 0 ? t('doctor.orphansNone') : t('doctor.orphans', { list: orphans.map(([table, n]) => `${table} ${n}`).join('、') }));
    if (health.gaps.length === 0) say(t('doctor.gapsNone'));
    for (const gap of health.gaps) say(t('doctor.gap', { prefix: gap.prefix, year: gap.year, missing: gap.missing, first: gap.first }));
    const index = health.searchIndex;
    say(index.unmatched === 0 ? t('doctor.indexOk') : t('doctor.indexBad', { n: index.unmatched, ids: index.first.join('、') }));
  }
  say(whole ? t('doctor.whole') : hasWholeRecords(health) ? t('doctor.indexOnly') : t('doctor.notWhole'));
  return whole ? 0 : 1;
}, 'read');
