import { spawnSync } from 'node:child_process';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { pathToFileURL } from 'node:url';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach } from 'vitest';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'bin', 'reply');
export const FIXTURES = join(ROOT, 'test', 'fixtures');

export interface Run {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number;
}

/**
 * Runs the built CLI (dist/bundle, what bin/reply starts) on the arguments,
 * in the folder, stdin not a terminal, no colour. By default in this process:
 * the CLI stays loaded in a thread, and each call is main() with the call's
 * folder, environment and its own captured streams (a process of its own
 * costs ~0.3 s a call). A call with input for stdin, or `spawn: true`, runs a
 * real process (spawnCli).
 */
/** Who the CLI tests' changes are made by ($REPLY_USER). */
export const CLERK = '王敏';

export function runCli(cwd: string, args: readonly string[], options: { input?: string; env?: NodeJS.ProcessEnv; spawn?: boolean } = {}): Run {
  // The clerk every change is recorded as made by, unless a test names another (or none: then the system's user).
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: cwd, NO_COLOR: '1', TZ: 'Asia/Shanghai', REPLY_USER: CLERK, ...options.env };
  // The time zone is the process's own: a call in another one than the thread's runs in a process of its own.
  if (options.input !== undefined || options.spawn || env.TZ !== THREAD_TZ || process.env.REPLY_TEST_SPAWN === '1') return spawnCli(cwd, args, env, options.input);
  return inThread(cwd, args, env);
}

/** The CLI as a process of its own, exactly as a user starts it. */
export function spawnCli(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv, input = ''): Run {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env, input, encoding: 'utf8' });
  return { stdout: result.stdout, stderr: result.stderr, code: result.status ?? -1 };
}

let runner: { worker: Worker; port: MessagePort; signal: Int32Array } | undefined;
/** The zone the CLI's calls run in (dates of 'today' are Shanghai's); set for the whole test process when the thread starts. */
const THREAD_TZ = 'Asia/Shanghai';
/**
 * A call takes seconds at most; one that takes this long has hung. The wait blocks the test's thread,
 * so vitest's own timeout cannot end it: this one must.
 */
const CALL_TIMEOUT = 120_000;

/** The number of the latest call: a result is taken only for the call it answers. */
let calls = 0;

function inThread(cwd: string, args: readonly string[], env: NodeJS.ProcessEnv): Run {
  runner ??= startRunner();
  const call = ++calls;
  runner.worker.postMessage({ call, cwd, args: [...args], env });
  const deadline = Date.now() + CALL_TIMEOUT;
  // The thread stores the number of the call it finished. Its result comes through the port, which a
  // loaded machine may deliver a moment after the signal (seen with two test workers on two cores: a
  // call read nothing, and the next one read its result): wait for the result of this very call.
  for (;;) {
    const now = Atomics.load(runner.signal, 0);
    if (now === call) break;
    if (now === -1) throw new Error(`reply ${args.join(' ')}: the CLI thread has ended`);
    if (Date.now() > deadline) throw new Error(`reply ${args.join(' ')} did not finish in ${CALL_TIMEOUT} ms`);
    Atomics.wait(runner.signal, 0, now, 1000);
  }
  for (;;) {
    const received = receiveMessageOnPort(runner.port)?.message as (Run & { call: number }) | undefined;
    if (received?.call === call) {
      const { call: _call, ...run } = received;
      return run;
    }
    if (Date.now() > deadline) throw new Error(`reply ${args.join(' ')}: no result came from the CLI thread`);
    if (received === undefined) Atomics.wait(runner.signal, 0, call, 1);
  }
}

function startRunner() {
  process.env.TZ = THREAD_TZ;
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  const bundle = pathToFileURL(join(ROOT, 'dist', 'bundle', 'index.js')).href;
  // A call posted before the thread has loaded the CLI waits in its queue.
  const worker = new Worker(new URL('./cli-worker.mjs', import.meta.url), { workerData: { signal, port: port2, bundle }, transferList: [port2] });
  worker.unref();
  return { worker, port: port1, signal };
}

const made: string[] = [];
afterEach(() => {
  while (made.length) rmSync(made.pop()!, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test. */
export function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'reply-test-'));
  made.push(dir);
  return dir;
}

/**
 * A temporary copy of the fixture workspace (a config for 上海市普陀区发展和改革委员会, no archive yet).
 * Its config names no `numbering`, so its replies are numbered when signed, the default.
 */
export function workspace(): string {
  const dir = tempDir();
  cpSync(join(FIXTURES, 'workspace'), dir, { recursive: true });
  return dir;
}

/** The fixture workspace of an office that numbers its drafts as they are filed (`"numbering": "draft"`). */
export function draftNumberingWorkspace(): string {
  return withNumbering(workspace(), 'draft');
}

/** The workspace's config told when its office numbers its replies. */
export function withNumbering(dir: string, numbering: 'draft' | 'sign'): string {
  const file = join(dir, 'reply.config.json');
  writeFileSync(file, readFileSync(file, 'utf8').replace(/\}\s*$/u, `  "numbering": "${numbering}",\n}\n`));
  return dir;
}
