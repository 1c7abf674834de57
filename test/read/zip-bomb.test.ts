import { spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ROOT, tempDir, workspace } from '../helpers/cli.js';
import { writeDocxBomb } from '../helpers/zip-bomb.js';

describe('a .docx that inflates to 1 GiB', () => {
  it('is refused by reply import as too large, in under 10 s and 600 MB of memory', () => {
    const file = join(tempDir(), 'bomb.docx');
    writeDocxBomb(file, 1 << 30);
    // 3.2 MB: deflate gives at most ~1,000 to 1, and each MiB is flushed on its own.
    expect(statSync(file).size).toBeLessThan(5_000_000);
    // The import runs in a process of its own, so that its peak memory is its own.
    const bundle = pathToFileURL(join(ROOT, 'dist', 'bundle', 'index.js')).href;
    const script = `
      const { main } = await import(${JSON.stringify(bundle)});
      const started = Date.now();
      const code = await main(['import', ${JSON.stringify(file)}], { cwd: process.cwd(), env: process.env,
        streams: { stdout: process.stdout, stderr: process.stderr, stdinIsTTY: false, stdoutIsTTY: false } });
      process.stderr.write('\\n' + JSON.stringify({ code, ms: Date.now() - started, rss: process.resourceUsage().maxRSS * 1024 }) + '\\n');`;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: workspace(), encoding: 'utf8', env: { PATH: process.env.PATH, HOME: tempDir() }, timeout: 60_000 });
    expect(run.stdout).toContain('bomb.docx：文件太大，不是一份答复');
    const figures = JSON.parse(run.stderr.trim().split('\n').pop()!) as { code: number; ms: number; rss: number };
    expect(figures.code).toBe(1);
    expect(figures.ms).toBeLessThan(10_000);
    expect(figures.rss).toBeLessThan(600 * 1024 * 1024);
  }, 120_000);
});
