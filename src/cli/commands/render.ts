import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, extname, join, resolve } from 'node:path';
import { ReplyError } from '../../core/errors.js';
import { replyFileName } from '../../core/filename.js';
import { styleOf } from '../../core/style.js';
import type { Reply } from '../../core/reply.js';
import type { Context } from '../context.js';
import { readFilter } from '../filters.js';
import { t } from '../messages.js';
import { progressBar } from '../progress.js';
import { z } from 'zod';
import { command, flag, value, type Options } from '../command.js';

const OPTIONS = {
  format: z.string(),
  out: value,
  force: flag,
  stamped: flag,
  style: value,
  final: flag,
  all: flag,
  year: value,
  status: value,
};
type RenderOptions = Options<typeof OPTIONS>;

/**
 * One reply to stdout or a file; several (by id, --all, --year, --status)
 * into a folder, one file each, named from doc number and title.
 */
export default command(OPTIONS, async function render(ctx, args, opts) {
  const exporters = await ctx.exporters();
  const exporter = exporters[opts.format];
  if (!exporter) {
    throw new ReplyError('format.unknown', { value: opts.format, formats: Object.keys(exporters).join('、') }, 2);
  }
  const style = opts.style === undefined ? undefined : styleOf(opts.style);
  if (opts.style !== undefined && !style) throw new ReplyError('style.unknown', { value: opts.style }, 2);
  const replies = await selected(ctx, args, opts);
  const config = ctx.configIfAny();
  const renderOptions = {
    workspaceTemplates: ctx.workspaceTemplates,
    ...(config ? { fonts: config.fonts, officePrefix: config.docPrefix, office: { organ: config.organ, style: config.style } } : {}),
    ...(style ? { style } : {}),
    ...(opts.stamped ? { stamped: true } : {}),
    ...(opts.final ? { final: true } : {}),
  };
  const batch = args.length !== 1;

  if (!opts.out) {
    if (batch) throw new ReplyError('render.batchNeedsDir', {}, 2);
    const output = await exporter.render(replies[0]!, renderOptions);
    if (typeof output !== 'string' && ctx.streams.stdoutIsTTY) throw new ReplyError('render.binaryToTerminal', { format: opts.format }, 2);
    ctx.streams.stdout.write(output);
    return 0;
  }
  const target = resolve(ctx.cwd, opts.out);
  const isDir = batch || /[\\/]$/.test(opts.out) || (existsSync(target) && statSync(target).isDirectory());
  // Several replies go into a folder: one named like a file (x.txt), or a file already there, is a mistake, not a folder to make.
  if (batch && existsSync(target) && !statSync(target).isDirectory()) throw new ReplyError('render.outIsFile', { path: opts.out }, 2);
  if (batch && !existsSync(target) && !/[\\/]$/.test(opts.out) && extname(target) !== '') throw new ReplyError('render.outLooksLikeFile', { path: opts.out }, 2);
  const files = replies.map((reply) => (isDir ? join(target, replyFileName(reply, exporter.ext)) : target));
  // Nothing is written when any file would be overwritten.
  const taken = opts.force ? undefined : files.find((file) => existsSync(file));
  if (taken) throw new ReplyError('file.exists', { file: taken });

  const progress = await progressBar(ctx, 'render.progress', replies.length);
  const written = (i: number, output: string | Uint8Array) => {
    write(files[i]!, output);
    if (progress) progress.increment();
    else ctx.streams.stderr.write(t('render.done', { file: files[i]! }) + '\n');
  };
  if (exporter.renderMany && replies.length > 1) {
    // PDF: one LibreOffice call for all the replies; each file is written as soon as its PDF is made.
    await exporter.renderMany(replies, renderOptions, written);
  } else {
    for (const [i, reply] of replies.entries()) written(i, await exporter.render(reply, renderOptions));
  }
  progress?.stop();
  if (progress) ctx.streams.stderr.write(t('render.doneMany', { count: replies.length, dir: target }) + '\n');
  return 0;
});

async function selected(ctx: Context, args: string[], opts: RenderOptions): Promise<Reply[]> {
  const byFilter = opts.all || opts.year !== undefined || opts.status !== undefined;
  if (byFilter && args.length) throw new ReplyError('render.idsAndFilters', {}, 2);
  if (!byFilter) {
    if (!args.length) throw new ReplyError('render.nothing', {}, 2);
    const replies: Reply[] = [];
    for (const id of args) replies.push(await ctx.workflow().reply(id));
    return replies;
  }
  const replies = (await ctx.replies()).list(readFilter({ ...(opts.year !== undefined ? { year: opts.year } : {}), ...(opts.status !== undefined ? { status: opts.status } : {}) }));
  if (!replies.length) throw new ReplyError('render.noneSelected');
  return replies;
}

function write(file: string, output: string | Uint8Array): void {
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, output);
  } catch {
    throw new ReplyError('file.cannotWrite', { file });
  }
}
