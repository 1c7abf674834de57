import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fromWire, readForImport, toWire } from '../../src/cli/import-read.js';
import { FIXTURES, ROOT, runCli, tempDir, workspace } from '../helpers/cli.js';
import { WILD } from '../helpers/wild.js';
import { listJson } from './support.js';

const CORPUS = join(FIXTURES, 'corpus');

/**
 * A folder of 75 files (the wild sample, the corpus and a news article, three
 * times over under other names, and a file that is no text): enough for the
 * built CLI to read them in a second thread.
 */
function folder(): string {
  const dir = join(tempDir(), 'archive');
  for (const copy of ['a', 'b', 'c']) {
    cpSync(WILD, join(dir, copy, 'wild'), { recursive: true });
    mkdirSync(join(dir, copy, 'corpus'), { recursive: true });
    for (const name of ['000_4fb67617f60c5557.txt', '001_70d0034a1d17f697.txt', '003_5561e4fdd77a1f2f.txt']) {
      cpSync(join(CORPUS, name), join(dir, copy, 'corpus', name));
    }
  }
  writeFileSync(join(dir, 'b', 'broken.txt'), Buffer.from([0x00, 0x01, 0xff, 0xfe]));
  return dir;
}

describe('reply import reads a large folder in a second thread, with the same outcome as in one', () => {
  it('files, skips and reports every file exactly as the import that reads in its own thread', () => {
    const dir = folder();
    const threaded = workspace();
    const single = workspace();
    const a = runCli(threaded, ['import', '--json', dir]);
    const b = runCli(single, ['import', '--json', dir], { env: { REPLY_READ_THREADS: '0' } });
    expect(a.code, a.stderr).toBe(0);
    expect(a.stdout).toBe(b.stdout);
    expect(a.stderr).toBe(b.stderr);
    const reports = JSON.parse(a.stdout) as { file: string; outcome: string; reason?: string }[];
    expect(reports.length).toBeGreaterThanOrEqual(50);
    // The first copy of each reply is filed, in the folder's order; the later copies are the same bytes.
    expect(reports.filter((r) => r.outcome === 'filed').every((r) => r.file.startsWith(join(dir, 'a')))).toBe(true);
    expect(reports.filter((r) => r.file.startsWith(join(dir, 'c'))).every((r) => r.outcome === 'skipped')).toBe(true);
    expect(reports.find((r) => r.file.endsWith('broken.txt'))).toMatchObject({ outcome: 'skipped' });
    const filed = (ws: string) => listJson(ws).map(({ createdAt: _c, updatedAt: _u, ...reply }) => reply);
    expect(filed(threaded)).toEqual(filed(single));
  });

  it('the built CLI has the thread\'s script beside its entry (without it, import reads in one thread)', () => {
    expect(existsSync(join(ROOT, 'dist', 'bundle', 'import-worker.js'))).toBe(true);
  });
});

describe('what the reading thread sends: plain data, the doc number as text', () => {
  it('a read reply survives the trip between threads whole, its doc number a DocNumber again', async () => {
    const read = await readForImport(join(CORPUS, '000_4fb67617f60c5557.txt'), undefined);
    expect(read.parsed?.ok).toBe(true);
    const back = fromWire(structuredClone(toWire(read)));
    expect(back).toEqual(read);
    if (back.parsed?.ok && read.parsed?.ok) {
      expect(back.parsed.reply.docNumber?.equals(read.parsed.reply.docNumber!)).toBe(true);
      expect(back.parsed.reply.docNumber?.toString()).toBe('普发改委〔2023〕16号');
    }
  });

  it('a reply without a doc number, a file that is no reply and one that is no text travel too', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'news.txt'), '本区召开经济工作会议。会议总结了今年的工作。\n');
    writeFileSync(join(dir, 'binary.txt'), Buffer.from([0, 1, 2]));
    for (const file of [join(WILD, '01_yunnan-zhenkang-jtj-zx-nonum-2018.txt'), join(dir, 'news.txt'), join(dir, 'binary.txt')]) {
      const read = await readForImport(file, undefined);
      expect(fromWire(structuredClone(toWire(read))), file).toEqual(read);
    }
  });
});
