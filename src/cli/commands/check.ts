import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkSubject, fileSubject, renderedSubject, type CheckSubject, type Finding } from '../../core/checks/index.js';
import { unifiedDiff } from '../../core/diff.js';
import { DocNumber } from '../../core/doc-number.js';
import { ReplyError } from '../../core/errors.js';
import { assertEditable, type Reply, type ReplyFields } from '../../core/reply.js';
import type { Context } from '../context.js';
import { t } from '../messages.js';
import { findingPlace, numberText } from '../present.js';
import { displayWidth, GAP, table } from '../output.js';
import { wrapWidth } from '../width.js';
import type { ReplyChecker } from '../reply-check.js';
import { readerFor } from '../../read/index.js';
import { readFilter } from '../filters.js';
import { collectFiles, readSource } from '../sources.js';
import { command, flag, value } from '../command.js';

const OPTIONS = {
  json: flag,
  fix: flag,
  dryRun: flag,
  force: flag,
  reason: value,
  all: flag,
  status: value,
  year: value,
};

/**
 * One thing to check: a published file, or a reply of the archive (checked through its text rendering), or
 * a name that is neither (reported, and the rest still checked).
 */
type Target =
  | { readonly kind: 'file'; readonly file: string }
  | { readonly kind: 'reply'; readonly reply: Reply }
  | { readonly kind: 'unknown'; readonly name: string; readonly message: string };

interface Report {
  readonly target: Target;
  readonly findings: readonly Finding[];
  /** A file that could not be checked (no reply, unreadable): why, as a message. */
  readonly unchecked?: string;
  /** What --fix saved (revision) or, with --dry-run, would save (no revision). */
  readonly fix?: { readonly revision?: number; readonly diff: string };
}

export default command(OPTIONS, async function check(ctx, args, opts) {
  const checker = await ctx.checker();
  const { context, render } = checker;
  if (opts.dryRun && !opts.fix) throw new ReplyError('check.dryRunWithoutFix', {}, 2);

  // Every target is named before anything is written or printed: a reply that does not exist stops a fix whole,
  // and a check reports it and checks the others.
  const targets: Target[] = [];
  const add = (target: Target) => {
    // A reply named twice (by id and by doc number) is checked, and fixed, once.
    if (target.kind === 'reply' && targets.some((x) => x.kind === 'reply' && x.reply.id === target.reply.id)) return;
    targets.push(target);
  };
  for (const reply of await selected(ctx, args, opts)) add({ kind: 'reply', reply });
  const writes = opts.fix && !opts.dryRun;
  for (const arg of args) for (const target of await targetsOf(ctx, arg, !writes)) add(target);
  // Nothing found to check is no check: said as the one error it is.
  const unknown = targets.find((x) => x.kind === 'unknown');
  if (unknown?.kind === 'unknown' && targets.every((x) => x.kind === 'unknown')) throw new ReplyError('reply.notFound', { id: unknown.name });
  if (opts.fix) {
    const file = targets.find((x) => x.kind === 'file');
    if (file?.kind === 'file') throw new ReplyError('check.fixFile', { file: file.file }, 2);
    if (writes) for (const x of targets) if (x.kind === 'reply') assertEditable(x.reply, opts.force ?? false, opts.reason);
  }

  // Each target in turn: a file that is no reply is reported as such, and the others are still checked.
  const reports: Report[] = [];
  for (const target of targets) {
    const subject = await subjectOf(target, render, ctx.cwd);
    if (!subject.ok) {
      reports.push({ target, findings: [], unchecked: subject.message });
    } else if (opts.fix && target.kind === 'reply') {
      const how = { force: opts.force ?? false, reason: opts.reason, dryRun: opts.dryRun ?? false };
      reports.push(await fixAndCheck(ctx, target.reply, checker, how, opts.json ?? false));
    } else {
      const basis = target.kind === 'reply' ? await ctx.workflow().basisOf(target.reply) : undefined;
      reports.push({ target, findings: checkSubject(subject.subject, basis ? { ...context, basis } : context) });
    }
  }

  const out = ctx.streams.stdout;
  if (opts.json) out.write(JSON.stringify(reports.map(reportJson), null, 2) + '\n');
  else out.write(reports.map((r) => reportText(r, ctx.tableWidth)).join('\n'));
  const count = (severity: Finding['severity']) => reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === severity).length, 0);
  const unchecked = reports.filter((r) => r.unchecked).length;
  const checked = reports.length - unchecked;
  ctx.streams.stderr.write(
    t('check.summary', { targets: checked, errors: count('error'), warnings: count('warning') }) + (unchecked ? t('check.summaryUnchecked', { count: unchecked }) : '') + '\n',
  );
  return count('error') > 0 || unchecked > 0 ? 1 : 0;
}, (opts) => (opts.fix && !opts.dryRun ? 'write' : 'read'));

