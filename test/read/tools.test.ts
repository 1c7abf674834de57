import { describe, expect, it } from 'vitest';
import { runTool } from '../../src/read/tools.js';

describe('a helper program run with a time limit', () => {
  it('gives what it printed when it ends in time', async () => {
    expect(await runTool('sh', ['-c', 'printf 答复'], { timeout: 10_000 })).toEqual({ ok: true, stdout: '答复' });
  });

  it('says it failed when it exits with an error, and when it cannot be started', async () => {
    expect(await runTool('sh', ['-c', 'exit 3'], { timeout: 10_000 })).toEqual({ ok: false, reason: 'failed' });
    expect(await runTool('/nonexistent/soffice', [], { timeout: 10_000 })).toEqual({ ok: false, reason: 'failed' });
  });

  it('ends at its limit even when a program it started still holds its output open (soffice.bin under soffice)', async () => {
    const started = Date.now();
    const run = await runTool('sh', ['-c', 'sleep 20 & sleep 20'], { timeout: 300 });
    expect(run).toEqual({ ok: false, reason: 'timeout' });
    expect(Date.now() - started).toBeLessThan(10_000);
  });
});
