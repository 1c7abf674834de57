import { t, type MessageKey } from './messages.js';
import type { Context } from './context.js';

export interface Progress {
  increment(): void;
  stop(): void;
}

/** A progress bar on stderr, for long runs on a terminal; nothing otherwise. */
export async function progressBar(ctx: Context, label: MessageKey, total: number): Promise<Progress | undefined> {
  if (!ctx.streams.stdoutIsTTY || total < 2) return undefined;
  const { SingleBar, Presets } = (await import('cli-progress')).default;
  const bar = new SingleBar(
    { format: `${t(label)} [{bar}] {value}/{total}`, stream: ctx.streams.stderr as NodeJS.WriteStream, hideCursor: true },
    Presets.shades_classic,
  );
  bar.start(total, 0);
  return bar;
}
