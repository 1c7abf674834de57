// The built CLI kept loaded in a thread of the test process (see runCli in cli.ts): each call runs main()
// with its own folder, environment and captured streams, as `bin/reply` would in a process of its own.
import { parentPort, workerData } from 'node:worker_threads';
import { Writable } from 'node:stream';

const { signal, port, bundle } = workerData;

// The test thread waits on the signal, so it hears of nothing else: a thread that ends says so there.
process.on('exit', () => {
  Atomics.store(signal, 0, -1);
  Atomics.notify(signal, 0);
});

// A CLI that cannot be loaded answers every call with the reason, instead of leaving it to wait.
let main;
let loadError;
try {
  ({ main } = await import(bundle));
} catch (error) {
  loadError = `the built CLI (${bundle}) could not be loaded: ${error?.stack ?? error}`;
}

const sink = (chunks) => new Writable({ write: (chunk, _encoding, done) => (chunks.push(Buffer.from(chunk)), done()) });

parentPort.on('message', async ({ call, cwd, args, env }) => {
  for (const key of Object.keys(process.env)) delete process.env[key];
  Object.assign(process.env, env);
  const out = [];
  const err = [];
  let code;
  try {
    if (loadError) throw loadError;
    code = await main(args, { cwd, env: process.env, streams: { stdout: sink(out), stderr: sink(err), stdinIsTTY: false, stdoutIsTTY: false } });
  } catch (error) {
    err.push(Buffer.from(String(error?.stack ?? error)));
    code = 70;
  }
  port.postMessage({ call, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8'), code });
  Atomics.store(signal, 0, call);
  Atomics.notify(signal, 0);
});
