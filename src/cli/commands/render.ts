import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ReplyError } from '../../core/errors.js';
import { replyFileName } from '../../core/filename.js';
import type { Context } from '../context.js';
import { findReply } from '../lookup.js';
import { t } from '../messages.js';

interface RenderOptions {
  format: string;
  out?: string;
  force?: boolean;
  stamped?: boolean;
}

export default async function render(ctx: Context, args: string[], options: Record<string, unknown>): Promise<number> {
  const opts = options as unknown as RenderOptions;
  const { EXPORTERS } = await import('../../render/exporters.js');
  const exporter = EXPORTERS[opts.format];
  if (!exporter) {
    throw new ReplyError('format.unknown', { value: opts.format, formats: Object.keys(EXPORTERS).join('、') }, 2);
  }
  const reply = await findReply(ctx, args[0]!);
  const fonts = ctx.configIfAny()?.fonts;
  const output = await exporter.render(reply, {
    workspaceTemplates: ctx.workspaceTemplates,
    ...(fonts ? { fonts } : {}),
    ...(opts.stamped ? { stamped: true } : {}),
  });
  if (!opts.out) {
    if (typeof output !== 'string' && ctx.streams.stdoutIsTTY) throw new ReplyError('render.binaryToTerminal', { format: opts.format }, 2);
    ctx.streams.stdout.write(output);
    return 0;
  }
  const target = resolve(ctx.cwd, opts.out);
  const isDir = /[\\/]$/.test(opts.out) || (existsSync(target) && statSync(target).isDirectory());
  const file = isDir ? join(target, replyFileName(reply, exporter.ext)) : target;
  if (existsSync(file) && !opts.force) throw new ReplyError('file.exists', { file });
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, output);
  } catch {
    throw new ReplyError('file.cannotWrite', { file });
  }
  ctx.streams.stderr.write(t('render.done', { file }) + '\n');
  return 0;
}
