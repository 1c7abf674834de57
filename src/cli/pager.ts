import { spawn } from 'node:child_process';
import type { Streams } from './context.js';

/**
 * Prints a long text through a pager (stdout is a terminal: Context.print asks for one only then), as git does: $PAGER, else `less -FRX` (-F: quits
 * at once when the text fits the screen, -R: keeps colours, -X: leaves the text on the screen). Off
 * when stdout is no terminal or the user said --no-pager (or PAGER is empty or "cat"); a pager that
 * cannot be started prints nothing of its own, so the text is printed directly.
 */
export async function page(text: string, streams: Streams, env: NodeJS.ProcessEnv, allowed: boolean): Promise<void> {
  const rows = streams.rows || 24;
  const command = env.PAGER ?? 'less';
  const lines = text.split('\n').length;
  if (!allowed || lines < rows || command.trim() === '' || command.trim() === 'cat') {
    streams.stdout.write(text);
    return;
  }
  const shown = await new Promise<boolean>((done) => {
    const child = spawn(command, [], {
      shell: true,
      stdio: ['pipe', 'inherit', 'inherit'],
      env: { ...env, LESS: env.LESS ?? 'FRX', LESSCHARSET: env.LESSCHARSET ?? 'utf-8' },
    });
    child.on('error', () => done(false));
    // 127: the shell found no such program.
    child.on('exit', (code) => done(code !== 127));
    child.stdin.on('error', () => {}); // the reader quit before the end (q in less): nothing more to say
    child.stdin.end(text);
  });
  if (!shown) streams.stdout.write(text);
}
