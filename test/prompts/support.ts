/**
 * The prompt tests' terminal: a prompter that answers from a script, and the
 * CLI run in this process as if on a terminal.
 */
import { Writable } from 'node:stream';
import { main } from '../../src/cli/index.js';
import type { Prompter } from '../../src/cli/prompts.js';

/** A prompter that answers from a script and records what it was asked; a list answers a question asked again in turn. */
export function scripted(answers: Record<string, string | readonly string[] | Error>): Prompter & { asked: string[]; defaults: Map<string, unknown> } {
  const asked: string[] = [];
  const defaults = new Map<string, unknown>();
  const answer = (message: string, validate?: (v: string) => string | true) => {
    asked.push(message);
    const key = Object.keys(answers).find((k) => message.startsWith(k));
    if (!key) throw new Error(`unexpected question: ${message}`);
    const given = answers[key]!;
    if (given instanceof Error) throw given;
    const times = asked.filter((m) => m.startsWith(key)).length;
    const value = typeof given === 'string' ? given : given[Math.min(times - 1, given.length - 1)]!;
    if (validate) {
      const verdict = validate(value);
      if (verdict !== true) throw new Error(`answer "${value}" to "${message}" refused: ${verdict}`);
    }
    return Promise.resolve(value);
  };
  return {
    asked,
    defaults,
    text: (q) => {
      defaults.set(q.message, q.default);
      return answer(q.message, q.validate);
    },
    select: (q) => {
      const chosen = answer(q.message);
      return chosen.then((v) => {
        if (!q.choices.some((c) => c.value === v)) throw new Error(`"${v}" is not a choice of "${q.message}"`);
        return v;
      });
    },
    // A checkbox is answered by the values to tick, joined by commas ('' for none).
    checkbox: (q) =>
      answer(q.message).then((v) => {
        const ticked = v === '' ? [] : v.split(',');
        for (const t of ticked) if (!q.choices.some((c) => c.value === t)) throw new Error(`"${t}" is not a choice of "${q.message}"`);
        return ticked;
      }),
  };
}

function sink(): Writable & { text: () => string } {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      chunks.push(Buffer.from(chunk));
      done();
    },
  });
  return Object.assign(stream, { text: () => Buffer.concat(chunks).toString('utf8') });
}

export async function runInteractive(cwd: string, args: string[], prompter: Prompter, env: NodeJS.ProcessEnv = {}) {
  const stdout = sink();
  const stderr = sink();
  const code = await main(args, {
    cwd,
    env: { TZ: 'Asia/Shanghai', ...env },
    prompter,
    clock: { now: () => new Date('2023-05-18T02:00:00Z') },
    streams: { stdout, stderr, stdinIsTTY: true, stdoutIsTTY: false },
  });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

