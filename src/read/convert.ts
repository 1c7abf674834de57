import { mkdtempSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { findExecutable, inParallel, runTool } from './tools.js';

/**
 * Files no reader here reads by itself (.rtf, a .wps that is no Word file)
 * made .docx by LibreOffice: all of a run's files in as few soffice calls as
 * there are cores (a call costs 1.5–2 s to start, a file in it ~0.2 s), each
 * call with a profile of its own so that they can run side by side.
 */
export interface Converted {
  /** The .docx made of each file, by the file's path; a file LibreOffice could not convert is absent. */
  readonly docx: ReadonlyMap<string, Buffer>;
  /** Undefined when LibreOffice is installed; else the reason every file is refused. */
  readonly missing?: 'import.noLibreOffice';
}

/** A call that takes longer than this a file is one that hangs on a file. */
const PER_FILE = 20_000;

export async function convertToDocx(files: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<Converted> {
  if (files.length === 0) return { docx: new Map() };
  const soffice = findExecutable(['soffice', 'libreoffice'], env);
  if (!soffice) return { docx: new Map(), missing: 'import.noLibreOffice' };
  const dir = mkdtempSync(join(tmpdir(), 'reply-convert-'));
  try {
    // Each file under a name of its own (two folders may hold 答复.rtf), linked, not copied.
    const named = files.map((file, i) => {
      const link = join(dir, `${i}${extname(file).toLowerCase()}`);
      symlinkSync(file, link);
      return { file, link, out: join(dir, 'out', `${i}.docx`) };
    });
    const calls = Math.min(availableParallelism(), named.length);
    const groups = Array.from({ length: calls }, (_, g) => named.filter((_, i) => i % calls === g));
    await inParallel(groups, (group) => {
      const profile = pathToFileURL(join(dir, `profile-${basename(group[0]!.link)}`)).href;
      return runTool(soffice, ['--headless', `-env:UserInstallation=${profile}`, '--convert-to', 'docx', '--outdir', join(dir, 'out'), ...group.map((n) => n.link)], {
        timeout: 60_000 + PER_FILE * group.length,
        env,
      });
    });
    const docx = new Map<string, Buffer>();
    for (const { file, out } of named) {
      try {
        docx.set(file, readFileSync(out));
      } catch {
        // not converted: the file is refused with its reason
      }
    }
    return { docx };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
