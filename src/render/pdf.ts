import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { ReplyError } from '../core/errors.js';
import type { ReplyFields } from '../core/reply.js';
import { renderDocx } from './docx.js';
import type { RenderOptions } from './text.js';

/** Maps the layout's font names to free fonts (fonts-noto-cjk, fonts-arphic-ukai) where the originals are missing. */
export const FONTCONFIG = fileURLToPath(new URL('../../templates/fontconfig/fonts.conf', import.meta.url));

/**
 * The PDF: from the DOCX with LibreOffice when it is installed (the same file
 * the office signs), else from the HTML with headless Chromium.
 */
export async function renderPdf(reply: ReplyFields, options: RenderOptions, env: NodeJS.ProcessEnv = process.env): Promise<Uint8Array> {
  const soffice = findExecutable(['soffice', 'libreoffice'], env);
  const chromium = soffice ? undefined : findExecutable(['chromium', 'chromium-browser', 'google-chrome'], env);
  if (!soffice && !chromium) throw new ReplyError('pdf.noConverter');
  const dir = mkdtempSync(join(tmpdir(), 'reply-pdf-'));
  const fontEnv = { ...env, FONTCONFIG_FILE: env.FONTCONFIG_FILE ?? FONTCONFIG };
  try {
    if (soffice) {
      const docx = join(dir, 'reply.docx');
      writeFileSync(docx, await renderDocx(reply, options));
      run(soffice, ['--headless', `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--convert-to', 'pdf', '--outdir', dir, docx], fontEnv);
    } else {
      const { htmlExporter } = await import('./text.js');
      const html = join(dir, 'reply.html');
      writeFileSync(html, (await htmlExporter.render(reply, options)) as string);
      run(chromium!, [
        '--headless', '--no-sandbox', '--disable-gpu', '--no-pdf-header-footer', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${join(dir, 'profile')}`,
        `--print-to-pdf=${join(dir, 'reply.pdf')}`, pathToFileURL(html).href,
      ], fontEnv);
    }
    const pdf = join(dir, 'reply.pdf');
    if (!existsSync(pdf)) throw new ReplyError('pdf.failed', { tool: soffice ?? chromium! });
    return readFileSync(pdf);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { env, stdio: 'ignore', timeout: 120_000 });
  if (result.status !== 0) throw new ReplyError('pdf.failed', { tool: command });
}

export function findExecutable(names: readonly string[], env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(delimiter)) {
    for (const name of names) {
      const path = join(dir, name);
      if (dir && existsSync(path)) return path;
    }
  }
  return undefined;
}
