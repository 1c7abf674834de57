import { ReplyError } from '../../core/errors.js';
import type { NewReply } from '../../core/fields.js';
import type { ReplyRepository } from '../../core/ports.js';
import type { FoundText } from '../../core/reader/read.js';
import { isSameReply } from '../../core/reader/identity.js';
import type { Config } from '../../core/config.js';
import type { NeededField, RecordField, Reply, ReplySummary } from '../../core/reply.js';
import { t, type MessageKey } from '../messages.js';
import { fieldLabel } from '../present.js';
import { progressBar } from '../progress.js';
import { readAll } from '../import-pool.js';
import type { ImportRead } from '../import-read.js';
import { collectFiles } from '../sources.js';
import { command, flag, value } from '../command.js';
import { restoreArchive } from './restore.js';

const OPTIONS = {
  dryRun: flag,
  json: flag,
  format: value,
};

/** What happened to one file. */
interface FileReport {
  file: string;
  outcome: 'filed' | 'wouldFile' | 'skipped' | 'conflict';
  reason?: MessageKey;
  /** What the reason names (where in the file). */
  reasonParams?: Readonly<Record<string, string | number>>;
  id?: number;
  docNumber?: string;
  warnings: MessageKey[];
  /** What the reader found, for --json. */
  found?: Readonly<Record<string, FoundText>>;
  missing?: readonly NeededField[];
  inferred?: readonly RecordField[];
  differing?: readonly RecordField[];
}

export default command(OPTIONS, async function importReplies(ctx, args, opts) {
  // A whole archive, as reply export wrote it, is filed as it was; published replies are read one by one.
  if (opts.format !== undefined) return restoreArchive(ctx, args, opts.format, opts.dryRun ?? false);
  const { files, others } = collectFiles(args, ctx.cwd);
  const repo = await ctx.replies();
  const config = ctx.configIfAny();
  const progress = files.length >= 20 && !opts.json ? await progressBar(ctx, 'import.progress', files.length) : undefined;
  const reports: (FileReport & { named: boolean })[] = [];
  let next = 0;
  for await (const read of readAll(
    files.map((f) => f.path),
    config?.resultClasses,
  )) {
    const { file, named } = files[next++]!;
    const report = { ...importFile(repo, file, read, opts.dryRun ?? false, config), named };
    reports.push(report);
    if (progress) progress.increment();
    else if (!opts.json) ctx.streams.stdout.write(line(report) + '\n');
  }
  progress?.stop();
  if (progress) for (const r of reports) if (r.outcome !== 'filed' || r.missing?.length) ctx.streams.stdout.write(line(r) + '\n');

  if (opts.json) {
    const json = reports.map((r) => ({
      file: r.file,
      outcome: r.outcome,
      ...(r.id !== undefined ? { id: r.id } : {}),
      ...(r.docNumber !== undefined ? { docNumber: r.docNumber } : {}),
      reason: r.reason && t(r.reason, { ...r.reasonParams, id: r.id ?? '', docNumber: r.docNumber ?? '' }),
      ...(r.found ? { found: r.found, missing: r.missing ?? [], inferred: r.inferred ?? [], differing: r.differing ?? [] } : {}),
      warnings: r.warnings.map((w) => t(w)),
    }));
    ctx.streams.stdout.write(JSON.stringify(json, null, 2) + '\n');
  }
  if (others.size) {
    const list = [...others].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([ext, n]) => t('import.otherType', { ext, count: n }));
    ctx.streams.stderr.write(t('import.others', { list: list.join('、') }) + '\n');
  }
  const count = (o: FileReport['outcome']) => reports.filter((r) => r.outcome === o).length;
  const filed = reports.filter((r) => r.outcome === (opts.dryRun ? 'wouldFile' : 'filed'));
  ctx.streams.stderr.write(
    t(opts.dryRun ? 'import.summaryDry' : 'import.summary', {
      files: reports.length,
      filed: filed.length,
      complete: filed.filter((r) => !r.missing?.length).length,
      incomplete: filed.filter((r) => r.missing?.length).length,
      skipped: count('skipped'),
      conflicts: count('conflict'),
    }) + '\n',
  );
  // A folder holds other files too: skipping those is normal. A conflict, or a file the user named
  // that could not be imported, needs attention.
  const attention = reports.some(
    (r) => r.outcome === 'conflict' || (r.named && r.outcome === 'skipped' && r.reason !== 'import.already' && r.reason !== 'import.duplicate'),
  );
  return attention ? 1 : 0;
}, (opts) => (opts.dryRun ? 'read' : 'write'));

