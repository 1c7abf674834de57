import { ReplyError } from '../../core/errors.js';
import { parsePublished } from '../../core/published.js';
import type { ReplyRepository } from '../../core/ports.js';
import type { Context } from '../context.js';
import { t } from '../messages.js';
import { progressBar } from '../progress.js';
import { collectFiles, readSource } from '../sources.js';

interface ImportOptions {
  dryRun?: boolean;
  json?: boolean;
}

/** What happened to one file. */
interface FileReport {
  file: string;
  outcome: 'filed' | 'wouldFile' | 'skipped' | 'conflict';
  reason?: string;
  id?: number;
  docNumber?: string;
  warnings: string[];
}

export default async function importReplies(ctx: Context, args: string[], options: Record<string, unknown>): Promise<number> {
  const opts = options as ImportOptions;
  const files = collectFiles(args);
  const repo = await ctx.replies(opts.dryRun ? 'read' : 'write');
  const progress = files.length >= 20 && !opts.json ? await progressBar(ctx, 'import.progress', files.length) : undefined;
  const reports: (FileReport & { named: boolean })[] = [];
  for (const { file, named } of files) {
    const report = { ...(await importFile(repo, file, opts.dryRun ?? false)), named };
    reports.push(report);
    if (progress) progress.increment();
    else if (!opts.json) ctx.streams.stdout.write(line(report) + '\n');
  }
  progress?.stop();
  if (progress) for (const r of reports) if (r.outcome !== 'filed') ctx.streams.stdout.write(line(r) + '\n');

  if (opts.json) {
    const json = reports.map((r) => ({
      file: r.file,
      outcome: r.outcome,
      ...(r.id !== undefined ? { id: r.id } : {}),
      ...(r.docNumber !== undefined ? { docNumber: r.docNumber } : {}),
      reason: r.reason && t(r.reason, { id: r.id ?? '', docNumber: r.docNumber ?? '' }),
      warnings: r.warnings.map((w) => t(w)),
    }));
    ctx.streams.stdout.write(JSON.stringify(json, null, 2) + '\n');
  }
  const count = (o: FileReport['outcome']) => reports.filter((r) => r.outcome === o).length;
  ctx.streams.stderr.write(
    t(opts.dryRun ? 'import.summaryDry' : 'import.summary', {
      files: reports.length,
      filed: count(opts.dryRun ? 'wouldFile' : 'filed'),
      skipped: count('skipped'),
      conflicts: count('conflict'),
    }) + '\n',
  );
  // A folder holds other files too: skipping those is normal. A conflict, or a file the user named
  // that could not be imported, needs attention.
  const attention = reports.some((r) => r.outcome === 'conflict' || (r.named && r.outcome === 'skipped' && r.reason !== 'import.already'));
  return attention ? 1 : 0;
}

async function importFile(repo: ReplyRepository, file: string, dryRun: boolean): Promise<FileReport> {
  const source = await readSource(file);
  if (!source.ok) return { file, outcome: 'skipped', reason: source.reason, warnings: [] };
  const already = repo.importedFrom(source.sha256);
  if (already) return { file, outcome: 'skipped', reason: 'import.already', id: already.replyId, warnings: [] };
  const parsed = parsePublished(source.text);
  if (!parsed.ok) return { file, outcome: 'skipped', reason: parsed.reason, warnings: [] };
  const { reply, warnings } = parsed;
  const docNumber = reply.docNumber.toString();
  const holder = repo.findByDocNumber(reply.docNumber);
  if (holder) return { file, outcome: 'conflict', reason: 'import.conflict', id: holder.id, docNumber, warnings: [...warnings] };
  if (dryRun) return { file, outcome: 'wouldFile', docNumber, warnings: [...warnings] };
  try {
    const filed = repo.create(reply, reply.docNumber.prefix, {
      status: 'sent',
      source: { path: file, sha256: source.sha256, format: source.format, encoding: source.encoding, text: source.text },
    });
    return { file, outcome: 'filed', id: filed.id, docNumber, warnings: [...warnings] };
  } catch (error) {
    // A number given out before (and since moved) is a conflict too: numbers are never reused.
    if (error instanceof ReplyError && error.key.startsWith('docNumber.')) {
      return { file, outcome: 'conflict', reason: 'import.usedBefore', docNumber, warnings: [...warnings] };
    }
    throw error;
  }
}

function line(r: FileReport): string {
  const params = { file: r.file, id: r.id ?? '', docNumber: r.docNumber ?? '' };
  const warn = r.warnings.length ? t('import.warnings', { list: r.warnings.map((w) => t(w)).join('；') }) : '';
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
