import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { AlignmentType, Document, Packer, Paragraph } from 'docx';
import { tempDir } from './cli.js';

/** LibreOffice writes the files of other formats these tests read; CI installs it (.ci/run), elsewhere its absence skips them. */
export const hasSoffice = spawnSync('sh', ['-c', 'command -v soffice']).status === 0;

/** Throws in CI when a helper the tests need is missing: there a skip would hide a failure. */
export function needInCi(present: boolean, what: string): void {
  if (!present && process.env.CI) throw new Error(`${what} is needed for these tests in CI (.ci/run installs it)`);
}

/**
 * A text as an office types it in Word: one paragraph a line, the body's
 * paragraphs indented two characters, a title on the first line centred.
 */
export async function typedDocx(text: string): Promise<Buffer> {
  const lines = text.split('\n').filter((l) => l.trim());
  const paragraphs = lines.map(
    (l, i) =>
      new Paragraph({
        text: l.trim(),
        ...(i === 0 && isTitle(l) ? { alignment: AlignmentType.CENTER } : { indent: { firstLine: 640 } }),
      }),
  );
  return Packer.toBuffer(new Document({ sections: [{ children: paragraphs }] }));
}

/** The files converted by one soffice call into the given format (doc, odt, rtf, pdf), by the name they had. */
export function convert(files: ReadonlyMap<string, Buffer>, to: string, from = 'docx'): Map<string, Buffer> {
  const dir = tempDir();
  const out = join(dir, 'out');
  mkdirSync(out);
  const inputs = [...files].map(([name, bytes]) => {
    const path = join(dir, `${name}.${from}`);
    writeFileSync(path, bytes);
    return path;
  });
  const run = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${join(dir, 'profile')}`, '--convert-to', to, '--outdir', out, ...inputs], {
    encoding: 'utf8',
    timeout: 240_000,
  });
  if (run.status !== 0) throw new Error(`soffice failed: ${run.stderr}`);
  const made = new Map<string, Buffer>();
  for (const f of readdirSync(out)) made.set(f.slice(0, f.lastIndexOf('.')), readFileSync(join(out, f)));
  return made;
}

function isTitle(line: string): boolean {
  return line.trim().length <= 60 && !/[:：]/u.test(line);
}
