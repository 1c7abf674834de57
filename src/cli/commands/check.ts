import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { recordedOf } from '../../core/properties.js';
import { checkSubject, fileSubject, renderedSubject, type Finding, type Subject } from '../../core/checks/index.js';
import { unifiedDiff } from '../../core/diff.js';
import { DocNumber } from '../../core/doc-number.js';
import { ReplyError } from '../../core/errors.js';
import { assertEditable, type Reply, type ReplyFields } from '../../core/reply.js';
import type { Context } from '../context.js';
import { t } from '../messages.js';
import { numberText } from '../present.js';
import { table } from '../output.js';
import type { ReplyChecker } from '../reply-check.js';
import { readerFor } from '../../read/index.js';
import { collectFiles, readSource } from '../sources.js';
import { command, flag, value } from '../command.js';

const OPTIONS = {
  json: flag,
  fix: flag,
  force: flag,
  reason: value,
};

/** One thing to check: a published file, or a reply of the archive (checked through its text rendering). */
type Target = { readonly kind: 'file'; readonly file: string } | { readonly kind: 'reply'; readonly reply: Reply };

interface Report {
  readonly target: Target;
  readonly findings: readonly Finding[];
  readonly fix?: { readonly revision: number; readonly diff: string };
}

export default command(OPTIONS, async function check(ctx, args, opts) {
  const checker = await ctx.checker();
  const { context, render } = checker;

  // Everything is read and judged before anything is written or printed: a bad target stops the run whole.
  const targets: Target[] = [];
  for (const arg of args) {
    for (const target of await targetsOf(ctx, arg)) {
      // A reply named twice (by id and by doc number) is checked, and fixed, once.
      if (target.kind === 'reply' && targets.some((x) => x.kind === 'reply' && x.reply.id === target.reply.id)) continue;
      targets.push(target);
    }
  }
  if (opts.fix) {
    const file = targets.find((x) => x.kind === 'file');
    if (file?.kind === 'file') throw new ReplyError('check.fixFile', { file: file.file }, 2);
    for (const x of targets) if (x.kind === 'reply') assertEditable(x.reply, opts.force ?? false, opts.reason);
  }
  const subjects = await Promise.all(targets.map(async (x) => ({ target: x, subject: await subjectOf(x, render, ctx.cwd) })));

  const reports: Report[] = [];
  for (const { target, subject } of subjects) {
    if (opts.fix && target.kind === 'reply') {
      reports.push(await fixAndCheck(ctx, target.reply, checker, { force: opts.force ?? false, reason: opts.reason }, opts.json ?? false));
    } else {
      const basis = target.kind === 'reply' ? await ctx.workflow().basisOf(target.reply) : undefined;
      reports.push({ target, findings: checkSubject(subject, basis ? { ...context, basis } : context) });
    }
  }

  const out = ctx.streams.stdout;
  if (opts.json) out.write(JSON.stringify(reports.map(reportJson), null, 2) + '\n');
  else out.write(reports.map(reportText).join('\n'));
  const count = (severity: Finding['severity']) => reports.reduce((n, r) => n + r.findings.filter((f) => f.severity === severity).length, 0);
  ctx.streams.stderr.write(t('check.summary', { targets: reports.length, errors: count('error'), warnings: count('warning') }) + '\n');
  return count('error') > 0 ? 1 : 0;
}, (opts) => (opts.fix ? 'write' : 'read'));

/**
 * An existing file is a file, a folder the files in it a reader reads (as
 * import walks it); else a number or a doc number names a reply of the
 * archive; else a name with a file's extension is a file that is missing.
 */
async function targetsOf(ctx: Context, arg: string): Promise<Target[]> {
  const path = resolve(ctx.cwd, arg);
  const stat = existsSync(path) ? statSync(path) : undefined;
  if (stat?.isDirectory()) return collectFiles([arg], ctx.cwd).files.map(({ file }) => ({ kind: 'file', file }));
  const looksLikeId = /^\s*\d+\s*$/.test(arg) || DocNumber.looksLike(arg);
  if (stat?.isFile() || (!looksLikeId && readerFor(arg) !== undefined)) return [{ kind: 'file', file: arg }];
  return [{ kind: 'reply', reply: await ctx.workflow().reply(arg) }];
}

async function subjectOf(target: Target, render: (reply: ReplyFields) => string, cwd: string) {
  if (target.kind === 'reply') return subjectOrThrow(renderedSubject(render(target.reply), target.reply), target);
  const source = await readSource(resolve(cwd, target.file));
  if (!source.ok) throw new ReplyError('check.unreadable', { ...source.params, file: target.file, reasonKey: source.reason });
  const recorded = source.properties && recordedOf(source.properties);
  return subjectOrThrow(fileSubject(source.lines ?? source.text, recorded ? { recorded } : {}), target);
}

function subjectOrThrow(subject: Subject, target: Target) {
  if (subject.ok) return subject.subject;
  if (target.kind === 'file') throw new ReplyError('check.notReply', { file: target.file, reasonKey: subject.reason });
  throw new ReplyError('check.badRender', { id: target.reply.id, reasonKey: subject.reason });
}


/** Repairs what is mechanical, saved as an edit (a revision keeps the state before); prints the diff, then checks again. */
async function fixAndCheck(
  ctx: Context,
  reply: Reply,
  checker: ReplyChecker,
  how: { readonly force: boolean; readonly reason: string | undefined },
  json: boolean,
): Promise<Report> {
  const fixed = await ctx.workflow().fix(reply, how.force, how.reason);
  if (!fixed) {
    ctx.streams.stderr.write(t('check.nothingToFix', { id: reply.id, docNumber: numberText(reply) }) + '\n');
    return { target: { kind: 'reply', reply }, findings: checker.findings(reply, await ctx.workflow().basisOf(reply)) };
  }
  const { reply: updated, revision } = fixed;
  const diff = fixDiff(reply, updated);
  if (!json) ctx.streams.stdout.write(diff + '\n');
  ctx.streams.stderr.write(t('check.fixed', { id: reply.id, docNumber: numberText(reply), revision }) + '\n');
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
  return target.kind === 'file' ? target.file : t('check.targetReply', { id: target.reply.id, docNumber: numberText(target.reply) });
}

function reportText(report: Report): string {
  const label = targetLabel(report.target);
  if (report.findings.length === 0) return t('check.clean', { target: label }) + '\n';
  const rows = report.findings.map((f) => [
    t('check.line', { line: f.line }),
    t(`check.severity.${f.severity}`),
    t(f.key, f.params),
    f.code,
  ]);
  const lines = table(undefined, rows).trimEnd().split('\n');
  return `${label}\n${lines.map((line) => `  ${line}`).join('\n')}\n`;
}

function reportJson(report: Report): Record<string, unknown> {
  const { target } = report;
  return {
    ...(target.kind === 'file'
      ? { file: target.file }
      : { id: target.reply.id, docNumber: numberText(target.reply), status: target.reply.status }),
    errors: report.findings.filter((f) => f.severity === 'error').length,
    warnings: report.findings.filter((f) => f.severity === 'warning').length,
    findings: report.findings.map((f) => ({ code: f.code, severity: f.severity, line: f.line, message: t(f.key, f.params) })),
    ...(report.fix ? { fix: report.fix } : {}),
  };
}