/**
 * The replies the flags select (--all: every one but the void; --status, --year), newest first; none
 * without a flag. A flag that selects nothing says so: a check of nothing is not a clean check.
 */
async function selected(ctx: Context, args: readonly string[], opts: { all?: boolean | undefined; status?: string | undefined; year?: string | undefined }): Promise<Reply[]> {
  const byFilter = opts.all || opts.status !== undefined || opts.year !== undefined;
  if (!byFilter) {
    if (!args.length) throw new ReplyError('check.nothing', {}, 2);
    return [];
  }
  const filter = readFilter({ ...(opts.year !== undefined ? { year: opts.year } : {}), ...(opts.status !== undefined ? { status: opts.status } : {}) });
  const repo = await ctx.replies();
  const replies = repo.list({ ...filter, ...(filter.status === undefined ? { notStatus: 'void' as const } : {}) });
  if (!replies.length) throw new ReplyError('check.noneSelected', {}, 1);
  return replies;
}

/**
 * An existing file is a file, a folder the files in it a reader reads (as
 * import walks it); else a number or a doc number names a reply of the
 * archive; else a name with a file's extension is a file that is missing.
 */
async function targetsOf(ctx: Context, arg: string, unknownTaken: boolean): Promise<Target[]> {
  const path = resolve(ctx.cwd, arg);
  const stat = existsSync(path) ? statSync(path) : undefined;
  if (stat?.isDirectory()) return collectFiles([arg], ctx.cwd).files.map(({ file }) => ({ kind: 'file', file }));
  const looksLikeId = /^\s*\d+\s*$/.test(arg) || DocNumber.looksLike(arg);
  if (stat?.isFile() || (!looksLikeId && readerFor(arg) !== undefined)) return [{ kind: 'file', file: arg }];
  try {
    return [{ kind: 'reply', reply: await ctx.workflow().reply(arg) }];
  } catch (error) {
    if (!unknownTaken || !(error instanceof ReplyError) || error.key !== 'reply.notFound') throw error;
    return [{ kind: 'unknown', name: arg, message: t(error.key, error.params) }];
  }
}

/** The subject of a target, or why a file is none (an archive reply always renders to one). */
async function subjectOf(target: Target, render: (reply: ReplyFields) => string, cwd: string): Promise<{ ok: true; subject: CheckSubject } | { ok: false; message: string }> {
  if (target.kind === 'unknown') return { ok: false, message: target.message };
  if (target.kind === 'reply') {
    const subject = renderedSubject(render(target.reply), target.reply);
    if (!subject.ok) throw new ReplyError('check.badRender', { id: target.reply.id, reasonKey: subject.reason });
    return subject;
  }
  const source = await readSource(resolve(cwd, target.file));
  if (!source.ok) return { ok: false, message: t('check.unreadable', { ...source.params, file: target.file, reasonKey: source.reason }) };
  const subject = fileSubject(source.lines ?? source.text, source.properties ? { properties: source.properties } : {});
  return subject.ok ? subject : { ok: false, message: t('check.notReply', { file: target.file, reasonKey: subject.reason }) };
}

/**
 * Repairs what is mechanical, saved as an edit (a revision keeps the state before); prints the diff, then
 * checks again. With --dry-run, the same diff and the findings that would remain, and nothing saved.
 */
