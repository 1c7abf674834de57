import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readReply } from '../../src/core/reader/read.js';
import { convertAll, readSource } from '../../src/cli/sources.js';
import { wpsReader } from '../../src/read/doc.js';
import { readerFor } from '../../src/read/index.js';
import { fieldsOf } from '../core/reader/wild.test.js';
import { tempDir } from '../helpers/cli.js';
import { convert, hasSoffice, needInCi, typedDocx } from '../helpers/office.js';
import { EXPECTED, WILD_FILES, wild } from '../helpers/wild.js';

needInCi(hasSoffice, 'soffice (Debian libreoffice-writer-nogui)');

const SAMPLE = WILD_FILES.slice(0, 5);

/** A stand-in soffice that logs its calls and makes each file named a .docx of one paragraph. */
function fakeSoffice(): { dir: string; calls: () => string[] } {
  const dir = tempDir();
  const log = join(dir, 'calls.log');
  const docx = join(dir, 'template.docx');
  writeFileSync(
    join(dir, 'soffice'),
    `#!/bin/sh
echo "$@" >> "${log}"
out=""; prev=""
for a in "$@"; do [ "$prev" = "--outdir" ] && out="$a"; prev="$a"; done
mkdir -p "$out"
for a in "$@"; do case "$a" in *.rtf|*.wps) b=$(basename "$a"); cp "${docx}" "$out/\${b%.*}.docx";; esac; done
`,
  );
  chmodSync(join(dir, 'soffice'), 0o755);
  return { dir, calls: () => readFileSync(log, 'utf8').trim().split('\n') };
}

describe.skipIf(!hasSoffice)('files LibreOffice reads for us: .rtf, and a .wps of WPS\'s own (skipped: soffice is not installed)', () => {
  // Kept for the whole describe (tempDir's folders go after each test).
  const dir = mkdtempSync(join(tmpdir(), 'reply-convert-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  beforeAll(async () => {
    const docs = new Map<string, Buffer>();
    for (const file of SAMPLE) docs.set(file.slice(0, 2), await typedDocx(wild(file)));
    for (const [name, bytes] of convert(docs, 'rtf')) writeFileSync(join(dir, `${name}.rtf`), bytes);
    for (const [name, bytes] of convert(docs, 'doc')) writeFileSync(join(dir, `${name}.wps`), bytes);
  }, 240_000);

  for (const file of SAMPLE) {
    it(`reads ${file.slice(0, 2)} as .rtf, through LibreOffice, to the fields a person reads`, async () => {
      const source = await readSource(join(dir, `${file.slice(0, 2)}.rtf`));
      if (!source.ok) throw new Error(source.reason);
      expect(source.format).toBe('rtf');
      expect(fieldsOf(readReply(source.lines ?? source.text))).toEqual(EXPECTED[file]);
    }, 60_000);
  }

  it('reads a .wps that is a Word 97 file (as WPS saves them) itself, without LibreOffice', async () => {
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      const source = await readSource(join(dir, `${SAMPLE[0]!.slice(0, 2)}.wps`));
      if (!source.ok) throw new Error(source.reason);
      expect(source.format).toBe('wps');
      expect(fieldsOf(readReply(source.text))).toEqual(EXPECTED[SAMPLE[0]!]);
    } finally {
      process.env.PATH = path;
    }
  });
});

describe('a run\'s files for LibreOffice are converted together', () => {
  it('in one soffice call a core, not one a file, each call with its own profile', async () => {
    const fake = fakeSoffice();
    writeFileSync(join(fake.dir, 'template.docx'), await typedDocx('某某代表：\n您的建议收悉。'));
    const files = Array.from({ length: 6 }, (_, i) => join(fake.dir, `${i}.rtf`));
    for (const f of files) writeFileSync(f, '{\\rtf1 x}');
    const wordWps = join(fake.dir, 'word.wps');
    writeFileSync(wordWps, Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.from('WordDocument', 'utf16le')]));
    const path = process.env.PATH;
    process.env.PATH = `${fake.dir}:${path}`;
    try {
      const converted = await convertAll([...files, wordWps, join(fake.dir, 'a.txt')]);
      expect([...converted.docx.keys()].sort()).toEqual([...files].sort());
      const calls = fake.calls();
      expect(calls.length).toBeLessThanOrEqual(Math.min(2, files.length));
      expect(new Set(calls.map((c) => /UserInstallation=(\S+)/u.exec(c)![1])).size).toBe(calls.length);
      const source = await readSource(files[0]!, converted);
      expect(source).toMatchObject({ ok: true, format: 'rtf' });
    } finally {
      process.env.PATH = path;
    }
  });

  it('without LibreOffice, refuses such a file with one line naming the package', async () => {
    const file = join(tempDir(), '答复.rtf');
    writeFileSync(file, '{\\rtf1 x}');
    const path = process.env.PATH;
    process.env.PATH = '/nonexistent';
    try {
      expect(await readSource(file)).toMatchObject({ ok: false, reason: 'import.noLibreOffice' });
    } finally {
      process.env.PATH = path;
    }
  });

  it('refuses what is no .rtf or .wps outright, with its reason', async () => {
    expect(await readerFor('a.rtf')!.read(Buffer.from('纯文字'))).toEqual({ ok: false, reason: 'import.badRtf' });
    expect(await wpsReader.read(Buffer.from('纯文字'))).toEqual({ ok: false, reason: 'import.badWps' });
  });
});
