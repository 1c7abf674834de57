import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { delimiter, join } from 'node:path';

/** The first of these programs on the PATH, or undefined. */
export function findExecutable(names: readonly string[], env: NodeJS.ProcessEnv = process.env): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    for (const name of names) {
      const path = join(dir, name);
      if (dir && existsSync(path)) return path;
    }
  }
  return undefined;
}

/** What a helper program printed, or why it gave nothing. */
export type ToolRun = { readonly ok: true; readonly stdout: string } | { readonly ok: false; readonly reason: 'failed' | 'timeout' | 'tooLarge' };

/** Output larger than this is no page of text. */
const MAX_OUTPUT = 20_000_000;

/**
 * Helper programs running at once, in this process: one a core. Pages and
 * files are read side by side, but never more tesseracts than cores.
 */
const slots = { free: availableParallelism(), waiting: [] as (() => void)[] };

/** For a thread that is one of `threads` reading side by side: its share of the cores for helper programs. */
export function shareCores(threads: number): void {
  slots.free = Math.max(1, Math.floor(availableParallelism() / threads));
}

/** Runs a helper program with a time limit and a bound on what it may print, when a core is free. */
export async function runTool(command: string, args: readonly string[], options: { timeout: number; env?: NodeJS.ProcessEnv }): Promise<ToolRun> {
  if (slots.free === 0) await new Promise<void>((resolve) => slots.waiting.push(resolve));
  else slots.free--;
  try {
    return await spawnTool(command, args, options);
  } finally {
    const next = slots.waiting.shift();
    if (next) next();
    else slots.free++;
  }
}

function spawnTool(command: string, args: readonly string[], options: { timeout: number; env?: NodeJS.ProcessEnv }): Promise<ToolRun> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: options.env ?? process.env, stdio: ['ignore', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    let size = 0;
    let outcome: ToolRun | undefined;
    const stop = (run: ToolRun) => {
      outcome ??= run;
      child.kill('SIGKILL');
      // A helper's own children (soffice.bin under soffice) may hold the pipe open after it is killed:
      // 'close' waits for the pipe, so it is closed here.
      child.stdout.destroy();
    };
    const timer = setTimeout(() => stop({ ok: false, reason: 'timeout' }), options.timeout);
    child.stdout.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_OUTPUT) return stop({ ok: false, reason: 'tooLarge' });
      chunks.push(chunk);
    });
    child.on('error', () => stop({ ok: false, reason: 'failed' }));
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve(outcome ?? (code === 0 ? { ok: true, stdout: Buffer.concat(chunks).toString('utf8') } : { ok: false, reason: 'failed' }));
    });
  });
}

/**
 * Runs jobs at most `limit` at a time (helpers like tesseract use one core
 * each), giving the results in the order of the jobs.
 */
export async function inParallel<T, R>(items: readonly T[], job: (item: T) => Promise<R>, limit = availableParallelism()): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await job(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}