async function fixAndCheck(
  ctx: Context,
  reply: Reply,
  checker: ReplyChecker,
  how: { readonly force: boolean; readonly reason: string | undefined; readonly dryRun: boolean },
  json: boolean,
): Promise<Report> {
  const basis = await ctx.workflow().basisOf(reply);
  const label = { id: reply.id, docNumber: numberText(reply) };
  if (how.dryRun) {
    const next = ctx.workflow().fixed(reply);
    if (!next) {
      ctx.streams.stderr.write(t('check.nothingToFix', label) + '\n');
      return { target: { kind: 'reply', reply }, findings: checker.findings(reply, basis) };
    }
    const diff = fixDiff(reply, next);
    if (!json) ctx.streams.stdout.write(diff + '\n');
    ctx.streams.stderr.write(t('check.wouldFix', label) + '\n');
    return { target: { kind: 'reply', reply }, findings: checker.findings({ ...reply, ...next } as Reply, basis), fix: { diff } };
  }
  const fixed = await ctx.workflow().fix(reply, how.force, how.reason);
  if (!fixed) {
    ctx.streams.stderr.write(t('check.nothingToFix', label) + '\n');
    return { target: { kind: 'reply', reply }, findings: checker.findings(reply, basis) };
  }
  const { reply: updated, revision } = fixed;
  const diff = fixDiff(reply, updated);
  if (!json) ctx.streams.stdout.write(diff + '\n');
  ctx.streams.stderr.write(t('check.fixed', { ...label, revision }) + '\n');
  return { target: { kind: 'reply', reply: updated }, findings: checker.findings(updated, await ctx.workflow().basisOf(updated)), fix: { revision, diff } };
}

function fixDiff(before: ReplyFields, after: ReplyFields): string {
  const docNumber = numberText(before);
  const labels = (field: string) => ({
    before: t('check.diff.before', { docNumber, field }),
    after: t('check.diff.after', { docNumber, field }),
  });
  return [
    unifiedDiff(before.salutation ?? '', after.salutation ?? '', labels(t('label.salutation'))),
    unifiedDiff(before.body, after.body, labels(t('label.body'))),
  ].join('');
}

function targetLabel(target: Target): string {
  if (target.kind === 'unknown') return target.name;
  return target.kind === 'file' ? target.file : t('check.targetReply', { id: target.reply.id, docNumber: numberText(target.reply) });
}

/** A target's findings, a line each; on a terminal the messages wrap within its width (`width`), never cut. */
function reportText(report: Report, width: number | undefined): string {
  const label = targetLabel(report.target);
  if (report.unchecked) return report.unchecked + '\n';
  if (report.findings.length === 0) return t('check.clean', { target: label }) + '\n';
  const rows = report.findings.map((f) => [findingPlace(f), t(`check.severity.${f.severity}`), t(f.key, f.params), f.code]);
  if (width !== undefined) {
    const widest = (i: number) => Math.max(...rows.map((r) => displayWidth(r[i]!)));
    const room = width - INDENT - widest(0) - widest(1) - widest(3) - 3 * GAP;
    if (room >= MIN_MESSAGE) for (const row of rows) row[2] = wrapWidth(row[2]!, room);
  }
  const lines = table(undefined, rows).trimEnd().split('\n');
  return `${label}\n${lines.map((line) => `${' '.repeat(INDENT)}${line}`).join('\n')}\n`;
}

const INDENT = 2;
/** Narrower than this, a message is not wrapped (a line a word long reads worse than a line too long). */
const MIN_MESSAGE = 16;

function reportJson(report: Report): Record<string, unknown> {
  const { target } = report;
  return {
    ...(target.kind === 'file'
      ? { file: target.file }
      : target.kind === 'unknown'
        ? { name: target.name }
        : { id: target.reply.id, docNumber: numberText(target.reply), status: target.reply.status }),
    ...(report.unchecked ? { unchecked: report.unchecked } : {}),
    errors: report.findings.filter((f) => f.severity === 'error').length,
    warnings: report.findings.filter((f) => f.severity === 'warning').length,
    // An archive reply's line is the body's as typed (null outside the body, where `field` says which), its text rendering's renderedLine.
    findings: report.findings.map((f) => ({
      code: f.code,
      severity: f.severity,
      ...(target.kind === 'file'
        ? { line: f.line }
        : { line: f.place && 'bodyLine' in f.place ? f.place.bodyLine : null, ...(f.place && 'field' in f.place ? { field: f.place.field } : {}), renderedLine: f.line }),
      message: t(f.key, f.params),
    })),
    ...(report.fix ? { fix: report.fix } : {}),
  };
}
