import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReplyError } from '../core/errors.js';

/**
 * Opens $VISUAL / $EDITOR on a temporary file holding `initial` and returns
 * what the user saved. The command line may carry arguments (code --wait).
 */
export function editText(initial: string, env: NodeJS.ProcessEnv, name = 'reply-body.md'): string {
  const editor = env.VISUAL || env.EDITOR || (process.platform === 'win32' ? 'notepad' : 'vi');
  const dir = mkdtempSync(join(tmpdir(), 'reply-'));
  const file = join(dir, name);
  try {
    writeFileSync(file, initial, 'utf8');
    const result = spawnSync(`${editor} "${file}"`, { stdio: 'inherit', shell: true, env });
    if (result.status !== 0) throw new ReplyError('editor.failed', { editor });
    return readFileSync(file, 'utf8');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