function importFile(repo: ReplyRepository, file: string, { source, parsed }: ImportRead, dryRun: boolean, config: Config | undefined): FileReport {
  if (!source.ok) return { file, outcome: 'skipped', reason: source.reason, ...(source.params ? { reasonParams: source.params } : {}), warnings: [] };
  const already = repo.importedFrom(source.sha256);
  if (already) return { file, outcome: 'skipped', reason: 'import.already', id: already.replyId, warnings: [] };
  if (!parsed?.ok) return { file, outcome: 'skipped', reason: parsed?.reason ?? 'import.notReply', warnings: [] };
  const { reply, missing, inferred, differing, found } = parsed;
  const docNumber = reply.docNumber?.toString();
  const report = {
    file,
    ...(docNumber ? { docNumber } : {}),
    warnings: [...(source.format.endsWith('+ocr') ? ['import.warn.ocr' as const] : []), ...parsed.warnings],
    found,
    missing,
    inferred,
    differing,
  };
  const holder = reply.docNumber ? repo.findByDocNumber(reply.docNumber) : undefined;
  const copy = copyOf(repo, reply, holder);
  if (copy) return alreadyOrCopy(repo, source.sha256, report, copy.id);
  if (holder) return { ...report, outcome: 'conflict', reason: 'import.conflict', id: holder.id };
  if (dryRun) return { ...report, outcome: 'wouldFile' };
  try {
    const own = config?.docPrefix;
    const filed = repo.create(reply, own ?? reply.docNumber?.prefix ?? '', {
      status: 'sent',
      numbering: 'none',
      // Another organ's number is kept on its reply but never enters this office's numbering.
      foreignNumber: reply.docNumber !== null && own !== undefined && reply.docNumber.prefix !== own,
      inferred,
      source: { path: file, sha256: source.sha256, format: source.format, encoding: source.encoding, text: source.text },
    });
    return { ...report, outcome: 'filed', id: filed.id };
  } catch (error) {
    if (error instanceof ReplyError && error.key.startsWith('docNumber.')) {
      // Another import of the same file (or of a copy) may have filed it since this one looked: say so.
      const holderNow = reply.docNumber ? repo.findByDocNumber(reply.docNumber) : undefined;
      const copyNow = copyOf(repo, reply, holderNow);
      if (copyNow) return alreadyOrCopy(repo, source.sha256, report, copyNow.id);
      if (holderNow) return { ...report, outcome: 'conflict', reason: 'import.conflict', id: holderNow.id };
      // A number given out before (and since moved) is a conflict too: numbers are never reused.
      return { ...report, outcome: 'conflict', reason: 'import.usedBefore' };
    }
    throw error;
  }
}

/**
 * A file whose reply is filed already: this very file (another import of the folder, running at the
 * same time, filed it after this one first looked), or a copy of it.
 */
function alreadyOrCopy(repo: ReplyRepository, sha256: string, report: Omit<FileReport, 'outcome'>, copyId: number): FileReport {
  const same = repo.importedFrom(sha256);
  if (same) return { ...report, outcome: 'skipped', reason: 'import.already', id: same.replyId };
  return { ...report, outcome: 'skipped', reason: 'import.duplicate', id: copyId };
}

/**
 * A reply already filed that this one is a copy of (the same organ, session,
 * number and body): the same doc number, or the same proposal answered, or,
 * for a copy that names neither, the same day, or else the same proposer.
 */
function copyOf(repo: ReplyRepository, reply: NewReply, holder: Reply | undefined): ReplySummary | undefined {
  const candidates: ReplySummary[] = [];
  if (holder) candidates.push(holder);
  if (reply.session && reply.proposalNo) candidates.push(...repo.answering([{ session: reply.session, number: reply.proposalNo }]));
  else if (reply.signedOn) {
    candidates.push(...repo.summaries({ signedOn: reply.signedOn }));
  } else if (reply.proposers[0]) {
    candidates.push(...repo.summaries({ proposer: reply.proposers[0].name, limit: 200 }));
  }
  for (const c of candidates) {
    const whole = repo.get(c.id);
    if (whole && isSameReply(whole, reply)) return c;
  }
  return undefined;
}

function line(r: FileReport): string {
  const params = { ...r.reasonParams, file: r.file, id: r.id ?? '', docNumber: r.docNumber ?? t('label.noDocNumber') };
  const notes = [
    ...(r.missing?.length ? [t('import.missing', { fields: r.missing.map((f) => fieldLabel(f)).join('、') })] : []),
    ...(r.inferred?.length ? [t('import.inferred', { fields: r.inferred.map((f) => fieldLabel(f)).join('、') })] : []),
    ...(r.differing?.length ? [t('import.differing', { fields: r.differing.map((f) => fieldLabel(f)).join('、') })] : []),
    ...r.warnings.map((w) => t(w)),
  ];
  const warn = notes.length ? t('import.warnings', { list: notes.join('；') }) : '';
  switch (r.outcome) {
    case 'filed':
      return t('import.filed', params) + warn;
    case 'wouldFile':
      return t('import.wouldFile', params) + warn;
    case 'conflict':
      return t('import.conflictLine', { ...params, reason: t(r.reason!, params) });
    default:
      return t('import.skipped', { ...params, reason: t(r.reason!, params) });
  }
}
