import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readRegularFile } from '../../src/read/file.js';
import { tempDir } from '../helpers/cli.js';

describe('reading a file as a reply', () => {
  it('gives the bytes of a regular file', () => {
    const file = join(tempDir(), 'a.txt');
    writeFileSync(file, '答复');
    const read = readRegularFile(file);
    expect(read.ok && read.bytes.toString('utf8')).toBe('答复');
  });

  it('refuses a file past the bound without reading it', () => {
    const file = join(tempDir(), 'big.txt');
    writeFileSync(file, Buffer.alloc(2048, 0x41));
    expect(readRegularFile(file, 1024)).toEqual({ ok: false, reason: 'tooLarge' });
  });

  it('never reads a device (/dev/zero is endless) or a FIFO (whose open would hang), and says a folder is one', () => {
    const started = Date.now();
    expect(readRegularFile('/dev/zero')).toEqual({ ok: false, reason: 'notRegular' });
    const fifo = join(tempDir(), 'pipe');
    expect(spawnSync('mkfifo', [fifo]).status).toBe(0);
    expect(readRegularFile(fifo)).toEqual({ ok: false, reason: 'notRegular' });
    const folder = join(tempDir(), 'dir');
    mkdirSync(folder);
    expect(readRegularFile(folder)).toEqual({ ok: false, reason: 'folder' });
    expect(readRegularFile(join(folder, 'missing.txt'))).toEqual({ ok: false, reason: 'unreadable' });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});
