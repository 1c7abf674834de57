/**
 * `reply` on the clerk's PATH, as the README says to put it there: `npm install -g .` in the clone
 * (what `npm link` does too) links the clone's bin/reply into the prefix's bin.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

describe('reply on the PATH', () => {
  it('npm install -g . in a clean prefix gives a reply command that runs anywhere', () => {
    const prefix = mkdtempSync(join(tmpdir(), 'reply-prefix-'));
    // The build is there already (npm test builds first): the link needs no script of its own.
    const install = spawnSync('npm', ['install', '-g', '.', '--prefix', prefix, '--ignore-scripts', '--no-audit', '--no-fund'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, npm_config_update_notifier: 'false' },
      timeout: 120_000,
    });
    expect(install.status, install.stderr).toBe(0);
    const bin = join(prefix, 'bin', 'reply');
    expect(lstatSync(bin).isSymbolicLink()).toBe(true);

    // A folder of the clerk's, far from the clone, with only node (and the prefix) on the PATH.
    const desk = mkdtempSync(join(tmpdir(), 'reply-desk-'));
    const env = { PATH: `${join(prefix, 'bin')}:${dirname(process.execPath)}:/usr/bin:/bin`, HOME: desk, NO_COLOR: '1' };
    const version = spawnSync('reply', ['--version'], { cwd: desk, env, encoding: 'utf8' });
    expect(version.status, version.stderr).toBe(0);
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version);

    writeFileSync(join(desk, 'reply.config.json'), JSON.stringify({ organ: '上海市普陀区发展和改革委员会', docPrefix: '普发改委' }));
    const list = spawnSync('reply', ['list'], { cwd: desk, env, encoding: 'utf8' });
    expect(list.status, list.stderr).toBe(0);
    // A reading command on a new desk creates no archive.
    expect(existsSync(join(desk, 'data'))).toBe(false);
  });
});
